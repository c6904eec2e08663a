import {
  ruleItem,
  storedItem,
  verdictFor,
  type PackageKind,
  type ParcelVerdict,
  type RuleItem,
  type SenderKind,
} from "#app/parcels/rules.ts";
import type { z } from "zod";
import { parcelDraftSchema, rowToItem } from "#app/schemas/parcels.ts";
import type { ParcelPageData } from "./types.ts";

/**
 * The verdict for what the form holds now, in the browser: the same functions of
 * app/parcels/rules.ts the action and the CLI use, with the rules' inputs the
 * loader sent (ruleContext).
 */
export function liveVerdict(
  values: Partial<z.input<typeof parcelDraftSchema>>,
  data: Pick<ParcelPageData, "catalog" | "rules" | "canOnBehalf">,
): ParcelVerdict {
  const catalog = new Map(data.catalog.map((c) => [c.id, c]));
  const items: RuleItem[] = [];
  for (const row of values.items ?? []) {
    const input = row ? rowToItem(row) : null;
    const stored = input ? storedItem(input, catalog) : null;
    if (stored) items.push(ruleItem(stored, stored.catalogItemId ? catalog.get(stored.catalogItemId) : null));
  }
  const fromAbroad = values.fromAbroad === "on" || values.fromAbroad === true;
  const packageKind: PackageKind = values.packageKind === "small_package" ? "small_package" : "parcel";
  // Only coordinators prepare parcels on behalf of a family or a fund (the action enforces the same).
  const senderKind: SenderKind = data.canOnBehalf && values.senderKind ? values.senderKind : "volunteer";
  const senderDetails = typeof values.senderDetails === "string" ? values.senderDetails : null;
  return verdictFor(data.rules, { packageKind, senderKind, fromAbroad }, items, senderDetails);
}
