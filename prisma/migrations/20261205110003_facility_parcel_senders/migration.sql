-- Who may send parcels becomes facility data a coordinator edits.
ALTER TABLE "Facility" ADD COLUMN     "parcelsRelativesOnly" BOOLEAN NOT NULL DEFAULT false;

-- Until now every colony and prison took parcels from relatives only; Belarusian ones keep
-- that (as in practice), Russian ones take parcels from anyone within the quota (УИК РФ).
UPDATE "Facility" SET "parcelsRelativesOnly" = true WHERE "country" = 'BY' AND "type" IN ('colony', 'juvenile_colony', 'prison');
