-- Issue 16 (shortlist): immutable, hashed snapshots of each application's inputs (ApplicationSnapshot,
-- id = SHA-256 of the canonical JSON, law kernel record.ts), the application's current one
-- (Application.snapshotHash), and what the shortlist precomputes per snapshot: the day's art. 55
-- eligibility and bedrooms needed (ApplicationEvaluation) and the art. 57 §1 criteria under a
-- methodology version (ApplicationCriteria). Decision records reference the snapshots by hash.
-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "snapshotHash" TEXT;

-- CreateTable
CREATE TABLE "ApplicationSnapshot" (
    "hash" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "schemaVersion" INTEGER NOT NULL,
    "canonical" TEXT NOT NULL,
    "candidateId" UUID NOT NULL,
    "registeredOn" DATE NOT NULL,
    "situationEvaluatedOn" DATE,
    "validHousehold" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationSnapshot_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "ApplicationEvaluation" (
    "snapshotHash" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "regimeKey" TEXT NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "bedroomsNeeded" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationEvaluation_pkey" PRIMARY KEY ("snapshotHash","asOf","regimeKey")
);

-- CreateTable
CREATE TABLE "ApplicationCriteria" (
    "snapshotHash" TEXT NOT NULL,
    "methodologyId" UUID NOT NULL,
    "evaluatedOn" DATE NOT NULL,
    "regimeKey" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "criteria" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationCriteria_pkey" PRIMARY KEY ("snapshotHash","methodologyId","evaluatedOn","regimeKey")
);

-- CreateIndex
CREATE INDEX "ApplicationSnapshot_applicationId_idx" ON "ApplicationSnapshot"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationEvaluation_asOf_regimeKey_eligible_idx" ON "ApplicationEvaluation"("asOf", "regimeKey", "eligible");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_snapshotHash_fkey" FOREIGN KEY ("snapshotHash") REFERENCES "ApplicationSnapshot"("hash") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSnapshot" ADD CONSTRAINT "ApplicationSnapshot_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvaluation" ADD CONSTRAINT "ApplicationEvaluation_snapshotHash_fkey" FOREIGN KEY ("snapshotHash") REFERENCES "ApplicationSnapshot"("hash") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationCriteria" ADD CONSTRAINT "ApplicationCriteria_snapshotHash_fkey" FOREIGN KEY ("snapshotHash") REFERENCES "ApplicationSnapshot"("hash") ON DELETE CASCADE ON UPDATE CASCADE;


-- A snapshot is never stale: any change of an application's inputs, whoever writes it (a mutation, an
-- import, the seed, an operator's SQL), clears the application's pointer, and the next ranking
-- snapshots it again in bulk (registerCandidate and reviseCandidate write the new one at once).
CREATE FUNCTION "abordable_application_inputs_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Application' THEN
    NEW."snapshotHash" := NULL;
    RETURN NEW;
  ELSIF TG_TABLE_NAME = 'Candidate' THEN
    UPDATE "Application" SET "snapshotHash" = NULL WHERE "candidateId" = NEW.id AND "snapshotHash" IS NOT NULL;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Application" SET "snapshotHash" = NULL WHERE "candidateId" = (SELECT "candidateId" FROM "Household" WHERE id = OLD."householdId") AND "snapshotHash" IS NOT NULL;
    RETURN NULL;
  ELSE
    UPDATE "Application" SET "snapshotHash" = NULL WHERE "candidateId" = (SELECT "candidateId" FROM "Household" WHERE id = NEW."householdId") AND "snapshotHash" IS NOT NULL;
    IF TG_OP = 'UPDATE' AND OLD."householdId" IS DISTINCT FROM NEW."householdId" THEN
      UPDATE "Application" SET "snapshotHash" = NULL WHERE "candidateId" = (SELECT "candidateId" FROM "Household" WHERE id = OLD."householdId") AND "snapshotHash" IS NOT NULL;
    END IF;
    RETURN NULL;
  END IF;
END $$;

CREATE TRIGGER "Application_inputs_changed" BEFORE UPDATE OF "candidateId", "registeredOn", "situation", "isSittingTenantToRehouse" ON "Application"
  FOR EACH ROW WHEN (OLD."candidateId" IS DISTINCT FROM NEW."candidateId" OR OLD."registeredOn" IS DISTINCT FROM NEW."registeredOn" OR OLD."situation" IS DISTINCT FROM NEW."situation" OR OLD."isSittingTenantToRehouse" IS DISTINCT FROM NEW."isSittingTenantToRehouse")
  EXECUTE FUNCTION "abordable_application_inputs_changed"();
CREATE TRIGGER "Candidate_inputs_changed" AFTER UPDATE OF "residenceStatus", "residentSince", "municipalityId" ON "Candidate"
  FOR EACH ROW WHEN (OLD."residenceStatus" IS DISTINCT FROM NEW."residenceStatus" OR OLD."residentSince" IS DISTINCT FROM NEW."residentSince" OR OLD."municipalityId" IS DISTINCT FROM NEW."municipalityId")
  EXECUTE FUNCTION "abordable_application_inputs_changed"();
CREATE TRIGGER "HouseholdMember_inputs_changed" AFTER INSERT OR UPDATE OR DELETE ON "HouseholdMember"
  FOR EACH ROW EXECUTE FUNCTION "abordable_application_inputs_changed"();
