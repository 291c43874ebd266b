/**
 * A code frame: the source line a diagnostic points at, with a caret under its range.
 *
 *   12 |   when relation is colleague
 *      |        ^^^^^^^^
 *
 * Positions follow the language's convention: 1-based line and column, end exclusive. A range that
 * spans lines is underlined to the end of its first line; an empty range gets one caret.
 */
import { type Paint, paint } from "./io.js";

export interface FramePosition {
  readonly line: number;
  readonly column: number;
}

export interface FrameRange {
  readonly start: FramePosition;
  readonly end: FramePosition;
}

/** Lines longer than this are cut around the range so the frame stays readable. */
const MAX_WIDTH = 120;

export function codeFrame(text: string, range: FrameRange, p: Paint = paint(false)): string {
  const lines = text.split(/\r?\n/);
  const lineNo = Math.min(Math.max(1, range.start.line), lines.length);
  let source = lines[lineNo - 1] ?? "";
  let start = clamp(range.start.column, 1, source.length + 1);
  let end =
    range.end.line > lineNo
      ? source.length + 1
      : range.end.line < lineNo
        ? start
        : clamp(range.end.column, start, source.length + 1);
  if (end <= start) end = start + 1;

  // Keep long lines readable: cut them to a window that holds the start of the range.
  let prefix = "";
  if (source.length > MAX_WIDTH) {
    const from = Math.max(0, Math.min(start - 1 - 20, source.length - MAX_WIDTH));
    const cut = source.slice(from, from + MAX_WIDTH);
    prefix = from > 0 ? "…" : "";
    source = prefix + cut + (from + MAX_WIDTH < source.length ? "…" : "");
    start = start - from + prefix.length;
    end = Math.min(end - from + prefix.length, source.length + 1);
    if (end <= start) end = start + 1;
  }

  const gutter = String(lineNo);
  // Tabs stay tabs under the caret so that it lines up in any terminal.
  const pad = source.slice(0, start - 1).replace(/[^\t]/g, " ");
  const carets = "^".repeat(end - start);
  return [
    `${p("dim", ` ${gutter} |`)} ${source}`,
    `${p("dim", ` ${" ".repeat(gutter.length)} |`)} ${pad}${p("red", carets)}`,
  ].join("\n");
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.max(low, Math.min(value, high)) : low;
}
