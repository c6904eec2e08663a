import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { postcardTextFits, renderLetterPdf, type LetterPdfInput } from "#app/letters/pdf.server.ts";

const RECIPIENT = [
  "Кастусёў Рыгор Іванавіч",
  "ИК №4",
  "ул. Антошкина, 3",
  "246035 Гомель",
  "Гомельская обл.",
  "REPUBLIC OF BELARUS",
];

const PARAGRAPH =
  "Добры дзень! Пішу табе з далёкага горада. У нас усё добра, вясна прыйшла рана, " +
  "і ў парку ўжо цвітуць каштаны. Я часта думаю пра цябе і спадзяюся, што ў цябе ёсць сілы.";

const input = (over: Partial<LetterPdfInput> = {}): LetterPdfInput => ({
  kind: "letter",
  body: "Здравствуй, Григорий!\n\nКак твои дела? У нас всё хорошо.\n\nОбнимаю.",
  senderName: "Алеся",
  returnAddress: null,
  recipient: { lines: RECIPIENT },
  envelope: "C5",
  ...over,
});

interface Parsed {
  pages: string[];
  sizes: { width: number; height: number }[];
  info: Record<string, unknown>;
}

async function parse(pdf: Buffer): Promise<Parsed> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  const sizes = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const { width, height } = (await doc.getPage(i)).getViewport({ scale: 1 });
    sizes.push({ width, height });
  }
  const { info } = await getMeta(doc);
  await doc.destroy();
  return { pages: text, sizes, info: info as Record<string, unknown> };
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

