/**
 * What the embedded PDF fonts can draw (pure, browser-safe). A character the
 * font lacks would print as an empty box, so the writing help flags it and the
 * PDF leaves it out. Line breaks and tabs are fine; zero-width characters,
 * variation selectors and the zero-width joiner (parts of emoji sequences)
 * are invisible and silently dropped.
 */
import { FONT_RANGES } from "./font-coverage.ts";

function isInvisible(c: number): boolean {
  return (
    c === 0x200b ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x2060 ||
    c === 0xfeff ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xe0100 && c <= 0xe01ef)
  );
}

/** True when the PDF font has a glyph for the code point. */
export function fontCanDraw(c: number): boolean {
  let lo = 0;
  let hi = FONT_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = FONT_RANGES[mid];
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return true;
  }
  return false;
}

function printable(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x09 || fontCanDraw(c);
}

/**
 * Runs of characters the PDF cannot draw, with [start, end) positions in the
 * text (UTF-16 indices); an emoji sequence (with its joiners and variation
 * selectors) is one run.
 */
export function unprintableCharacters(text: string): { start: number; end: number; text: string }[] {
  const runs: { start: number; end: number; text: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.codePointAt(i) as number;
    const size = c > 0xffff ? 2 : 1;
    if (!isInvisible(c) && !printable(c)) {
      const last = runs[runs.length - 1];
      if (last && last.end === i) {
        last.end = i + size;
        last.text = text.slice(last.start, last.end);
      } else runs.push({ start: i, end: i + size, text: text.slice(i, i + size) });
    } else if (isInvisible(c)) {
      const last = runs[runs.length - 1];
      if (last && last.end === i) {
        last.end = i + size;
        last.text = text.slice(last.start, last.end);
      }
    }
    i += size;
  }
  return runs;
}

/** The text without the characters the PDF font cannot draw (and without invisible ones). */
export function printableText(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (!isInvisible(c) && printable(c)) out += ch;
  }
  return out;
}
