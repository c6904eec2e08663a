-- One state for letters and parcels: the enum was named after letters only.
ALTER TYPE "LetterState" RENAME TO "ItemState";

-- Closed sets of a parcel become enums. Values outside the set were read as the
-- default by the application (the normalising code this replaces); store them so.
CREATE TYPE "PackageKind" AS ENUM ('parcel', 'small_package');
CREATE TYPE "SenderKind" AS ENUM ('volunteer', 'relative', 'fund');
CREATE TYPE "CustomsDocument" AS ENUM ('CN22', 'CN23', 'inventory');

UPDATE "Parcel" SET "packageKind" = 'parcel' WHERE "packageKind" NOT IN ('parcel', 'small_package');
UPDATE "Parcel" SET "senderKind" = 'volunteer' WHERE "senderKind" NOT IN ('volunteer', 'relative', 'fund');
UPDATE "Parcel" SET "customsForm" = NULL WHERE "customsForm" NOT IN ('CN22', 'CN23', 'inventory');

ALTER TABLE "Parcel" ALTER COLUMN "packageKind" DROP DEFAULT;
ALTER TABLE "Parcel" ALTER COLUMN "packageKind" TYPE "PackageKind" USING "packageKind"::"PackageKind";
ALTER TABLE "Parcel" ALTER COLUMN "packageKind" SET DEFAULT 'parcel';

ALTER TABLE "Parcel" ALTER COLUMN "senderKind" DROP DEFAULT;
ALTER TABLE "Parcel" ALTER COLUMN "senderKind" TYPE "SenderKind" USING "senderKind"::"SenderKind";
ALTER TABLE "Parcel" ALTER COLUMN "senderKind" SET DEFAULT 'volunteer';

ALTER TABLE "Parcel" ALTER COLUMN "customsForm" TYPE "CustomsDocument" USING "customsForm"::"CustomsDocument";
