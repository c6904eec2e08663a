-- The box weight counted in a parcel's gross weight, stored when the parcel is sent,
-- so the monthly weight limit counts the gross weight of parcels already sent.
ALTER TABLE "Parcel" ADD COLUMN "boxWeightGrams" INTEGER;

-- Backfill parcels already sent with the coordinators' box setting as it is now
-- (the stored setting, else the built-in default of 300 g), not 0: since the box
-- weight was introduced, every send was checked with that setting, and a parcel
-- always goes in some packaging, so 0 would undercount what the person received
-- this month and let a new parcel pass a limit the post will apply. Drafts stay
-- NULL: their box weight is taken when they are sent.
UPDATE "Parcel"
SET "boxWeightGrams" = COALESCE(
  (SELECT ("value" #>> '{}')::integer FROM "Setting" WHERE "key" = 'parcelBoxWeightGrams'),
  300
)
WHERE "state" IN ('sent', 'closed');
