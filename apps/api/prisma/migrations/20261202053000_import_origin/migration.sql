-- Issue 12 (finding 3 a/b): rows created by a portfolio import carry the import's ID. An imported
-- lease never makes its dwelling a real vacancy for register unmasking, and an imported tenant is
-- not a candidate of the register (only the ministry and the landlord of its lease see it).
ALTER TABLE "Lease" ADD COLUMN "importId" UUID;
ALTER TABLE "Candidate" ADD COLUMN "importId" UUID;
