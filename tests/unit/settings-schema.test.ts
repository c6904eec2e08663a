import { describe, expect, test } from "vitest";
import { settingsSchema } from "#app/schemas/settings.ts";

describe("coordination settings form", () => {
  test("relay addresses are blocks separated by empty lines", () => {
    const parsed = settingsSchema.parse({
      maxAdoptions: "4",
      maxAdoptersPerPrisoner: "5",
      retentionDays: "180",
      relayAddresses: "Viasna relay\nPO Box 1\nVilnius\n\n  \n\nSecond NGO\r\nBox 2, Warsaw\n",
    });
    expect(parsed).toEqual({
      maxAdoptions: 4,
      maxAdoptersPerPrisoner: 5,
      retentionDays: 180,
      relayAddresses: ["Viasna relay\nPO Box 1\nVilnius", "Second NGO\r\nBox 2, Warsaw"],
    });
    expect(
      settingsSchema.parse({ maxAdoptions: "1", maxAdoptersPerPrisoner: "5", retentionDays: "180" }).relayAddresses,
    ).toEqual([]);
  });

  test("at most 10 relay addresses, and an adoption limit from 1 to 50", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `NGO ${i}\nBox ${i}`).join("\n\n");
    expect(settingsSchema.safeParse({ maxAdoptions: "3", relayAddresses: eleven }).error?.issues[0].message).toBe(
      "coordinatorSettings.relayTooMany",
    );
    expect(settingsSchema.safeParse({ maxAdoptions: "0" }).error?.issues[0].message).toBe(
      "coordinatorSettings.maxAdoptionsRange",
    );
    expect(settingsSchema.safeParse({ maxAdoptions: "51" }).error?.issues[0].message).toBe(
      "coordinatorSettings.maxAdoptionsRange",
    );
    expect(settingsSchema.safeParse({ maxAdoptions: "two" }).error?.issues[0].message).toBe("validation.wholeNumber");
  });

  test("a per-prisoner adoption limit from 1 to 50, required", () => {
    const perPrisoner = (maxAdoptersPerPrisoner?: string) =>
      settingsSchema.safeParse({ maxAdoptions: "3", maxAdoptersPerPrisoner, retentionDays: "180" });
    expect(perPrisoner(" 7 ").data?.maxAdoptersPerPrisoner).toBe(7);
    expect(perPrisoner("0").error?.issues[0].message).toBe("coordinatorSettings.maxAdoptersPerPrisonerRange");
    expect(perPrisoner("51").error?.issues[0].message).toBe("coordinatorSettings.maxAdoptersPerPrisonerRange");
    expect(perPrisoner("five").error?.issues[0].message).toBe("validation.wholeNumber");
    expect(perPrisoner(undefined).error?.issues[0].message).toBe("validation.required");
  });

  test("a retention period from 1 to 3650 days, required", () => {
    const retention = (retentionDays?: string) =>
      settingsSchema.safeParse({ maxAdoptions: "3", maxAdoptersPerPrisoner: "5", retentionDays });
    expect(retention("1").data?.retentionDays).toBe(1);
    expect(retention(" 3650 ").data?.retentionDays).toBe(3650);
    expect(retention("0").error?.issues[0].message).toBe("coordinatorSettings.retentionDaysRange");
    expect(retention("3651").error?.issues[0].message).toBe("coordinatorSettings.retentionDaysRange");
    expect(retention("half a year").error?.issues[0].message).toBe("validation.wholeNumber");
    expect(retention(undefined).error?.issues[0].message).toBe("validation.required");
  });
});
