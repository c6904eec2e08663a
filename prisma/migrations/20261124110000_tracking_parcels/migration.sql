-- AlterTable
ALTER TABLE "Facility" ADD COLUMN     "parcelMonthlyWeightLimitGrams" INTEGER;

-- AlterTable
ALTER TABLE "RouteStatus" ADD COLUMN     "label" TEXT;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "postedAnswer" TEXT,
ADD COLUMN     "postedAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "scheduleProblem" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMP(3),
ADD COLUMN     "scheduledRouteId" TEXT,
ADD COLUMN     "writerReportedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Parcel" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "fromAbroad" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "packageKind" TEXT NOT NULL DEFAULT 'parcel',
ADD COLUMN     "senderKind" TEXT NOT NULL DEFAULT 'volunteer';

-- AlterTable
ALTER TABLE "Reply" DROP COLUMN "attachmentPath",
ADD COLUMN     "attachmentEncrypted" TEXT,
ADD COLUMN     "attachmentName" TEXT,
ADD COLUMN     "attachmentSize" INTEGER,
ADD COLUMN     "notifiedAt" TIMESTAMP(3),
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'coordinator';

-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
    "routeId" TEXT,
    "action" TEXT NOT NULL,
    "createdById" TEXT,
    "note" TEXT,
    "itemCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BannedTerm" (
    "id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BannedTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackgroundTask" (
    "name" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "lockToken" TEXT,
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "BackgroundTask_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Batch_createdAt_idx" ON "Batch"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BannedTerm_term_key" ON "BannedTerm"("term");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderLog_userId_kind_subjectId_periodKey_key" ON "ReminderLog"("userId", "kind", "subjectId", "periodKey");

-- CreateIndex
CREATE INDEX "Letter_state_scheduledFor_idx" ON "Letter"("state", "scheduledFor");

-- CreateIndex
CREATE INDEX "Letter_sentAt_idx" ON "Letter"("sentAt");

-- CreateIndex
CREATE INDEX "Parcel_facilityId_status_idx" ON "Parcel"("facilityId", "status");

-- CreateIndex
CREATE INDEX "StatusEvent_occurredAt_idx" ON "StatusEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "Reply_parcelId_idx" ON "Reply"("parcelId");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderLog" ADD CONSTRAINT "ReminderLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
