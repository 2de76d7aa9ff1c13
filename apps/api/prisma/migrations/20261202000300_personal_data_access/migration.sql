-- Issue 12: a methodology version takes effect only once a ministry administrator approves it
-- (law art. 57 §1; RGD 13 Oct 2023 art. 3): who approved it is kept with the version.
ALTER TABLE "AllocationMethodology" ADD COLUMN "approvedByOrganisationId" UUID;
ALTER TABLE "AllocationMethodology" ADD COLUMN "approvedByApiKeyId" UUID;

-- Issue 12: every unmasking of a candidate's or household's personal data is recorded (GDPR art. 15
-- and 30): who (key, organisation, role), whose (candidate, household), why (purpose and the row
-- that grounds it: an allocation file, a lease), when. Append-only, like the audit trail.
CREATE TABLE "PersonalDataAccess" (
  "id" BIGSERIAL NOT NULL,
  "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "apiKeyId" UUID,
  "organisationId" UUID,
  "role" "Role",
  "candidateId" UUID,
  "householdId" UUID,
  "purpose" TEXT NOT NULL,
  "basisType" TEXT,
  "basisId" UUID,
  "operation" TEXT,
  "correlationId" TEXT,
  CONSTRAINT "PersonalDataAccess_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PersonalDataAccess_candidateId_occurredAt_idx" ON "PersonalDataAccess"("candidateId", "occurredAt");
CREATE INDEX "PersonalDataAccess_householdId_occurredAt_idx" ON "PersonalDataAccess"("householdId", "occurredAt");
CREATE INDEX "PersonalDataAccess_organisationId_occurredAt_idx" ON "PersonalDataAccess"("organisationId", "occurredAt");

CREATE FUNCTION "abordable_personal_data_access_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PersonalDataAccess is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER "PersonalDataAccess_append_only"
  BEFORE UPDATE OR DELETE ON "PersonalDataAccess"
  FOR EACH ROW EXECUTE FUNCTION "abordable_personal_data_access_is_append_only"();
