-- AlterTable
ALTER TABLE "Verification" ADD COLUMN     "requesterKey" TEXT;
