-- Conditions of detention on the prisoner, and a parcel quota per condition on the facility.
CREATE TYPE "DetentionConditions" AS ENUM ('ordinary', 'lightened', 'strict');
ALTER TABLE "Prisoner" ADD COLUMN "detentionConditions" "DetentionConditions";
ALTER TABLE "Facility" ADD COLUMN "parcelQuotaOrdinary" INTEGER;
ALTER TABLE "Facility" ADD COLUMN "parcelQuotaLightened" INTEGER;
ALTER TABLE "Facility" ADD COLUMN "parcelQuotaStrict" INTEGER;
