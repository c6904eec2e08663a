-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- Tokens made before expiry existed: a year from their creation, like new ones.
UPDATE "ApiToken" SET "expiresAt" = "createdAt" + INTERVAL '1 year' WHERE "expiresAt" IS NULL;
