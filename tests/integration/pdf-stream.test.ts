import { expect, test } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { renderLettersPdf, streamLettersPdf, type LetterPdfInput } from "#app/letters/pdf.server.ts";

/**
 * The batch export streams its PDF (app/routes/coordinator.items.export.tsx): read
 * back with a PDF text extractor, every page must say what the whole-document
 * rendering says, with each letter's page numbers counting its own pages only.
 */
async function pages(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(pdf);
  const { text } = await extractText(doc, { mergePages: false });
  await doc.destroy();
  return text.map((t) => t.replace(/\s+/g, " ").trim());
}

function inputs(): LetterPdfInput[] {
  const paragraph = "Добры дзень! Пішу вам з надзеяй, што ў вас усё добра. ".repeat(12);
  return Array.from({ length: 12 }, (_, i) => ({
    kind: i % 4 === 3 ? ("postcard" as const) : ("letter" as const),
    // Every third letter runs over two pages.
    body: `Ліст нумар ${i + 1}.\n\n${i % 3 === 0 ? `${paragraph}\n\n`.repeat(8) : paragraph}`,
    senderName: `Пісьменнік ${i + 1}`,
    returnAddress: "Relay, PO Box 12, Vilnius",
    recipient: { lines: [`Атрымальнік ${i + 1}`, "ИК №15", "ул. Крупской, 99а", "212013 г. Могилёв", "Беларусь"] },
    envelope: i % 2 === 0 ? ("C5" as const) : ("DL" as const),
    locale: "be" as const,
  }));
}

test("the streamed batch PDF comes in many pieces and reads as the whole document does, letter by letter", async () => {
  const batch = inputs();
  const reader = streamLettersPdf(batch).getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  expect(chunks.length).toBeGreaterThan(batch.length);
  const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    streamed.set(c, at);
    at += c.byteLength;
  }
  expect(Buffer.from(streamed.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

  const got = await pages(streamed);
  expect(got).toEqual(await pages(new Uint8Array(await renderLettersPdf(batch))));

  // Each letter: its pages, numbered k/n among its own pages only when there are several
  // (letters 1, 7, 10 run over three pages), then its envelope. A postcard: text side, address side.
  let page = 0;
  for (const [i, input] of batch.entries()) {
    const n = i + 1;
    expect(got[page]).toContain(`Ліст нумар ${n}.`);
    const envelope = got.findIndex((text, at) => at > page && text.startsWith(`Пісьменнік ${n} Relay`));
    expect(envelope).toBeGreaterThan(page);
    expect(got[envelope]).toContain(`Атрымальнік ${n}`);
    const own = got.slice(page, envelope);
    if (input.kind === "postcard") expect(own).toHaveLength(1);
    else if (i % 3 === 0) {
      expect(own.length).toBeGreaterThan(1);
      own.forEach((text, k) => expect(text.endsWith(` ${k + 1}/${own.length}`)).toBe(true));
    } else {
      expect(own).toHaveLength(1);
      expect(own[0]).not.toMatch(/ \d+\/\d+$/);
    }
    expect(own.at(-1)).toContain(`Пісьменнік ${n}`);
    page = envelope + 1;
  }
  expect(got).toHaveLength(page);
});
