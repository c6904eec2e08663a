-- /write reads the people who need letters in the order humanitarian, then name:
-- with this index a page reads a few dozen rows instead of the whole registry.
CREATE INDEX "Prisoner_humanitarian_sortName_id_idx" ON "Prisoner"("humanitarian", "sortName", "id");
-- The index on "humanitarian" alone is this one's prefix: redundant, and one more to maintain on import.
DROP INDEX "Prisoner_humanitarian_idx";
