-- A free-text parcel item carries an English line for the customs declaration.
-- Existing items keep NULL: the parcel check asks for the line before such a draft is sent.
ALTER TABLE "ParcelItem" ADD COLUMN "freeTextEn" TEXT;
