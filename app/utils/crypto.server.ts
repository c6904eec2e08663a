import crypto from "node:crypto";
import { dataEncryptionKeys, sessionSecrets } from "./config.server";

/**
 * Field encryption at rest (AES-256-GCM). Ciphertext format:
 * `v2.<keyId>.<iv>.<tag>.<data>` (base64url). keyId is a short fingerprint of the key,
 * so after rotation (new key first in DATA_ENCRYPTION_KEY) old rows still decrypt.
 * A v2 ciphertext is bound to its place, table, column and row id, as GCM associated
 * data: copied into another row or column it no longer decrypts. `v1.` values were
 * written before that binding; they still decrypt, and `keys:reencrypt` rewrites them
 * as v2.
 */
export interface FieldPlace {
  table: string;
  column: string;
  id: string;
}

/** Where a ciphertext lives: the associated data it is bound to. */
export function place(table: string, column: string, id: string): FieldPlace {
  return { table, column, id };
}

/** A new row id chosen before the insert, so that the row's ciphertexts can be bound to it. */
export function newRowId(): string {
  return `c${Date.now().toString(36)}${crypto.randomBytes(12).toString("hex")}`;
}

export class CiphertextPlaceError extends Error {
  constructor(at: FieldPlace) {
    super(
      `An encrypted value in ${at.table}.${at.column} (row ${at.id}) does not belong there, or was altered: refused`,
    );
  }
}

function associatedData(at: FieldPlace): Buffer {
  return Buffer.from(`${at.table}\u0000${at.column}\u0000${at.id}`, "utf8");
}

interface DataKey {
  id: string;
  key: Buffer;
}

function parseKey(encoded: string): DataKey {
  const key = Buffer.from(encoded, "base64");
  if (key.length !== 32) {
    throw new Error("Each DATA_ENCRYPTION_KEY entry must be 32 bytes, base64-encoded (openssl rand -base64 32).");
  }
  const id = crypto.createHash("sha256").update(key).digest("base64url").slice(0, 8);
  return { id, key };
}

let cachedKeys: { source: string; keys: DataKey[] } | null = null;

function keys(): DataKey[] {
  const configured = dataEncryptionKeys();
  const source = configured.join(",");
  if (cachedKeys?.source !== source) cachedKeys = { source, keys: configured.map(parseKey) };
  return cachedKeys.keys;
}

/** Encrypts a value; with `at`, bound to that table, column and row (v2), otherwise unbound (v1). */
export function encrypt(plaintext: string, at?: FieldPlace): string {
  const { id, key } = keys()[0];
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  if (at) cipher.setAAD(associatedData(at));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [at ? "v2" : "v1", id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

/** True for a value encrypt() wrote (either version). */
export function isEncrypted(value: string): boolean {
  return /^v[12]\./.test(value);
}

/**
 * Decrypts a value. A v2 value must be read at the place it was written for
 * (CiphertextPlaceError otherwise); a v1 value predates the binding and is read anywhere.
 */
export function decrypt(ciphertext: string, at?: FieldPlace): string {
  const parts = ciphertext.split(".");
  const [version, keyId, iv, tag, data] = parts;
  if (parts.length !== 5 || (version !== "v1" && version !== "v2")) throw new Error("Not an encrypted value");
  if (version === "v2" && !at) throw new Error("A bound encrypted value needs its table, column and row to be read");
  const dataKey = keys().find((k) => k.id === keyId);
  if (!dataKey) throw new Error(`No configured DATA_ENCRYPTION_KEY matches key id ${keyId}`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", dataKey.key, Buffer.from(iv, "base64url"));
  if (version === "v2") decipher.setAAD(associatedData(at!));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    if (version === "v2") throw new CiphertextPlaceError(at!);
    throw error;
  }
}

/**
 * True when the value should be rewritten: encrypted with an older key, or (when
 * its place is given) not yet bound to it.
 */
export function needsReencryption(ciphertext: string, at?: FieldPlace): boolean {
  const [version, keyId] = ciphertext.split(".");
  return keyId !== keys()[0].id || (at !== undefined && version !== "v2");
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

/** Keyed hash for short secrets (sign-in codes) so a copied table cannot be brute-forced offline. */
export function keyedHash(value: string, secret = sessionSecrets()[0]): string {
  return crypto.createHmac("sha256", secret).update(value).digest("hex");
}

/** Does the stored keyed hash match the value under any current secret (rotation)? */
export function matchesKeyedHash(stored: string, value: string): boolean {
  return sessionSecrets().some((secret) => timingSafeEqualStrings(stored, keyedHash(value, secret)));
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function randomDigits(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += crypto.randomInt(0, 10).toString();
  return out;
}

export function timingSafeEqualStrings(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
