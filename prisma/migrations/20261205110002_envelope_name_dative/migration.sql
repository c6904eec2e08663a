ALTER TABLE "Prisoner" ADD COLUMN     "envelopeNameDative" TEXT;
