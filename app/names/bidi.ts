/**
 * Unicode bidirectional controls: embeddings and overrides (U+202A–U+202E),
 * isolates (U+2066–U+2069) and the invisible direction marks (U+200E, U+200F,
 * U+061C). In a name they make text display in another order than it is stored
 * ("RLO" shows "Іваноў" as "ўонавІ"), so a list or a person could pass one name off
 * as another. Names and other identifiers never need them: they are removed.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

const ANY_BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControls(text: string): boolean {
  return ANY_BIDI_CONTROL.test(text);
}
