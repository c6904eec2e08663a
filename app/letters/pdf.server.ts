/**
 * Print-ready PDF for the self-post route (Viasna manual): the volunteer
 * prints the letter and its envelope (or a postcard) and posts it personally.
 *
 * Letter: A4 portrait pages with the text (wrapped, page breaks as needed,
 * the sender's pseudonym at the end, "1/2" page numbers when there is more
 * than one page, unlabelled fold ticks in the side margins: one fold for a C5
 * envelope, two for DL), then one page the size of the envelope (C5 229×162 mm
 * or DL 220×110 mm, landscape) to print on the envelope itself: return block
 * (pseudonym + optional return address) top-left, a stamp box top-right and
 * the recipient block in the lower right quarter, one line per address line,
 * the last line (the country in Latin capitals) in bold.
 *
 * Address blocks keep one printed line per address line by shrinking the
 * font; below a readable minimum (10 pt on envelopes) a long line wraps.
 *
 * Postcard: two A6 landscape pages (148×105 mm): the text side (the text is
 * shrunk to fit one side, down to 7 pt; past that it is cut with an ellipsis,
 * so check postcardTextFits() upstream), then the address side with a
 * vertical divider, the pseudonym (+ return address) small on the left, the
 * stamp box and the recipient block on the right.
 *
 * Nothing but the letter text, the pseudonym, the return address, the
 * recipient address, page numbers and the localized stamp-box label is
 * printed: every sheet is read by a censor and should carry no foreign words,
 * which is why the fold marks carry no text. Metadata is neutral (Title
 * "Letter", Creator/Producer "Solidarity Mail", no Author).
 *
 * Fonts: DejaVu Sans (Cyrillic) shipped in app/letters/fonts/, resolved from
 * the working directory (the server bundle lives in build/server, so the
 * source file's location is useless at run time); PDF_FONT_DIR overrides the
 * directory (absolute, or relative to the working directory).
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { printableText } from "./printable.ts";
import { pdfFontDir } from "#app/utils/config.server.ts";

export interface PdfAddress {
  /** Already laid out, one entry per printed line; the last is the country in Latin capitals. */
  lines: string[];
}

export interface LetterPdfInput {
  kind: "letter" | "postcard";
  /** The letter text (Cyrillic); may contain blank lines. */
  body: string;
  /** The volunteer's pseudonym only. */
  senderName: string;
  /** Optional, multi-line; may be an NGO relay address. */
  returnAddress: string | null;
  recipient: PdfAddress;
  /** Envelope size for letters (ignored for postcards). */
  envelope: "C5" | "DL";
  /** Language of the small print (the stamp-box label); default "en". */
  locale?: "en" | "ru" | "be";
}

type Doc = PDFKit.PDFDocument;

export const MM = 72 / 25.4;
/** Page sizes in points (width, height). */
export const PAGE_SIZES = {
  A4: [595.28, 841.89],
  C5: [229 * MM, 162 * MM],
  DL: [220 * MM, 110 * MM],
  A6: [148 * MM, 105 * MM],
} as const satisfies Record<string, readonly [number, number]>;

// The envelope is read by the post and the censor: no English word on it, whatever the interface language.
const LABELS = {
  en: { stamp: "Марка" },
  ru: { stamp: "Марка" },
  be: { stamp: "Марка" },
} as const;

/**
 * The body font, named by the path the document opens it from as its default font:
 * PDFKit caches a font under the name it was first asked by, and a registered alias of
 * the same face (the name "Body") was never cached — it parsed the whole font file again
 * on every `doc.font("Body")`, about half of a batch export's time. (A function: the
 * font folder is configuration, read once the app has started.)
 */
function regular(): string {
  return path.join(pdfFontDir(), "DejaVuSans.ttf");
}
const BOLD = "Body-Bold";
const INK = "#000000";
const GREY = "#808080";
const SAFE_MARGIN = 10 * MM; // keep away from the unprintable edge

// ---------------------------------------------------------------------------
// Fonts

const fontCache = new Map<string, Buffer>();

export { pdfFontDir };

