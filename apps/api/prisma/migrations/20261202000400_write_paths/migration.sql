-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "approvalEndsOn" DATE,
ADD COLUMN     "approvalReference" TEXT,
ADD COLUMN     "approvedOn" DATE,
ADD COLUMN     "deactivatedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Convention" ADD COLUMN     "eligibleCosts" JSONB,
ADD COLUMN     "emphyteusis" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "anonymisedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "HouseholdMember" ADD COLUMN     "incomeComponents" JSONB,
ADD COLUMN     "residenceStatus" "ResidenceStatus",
ADD COLUMN     "residenceTitleEndsOn" DATE,
ADD COLUMN     "residentSince" DATE;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "closedOn" DATE,
ADD COLUMN     "closureReason" TEXT,
ADD COLUMN     "introducedOn" DATE,
ADD COLUMN     "lastRevisedOn" DATE;

-- CreateTable
CREATE TABLE "ConventionAmendment" (
    "id" UUID NOT NULL,
    "conventionId" UUID NOT NULL,
    "signedOn" DATE NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortfolioImport" (
    "id" UUID NOT NULL,
    "landlordId" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "apiKeyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PortfolioImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConventionAmendment_conventionId_effectiveOn_idx" ON "ConventionAmendment"("conventionId", "effectiveOn");

-- CreateIndex
CREATE INDEX "PortfolioImport_landlordId_createdAt_idx" ON "PortfolioImport"("landlordId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConventionAmendment" ADD CONSTRAINT "ConventionAmendment_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

