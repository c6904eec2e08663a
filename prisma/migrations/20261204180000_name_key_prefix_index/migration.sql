-- CreateIndex
CREATE INDEX "PrisonerNameKey_kind_key_pattern_idx" ON "PrisonerNameKey"("kind", "key" text_pattern_ops);