function loadFont(file: string): { path: string; data: Buffer } {
  const full = path.join(pdfFontDir(), file);
  let data = fontCache.get(full);
  if (!data) {
    try {
      data = fs.readFileSync(full);
    } catch {
      throw new Error(
        `PDF font not found: ${full}. Run the server from the project root or set PDF_FONT_DIR to the directory holding ${file}.`,
      );
    }
    fontCache.set(full, data);
  }
  return { path: full, data };
}

// ---------------------------------------------------------------------------
// Text helpers

/** Normalise user text: LF line ends, tabs as spaces, no control characters, nothing the font cannot draw (no empty boxes), no trailing blank lines. */
function cleanText(text: string): string {
  return (
    printableText(text)
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, "    ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, "")
      .replace(/[ \u00A0]+$/gm, "")
      .replace(/^\n+|\n+$/g, "")
  );
}

function cleanLine(line: string): string {
  return cleanText(line).replace(/\s+/g, " ").trim();
}

function cleanLines(lines: string[]): string[] {
  return lines.map(cleanLine).filter((line) => line !== "");
}

/** The country line is written in Latin capitals: upper-case it when it is Latin text. */
function countryLine(line: string): string {
  return /^[A-Za-z .,'-]+$/.test(line) ? line.toUpperCase() : line;
}

interface Block {
  lines: string[];
  /** Index of the line printed in bold, or -1. */
  boldIndex: number;
}

interface FittedBlock {
  size: number;
  lineGap: number;
  height: number;
  width: number;
}

function lineFont(block: Block, i: number): string {
  return i === block.boldIndex ? BOLD : regular();
}

function measureBlock(doc: Doc, block: Block, size: number, maxWidth: number, gapRatio: number): FittedBlock {
  const lineGap = size * gapRatio;
  let height = 0;
  let width = 0;
  block.lines.forEach((line, i) => {
    doc.font(lineFont(block, i)).fontSize(size);
    width = Math.max(width, Math.min(maxWidth, doc.widthOfString(line)));
    height += doc.heightOfString(line, { width: maxWidth, lineGap });
  });
  return { size, lineGap, height, width };
}

/**
 * The largest size in [minSize, maxSize] (0.5 pt steps) at which every line fits
 * the width on one line and the block fits the height; at minSize, long lines wrap.
 */
function fitBlock(
  doc: Doc,
  block: Block,
  opts: { maxWidth: number; maxHeight: number; maxSize: number; minSize: number; gapRatio: number },
): FittedBlock {
  for (let size = opts.maxSize; size > opts.minSize; size -= 0.5) {
    const m = measureBlock(doc, block, size, opts.maxWidth, opts.gapRatio);
    const oneLineEach = block.lines.every((line, i) => {
      doc.font(lineFont(block, i)).fontSize(size);
      return doc.widthOfString(line) <= opts.maxWidth;
    });
    if (oneLineEach && m.height <= opts.maxHeight) return m;
  }
  return measureBlock(doc, block, opts.minSize, opts.maxWidth, opts.gapRatio);
}

function drawBlock(
  doc: Doc,
  block: Block,
  fit: FittedBlock,
  x: number,
  y: number,
  maxWidth: number,
  color = INK,
): void {
  let cursor = y;
  block.lines.forEach((line, i) => {
    doc.font(lineFont(block, i)).fontSize(fit.size).fillColor(color);
    const h = doc.heightOfString(line, { width: maxWidth, lineGap: fit.lineGap });
    doc.text(line, x, cursor, { width: maxWidth, lineGap: fit.lineGap });
    cursor += h;
  });
}

function drawStampBox(doc: Doc, x: number, y: number, w: number, h: number, label: string, labelSize: number): void {
  doc.save().lineWidth(0.6).strokeColor(GREY).dash(3, { space: 2 }).rect(x, y, w, h).stroke().undash().restore();
  doc.font(regular()).fontSize(labelSize).fillColor(GREY);
  const th = doc.heightOfString(label, { width: w });
  doc.text(label, x, y + (h - th) / 2, { width: w, align: "center", lineBreak: false });
  doc.fillColor(INK);
}

function senderBlock(input: LetterPdfInput): Block {
  const lines = [cleanLine(input.senderName), ...cleanLines((input.returnAddress ?? "").split("\n"))].filter(
    (line) => line !== "",
  );
  return { lines, boldIndex: -1 };
}

function recipientBlock(input: LetterPdfInput): Block {
  const lines = cleanLines(input.recipient.lines);
  if (lines.length > 0) lines[lines.length - 1] = countryLine(lines[lines.length - 1]);
  return { lines, boldIndex: lines.length - 1 };
}

// ---------------------------------------------------------------------------
// Letter

const LETTER_MARGINS = { top: 25 * MM, bottom: 25 * MM, left: 25 * MM, right: 20 * MM };
const LETTER_SIZE = 12;
const LETTER_LINE_GAP = 4;

function renderLetterPages(doc: Doc, input: LetterPdfInput): void {
  doc.addPage({ size: [...PAGE_SIZES.A4], margins: LETTER_MARGINS });
  const width = PAGE_SIZES.A4[0] - LETTER_MARGINS.left - LETTER_MARGINS.right;
  const body = cleanText(input.body);
  doc.font(regular()).fontSize(LETTER_SIZE).fillColor(INK);
  if (body !== "") {
    doc.text(body, LETTER_MARGINS.left, LETTER_MARGINS.top, { width, lineGap: LETTER_LINE_GAP });
  }
  const signature = cleanLine(input.senderName);
  if (signature !== "") {
    if (body !== "") doc.moveDown(1.5);
    doc.text(signature, LETTER_MARGINS.left, doc.y, { width, align: "right", lineGap: LETTER_LINE_GAP });
  }

  // Fold ticks and page numbers, drawn on the finished pages.
  const { start, count } = doc.bufferedPageRange();
  const [pw, ph] = PAGE_SIZES.A4;
  const folds = input.envelope === "DL" ? [ph / 3, (ph * 2) / 3] : [ph / 2];
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    doc.page.margins.bottom = 0; // footer sits below the text area: no automatic page break
    doc.save().lineWidth(0.5).strokeColor(GREY);
    for (const y of folds) {
      doc
        .moveTo(7 * MM, y)
        .lineTo(14 * MM, y)
        .stroke();
      doc
        .moveTo(pw - 14 * MM, y)
        .lineTo(pw - 7 * MM, y)
        .stroke();
    }
    doc.restore();
    if (count > 1) {
      doc.font(regular()).fontSize(9).fillColor(GREY);
      doc.text(`${i + 1}/${count}`, 0, ph - 15 * MM, { width: pw, align: "center", lineBreak: false });
      doc.fillColor(INK);
    }
  }
}

