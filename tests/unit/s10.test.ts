import { describe, expect, test } from "vitest";
import { isValidS10, normalizeS10, s10CheckDigit, validateS10 } from "#app/parcels/s10.ts";

describe("S10 check digit", () => {
  // Computed by hand from the weights 8 6 4 2 3 5 9 7:
  // 47312482: 32+42+12+2+6+20+72+14 = 200; 200 mod 11 = 2; 11 − 2 = 9.
  // 87654321: 64+42+24+10+12+15+18+7 = 192; 192 mod 11 = 5; 11 − 5 = 6.
  test.each([
    ["47312482", 9],
    ["87654321", 6],
    // sum 0 → 11 − 0 = 11 → 5
    ["00000000", 5],
    // 10000000: 8; 8 mod 11 = 8; 11 − 8 = 3
    ["10000000", 3],
    // 00000010: 9; 11 − 9 = 2
    ["00000010", 2],
    // 01000000: 6; 11 − 6 = 5
    ["01000000", 5],
    // 00010000: 2 → 9; 00000001: 7 → 4
    ["00010000", 9],
    ["00000001", 4],
    // 00000120: 1·5 + 2·9 = 23; 23 mod 11 = 1; 11 − 1 = 10 → 0
    ["00000120", 0],
  ])("%s → %i", (serial, check) => {
    expect(s10CheckDigit(serial)).toBe(check);
  });

  test("only eight digits have a check digit", () => {
    expect(() => s10CheckDigit("1234567")).toThrow();
    expect(() => s10CheckDigit("1234567a")).toThrow();
  });
});

describe("validateS10", () => {
  test.each(["RR473124829GB", "EE876543216CA", "CP000001200BY", "RA000000005RU"])("%s is valid", (number) => {
    expect(validateS10(number)).toEqual({ valid: true, number, country: number.slice(11) });
  });

  test("the published example with a wrong check digit is refused: EE876543217CA (the check digit is 6)", () => {
    expect(validateS10("EE876543217CA")).toMatchObject({ valid: false, problem: { code: "checkDigit" } });
  });

  test("lower case, spaces and hyphens are normalised", () => {
    expect(normalizeS10(" rr 473-124 829 gb ")).toBe("RR473124829GB");
    expect(validateS10("rr473124829gb")).toEqual({ valid: true, number: "RR473124829GB", country: "GB" });
    expect(validateS10("RR 473 124 829 GB")).toMatchObject({ valid: true, number: "RR473124829GB" });
    expect(isValidS10("rr-473-124-829-gb")).toBe(true);
  });

  test.each([
    ["", { code: "empty" }],
    ["   ", { code: "empty" }],
    ["RR47312482GB", { code: "length", length: 12 }],
    ["RR4731248290GB", { code: "length", length: 14 }],
    ["RR473124829", { code: "length", length: 11 }],
    ["R1473124829GB", { code: "serviceLetters" }],
    ["1R473124829GB", { code: "serviceLetters" }],
    ["ЯR473124829GB", { code: "serviceLetters" }],
    ["RR47312A829GB", { code: "digits" }],
    ["RR47312482XGB", { code: "digits" }],
    ["RR473124829G1", { code: "countryLetters" }],
    ["RR47312482912", { code: "countryLetters" }],
    ["RR473124829ZZ", { code: "unknownCountry", country: "ZZ" }],
    ["RR473124829XX", { code: "unknownCountry", country: "XX" }],
    ["RR473124828GB", { code: "checkDigit" }],
    ["RR473124820GB", { code: "checkDigit" }],
    ["RR#73124829GB", { code: "digits" }],
  ])("%j → %j", (input, problem) => {
    const result = validateS10(input);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.problem).toEqual(problem);
  });

  test("every single-digit typo in the serial number is caught", () => {
    const base = "RR473124829GB";
    for (let position = 2; position <= 10; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === base[position]) continue;
        const typo = base.slice(0, position) + digit + base.slice(position + 1);
        expect(isValidS10(typo), typo).toBe(false);
      }
    }
  });
});
