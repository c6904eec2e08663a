-- CreateEnum
CREATE TYPE "NeedKind" AS ENUM ('parcel', 'medicine', 'books', 'clothes', 'travel', 'legal', 'transport', 'children', 'gift', 'money', 'other');

-- CreateEnum
CREATE TYPE "NeedHelpVia" AS ENUM ('parcel', 'fundraiser', 'task');

-- CreateEnum
CREATE TYPE "NeedState" AS ENUM ('open', 'fulfilled', 'closed');

-- CreateEnum
CREATE TYPE "PledgeState" AS ENUM ('held', 'confirmed', 'fulfilled', 'expired', 'withdrawn');

-- CreateTable
CREATE TABLE "Family" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "contactEncrypted" TEXT,
    "contactPurgedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "familyId" TEXT,
    "kind" "NeedKind" NOT NULL,
    "text" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "currency" TEXT,
    "deadline" DATE,
    "via" "NeedHelpVia" NOT NULL,
    "fundraiserUrl" TEXT,
    "holdDays" INTEGER NOT NULL DEFAULT 7,
    "state" "NeedState" NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "volunteerId" TEXT,
    "amount" INTEGER NOT NULL,
    "state" "PledgeState" NOT NULL DEFAULT 'held',
    "heldUntil" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "fulfilledAmount" INTEGER NOT NULL DEFAULT 0,
    "fulfilledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Family_prisonerId_idx" ON "Family"("prisonerId");

-- CreateIndex
CREATE INDEX "Need_state_deadline_idx" ON "Need"("state", "deadline");

-- CreateIndex
CREATE INDEX "Need_prisonerId_idx" ON "Need"("prisonerId");

-- CreateIndex
CREATE INDEX "Pledge_needId_state_idx" ON "Pledge"("needId", "state");

-- CreateIndex
CREATE INDEX "Pledge_volunteerId_state_idx" ON "Pledge"("volunteerId", "state");

-- CreateIndex
CREATE INDEX "Pledge_state_heldUntil_idx" ON "Pledge"("state", "heldUntil");

-- AddForeignKey
ALTER TABLE "Family" ADD CONSTRAINT "Family_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

