-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('volunteer', 'coordinator', 'admin');

-- CreateEnum
CREATE TYPE "VettingState" AS ENUM ('pending', 'approved', 'suspended');

-- CreateEnum
CREATE TYPE "Country" AS ENUM ('BY', 'RU');

-- CreateEnum
CREATE TYPE "PrisonerStatus" AS ENUM ('pretrial', 'convicted', 'released', 'unknown');

-- CreateEnum
CREATE TYPE "HumanitarianReason" AS ENUM ('disability', 'serious_illness', 'elderly', 'minor', 'large_family_parent', 'other');

-- CreateEnum
CREATE TYPE "NameScript" AS ENUM ('cyrillic_be', 'cyrillic_ru', 'latin');

-- CreateEnum
CREATE TYPE "FacilityType" AS ENUM ('sizo', 'colony', 'prison', 'open_institution', 'home_confinement', 'juvenile_colony', 'police_jail');

-- CreateEnum
CREATE TYPE "ColonyRegime" AS ENUM ('general', 'strict', 'special', 'settlement');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('letter', 'postcard', 'parcel');

-- CreateEnum
CREATE TYPE "HandoverMethod" AS ENUM ('email', 'batch_export', 'print_pdf', 'bank');

-- CreateEnum
CREATE TYPE "LetterState" AS ENUM ('draft', 'sent', 'closed');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('queued', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'volunteer',
    "vettingState" "VettingState" NOT NULL DEFAULT 'pending',
    "locale" TEXT,
    "writesIn" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "lastSignInAt" TIMESTAMP(3),
    "remindDrafts" BOOLEAN NOT NULL DEFAULT true,
    "remindSelfPost" BOOLEAN NOT NULL DEFAULT true,
    "remindAdoptions" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "idHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "secondFactorAt" TIMESTAMP(3),
    "deviceLabel" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("idHash")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastUsedStep" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Prisoner" (
    "id" TEXT NOT NULL,
    "country" "Country" NOT NULL,
    "status" "PrisonerStatus" NOT NULL DEFAULT 'convicted',
    "birthDate" DATE,
    "birthYearOnly" BOOLEAN NOT NULL DEFAULT false,
    "gender" TEXT,
    "detainedOn" DATE,
    "articles" TEXT,
    "sentence" TEXT,
    "sentenceInForce" BOOLEAN,
    "currentFacilityId" TEXT,
    "sortName" TEXT NOT NULL DEFAULT '',
    "humanitarian" BOOLEAN NOT NULL DEFAULT false,
    "humanitarianReasons" "HumanitarianReason"[] DEFAULT ARRAY[]::"HumanitarianReason"[],
    "incommunicado" BOOLEAN NOT NULL DEFAULT false,
    "incommunicadoNote" TEXT,
    "incommunicadoSince" DATE,
    "doNotWrite" BOOLEAN NOT NULL DEFAULT false,
    "doNotWriteNote" TEXT,
    "doNotWriteSince" DATE,
    "relativesOnly" BOOLEAN NOT NULL DEFAULT false,
    "relativesOnlyNote" TEXT,
    "relativesOnlySince" DATE,
    "notes" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "needsReviewReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Prisoner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrisonerName" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "script" "NameScript" NOT NULL,
    "system" TEXT,
    "surname" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "patronymic" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PrisonerName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrisonerNameKey" (
    "prisonerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "PrisonerNameKey_pkey" PRIMARY KEY ("prisonerId","key","kind")
);

-- CreateTable
CREATE TABLE "PrisonerEdit" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT,
    "facilityId" TEXT,
    "editorId" TEXT,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrisonerEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" "Country",
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrisonerSource" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "externalId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "missingSince" TIMESTAMP(3),
    "rowHash" TEXT,

    CONSTRAINT "PrisonerSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" TEXT NOT NULL,
    "country" "Country" NOT NULL,
    "type" "FacilityType" NOT NULL,
    "regime" "ColonyRegime",
    "name" TEXT NOT NULL,
    "nameLatin" TEXT,
    "street" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "acceptsNonRelativeLetters" BOOLEAN NOT NULL DEFAULT true,
    "parcelsFromAbroad" BOOLEAN NOT NULL DEFAULT false,
    "parcelQuotaPerYear" INTEGER,
    "smallPackageQuotaPerYear" INTEGER,
    "parcelWeightLimitGrams" INTEGER,
    "languages" TEXT[] DEFAULT ARRAY['ru', 'be']::TEXT[],
    "rulesNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilityStay" (
    "id" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "fromDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "toDate" TIMESTAMP(3),
    "importRunId" TEXT,
    "note" TEXT,

    CONSTRAINT "FacilityStay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adoption" (
    "id" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "prisonerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Adoption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Route" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "countries" "Country"[],
    "itemKinds" "ItemKind"[],
    "languages" TEXT[],
    "translates" BOOLEAN NOT NULL DEFAULT false,
    "handover" "HandoverMethod" NOT NULL,
    "handoverEmail" TEXT,
    "repliesReturn" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Route_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RouteStatus" (
    "id" TEXT NOT NULL,
    "routeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "usualDays" INTEGER,
    "isFinal" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RouteStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" TEXT NOT NULL,
    "authorId" TEXT,
    "prisonerId" TEXT NOT NULL,
    "kind" "ItemKind" NOT NULL DEFAULT 'letter',
    "state" "LetterState" NOT NULL DEFAULT 'draft',
    "status" TEXT,
    "language" TEXT,
    "bodyEncrypted" TEXT,
    "returnAddressEncrypted" TEXT,
    "senderName" TEXT,
    "routeId" TEXT,
    "facilityId" TEXT,
    "warningsAcknowledgedAt" TIMESTAMP(3),
    "trackingNumber" TEXT,
    "externalRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "statusChangedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),
    "writerReport" TEXT,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogItem" (
    "id" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "unitWeightGrams" INTEGER NOT NULL,
    "typicalValueCents" INTEGER NOT NULL,
    "perishable" BOOLEAN NOT NULL DEFAULT false,
    "bannedFacilityTypes" "FacilityType"[] DEFAULT ARRAY[]::"FacilityType"[],
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CatalogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Parcel" (
    "id" TEXT NOT NULL,
    "senderId" TEXT,
    "onBehalfOf" TEXT,
    "prisonerId" TEXT NOT NULL,
    "facilityId" TEXT,
    "routeId" TEXT,
    "state" "LetterState" NOT NULL DEFAULT 'draft',
    "status" TEXT,
    "customsForm" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "senderDetailsEncrypted" TEXT,
    "trackingNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "statusChangedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Parcel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParcelItem" (
    "id" TEXT NOT NULL,
    "parcelId" TEXT NOT NULL,
    "catalogItemId" TEXT,
    "freeText" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitWeightGrams" INTEGER NOT NULL,
    "unitValueCents" INTEGER NOT NULL,

    CONSTRAINT "ParcelItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" TEXT NOT NULL,
    "letterId" TEXT,
    "parcelId" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "reference" TEXT,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reply" (
    "id" TEXT NOT NULL,
    "letterId" TEXT,
    "parcelId" TEXT,
    "prisonerId" TEXT NOT NULL,
    "routeId" TEXT,
    "receivedOn" DATE NOT NULL,
    "textEncrypted" TEXT,
    "attachmentPath" TEXT,
    "attachmentType" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "userId" TEXT,
    "tokenId" TEXT,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "fileContent" TEXT,
    "contentType" TEXT,
    "mapping" JSONB,
    "channel" TEXT NOT NULL DEFAULT 'web',
    "summary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRowError" (
    "id" TEXT NOT NULL,
    "importRunId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" JSONB,

    CONSTRAINT "ImportRowError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "purpose" TEXT NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lockToken" TEXT,
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskPhrase" (
    "id" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskPhrase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Phrase" (
    "id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "ru" TEXT NOT NULL,
    "be" TEXT NOT NULL,
    "meaningEn" TEXT NOT NULL,
    "meaningRu" TEXT NOT NULL,
    "meaningBe" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Phrase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_vettingState_createdAt_idx" ON "User"("vettingState", "createdAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Verification_expiresAt_idx" ON "Verification"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Verification_type_target_key" ON "Verification"("type", "target");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Prisoner_country_status_idx" ON "Prisoner"("country", "status");

-- CreateIndex
CREATE INDEX "Prisoner_sortName_idx" ON "Prisoner"("sortName");

-- CreateIndex
CREATE INDEX "Prisoner_humanitarian_idx" ON "Prisoner"("humanitarian");

-- CreateIndex
CREATE INDEX "Prisoner_currentFacilityId_idx" ON "Prisoner"("currentFacilityId");

-- CreateIndex
CREATE INDEX "PrisonerName_prisonerId_idx" ON "PrisonerName"("prisonerId");

-- CreateIndex
CREATE INDEX "PrisonerNameKey_key_idx" ON "PrisonerNameKey"("key");

-- CreateIndex
CREATE INDEX "PrisonerEdit_prisonerId_createdAt_idx" ON "PrisonerEdit"("prisonerId", "createdAt");

-- CreateIndex
CREATE INDEX "PrisonerEdit_facilityId_createdAt_idx" ON "PrisonerEdit"("facilityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "PrisonerSource_sourceId_externalId_key" ON "PrisonerSource"("sourceId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "PrisonerSource_sourceId_prisonerId_key" ON "PrisonerSource"("sourceId", "prisonerId");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_country_name_city_key" ON "Facility"("country", "name", "city");

-- CreateIndex
CREATE INDEX "FacilityStay_prisonerId_fromDate_idx" ON "FacilityStay"("prisonerId", "fromDate");

-- CreateIndex
CREATE INDEX "Adoption_volunteerId_endedAt_idx" ON "Adoption"("volunteerId", "endedAt");

-- CreateIndex
CREATE INDEX "Adoption_prisonerId_endedAt_idx" ON "Adoption"("prisonerId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Route_slug_key" ON "Route"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "RouteStatus_routeId_key_key" ON "RouteStatus"("routeId", "key");

-- CreateIndex
CREATE INDEX "Letter_authorId_state_idx" ON "Letter"("authorId", "state");

-- CreateIndex
CREATE INDEX "Letter_prisonerId_sentAt_idx" ON "Letter"("prisonerId", "sentAt");

-- CreateIndex
CREATE INDEX "Letter_routeId_status_idx" ON "Letter"("routeId", "status");

-- CreateIndex
CREATE INDEX "Parcel_prisonerId_sentAt_idx" ON "Parcel"("prisonerId", "sentAt");

-- CreateIndex
CREATE INDEX "Parcel_routeId_status_idx" ON "Parcel"("routeId", "status");

-- CreateIndex
CREATE INDEX "ParcelItem_parcelId_idx" ON "ParcelItem"("parcelId");

-- CreateIndex
CREATE INDEX "StatusEvent_letterId_occurredAt_idx" ON "StatusEvent"("letterId", "occurredAt");

-- CreateIndex
CREATE INDEX "StatusEvent_parcelId_occurredAt_idx" ON "StatusEvent"("parcelId", "occurredAt");

-- CreateIndex
CREATE INDEX "StatusEvent_toStatus_occurredAt_idx" ON "StatusEvent"("toStatus", "occurredAt");

-- CreateIndex
CREATE INDEX "Reply_letterId_idx" ON "Reply"("letterId");

-- CreateIndex
CREATE INDEX "ImportRun_sourceId_createdAt_idx" ON "ImportRun"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRowError_importRunId_line_idx" ON "ImportRowError"("importRunId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_messageId_key" ON "EmailOutbox"("messageId");

-- CreateIndex
CREATE INDEX "EmailOutbox_state_nextAttemptAt_idx" ON "EmailOutbox"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "RiskPhrase_phrase_language_key" ON "RiskPhrase"("phrase", "language");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prisoner" ADD CONSTRAINT "Prisoner_currentFacilityId_fkey" FOREIGN KEY ("currentFacilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerName" ADD CONSTRAINT "PrisonerName_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerNameKey" ADD CONSTRAINT "PrisonerNameKey_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerEdit" ADD CONSTRAINT "PrisonerEdit_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerEdit" ADD CONSTRAINT "PrisonerEdit_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerEdit" ADD CONSTRAINT "PrisonerEdit_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerSource" ADD CONSTRAINT "PrisonerSource_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrisonerSource" ADD CONSTRAINT "PrisonerSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityStay" ADD CONSTRAINT "FacilityStay_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityStay" ADD CONSTRAINT "FacilityStay_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilityStay" ADD CONSTRAINT "FacilityStay_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Adoption" ADD CONSTRAINT "Adoption_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RouteStatus" ADD CONSTRAINT "RouteStatus_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parcel" ADD CONSTRAINT "Parcel_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelItem" ADD CONSTRAINT "ParcelItem_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParcelItem" ADD CONSTRAINT "ParcelItem_catalogItemId_fkey" FOREIGN KEY ("catalogItemId") REFERENCES "CatalogItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_parcelId_fkey" FOREIGN KEY ("parcelId") REFERENCES "Parcel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_prisonerId_fkey" FOREIGN KEY ("prisonerId") REFERENCES "Prisoner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRowError" ADD CONSTRAINT "ImportRowError_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
