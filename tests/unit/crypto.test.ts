import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  CiphertextPlaceError,
  decrypt,
  encrypt,
  keyedHash,
  needsReencryption,
  place,
  randomDigits,
  randomToken,
  sha256,
  timingSafeEqualStrings,
} from "#app/utils/crypto.server.ts";

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");
const saved = { key: process.env.DATA_ENCRYPTION_KEY, secret: process.env.SESSION_SECRET };

beforeEach(() => {
  process.env.DATA_ENCRYPTION_KEY = KEY_A;
  process.env.SESSION_SECRET = "unit-secret-current,unit-secret-old";
});

afterEach(() => {
  for (const [name, value] of [
    ["DATA_ENCRYPTION_KEY", saved.key],
    ["SESSION_SECRET", saved.secret],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Flips one character of the base64url part at `index` of a v1 ciphertext. */
function tamper(ciphertext: string, index: number): string {
  const parts = ciphertext.split(".");
  const part = parts[index];
  parts[index] = (part[0] === "A" ? "B" : "A") + part.slice(1);
  return parts.join(".");
}

describe("field encryption", () => {
  test("round trip, including Cyrillic and long text", () => {
    for (const text of ["Ales Bialiatski, IK-9 Gorki", "Мария Колесникова", "x".repeat(10_000)]) {
      expect(decrypt(encrypt(text))).toBe(text);
    }
  });

  test("round trip of an empty string", () => {
    // An optional encrypted field may well be "": encrypt must not produce a value decrypt rejects.
    expect(decrypt(encrypt(""))).toBe("");
  });

  test("ciphertext reveals neither the plaintext nor repeats for the same input", () => {
    const secret = "JBSWY3DPEHPK3PXP";
    const first = encrypt(secret);
    const second = encrypt(secret);
    expect(first).not.toContain(secret);
    expect(Buffer.from(first.split(".")[4], "base64url").toString("utf8")).not.toContain(secret);
    expect(first).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toBe(second); // random IV
  });

  test.each([
    ["iv", 2],
    ["tag", 3],
    ["data", 4],
  ])("a changed %s is refused", (_part, index) => {
    const ciphertext = encrypt("the prisoner's address");
    expect(() => decrypt(tamper(ciphertext, index))).toThrow();
  });

  test("a value that is not our format is refused", () => {
    expect(() => decrypt("plain text")).toThrow("Not an encrypted value");
    expect(() => decrypt("v3.a.b.c.d")).toThrow("Not an encrypted value");
  });

  test("a value bound to its table, column and row reads only there", () => {
    const at = place("Letter", "bodyEncrypted", "c1");
    const bound = encrypt("Дарагі сябар", at);
    expect(bound).toMatch(/^v2\./);
    expect(decrypt(bound, place("Letter", "bodyEncrypted", "c1"))).toBe("Дарагі сябар");
    for (const elsewhere of [
      place("Letter", "bodyEncrypted", "c2"),
      place("Letter", "returnAddressEncrypted", "c1"),
      place("Reply", "bodyEncrypted", "c1"),
    ]) {
      expect(() => decrypt(bound, elsewhere)).toThrow(CiphertextPlaceError);
    }
    expect(() => decrypt(bound)).toThrow(/needs its table, column and row/);
    // Written before the binding: read anywhere, and flagged to be rewritten bound.
    const legacy = encrypt("old");
    expect(decrypt(legacy, at)).toBe("old");
    expect(needsReencryption(legacy, at)).toBe(true);
    expect(needsReencryption(bound, at)).toBe(false);
  });

  test("a key of the wrong length is refused with advice", () => {
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(16, 1).toString("base64");
    expect(() => encrypt("x")).toThrow(/32 bytes/);
  });

  test("key rotation: old rows decrypt with the new key first, and are flagged for re-encryption", () => {
    const old = encrypt("secret under key A");
    expect(needsReencryption(old)).toBe(false);

    process.env.DATA_ENCRYPTION_KEY = `${KEY_B}, ${KEY_A}`;
    expect(decrypt(old)).toBe("secret under key A");
    expect(needsReencryption(old)).toBe(true);
    const fresh = encrypt("secret under key B");
    expect(needsReencryption(fresh)).toBe(false);
    expect(fresh.split(".")[1]).not.toBe(old.split(".")[1]);

    // Once key A is retired, its rows can no longer be read, and the error says why.
    process.env.DATA_ENCRYPTION_KEY = KEY_B;
    expect(decrypt(fresh)).toBe("secret under key B");
    expect(() => decrypt(old)).toThrow(/No configured DATA_ENCRYPTION_KEY matches key id/);
  });
});

describe("hashes and random values", () => {
  test("sha256 is hex SHA-256", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("keyedHash depends on the current session secret, not only on the value", () => {
    const hash = keyedHash("a@example.org:123456");
    expect(hash).toBe(crypto.createHmac("sha256", "unit-secret-current").update("a@example.org:123456").digest("hex"));
    expect(hash).not.toBe(sha256("a@example.org:123456"));
    process.env.SESSION_SECRET = "another-secret";
    expect(keyedHash("a@example.org:123456")).not.toBe(hash);
  });

  test("randomDigits gives only digits of the asked length, and varies", () => {
    const codes = new Set(Array.from({ length: 50 }, () => randomDigits(6)));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(40);
  });

  test("randomToken is url-safe and long enough", () => {
    const token = randomToken(32);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(randomToken(32)).not.toBe(token);
  });

  test("timingSafeEqualStrings", () => {
    expect(timingSafeEqualStrings("abc", "abc")).toBe(true);
    expect(timingSafeEqualStrings("abc", "abd")).toBe(false);
    expect(timingSafeEqualStrings("abc", "abcd")).toBe(false);
  });
});
