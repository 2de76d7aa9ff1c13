-- CreateEnum
CREATE TYPE "StatementKind" AS ENUM ('DEVELOPER', 'LANDLORD');

-- CreateEnum
CREATE TYPE "LegalRegime" AS ENUM ('LAW', 'BILL_8535');

-- CreateEnum
CREATE TYPE "OfferOutcome" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED_JUSTIFIED', 'REFUSED_UNJUSTIFIED');

-- CreateEnum
CREATE TYPE "CommissionRole" AS ENUM ('CHAIR', 'SECRETARY', 'EXTERNAL_MEMBER', 'EXPERT_MEMBER', 'MEMBER');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'ABSENT', 'EXCUSED');

-- CreateEnum
CREATE TYPE "InventoryKind" AS ENUM ('ENTRY', 'EXIT');

-- CreateEnum
CREATE TYPE "RehousingReason" AS ENUM ('UNDER_OCCUPANCY', 'NON_COMPLIANT', 'RENOVATION', 'TENANT_REQUEST', 'OTHER_LANDLORD_STOCK', 'TYPOLOGY_MISMATCH');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "isUniversityOfLuxembourg" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Convention" ADD COLUMN     "fondsIndemnityRequested" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Dwelling" ADD COLUMN     "ancillaryRentMonthly" DECIMAL(12,2),
ADD COLUMN     "constructionCapitalInvested" DECIMAL(14,2),
ADD COLUMN     "constructionOwnContribution" DECIMAL(14,2),
ADD COLUMN     "emphyteusisFeesPerYear" DECIMAL(12,2),
ADD COLUMN     "landCapitalInvested" DECIMAL(14,2),
ADD COLUMN     "landOwnContribution" DECIMAL(14,2),
ADD COLUMN     "managedSince" DATE,
ADD COLUMN     "rentToDeveloperMonthly" DECIMAL(12,2);

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "isSittingTenantToRehouse" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "situation" JSONB;

-- AlterTable
ALTER TABLE "AllocationFile" ADD COLUMN     "accommodationUnitId" UUID,
ADD COLUMN     "closedOn" DATE,
ADD COLUMN     "decisionHash" TEXT,
ADD COLUMN     "decisionRecord" BYTEA,
ADD COLUMN     "freeChoice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "methodologyId" UUID,
ADD COLUMN     "selectedApplicationId" UUID;

-- AlterTable
ALTER TABLE "AllocationFileCandidate" ADD COLUMN     "score" DECIMAL(12,4),
ADD COLUMN     "scoreBreakdown" JSONB;

-- AlterTable
ALTER TABLE "Lease" ADD COLUMN     "endFacts" JSONB,
ADD COLUMN     "rentComputation" JSONB;

