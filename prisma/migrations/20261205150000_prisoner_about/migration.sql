-- A few lines about the person, written by a coordinator and shown to volunteers.
ALTER TABLE "Prisoner" ADD COLUMN "about" TEXT;
