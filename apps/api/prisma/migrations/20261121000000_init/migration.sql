-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Canton" AS ENUM ('CAPELLEN', 'CLERVAUX', 'DIEKIRCH', 'ECHTERNACH', 'ESCH_SUR_ALZETTE', 'GREVENMACHER', 'LUXEMBOURG', 'MERSCH', 'REDANGE', 'REMICH', 'VIANDEN', 'WILTZ');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('MINISTRY', 'MUNICIPALITY', 'MUNICIPAL_SYNDICATE', 'FONDS_DU_LOGEMENT', 'SNHBM', 'ASSOCIATION_OR_FOUNDATION', 'COOPERATIVE', 'COMPANY', 'PUBLIC_ESTABLISHMENT');

-- CreateEnum
CREATE TYPE "ConventionKind" AS ENUM ('FINANCIAL_PARTICIPATION', 'COMPENSATION', 'PUBLIC_PRIVATE_PARTNERSHIP');

-- CreateEnum
CREATE TYPE "DwellingCategory" AS ENUM ('ALL_PUBLIC', 'DEDICATED');

-- CreateEnum
CREATE TYPE "DedicatedSubCategory" AS ENUM ('INTERNATIONAL_PROTECTION', 'STUDENTS', 'CLOSE_SOCIAL_SUPPORT', 'YOUNG_PEOPLE', 'SENIORS', 'COOPERATIVE_MEMBERS', 'EMPLOYEES', 'RESERVE');

-- CreateEnum
CREATE TYPE "DwellingType" AS ENUM ('APARTMENT', 'HOUSE', 'STUDIO', 'SHARED_DWELLING');

