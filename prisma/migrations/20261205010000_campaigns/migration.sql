-- CreateEnum
CREATE TYPE "CampaignRule" AS ENUM ('birthdays_in_month', 'holiday', 'welcome_home', 'humanitarian_list', 'facility', 'no_letter_in_days');

-- CreateEnum
CREATE TYPE "CampaignGoal" AS ENUM ('per_person', 'total');

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "campaignId" TEXT;

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "campaignId" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titleEn" TEXT,
    "titleRu" TEXT,
    "titleBe" TEXT,
    "whyEn" TEXT,
    "whyRu" TEXT,
    "whyBe" TEXT,
    "rule" "CampaignRule" NOT NULL,
    "ruleMonth" INTEGER,
    "ruleHoliday" TEXT,
    "ruleFrom" DATE,
    "ruleTo" DATE,
    "ruleFacilityId" TEXT,
    "ruleDays" INTEGER,
    "country" "Country",
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "goalKind" "CampaignGoal" NOT NULL,
    "goalCount" INTEGER NOT NULL,
    "shareable" BOOLEAN NOT NULL DEFAULT false,
    "fundraiserUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_startsOn_endsOn_idx" ON "Campaign"("startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "Letter_campaignId_idx" ON "Letter"("campaignId");

-- CreateIndex
CREATE INDEX "Parcel_campaignId_idx" ON "Parcel"("campaignId");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_ruleFacilityId_fkey" FOREIGN KEY ("ruleFacilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

