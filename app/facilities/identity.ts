// Placeholder replaced by the parse branch.
import { normalizeExact } from "#app/names/match-keys.ts";

export function facilityIdentityKey(input: { type: string | null; number: string | null; city: string | null; name: string }): string {
  return `${input.type ?? ""}|${input.number ?? normalizeExact(input.name)}|${normalizeExact(input.city ?? "")}`;
}
