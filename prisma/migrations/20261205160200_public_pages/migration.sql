-- AlterTable
ALTER TABLE "User" ADD COLUMN     "remindPledges" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "namesPublic" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "shareable" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "FundraiserReport" (
    "id" TEXT NOT NULL,
    "needId" TEXT,
    "campaignId" TEXT,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "reportedOn" DATE NOT NULL,
    "domain" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundraiserReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FundraiserReport_needId_reportedOn_idx" ON "FundraiserReport"("needId", "reportedOn");

-- CreateIndex
CREATE INDEX "FundraiserReport_campaignId_reportedOn_idx" ON "FundraiserReport"("campaignId", "reportedOn");

-- AddForeignKey
ALTER TABLE "FundraiserReport" ADD CONSTRAINT "FundraiserReport_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundraiserReport" ADD CONSTRAINT "FundraiserReport_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundraiserReport" ADD CONSTRAINT "FundraiserReport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A report is for one need or one campaign, never both or neither.
ALTER TABLE "FundraiserReport" ADD CONSTRAINT "FundraiserReport_one_target" CHECK (("needId" IS NULL) <> ("campaignId" IS NULL));
