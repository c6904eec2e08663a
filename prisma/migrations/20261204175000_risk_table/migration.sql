-- AlterTable
ALTER TABLE "RiskPhrase" ADD COLUMN     "catches" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "except" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "spares" TEXT[] DEFAULT ARRAY[]::TEXT[];
