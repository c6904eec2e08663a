import crypto from "node:crypto";
import { dataEncryptionKeys, sessionSecrets } from "./config.server";

/**
 * Field encryption at rest (AES-256-GCM). Ciphertext format:
 * `v1.<keyId>.<iv>.<tag>.<data>` (base64url). keyId is a short fingerprint of the key,
 * so after rotation (new key first in DATA_ENCRYPTION_KEY) old rows still decrypt.
 */
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

export function encrypt(plaintext: string): string {
  const { id, key } = keys()[0];
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

export function decrypt(ciphertext: string): string {
  const parts = ciphertext.split(".");
  const [version, keyId, iv, tag, data] = parts;
  if (parts.length !== 5 || version !== "v1") throw new Error("Not an encrypted value");
  const dataKey = keys().find((k) => k.id === keyId);
  if (!dataKey) throw new Error(`No configured DATA_ENCRYPTION_KEY matches key id ${keyId}`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", dataKey.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** True when the value was encrypted with an older key and should be re-encrypted. */
export function needsReencryption(ciphertext: string): boolean {
  return ciphertext.split(".")[1] !== keys()[0].id;
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
