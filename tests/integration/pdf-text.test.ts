import { describe, expect, test } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { renderLetterPdf } from "#app/letters/pdf.server.ts";
import { renderCustomsPdf } from "#app/parcels/customs-pdf.server.ts";
import { envelopeAddressLines, type EnvelopeName } from "#app/models/envelope.ts";

/**
 * Every PDF the app prints, read back with a PDF text extractor: what the post,
 * the censor and the customs officer will actually see.
 */
async function pages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: false })).text;
}

const flat = (text: string) => text.replace(/\s+/g, " ");

const RU_NAME: EnvelopeName[] = [
  { surname: "Севастьянов", givenName: "Сергей", patronymic: "Сергеевич", script: "cyrillic_ru" },
];
const BY_NAME: EnvelopeName[] = [
  { surname: "Кастусёў", givenName: "Рыгор", patronymic: "Іванавіч", script: "cyrillic_be" },
];
const RU_ADDRESS = envelopeAddressLines({
  country: "RU",
  names: RU_NAME,
  birthDate: new Date("1980-05-01T00:00:00Z"),
  facility: {
    name: "ИК-11",
    street: "",
    postcode: "431120",
    city: "п. Ударный",
    district: "Зубово-Полянский р-н",
    region: "Республика Мордовия",
  },
});
const BY_ADDRESS = envelopeAddressLines({
  country: "BY",
  names: BY_NAME,
  birthDate: null,
  facility: {
    name: "ИК-1",
    street: "ИК-1, ул. Катина, 5",
    postcode: "211440",
    city: "г. Новополоцк",
    district: "Полоцкий р-н",
    region: "Витебская обл.",
  },
});

describe("printed PDFs, read back as text", () => {
  test("a letter and its envelope to Russia: the address in the Russian postal order, country last, no English word", async () => {
    const [letter, envelope] = await pages(
      await renderLetterPdf({
        kind: "letter",
        body: "Здравствуйте! Пишу вам 🙂 из Варшавы.",
        senderName: "Алеся",
        returnAddress: null,
        recipient: { lines: RU_ADDRESS },
        envelope: "C5",
        locale: "en",
      }),
    );
    expect(flat(letter)).toContain("Здравствуйте! Пишу вам из Варшавы.");
    const text = flat(envelope);
    // Russian envelopes name the person in the dative ("Кому": Севастьянову Сергею Сергеевичу).
    const order = [
      "Севастьянову Сергею Сергеевичу, 1980 г.р.",
      "ИК-11",
      "п. Ударный",
      "Зубово-Полянский р-н",
      "Республика Мордовия",
      "431120",
      "RUSSIAN FEDERATION",
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("Марка");
    expect(text).not.toContain("Stamp");
  });

  test("a letter and its envelope to Belarus: postcode and town on one line, district and oblast, the facility once", async () => {
    const [, envelope] = await pages(
      await renderLetterPdf({
        kind: "letter",
        body: "Добры дзень!",
        senderName: "Алеся",
        returnAddress: null,
        recipient: { lines: BY_ADDRESS },
        envelope: "DL",
        locale: "be",
      }),
    );
    const text = flat(envelope);
    expect(text).toContain("211440 г. Новополоцк");
    expect(text).toContain("Полоцкий р-н, Витебская обл.");
    expect(text.split("ИК-1").length - 1).toBe(1);
    expect(text.trim().endsWith("REPUBLIC OF BELARUS")).toBe(true);
  });

  test("a postcard: the text side and the address side", async () => {
    const [front, back] = await pages(
      await renderLetterPdf({
        kind: "postcard",
        body: "С днём рождения!",
        senderName: "Алеся",
        returnAddress: null,
        recipient: { lines: BY_ADDRESS },
        envelope: "C5",
        locale: "ru",
      }),
    );
    expect(flat(front)).toContain("С днём рождения!");
    expect(flat(back)).toContain("REPUBLIC OF BELARUS");
  });

  test.each(["CN22", "CN23"] as const)(
    "a %s lists every item in Russian and English with the recipient's full name",
    async (form) => {
      const [page] = await pages(
        await renderCustomsPdf({
          form,
          sender: ["Forest Bird", "Relay, Warsaw"],
          addressee: BY_ADDRESS,
          items: [
            {
              nameRu: "Чай чёрный листовой, 100 г",
              nameEn: "Black tea, loose leaf, 100 g",
              quantity: 2,
              weightGrams: 200,
              valueCents: 500,
            },
          ],
          currency: "EUR",
        }),
      );
      const text = flat(page);
      expect(text).toContain(form === "CN22" ? "CN 22" : "CN 23");
      expect(text).toContain("Кастусёў Рыгор Іванавіч");
      expect(text).toContain("Чай чёрный листовой, 100 г");
      expect(text).toContain("Black tea, loose leaf, 100 g");
    },
  );
});