function renderEnvelopePage(doc: Doc, input: LetterPdfInput, labels: (typeof LABELS)[keyof typeof LABELS]): void {
  const [w, h] = PAGE_SIZES[input.envelope];
  doc.addPage({ size: [w, h], margin: 0 });
  const small = input.envelope === "DL";

  // Return block, top-left.
  const sender = senderBlock(input);
  const senderWidth = w * 0.42 - SAFE_MARGIN;
  const senderFit = fitBlock(doc, sender, {
    maxWidth: senderWidth,
    maxHeight: h * 0.4,
    maxSize: small ? 9 : 10,
    minSize: 6.5,
    gapRatio: 0.15,
  });
  drawBlock(doc, sender, senderFit, SAFE_MARGIN, SAFE_MARGIN, senderWidth);

  // Stamp box, top-right.
  const stampW = (small ? 26 : 30) * MM;
  const stampH = (small ? 30 : 34) * MM;
  drawStampBox(doc, w - SAFE_MARGIN - stampW, SAFE_MARGIN, stampW, stampH, labels.stamp, 8);

  // Recipient block, lower right quarter; the bottom 18 mm stay free for postal barcodes.
  const recipient = recipientBlock(input);
  const right = w - 12 * MM;
  const leftMin = w * 0.42;
  const maxWidth = right - leftMin;
  const bottom = h - 18 * MM;
  const topMin = SAFE_MARGIN + stampH + 4 * MM;
  const fit = fitBlock(doc, recipient, {
    maxWidth,
    maxHeight: bottom - topMin,
    maxSize: small ? 13 : 15,
    minSize: 10, // below this, long lines wrap rather than shrink the whole block
    gapRatio: 0.3,
  });
  const x = Math.min(Math.max(right - fit.width, leftMin), w * 0.5);
  const top = h / 2 + fit.height <= bottom ? h / 2 : Math.max(topMin, bottom - fit.height);
  drawBlock(doc, recipient, fit, x, top, right - x);
}