-- CreateTable
CREATE TABLE "CompensationStatement" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "StatementKind" NOT NULL,
    "organisationId" UUID NOT NULL,
    "conventionId" UUID,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "regime" "LegalRegime" NOT NULL,
    "billEntryIntoForce" DATE,
    "total" DECIMAL(14,2) NOT NULL,
    "outcome" TEXT,
    "lineCount" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedByApiKeyId" UUID,
    "previousId" UUID,

    CONSTRAINT "CompensationStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationMethodology" (
    "id" UUID NOT NULL,
    "landlordId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "config" JSONB NOT NULL,
    "approvedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationMethodology_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationFileEvent" (
    "id" BIGSERIAL NOT NULL,
    "allocationFileId" UUID NOT NULL,
    "fromStatus" "AllocationFileStatus" NOT NULL,
    "toStatus" "AllocationFileStatus" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationFileEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationOffer" (
    "id" UUID NOT NULL,
    "allocationFileId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "offeredOn" DATE NOT NULL,
    "outcome" "OfferOutcome" NOT NULL DEFAULT 'PENDING',
    "respondedOn" DATE,
    "reason" TEXT,

    CONSTRAINT "AllocationOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commission" (
    "id" UUID NOT NULL,
    "landlordId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionMember" (
    "id" UUID NOT NULL,
    "commissionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "CommissionRole" NOT NULL,
    "isVotingMember" BOOLEAN NOT NULL DEFAULT true,
    "alternateForId" UUID,
    "termStartsOn" DATE NOT NULL,
    "termEndsOn" DATE NOT NULL,
    "holdsPoliticalOffice" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CommissionMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionMeeting" (
    "id" UUID NOT NULL,
    "commissionId" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "convenedOn" DATE NOT NULL,
    "papersSentOn" DATE,
    "agenda" TEXT NOT NULL,
    "minutes" JSONB,
    "signedByChairOn" DATE,
    "countersignedBySecretaryOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","memberId")
);

-- CreateTable
CREATE TABLE "Deliberation" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "allocationFileId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "opinion" TEXT NOT NULL,
    "votesFor" INTEGER NOT NULL,
    "votesAgainst" INTEGER NOT NULL,
    "abstentions" INTEGER NOT NULL,
    "chairCastingVote" BOOLEAN NOT NULL DEFAULT false,
    "reasons" TEXT NOT NULL,
    "isOnSelectedCandidate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Deliberation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RentRevision" (
    "id" UUID NOT NULL,
    "leaseId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "monthlyRent" DECIMAL(12,2) NOT NULL,
    "computation" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deposit" (
    "id" UUID NOT NULL,
    "leaseId" UUID NOT NULL,
    "holderId" UUID NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "agreedOn" DATE NOT NULL,
    "schedule" JSONB NOT NULL,
    "keysReturnedOn" DATE,
    "chargeStatementsOn" DATE,
    "formalNoticeOn" DATE,
    "withheld" JSONB,
    "firstHalfReturnedOn" DATE,
    "balanceReturnedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Deposit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepositPayment" (
    "id" UUID NOT NULL,
    "depositId" UUID NOT NULL,
    "paidOn" DATE NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepositPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inventory" (
    "id" UUID NOT NULL,
    "leaseId" UUID NOT NULL,
    "kind" "InventoryKind" NOT NULL,
    "doneOn" DATE NOT NULL,
    "matchesEntry" BOOLEAN,
    "notes" TEXT,

    CONSTRAINT "Inventory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RehousingCase" (
    "id" UUID NOT NULL,
    "leaseId" UUID NOT NULL,
    "reason" "RehousingReason" NOT NULL,
    "knownOn" DATE NOT NULL,
    "waivedOn" DATE,
    "waiverReason" TEXT,
    "closedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RehousingCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RehousingOffer" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "dwellingId" UUID NOT NULL,
    "noticeOn" DATE NOT NULL,
    "outcome" "OfferOutcome" NOT NULL DEFAULT 'PENDING',
    "respondedOn" DATE,

    CONSTRAINT "RehousingOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaseTermination" (
    "id" UUID NOT NULL,
    "leaseId" UUID NOT NULL,
    "ground" TEXT NOT NULL,
    "regime" "LegalRegime" NOT NULL,
    "noticeOn" DATE,
    "effectiveOn" DATE NOT NULL,
    "evidence" TEXT,
    "computation" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaseTermination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompensationStatement_number_key" ON "CompensationStatement"("number");

-- CreateIndex
CREATE UNIQUE INDEX "CompensationStatement_previousId_key" ON "CompensationStatement"("previousId");

-- CreateIndex
CREATE INDEX "CompensationStatement_organisationId_year_idx" ON "CompensationStatement"("organisationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "CompensationStatement_kind_organisationId_conventionId_year_key" ON "CompensationStatement"("kind", "organisationId", "conventionId", "year", "regime", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationMethodology_landlordId_version_key" ON "AllocationMethodology"("landlordId", "version");

-- CreateIndex
CREATE INDEX "AllocationFileEvent_allocationFileId_idx" ON "AllocationFileEvent"("allocationFileId");

-- CreateIndex
CREATE INDEX "AllocationOffer_applicationId_idx" ON "AllocationOffer"("applicationId");

-- CreateIndex
CREATE INDEX "Commission_landlordId_idx" ON "Commission"("landlordId");

-- CreateIndex
CREATE INDEX "CommissionMember_commissionId_idx" ON "CommissionMember"("commissionId");

-- CreateIndex
CREATE INDEX "Deliberation_allocationFileId_idx" ON "Deliberation"("allocationFileId");

-- CreateIndex
CREATE INDEX "RentRevision_leaseId_effectiveFrom_idx" ON "RentRevision"("leaseId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Deposit_leaseId_key" ON "Deposit"("leaseId");

-- CreateIndex
CREATE INDEX "DepositPayment_depositId_idx" ON "DepositPayment"("depositId");

-- CreateIndex
CREATE UNIQUE INDEX "Inventory_leaseId_kind_key" ON "Inventory"("leaseId", "kind");

-- CreateIndex
CREATE INDEX "RehousingCase_leaseId_idx" ON "RehousingCase"("leaseId");

-- CreateIndex
CREATE INDEX "RehousingOffer_caseId_idx" ON "RehousingOffer"("caseId");

-- CreateIndex
CREATE INDEX "LeaseTermination_leaseId_idx" ON "LeaseTermination"("leaseId");

-- AddForeignKey
ALTER TABLE "AllocationFile" ADD CONSTRAINT "AllocationFile_methodologyId_fkey" FOREIGN KEY ("methodologyId") REFERENCES "AllocationMethodology"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationFile" ADD CONSTRAINT "AllocationFile_accommodationUnitId_fkey" FOREIGN KEY ("accommodationUnitId") REFERENCES "AccommodationUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationStatement" ADD CONSTRAINT "CompensationStatement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationStatement" ADD CONSTRAINT "CompensationStatement_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationStatement" ADD CONSTRAINT "CompensationStatement_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "CompensationStatement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationMethodology" ADD CONSTRAINT "AllocationMethodology_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationFileEvent" ADD CONSTRAINT "AllocationFileEvent_allocationFileId_fkey" FOREIGN KEY ("allocationFileId") REFERENCES "AllocationFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationOffer" ADD CONSTRAINT "AllocationOffer_allocationFileId_fkey" FOREIGN KEY ("allocationFileId") REFERENCES "AllocationFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationOffer" ADD CONSTRAINT "AllocationOffer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionMember" ADD CONSTRAINT "CommissionMember_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionMember" ADD CONSTRAINT "CommissionMember_alternateForId_fkey" FOREIGN KEY ("alternateForId") REFERENCES "CommissionMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionMeeting" ADD CONSTRAINT "CommissionMeeting_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommissionMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CommissionMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deliberation" ADD CONSTRAINT "Deliberation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CommissionMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deliberation" ADD CONSTRAINT "Deliberation_allocationFileId_fkey" FOREIGN KEY ("allocationFileId") REFERENCES "AllocationFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deliberation" ADD CONSTRAINT "Deliberation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentRevision" ADD CONSTRAINT "RentRevision_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deposit" ADD CONSTRAINT "Deposit_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deposit" ADD CONSTRAINT "Deposit_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepositPayment" ADD CONSTRAINT "DepositPayment_depositId_fkey" FOREIGN KEY ("depositId") REFERENCES "Deposit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inventory" ADD CONSTRAINT "Inventory_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RehousingCase" ADD CONSTRAINT "RehousingCase_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RehousingOffer" ADD CONSTRAINT "RehousingOffer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RehousingCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RehousingOffer" ADD CONSTRAINT "RehousingOffer_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaseTermination" ADD CONSTRAINT "LeaseTermination_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

