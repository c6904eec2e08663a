-- What one letter through a route costs (minor units; 0 free; NULL not stated).
ALTER TABLE "Route" ADD COLUMN "costMinor" INTEGER;
ALTER TABLE "Route" ADD COLUMN "costCurrency" TEXT;

-- FSIN-Pismo charges about 55 roubles a letter (docs/routes.md); installations that
-- kept the default route get the figure, which coordinators can change.
UPDATE "Route" SET "costMinor" = 5500, "costCurrency" = 'RUB' WHERE "slug" = 'fsin-pismo';
