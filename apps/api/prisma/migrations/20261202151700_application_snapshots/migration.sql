-- Issue 16 (shortlist): immutable, hashed snapshots of each application's inputs (ApplicationSnapshot,
-- id = SHA-256 of the canonical JSON, law kernel record.ts), the application's current one
-- (Application.snapshotHash), and what the shortlist precomputes per snapshot: the day's art. 55
-- eligibility and bedrooms needed (ApplicationEvaluation) and the art. 57 §1 criteria under a
-- methodology version (ApplicationCriteria). Decision records reference the snapshots by hash.
-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "snapshotHash" CHAR(64);

-- CreateTable
CREATE TABLE "ApplicationSnapshot" (
    "hash" CHAR(64) NOT NULL,
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
    "snapshotHash" CHAR(64) NOT NULL,
    "asOf" DATE NOT NULL,
    "regimeKey" CHAR(64) NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "bedroomsNeeded" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationEvaluation_pkey" PRIMARY KEY ("snapshotHash","asOf","regimeKey")
);

-- CreateTable
CREATE TABLE "ApplicationCriteria" (
    "snapshotHash" CHAR(64) NOT NULL,
    "methodologyId" UUID NOT NULL,
    "evaluatedOn" DATE NOT NULL,
    "regimeKey" CHAR(64) NOT NULL,
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

