/**
 * Blanks a template leaves to fill in: "…" standing on its own (after a space, a line
 * start or a comma, before a space, punctuation or the end), as in "Здравствуйте, …!"
 * or "Меня зовут … .". An ellipsis that ends a word ("думаю…") is writing, not a blank.
 * A letter with an unfilled blank is never sent: the checker blocks it.
 */
const BLANK = /(^|[\s,(«"])(…|\.\.\.)(?=$|[\s,.!?;:)»"])/gu;

export function unfilledBlanks(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(BLANK)) {
    const start = (match.index ?? 0) + match[1].length;
    found.push({ start, end: start + match[2].length });
  }
  return found;
}
