/**
 * The one place where Precept positions meet Monaco's. Precept: 1-based line and column, end
 * exclusive, plus a 0-based offset. Monaco: 1-based line and column, end exclusive. Offsets are
 * what the language services take, so Monaco positions become offsets through the model.
 */
import type { Range } from "@precept/language";
import type { monaco } from "./monaco.js";

export function toMonacoRange(range: Range): monaco.IRange {
  return {
    startLineNumber: range.start.line,
    startColumn: range.start.column,
    endLineNumber: range.end.line,
    endColumn: range.end.column,
  };
}

/** The 0-based offset of a Monaco position in its model. */
export function toOffset(model: monaco.editor.ITextModel, position: monaco.IPosition): number {
  return model.getOffsetAt(position);
}

/** A Monaco range as a Precept range (with offsets) in `model`. */
export function toPreceptRange(model: monaco.editor.ITextModel, range: monaco.IRange): Range {
  const start = { lineNumber: range.startLineNumber, column: range.startColumn };
  const end = { lineNumber: range.endLineNumber, column: range.endColumn };
  return {
    start: { line: start.lineNumber, column: start.column, offset: model.getOffsetAt(start) },
    end: { line: end.lineNumber, column: end.column, offset: model.getOffsetAt(end) },
  };
}