// ---------------------------------------------------------------------------
// Postcard

const POSTCARD_MARGIN = 8 * MM;
const POSTCARD_MAX_SIZE = 10.5;
const POSTCARD_MIN_SIZE = 7;

interface PostcardTextFit {
  size: number;
  lineGap: number;
  bodyH: number;
  sigH: number;
  fits: boolean;
}

/** The largest text size (0.5 pt steps) at which the text and signature fill at most one postcard side. */
function fitPostcardText(doc: Doc, body: string, signature: string): PostcardTextFit {
  const [w, h] = PAGE_SIZES.A6;
  const width = w - 2 * POSTCARD_MARGIN;
  const height = h - 2 * POSTCARD_MARGIN;
  const measure = (size: number): PostcardTextFit => {
    doc.font(regular()).fontSize(size);
    const lineGap = size * 0.2;
    const bodyH = body === "" ? 0 : doc.heightOfString(body, { width, lineGap });
    const sigH = signature === "" ? 0 : doc.heightOfString(signature, { width, lineGap }) + size * 0.8;
    return { size, lineGap, bodyH, sigH, fits: bodyH + sigH <= height };
  };
  let m = measure(POSTCARD_MAX_SIZE);
  while (!m.fits && m.size > POSTCARD_MIN_SIZE) m = measure(m.size - 0.5);
  return m;
}

function newDocument(info: boolean): Doc {
  const body = loadFont("DejaVuSans.ttf");
  const bold = loadFont("DejaVuSans-Bold.ttf");
  const doc: Doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    font: body.path, // never load the built-in Helvetica; the same path as regular()
    ...(info ? { info: { Title: "Letter", Creator: "Solidarity Mail", Producer: "Solidarity Mail" } } : {}),
  });
  doc.registerFont(BOLD, bold.data);
  return doc;
}

/** The longest word-boundary prefix of the text that, followed by " …", fits the height (current font). */
function truncateToHeight(doc: Doc, text: string, opts: { width: number; lineGap: number }, height: number): string {
  const words = text.split(/(?<=\s)/); // keeps the whitespace (and line breaks) with each word
  const cut = (n: number) => `${words.slice(0, n).join("").trimEnd()} …`;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(cut(mid), opts) <= height) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

/**
 * Whether a postcard text (with the signature) fits on the text side at a
 * readable size. A longer text is cut with an ellipsis by renderLetterPdf:
 * check this first and ask for a shorter text (or a letter) instead.
 */
export function postcardTextFits(body: string, senderName: string): boolean {
  const doc = newDocument(false);
  doc.addPage({ size: [...PAGE_SIZES.A6], margin: 0 });
  return fitPostcardText(doc, cleanText(body), cleanLine(senderName)).fits;
}

