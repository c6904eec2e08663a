-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "leaseUntil" TIMESTAMP(3);
