/**
 * Characters that have no place in a policy, reported wherever they are (in quoted text and
 * comments too): control characters, which are invisible or make a terminal do things when the
 * text is shown, and U+FFFD, the mark a decoder leaves where bytes were not valid UTF-8.
 */
import { type Diagnostic, diagnostic, MAX_PROBLEMS } from "./diagnostics.js";
import type { LineIndex } from "./position.js";

/** C0 controls but tab, line feed, vertical tab, form feed and carriage return; DEL; C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const REPORTED = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;
const REPLACEMENT = /\ufffd+/g;

/** `U+001B` for a character, as messages name it. */
export function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The lexer's unexpected text without the characters reported here (they have their own). */
export function withoutReportedCharacters(text: string): string {
  return text.replace(REPORTED, "");
}

export function characterProblems(text: string, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(CONTROL)) {
    if (out.length >= MAX_PROBLEMS) return out;
    const what =
      m[0].length === 1
        ? `a control character (${codePoint(m[0])})`
        : `${m[0].length} control characters (the first is ${codePoint(m[0])})`;
    out.push(
      diagnostic(
        "control-character",
        "error",
        `This text holds ${what}: invisible in an editor, and able to change what a terminal shows. Remove it.`,
        lines.range(m.index, m.index + m[0].length),
        { suggestion: "", actual: codePoint(m[0]) },
      ),
    );
  }
  for (const m of text.matchAll(REPLACEMENT)) {
    if (out.length >= MAX_PROBLEMS) return out;
    out.push(
      diagnostic(
        "invalid-encoding",
        "error",
        "The file is not valid UTF-8 here (or holds the replacement character U+FFFD, which a decoder leaves for bytes it could not read). Save the file as UTF-8 and retype what was here.",
        lines.range(m.index, m.index + m[0].length),
      ),
    );
  }
  return out;
}