function renderPostcard(doc: Doc, input: LetterPdfInput, labels: (typeof LABELS)[keyof typeof LABELS]): void {
  const [w, h] = PAGE_SIZES.A6;
  const margin = POSTCARD_MARGIN;

  // Text side.
  doc.addPage({ size: [w, h], margin: 0 });
  const width = w - 2 * margin;
  const height = h - 2 * margin;
  const body = cleanText(input.body);
  const signature = cleanLine(input.senderName);
  const m = fitPostcardText(doc, body, signature);
  doc.font(regular()).fontSize(m.size).fillColor(INK);
  const bodyRoom = Math.max(0, height - m.sigH);
  if (body !== "") {
    const text = m.fits ? body : truncateToHeight(doc, body, { width, lineGap: m.lineGap }, bodyRoom);
    doc.text(text, margin, margin, { width, lineGap: m.lineGap });
  }
  if (signature !== "") {
    const y = margin + Math.min(m.bodyH, bodyRoom) + (body === "" ? 0 : m.size * 0.8);
    doc.text(signature, margin, y, { width, align: "right", lineGap: m.lineGap, lineBreak: false });
  }

  // Address side.
  doc.addPage({ size: [w, h], margin: 0 });
  const mid = w / 2;
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(GREY)
    .moveTo(mid, margin)
    .lineTo(mid, h - margin)
    .stroke()
    .restore();

  const sender = senderBlock(input);
  const senderWidth = mid - margin - 4 * MM;
  const senderFit = fitBlock(doc, sender, {
    maxWidth: senderWidth,
    maxHeight: h / 2 - margin,
    maxSize: 7.5,
    minSize: 5.5,
    gapRatio: 0.15,
  });
  drawBlock(doc, sender, senderFit, margin, margin, senderWidth);

  const stampW = 22 * MM;
  const stampH = 26 * MM;
  drawStampBox(doc, w - margin - stampW, margin, stampW, stampH, labels.stamp, 6.5);

  const recipient = recipientBlock(input);
  const left = mid + 5 * MM;
  const maxWidth = w - margin - left;
  const topMin = margin + stampH + 4 * MM;
  const bottom = h - margin - 2 * MM;
  const fit = fitBlock(doc, recipient, {
    maxWidth,
    maxHeight: bottom - topMin,
    maxSize: 10,
    minSize: 7.5,
    gapRatio: 0.3,
  });
  const top = Math.max(topMin, bottom - fit.height);
  drawBlock(doc, recipient, fit, left, top, maxWidth);
}

// ---------------------------------------------------------------------------

export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  return renderLettersPdf([input]);
}

function renderOne(doc: Doc, input: LetterPdfInput): void {
  const labels = LABELS[input.locale ?? "en"] ?? LABELS.en;
  if (input.kind === "postcard") {
    renderPostcard(doc, input, labels);
  } else {
    renderLetterPages(doc, input);
    renderEnvelopePage(doc, input, labels);
  }
  // The finished pages go out to the stream and leave memory; it also keeps the next
  // letter's page numbers and fold ticks (drawn over the buffered pages) to its own pages.
  doc.flushPages();
}

/** Several letters in one print-ready document, each followed by its envelope (a batch for a service that prints). */
export async function renderLettersPdf(inputs: LetterPdfInput[]): Promise<Buffer> {
  const doc = newDocument(true);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  for (const input of inputs) renderOne(doc, input);
  doc.end();
  return done;
}

/**
 * The same document as renderLettersPdf, as a stream for the response: each letter's
 * pages are written out as soon as they are drawn, so memory holds one letter (plus
 * what the reader has not taken yet), and the event loop gets a turn between letters
 * (other requests are answered while a large batch renders). A letter is drawn only
 * when the reader asks for more, so a slow reader pauses the drawing.
 */
export function streamLettersPdf(inputs: LetterPdfInput[]): ReadableStream<Uint8Array> {
  const doc = newDocument(true);
  const queue: Uint8Array[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  doc.on("data", (chunk: Buffer) => {
    queue.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    notify();
  });
  doc.on("end", () => {
    ended = true;
    notify();
  });
  doc.on("error", (error: unknown) => {
    failure = error;
    notify();
  });
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Draw letters until something can be handed out (or the document is done).
      while (queue.length === 0 && !ended && failure === null) {
        if (next < inputs.length) {
          renderOne(doc, inputs[next++]);
          if (next < inputs.length) await new Promise((resolve) => setImmediate(resolve));
        } else if (next === inputs.length) {
          next++;
          doc.end();
        } else {
          await new Promise<void>((resolve) => (wake = resolve));
        }
      }
      if (failure !== null) return controller.error(failure);
      // One letter's output at a time: the reader asks again (pull) when it wants more.
      for (const chunk of queue.splice(0)) controller.enqueue(chunk);
      if (ended) controller.close();
    },
    cancel() {
      next = inputs.length + 1;
      doc.removeAllListeners("data");
    },
  });
}
