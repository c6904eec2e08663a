import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { pdfFontDir } from "#app/utils/config.server.ts";

/**
 * The share card of a public page (/c/<slug>/card.png): 1200×630 PNG, the size Open
 * Graph and Twitter's large card expect, with the title and the progress. Drawn as
 * an SVG and rasterised by resvg (prebuilt native binaries from npm, no network,
 * no system fonts): the fonts are loaded explicitly from the files the PDFs use
 * (DejaVu Sans, full Cyrillic including Belarusian ў and і), so the card looks the
 * same on every machine.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface ShareCardInput {
  title: string;
  /** "124 of 300 postcards" */
  progressLabel: string;
  percent: number;
  /** Small line at the bottom: the site's name and address. */
  footer: string;
}

function fontFiles(): string[] {
  const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => path.join(pdfFontDir(), file));
  for (const file of files) {
    // resvg would silently fall back to no font at all (blank text): say which file is missing.
    if (!fs.existsSync(file)) throw new Error(`Share card font not found: ${file} (set PDF_FONT_DIR).`);
  }
  return files;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

/** Splits a title into at most `maxLines` lines of about `maxChars` characters (an ellipsis when cut). */
export function wrapTitle(title: string, maxChars: number, maxLines: number): string[] {
  const words = title.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const piece = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= maxChars) line = `${line} ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1))}…`;
    return kept;
  }
  return lines;
}

export function shareCardSvg(input: ShareCardInput): string {
  const lines = wrapTitle(input.title, 26, 3);
  const percent = Math.max(0, Math.min(100, Math.round(input.percent)));
  const barX = 80;
  const barWidth = CARD_WIDTH - 160;
  const title = lines
    .map(
      (line, i) =>
        `<text x="80" y="${150 + i * 82}" font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="#1b2a3a">${escapeXml(line)}</text>`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fbf8f2"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="#c8102e"/>`,
    title,
    `<text x="80" y="470" font-family="DejaVu Sans" font-size="40" fill="#1b2a3a">${escapeXml(input.progressLabel)}</text>`,
    `<rect x="${barX}" y="500" width="${barWidth}" height="36" rx="18" fill="#e4ddd0"/>`,
    percent > 0
      ? `<rect x="${barX}" y="500" width="${Math.max(36, (barWidth * percent) / 100)}" height="36" rx="18" fill="#2f6b4f"/>`
      : "",
    `<text x="80" y="590" font-family="DejaVu Sans" font-size="28" fill="#5a6470">${escapeXml(input.footer)}</text>`,
    `</svg>`,
  ].join("");
}

/** The card as PNG bytes. */
export function renderShareCard(input: ShareCardInput): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(shareCardSvg(input), {
    fitTo: { mode: "width", value: CARD_WIDTH },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return Uint8Array.from(resvg.render().asPng());
}
