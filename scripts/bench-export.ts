// `npm run bench:export`: the batch PDF export of BENCH_LETTERS (default 1,000) letters,
// each with its envelope, streamed as the export route streams it (streamLettersPdf),
// into a sink that only counts bytes. Prints the time, the bytes, and the process's
// peak memory (resident set, node itself included), against the aims of issue 15
// (≤ 10 s and ≤ 300 MB for 1,000 letters). Then it reads the PDF back (kept on disk,
// not in memory, while streaming) and refuses to report when it does not hold the
// claimed letters: one page per letter plus one envelope each, the first and the last
// letter's text present. No database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { streamLettersPdf, type LetterPdfInput } from "#app/letters/pdf.server.ts";
import { mulberry32 } from "./bench-list.ts";

const LETTERS = Number(process.env.BENCH_LETTERS ?? 1_000);
const WORDS = [
  "добры",
  "дзень",
  "пішу",
  "вам",
  "з",
  "надзеяй",
  "што",
  "ў",
  "вас",
  "усё",
  "добра",
  "мы",
  "памятаем",
  "чакаем",
  "вясна",
  "сонца",
  "кніга",
  "сябры",
  "вітаюць",
  "моцы",
];

function letters(count: number): LetterPdfInput[] {
  const next = mulberry32(15);
  return Array.from({ length: count }, (_, i) => {
    // About 1,500 characters: a page of an A4 letter.
    const words = Array.from({ length: 220 }, () => WORDS[Math.floor(next() * WORDS.length)]);
    return {
      kind: "letter" as const,
      body: `Ліст ${i + 1}.\n\n${words.join(" ")}.`,
      senderName: `Пісьменнік ${i + 1}`,
      returnAddress: "Relay, PO Box 12, Vilnius",
      recipient: { lines: [`Атрымальнік ${i + 1}`, "ИК №15", "ул. Крупской, 99а", "212013 г. Могилёв", "Беларусь"] },
      envelope: i % 2 === 0 ? ("C5" as const) : ("DL" as const),
      locale: "be" as const,
    };
  });
}

async function main() {
  const [one, five, fifteen] = os.loadavg();
  console.info(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} at start; ${new Date().toISOString()}`,
  );
  const inputs = letters(LETTERS);
  if (inputs.length !== LETTERS || inputs.some((l) => l.kind !== "letter"))
    throw new Error(`The generator claims ${LETTERS} letters; it made ${inputs.length}. Not reporting.`);
  const rssBefore = process.memoryUsage().rss;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sm-bench-export-")), "batch.pdf");
  const out = fs.createWriteStream(file);
  let bytes = 0;
  let firstByteMs = NaN;
  const started = performance.now();
  const reader = streamLettersPdf(inputs).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += r.value.byteLength;
    if (!out.write(r.value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;

  const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const pages = doc.numPages;
  const first = await extractText(doc, { mergePages: false });
  await doc.destroy();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const text = first.text.map((t) => t.replace(/\s+/g, " "));
  const claims =
    pages === 2 * LETTERS &&
    text[0].includes("Ліст 1.") &&
    text[1].includes("Атрымальнік 1") &&
    text[pages - 2].includes(`Ліст ${LETTERS}.`) &&
    text[pages - 1].includes(`Атрымальнік ${LETTERS}`);
  if (!claims)
    throw new Error(`The PDF does not hold ${LETTERS} letters with envelopes (${pages} pages). Not reporting.`);

  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.info(`\n${LETTERS} letters with envelopes, streamed: ${pages} pages, ${mb(bytes)}`);
  console.info(
    `  time            ${seconds.toFixed(2)} s   (first bytes after ${firstByteMs.toFixed(0)} ms; aim ≤ 10 s)`,
  );
  console.info(
    `  peak memory     ${mb(peak)} resident, node included (${mb(rssBefore)} before the export; aim ≤ 300 MB)`,
  );
  console.info(`  verdict         ${seconds <= 10 && peak <= 300 * 1024 * 1024 ? "within the aims" : "OVER an aim"}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