function expectSize(size: { width: number; height: number }, width: number, height: number, tolerance = 1) {
  expect(Math.abs(size.width - width)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(size.height - height)).toBeLessThanOrEqual(tolerance);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("renderLetterPdf: letter", () => {
  test("A4 letter page(s) then a C5 envelope with the address laid out", async () => {
    const pdf = await renderLetterPdf(input());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, sizes } = await parse(pdf);

    expect(pages).toHaveLength(2);
    expectSize(sizes[0], 595.28, 841.89, 0.01);
    expectSize(sizes[1], 649, 459);

    // Letter page: the text and the signature.
    const letter = squash(pages[0]);
    expect(letter).toContain("Здравствуй, Григорий!");
    expect(letter).toContain("Как твои дела? У нас всё хорошо.");
    expect(letter).toContain("Обнимаю.");
    expect(lines(pages[0]).at(-1)).toBe("Алеся");
    expect(pages[0]).not.toContain("Кастусёў");

    // Envelope: every address line as one printed line, the country last.
    const envelope = lines(pages[1]);
    for (const line of RECIPIENT) expect(envelope).toContain(line);
    expect(envelope.slice(-RECIPIENT.length)).toEqual(RECIPIENT);
    expect(envelope.at(-1)).toBe("REPUBLIC OF BELARUS");
    expect(envelope[0]).toBe("Алеся");
    expect(pages[1]).not.toContain("Здравствуй");
  });

  test("a long text spans several A4 pages, with page numbers, and the envelope comes last", async () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${PARAGRAPH}`);
    const { pages, sizes } = await parse(await renderLetterPdf(input({ body: paragraphs.join("\n\n") })));

    const letterPages = pages.length - 1;
    expect(letterPages).toBeGreaterThanOrEqual(2);
    for (const size of sizes.slice(0, letterPages)) expectSize(size, 595.28, 841.89, 0.01);
    expectSize(sizes[letterPages], 649, 459);

    const isPageNumber = (l: string) => /^\d+\/\d+$/.test(l);
    const text = squash(
      pages
        .slice(0, letterPages)
        .flatMap(lines)
        .filter((l) => !isPageNumber(l))
        .join("\n"),
    );
    for (const p of paragraphs) expect(text).toContain(p);
    // In order, and the signature after the last paragraph.
    expect(text.indexOf("30. Добры")).toBeGreaterThan(text.indexOf("29. Добры"));
    expect(
      lines(pages[letterPages - 1])
        .filter((l) => !isPageNumber(l))
        .at(-1),
    ).toBe("Алеся");
    for (let i = 0; i < letterPages; i++) expect(lines(pages[i])).toContain(`${i + 1}/${letterPages}`);

    for (const line of RECIPIENT) expect(lines(pages[letterPages])).toContain(line);
  });

  test("a DL envelope is 220×110 mm landscape", async () => {
    const { pages, sizes } = await parse(await renderLetterPdf(input({ envelope: "DL" })));
    expect(pages).toHaveLength(2);
    expectSize(sizes[1], 624, 312);
    const envelope = lines(pages[1]);
    expect(envelope.slice(-RECIPIENT.length)).toEqual(RECIPIENT);
  });

  test("the return address follows the pseudonym top-left; nothing else about the sender is printed", async () => {
    const returnAddress = "Алеся (для писем)\nа/я 15\n220030 Минск\nBELARUS";
    const pdf = await renderLetterPdf(input({ returnAddress, senderName: "  Алеся  " }));
    const { pages, info } = await parse(pdf);

    const envelope = lines(pages[1]);
    expect(envelope.slice(0, 4)).toEqual(["Алеся", "Алеся (для писем)", "а/я 15", "220030 Минск"]);
    expect(envelope.join("\n")).toContain("BELARUS");

    // Remove everything the input asked for: nothing must be left over.
    let rest = pages.join("\n");
    const known = [
      "Здравствуй, Григорий!",
      "Как твои дела? У нас всё хорошо.",
      "Обнимаю.",
      ...RECIPIENT,
      ...returnAddress.split("\n"),
      "Алеся",
      "Марка",
    ];
    for (const k of known.sort((a, b) => b.length - a.length)) rest = rest.split(k).join(" ");
    expect(rest.trim()).toBe("");

    // Neutral metadata.
    expect(info.Title).toBe("Letter");
    expect(info.Creator).toBe("Solidarity Mail");
    expect(info.Producer).toBe("Solidarity Mail");
    expect(info.Author).toBeUndefined();
    expect(pdf.toString("latin1")).not.toMatch(/PDFKit|\/Author/);
  });

  test("the country line is upper-cased when given in Latin lower case; blank address lines are dropped", async () => {
    const recipient = { lines: ["Кастусёў Рыгор Іванавіч", "", "ИК №4", "  246035 Гомель ", "Republic of Belarus"] };
    const { pages } = await parse(await renderLetterPdf(input({ recipient })));
    expect(lines(pages[1]).slice(-4)).toEqual([
      "Кастусёў Рыгор Іванавіч",
      "ИК №4",
      "246035 Гомель",
      "REPUBLIC OF BELARUS",
    ]);
  });

  test("a very long address line shrinks or wraps but is printed in full", async () => {
    const longName = "Кастусёў-Давыдовіч-Ракіцкі Рыгор-Аляксандр Іванавіч (1987 г.н.)";
    const long = "ул. Антошкина, дом 3, корпус 2, исправительная колония №4 управления";
    const recipient = { lines: [longName, long, "246035 Гомель", "REPUBLIC OF BELARUS"] };
    const { pages, sizes } = await parse(await renderLetterPdf(input({ envelope: "DL", recipient })));
    expect(pages).toHaveLength(2);
    expectSize(sizes[1], 624, 312);
    const envelope = squash(pages[1]);
    expect(envelope).toContain(longName);
    expect(envelope).toContain(long);
    expect(lines(pages[1]).at(-1)).toBe("REPUBLIC OF BELARUS");
  });

  test("the stamp-box label is Russian in every interface language: no English word on the envelope", async () => {
    for (const locale of ["en", "ru", "be"] as const) {
      const pdf = await parse(await renderLetterPdf(input({ locale })));
      expect(pdf.pages[1], locale).toContain("Марка");
      expect(pdf.pages.join("\n"), locale).not.toContain("Stamp");
    }
  });

  test("characters the font cannot draw are left out, never printed as empty boxes", async () => {
    const pdf = await parse(await renderLetterPdf(input({ body: "Привет 🙂 обнимаю 👍🏽 крепко" })));
    expect(pdf.pages[0]).toContain("Привет");
    expect(pdf.pages[0]).toContain("крепко");
    const text = pdf.pages.join("\n");
    for (const missing of ["\u{1F642}", "\u{1F44D}", "\u{1F3FD}", "\uFFFD"]) expect(text).not.toContain(missing);
  });

  test("Windows line ends, tabs and surrounding blank lines are normalised", async () => {
    const body = "\r\n\r\nПривет!\r\n\r\n\tКак дела?\r\n\r\n";
    const { pages } = await parse(await renderLetterPdf(input({ body })));
    expect(lines(pages[0])).toEqual(["Привет!", "Как дела?", "Алеся"]);
  });
});

describe("renderLetterPdf: postcard", () => {
  test("two A6 landscape pages: the text side, then the address side", async () => {
    const { pages, sizes } = await parse(
      await renderLetterPdf(input({ kind: "postcard", body: `${PARAGRAPH}\n\n${PARAGRAPH}`, locale: "ru" })),
    );
    expect(pages).toHaveLength(2);
    for (const size of sizes) expectSize(size, 420, 298);

    expect(squash(pages[0])).toContain(squash(PARAGRAPH));
    expect(lines(pages[0]).at(-1)).toBe("Алеся");
    expect(pages[0]).not.toContain("Кастусёў");

    const address = lines(pages[1]);
    expect(address[0]).toBe("Алеся");
    expect(address).toContain("Марка");
    expect(address.slice(-RECIPIENT.length)).toEqual(RECIPIENT);
    expect(pages[1]).not.toContain("Добры");
  });

  test("postcardTextFits tells whether the text fits on one side", () => {
    expect(postcardTextFits(`${PARAGRAPH}\n\n${PARAGRAPH}`, "Алеся")).toBe(true);
    expect(postcardTextFits(Array.from({ length: 12 }, () => PARAGRAPH).join("\n\n"), "Алеся")).toBe(false);
  });

  test("a postcard text too long for one side is cut with an ellipsis, still on two pages", async () => {
    const body = Array.from({ length: 12 }, () => PARAGRAPH).join("\n\n");
    const { pages, sizes } = await parse(await renderLetterPdf(input({ kind: "postcard", body })));
    expect(pages).toHaveLength(2);
    for (const size of sizes) expectSize(size, 420, 298);
    expect(pages[0]).toContain("Добры дзень!");
    expect(pages[0]).toContain("…");
    expect(lines(pages[0]).at(-1)).toBe("Алеся");
  });
});

describe("renderLetterPdf: fonts", () => {
  test("PDF_FONT_DIR overrides the font directory", async () => {
    vi.stubEnv("PDF_FONT_DIR", path.resolve("app/letters/fonts"));
    const { pages } = await parse(await renderLetterPdf(input()));
    expect(pages[1]).toContain("REPUBLIC OF BELARUS");

    vi.stubEnv("PDF_FONT_DIR", "/nonexistent/fonts");
    await expect(renderLetterPdf(input())).rejects.toThrow(/PDF_FONT_DIR/);
  });

  test("the Cyrillic font is embedded (regular and bold)", async () => {
    const raw = (await renderLetterPdf(input())).toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toMatch(/Helvetica/);
  });
});
