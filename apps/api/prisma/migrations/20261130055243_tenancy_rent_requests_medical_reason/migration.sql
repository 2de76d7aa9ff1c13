-- AlterTable
ALTER TABLE "Lease" ADD COLUMN     "medicalReasonDocumentedOn" DATE,
ADD COLUMN     "medicalReasonEvidence" TEXT;

-- CreateTable
CREATE TABLE "RentInformationRequest" (
    "id" UUID NOT NULL,
    "leaseId" UUID NOT NULL,
    "requestedOn" DATE NOT NULL,
    "answeredOn" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RentInformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RentInformationRequest_leaseId_requestedOn_idx" ON "RentInformationRequest"("leaseId", "requestedOn");

-- AddForeignKey
ALTER TABLE "RentInformationRequest" ADD CONSTRAINT "RentInformationRequest_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

