import { describe, expect, test } from "vitest";
import {
  isValidS10,
  normalizeS10,
  russianDomesticCheckDigit,
  s10CheckDigit,
  validateS10,
  validateTrackingNumber,
} from "#app/parcels/s10.ts";

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

describe("service letters", () => {
  test.each(["JA", "JZ", "KA", "KZ", "XX", "QQ", "QZ", "ZZ"])("%s… is refused as reserved", (service) => {
    const serial = "47312482";
    expect(validateS10(`${service}${serial}${s10CheckDigit(serial)}GB`)).toMatchObject({
      valid: false,
      problem: { code: "serviceReserved", service },
    });
  });

  test.each(["BA", "DD", "OO", "YY"])("%s… is refused as not used for international mail", (service) => {
    expect(validateS10(`${service}473124829GB`)).toMatchObject({
      valid: false,
      problem: { code: "serviceUnused", service },
    });
  });

  test.each(["AA", "CP", "EE", "HB", "LZ", "MA", "RR", "UA", "VV", "QA", "QM"])(
    "%s… is an international series",
    (service) => {
      expect(validateS10(`${service}473124829GB`)).toMatchObject({ valid: true });
    },
  );
});

describe("Russian Post domestic numbers (14 digits)", () => {
  // 8008249036543?: 8·3+0+0·3+8+2·3+4+9·3+0+3·3+6+5·3+4+3·3 = 24+8+6+4+27+9+6+15+4+9 = 112 → 10 − 2 = 8.
  test("a 14-digit number with its check digit is accepted", () => {
    expect(russianDomesticCheckDigit("8008249036543")).toBe(8);
    expect(validateTrackingNumber("80082490365438")).toEqual({
      valid: true,
      number: "80082490365438",
      kind: "russian-domestic",
      country: "RU",
    });
    expect(validateTrackingNumber("800 824 90 36543 8")).toMatchObject({ valid: true, number: "80082490365438" });
  });

  test("a wrong last digit is refused", () => {
    expect(validateTrackingNumber("80082490365437")).toMatchObject({
      valid: false,
      problem: { code: "domesticCheckDigit" },
    });
  });

  test("a sum that is already a multiple of 10 has check digit 0", () => {
    // 1·3 + 0 + … + 0 + 7·3 = 24 → 6; 1000000000005: 3 + 5·3 = 18 → 2; 0000000000000 → 0.
    expect(russianDomesticCheckDigit("0000000000000")).toBe(0);
    expect(russianDomesticCheckDigit("1000000000005")).toBe(2);
  });

  test("S10 numbers still pass through the same check", () => {
    expect(validateTrackingNumber("RR473124829GB")).toEqual({
      valid: true,
      number: "RR473124829GB",
      kind: "s10",
      country: "GB",
    });
    expect(validateTrackingNumber("8008249036543")).toMatchObject({
      valid: false,
      problem: { code: "length", length: 13 },
    });
  });
});

describe("pasted invisible characters", () => {
  test.each([
    ["zero-width space", "RR\u200B473124829GB"],
    ["no-break space", "RR\u00A0473\u00A0124\u00A0829\u00A0GB"],
    ["narrow no-break space", "RR\u202F473124829\u202FGB"],
    ["byte-order mark and word joiner", "\uFEFFRR473124829\u2060GB"],
    ["soft hyphen", "RR473\u00AD124829GB"],
    ["non-breaking hyphen", "RR\u2011473124829\u2011GB"],
  ])("%s is dropped", (_name, input) => {
    expect(validateTrackingNumber(input)).toMatchObject({ valid: true, number: "RR473124829GB" });
  });

  test("a zero-width space inside a Russian domestic number is dropped too", () => {
    expect(validateTrackingNumber("8008249036\u200B5438")).toMatchObject({ valid: true, number: "80082490365438" });
  });
});