-- CreateEnum
CREATE TYPE "DwellingStatus" AS ENUM ('UNDER_CONSTRUCTION', 'VACANT', 'LET', 'UNDER_RENOVATION', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AccommodationUnitStatus" AS ENUM ('VACANT', 'LET', 'UNAVAILABLE');

-- CreateEnum
CREATE TYPE "ResidenceStatus" AS ENUM ('LUXEMBOURG_NATIONAL', 'EU_RESIDENCE_RIGHT', 'THIRD_COUNTRY_RESIDENCE_PERMIT', 'INTERNATIONAL_PROTECTION', 'DIPLOMATIC_OR_LEGITIMATION_CARD', 'NONE');

-- CreateEnum
CREATE TYPE "HouseholdRole" AS ENUM ('APPLICANT', 'PARTNER', 'CHILD', 'OTHER_ADULT');

-- CreateEnum
CREATE TYPE "ApplicationMotive" AS ENUM ('NO_HOME', 'NOTICE_OF_TERMINATION', 'EVICTION_JUDGMENT', 'OVERCROWDING', 'INSALUBRITY', 'UNSUITABLE_FOR_DISABILITY', 'EXCESSIVE_RENT', 'FAMILY_CHANGE', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('ACTIVE', 'ALLOCATED', 'WITHDRAWN', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "AllocationFileStatus" AS ENUM ('VACANCY', 'SHORTLIST', 'SOCIAL_ENQUIRY', 'COMMISSION_OPINION', 'HOUSING_PROMISE', 'VISIT', 'LEASE_SIGNED', 'REFUSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "LeaseStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MINISTRY_ADMIN', 'MINISTRY_ANALYST', 'SOCIAL_LANDLORD', 'SOCIAL_DEVELOPER');

-- CreateTable
CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "canton" "Canton" NOT NULL,
    "geographicZone" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "isSocialDeveloper" BOOLEAN NOT NULL DEFAULT false,
    "isSocialLandlord" BOOLEAN NOT NULL DEFAULT false,
    "municipalityId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "developerId" UUID NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Convention" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ConventionKind" NOT NULL,
    "developerId" UUID,
    "landlordId" UUID,
    "projectId" UUID,
    "signedOn" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "durationYears" INTEGER,
    "stateParticipation" DECIMAL(14,2),
    "totalCost" DECIMAL(14,2),
    "bankLoanPrefinancing" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dwelling" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "landlordId" UUID NOT NULL,
    "developerId" UUID NOT NULL,
    "projectId" UUID,
    "financingConventionId" UUID,
    "compensationConventionId" UUID,
    "category" "DwellingCategory" NOT NULL,
    "dedicatedSubCategory" "DedicatedSubCategory",
    "type" "DwellingType" NOT NULL,
    "bedrooms" INTEGER NOT NULL,
    "usefulArea" DECIMAL(8,2) NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "firstLettingOn" DATE,
    "firstOccupiedYear" INTEGER,
    "energyRenovated" BOOLEAN NOT NULL DEFAULT false,
    "hasEquippedKitchen" BOOLEAN NOT NULL DEFAULT true,
    "hasOutdoorSpace" BOOLEAN NOT NULL DEFAULT false,
    "status" "DwellingStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dwelling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccommodationUnit" (
    "id" UUID NOT NULL,
    "dwellingId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "usefulArea" DECIMAL(8,2) NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "status" "AccommodationUnitStatus" NOT NULL,
    "firstLettingOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccommodationUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "registerNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "address" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "residenceStatus" "ResidenceStatus" NOT NULL,
    "residentSince" DATE,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "incomeYear" INTEGER NOT NULL,
    "memberCount" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "role" "HouseholdRole" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "partnerId" UUID,
    "hasDisability" BOOLEAN NOT NULL DEFAULT false,
    "workplaceMunicipalityId" TEXT,
    "annualNetIncome" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "isDependent" BOOLEAN NOT NULL DEFAULT false,
    "holdsOtherDwellingRight" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "registeredOn" DATE NOT NULL,
    "motive" "ApplicationMotive" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationFile" (
    "id" UUID NOT NULL,
    "landlordId" UUID NOT NULL,
    "dwellingId" UUID NOT NULL,
    "status" "AllocationFileStatus" NOT NULL DEFAULT 'VACANCY',
    "openedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AllocationFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationFileCandidate" (
    "allocationFileId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "rank" INTEGER,

    CONSTRAINT "AllocationFileCandidate_pkey" PRIMARY KEY ("allocationFileId","applicationId")
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" UUID NOT NULL,
    "landlordId" UUID NOT NULL,
    "dwellingId" UUID NOT NULL,
    "accommodationUnitId" UUID,
    "householdId" UUID NOT NULL,
    "allocationFileId" UUID,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "monthlyRent" DECIMAL(12,2) NOT NULL,
    "monthlyCharges" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "status" "LeaseStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "label" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "apiKeyId" UUID,
    "organisationId" UUID,
    "role" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "correlationId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_name_key" ON "Municipality"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "Project_developerId_idx" ON "Project"("developerId");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_reference_key" ON "Convention"("reference");

-- CreateIndex
CREATE INDEX "Convention_developerId_idx" ON "Convention"("developerId");

-- CreateIndex
CREATE INDEX "Convention_landlordId_idx" ON "Convention"("landlordId");

-- CreateIndex
CREATE INDEX "Convention_kind_signedOn_idx" ON "Convention"("kind", "signedOn");

-- CreateIndex
CREATE INDEX "Dwelling_landlordId_status_idx" ON "Dwelling"("landlordId", "status");

-- CreateIndex
CREATE INDEX "Dwelling_municipalityId_idx" ON "Dwelling"("municipalityId");

-- CreateIndex
CREATE INDEX "Dwelling_developerId_idx" ON "Dwelling"("developerId");

-- CreateIndex
CREATE INDEX "Dwelling_category_dedicatedSubCategory_idx" ON "Dwelling"("category", "dedicatedSubCategory");

-- CreateIndex
CREATE UNIQUE INDEX "Dwelling_landlordId_reference_key" ON "Dwelling"("landlordId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "AccommodationUnit_dwellingId_reference_key" ON "AccommodationUnit"("dwellingId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_registerNumber_key" ON "Candidate"("registerNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Household_candidateId_key" ON "Household"("candidateId");

-- CreateIndex
CREATE INDEX "Household_memberCount_idx" ON "Household"("memberCount");

-- CreateIndex
CREATE INDEX "HouseholdMember_householdId_idx" ON "HouseholdMember"("householdId");

-- CreateIndex
CREATE INDEX "Application_status_registeredOn_idx" ON "Application"("status", "registeredOn");

-- CreateIndex
CREATE INDEX "Application_candidateId_idx" ON "Application"("candidateId");

-- CreateIndex
CREATE INDEX "AllocationFile_landlordId_idx" ON "AllocationFile"("landlordId");

-- CreateIndex
CREATE INDEX "AllocationFileCandidate_applicationId_idx" ON "AllocationFileCandidate"("applicationId");

-- CreateIndex
CREATE INDEX "Lease_landlordId_status_idx" ON "Lease"("landlordId", "status");

-- CreateIndex
CREATE INDEX "Lease_dwellingId_idx" ON "Lease"("dwellingId");

-- CreateIndex
CREATE INDEX "Lease_householdId_idx" ON "Lease"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_occurredAt_idx" ON "AuditEvent"("organisationId", "occurredAt");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_developerId_fkey" FOREIGN KEY ("developerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_developerId_fkey" FOREIGN KEY ("developerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dwelling" ADD CONSTRAINT "Dwelling_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dwelling" ADD CONSTRAINT "Dwelling_developerId_fkey" FOREIGN KEY ("developerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dwelling" ADD CONSTRAINT "Dwelling_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dwelling" ADD CONSTRAINT "Dwelling_financingConventionId_fkey" FOREIGN KEY ("financingConventionId") REFERENCES "Convention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dwelling" ADD CONSTRAINT "Dwelling_compensationConventionId_fkey" FOREIGN KEY ("compensationConventionId") REFERENCES "Convention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dwelling" ADD CONSTRAINT "Dwelling_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccommodationUnit" ADD CONSTRAINT "AccommodationUnit_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "HouseholdMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_workplaceMunicipalityId_fkey" FOREIGN KEY ("workplaceMunicipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationFile" ADD CONSTRAINT "AllocationFile_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationFile" ADD CONSTRAINT "AllocationFile_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationFileCandidate" ADD CONSTRAINT "AllocationFileCandidate_allocationFileId_fkey" FOREIGN KEY ("allocationFileId") REFERENCES "AllocationFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationFileCandidate" ADD CONSTRAINT "AllocationFileCandidate_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_accommodationUnitId_fkey" FOREIGN KEY ("accommodationUnitId") REFERENCES "AccommodationUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_allocationFileId_fkey" FOREIGN KEY ("allocationFileId") REFERENCES "AllocationFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

