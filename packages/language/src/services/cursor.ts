/**
 * Test support: texts with the cursor marked as `<|>` (Langium's convention), so a test reads like
 * the editor it describes: `rule 1: relationship is <|>`.
 */
import type { Range } from "../position.js";

export const CURSOR = "<|>";

/** The text without its marker and the 0-based offset where the marker was. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) {
    throw new Error(`mark exactly one cursor with ${CURSOR}`);
  }
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

/** The text a range covers. */
export function covered(text: string, range: Range): string {
  return text.slice(range.start.offset, range.end.offset);
}
