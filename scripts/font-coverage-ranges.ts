import { createRequire } from "node:module";
import path from "node:path";

// fontkit ships no type declarations; this is the one call used.
const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(file: string): { characterSet: number[] } };

/** Code-point ranges drawn by both DejaVuSans.ttf and DejaVuSans-Bold.ttf in the directory. */
export function fontCoverageRanges(dir: string): [number, number][] {
  const open = (file: string) => fontkit.openSync(path.join(dir, file));
  const bold = new Set(open("DejaVuSans-Bold.ttf").characterSet);
  const both = open("DejaVuSans.ttf")
    .characterSet.filter((c) => bold.has(c))
    .sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const c of both) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}
