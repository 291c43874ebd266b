/**
 * The one position convention of Precept: line and column are 1-based, `offset` is the 0-based
 * index in UTF-16 code units, and a range's `end` is exclusive. Chevrotain (inclusive ends) and
 * Monaco are converted at their edges only.
 */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Maps offsets to line/column for one text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** The line index of the last lookup: positions are mostly asked for in text order. */
  private last = 0;

  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** The position at `offset`, clamped into the text. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    const starts = this.lineStarts;
    let lo = this.last;
    if (!(starts[lo]! <= o && (lo + 1 === starts.length || o < starts[lo + 1]!))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      this.last = lo;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1, offset: o };
  }

  range(startOffset: number, endOffset: number): Range {
    const start = this.position(startOffset);
    return { start, end: this.position(Math.max(startOffset, endOffset)) };
  }

  /** Offset of a 1-based line and column, clamped into the text. */
  offsetAt(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    const start = this.lineStarts[l - 1]!;
    const next = l < this.lineStarts.length ? this.lineStarts[l]! - 1 : this.text.length;
    return Math.max(start, Math.min(start + column - 1, next));
  }
}

/** The smallest range covering both. */
export function cover(a: Range, b: Range): Range {
  return {
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}

export function containsOffset(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}
