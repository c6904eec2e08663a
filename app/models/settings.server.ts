import { prisma, type DbClient } from "#app/utils/db.server.ts";

/** Settings coordinators change at run time, with their defaults. */
export interface Settings {
  maxAdoptions: number;
  /** Volunteers who may adopt one prisoner at the same time. */
  maxAdoptersPerPrisoner: number;
  /** NGO relay addresses volunteers may give as their return address. */
  relayAddresses: string[];
  /** Days after an item's final status before its text and return address are purged. */
  retentionDays: number;
  /** Domains (and their subdomains) fundraiser links on needs may point to (https only). */
  fundraiserDomains: string[];
  /** Weight of the box a parcel is packed in, in grams: counted in every parcel's gross weight. */
  parcelBoxWeightGrams: number;
  /** Sites allowed to frame /c/<slug>/embed (CSP frame-ancestors sources, https origins); empty: none. */
  embedFrameAncestors: string[];
}

export const SETTING_DEFAULTS: Settings = {
  maxAdoptions: 3,
  maxAdoptersPerPrisoner: 5,
  relayAddresses: [],
  retentionDays: 180,
  fundraiserDomains: ["bysol.org"],
  parcelBoxWeightGrams: 300,
  embedFrameAncestors: [],
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;

export async function getSetting<K extends SettingKey>(
  key: K,
  db: DbClient = prisma,
): Promise<(typeof SETTING_DEFAULTS)[K]> {
  const row = await db.setting.findUnique({ where: { key } });
  return (row?.value as (typeof SETTING_DEFAULTS)[K] | undefined) ?? SETTING_DEFAULTS[key];
}

export async function setSetting<K extends SettingKey>(key: K, value: (typeof SETTING_DEFAULTS)[K]): Promise<void> {
  await prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
