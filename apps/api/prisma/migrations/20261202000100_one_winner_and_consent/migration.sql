-- CreateEnum
CREATE TYPE "RehousingOfferConsent" AS ENUM ('NOT_NEEDED', 'PENDING', 'GIVEN', 'DECLINED');

-- CreateEnum
CREATE TYPE "DwellingTransferStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "RehousingOffer" ADD COLUMN     "consent" "RehousingOfferConsent" NOT NULL DEFAULT 'NOT_NEEDED',
ADD COLUMN     "consentOn" DATE;

-- CreateTable
CREATE TABLE "DwellingTransfer" (
    "id" UUID NOT NULL,
    "dwellingId" UUID NOT NULL,
    "fromLandlordId" UUID NOT NULL,
    "toLandlordId" UUID NOT NULL,
    "on" DATE NOT NULL,
    "status" "DwellingTransferStatus" NOT NULL DEFAULT 'PROPOSED',
    "decidedOn" DATE,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DwellingTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "StatementNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "DwellingTransfer_toLandlordId_status_idx" ON "DwellingTransfer"("toLandlordId", "status");

-- CreateIndex
CREATE INDEX "DwellingTransfer_dwellingId_idx" ON "DwellingTransfer"("dwellingId");

-- AddForeignKey
ALTER TABLE "DwellingTransfer" ADD CONSTRAINT "DwellingTransfer_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Invariants in the database (issue 15 §2): exactly one winner, whatever the isolation level.
-- Partial unique indexes are not expressible in schema.prisma; test/db/migrations.test.ts lists them.

-- One active lease per whole dwelling, per accommodation unit, and per household (law art. 64 al. 2: the
-- dwelling is the household's main and permanent home).
CREATE UNIQUE INDEX "Lease_one_active_per_dwelling" ON "Lease" ("dwellingId") WHERE "status" = 'ACTIVE' AND "accommodationUnitId" IS NULL;
CREATE UNIQUE INDEX "Lease_one_active_per_unit" ON "Lease" ("accommodationUnitId") WHERE "status" = 'ACTIVE' AND "accommodationUnitId" IS NOT NULL;
CREATE UNIQUE INDEX "Lease_one_active_per_household" ON "Lease" ("householdId") WHERE "status" = 'ACTIVE';

-- One open allocation file per vacancy (the dwelling, or one unit of a shared dwelling).
CREATE UNIQUE INDEX "AllocationFile_one_open_per_vacancy" ON "AllocationFile" ("dwellingId", COALESCE("accommodationUnitId", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "status" NOT IN ('LEASE_SIGNED', 'CLOSED');

-- One unanswered offer per allocation file and per rehousing case.
CREATE UNIQUE INDEX "AllocationOffer_one_pending_per_file" ON "AllocationOffer" ("allocationFileId") WHERE "outcome" = 'PENDING';
CREATE UNIQUE INDEX "RehousingOffer_one_pending_per_case" ON "RehousingOffer" ("caseId") WHERE "outcome" = 'PENDING' AND "consent" <> 'DECLINED';

-- One pending transfer proposal per dwelling.
CREATE UNIQUE INDEX "DwellingTransfer_one_proposed_per_dwelling" ON "DwellingTransfer" ("dwellingId") WHERE "status" = 'PROPOSED';

-- Statement numbers continue from the highest number issued each year.
INSERT INTO "StatementNumberCounter" ("year", "last")
SELECT "year", max(CAST(substring("number" FROM '[0-9]+$') AS INTEGER)) FROM "CompensationStatement" GROUP BY "year";
