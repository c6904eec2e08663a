-- CreateEnum
CREATE TYPE "ReleaseKind" AS ENUM ('pardon', 'amnesty', 'sentence_served', 'parole', 'exchange_or_deportation', 'acquittal', 'other');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PrisonerStatus" ADD VALUE 'open_institution';
ALTER TYPE "PrisonerStatus" ADD VALUE 'restricted_at_home';
ALTER TYPE "PrisonerStatus" ADD VALUE 'house_arrest';
ALTER TYPE "PrisonerStatus" ADD VALUE 'compulsory_treatment';
ALTER TYPE "PrisonerStatus" ADD VALUE 'at_liberty';
ALTER TYPE "PrisonerStatus" ADD VALUE 'deceased';

-- AlterEnum
ALTER TYPE "FacilityType" ADD VALUE 'psychiatric_hospital';

-- AlterTable
ALTER TABLE "Prisoner" ADD COLUMN     "canWrite" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "diedOn" DATE,
ADD COLUMN     "interests" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "penalty" TEXT,
ADD COLUMN     "releaseKind" "ReleaseKind",
ADD COLUMN     "releasedOn" DATE,
ADD COLUMN     "verdictOn" DATE;

-- AlterTable
ALTER TABLE "Facility" ADD COLUMN     "district" TEXT,
ADD COLUMN     "identityKey" TEXT,
ADD COLUMN     "number" TEXT;

-- AlterTable
ALTER TABLE "Adoption" ADD COLUMN     "endReason" TEXT;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "returnedReason" TEXT;

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "returnedReason" TEXT;

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "partial" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SituationChange" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "status" "PrisonerStatus" NOT NULL,
    "fromStatus" "PrisonerStatus",
    "occurredOn" DATE,
    "releaseKind" "ReleaseKind",
    "importRunId" TEXT,
    "editorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SituationChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportValueMapping" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportValueMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SituationChange_prisonerId_createdAt_idx" ON "SituationChange"("prisonerId", "createdAt");

-- CreateIndex
CREATE INDEX "SituationChange_status_occurredOn_idx" ON "SituationChange"("status", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "ImportValueMapping_sourceId_field_value_key" ON "ImportValueMapping"("sourceId", "field", "value");

-- CreateIndex
CREATE INDEX "Facility_identityKey_idx" ON "Facility"("identityKey");

-- AddForeignKey
ALTER TABLE "SituationChange" ADD CONSTRAINT "SituationChange_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationChange" ADD CONSTRAINT "SituationChange_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationChange" ADD CONSTRAINT "SituationChange_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportValueMapping" ADD CONSTRAINT "ImportValueMapping_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportValueMapping" ADD CONSTRAINT "ImportValueMapping_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
