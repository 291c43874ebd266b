/**
 * Comparing syntax trees "up to positions": what a document says, without where it says it.
 */
import type { Diagnostic, PolicyDocument } from "@precept/language";

/**
 * Keys that record where something was written rather than what: ranges, and the clause marks
 * (ranges of clause keywords, which move when the formatter puts clauses in canonical order).
 */
const POSITIONAL = new Set(["range", "operatorRange", "clauses"]);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!POSITIONAL.has(key) && v !== undefined) out[key] = strip(v);
  }
  return out;
}

/**
 * A document without positions, ready for `toEqual`. Comments are compared as a sorted list of
 * their texts (trailing spaces trimmed): formatting keeps every comment but may move one with
 * the clause it annotates.
 */
export function withoutPositions(document: PolicyDocument): unknown {
  return {
    header: strip(document.header),
    declarations: strip(document.declarations),
    comments: document.comments.map((c) => c.text.trimEnd()).sort(),
  };
}

/** The line starts of the last text asked about: callers check many diagnostics of one text. */
let lastLines: { text: string; starts: number[] } | undefined;
function lineStartsOf(text: string): number[] {
  if (lastLines?.text !== text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    lastLines = { text, starts };
  }
  return lastLines.starts;
}

/** The problems with a diagnostic's range in `text`, or an empty list when it is sound. */
export function rangeProblems(text: string, d: Diagnostic): string[] {
  const problems: string[] = [];
  const lineStarts = lineStartsOf(text);
  for (const [name, p] of [
    ["start", d.range.start],
    ["end", d.range.end],
  ] as const) {
    if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) {
      problems.push(`${name} offset ${p.offset} outside [0, ${text.length}]`);
      continue;
    }
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > lineStarts.length) {
      problems.push(`${name} line ${p.line} outside [1, ${lineStarts.length}]`);
      continue;
    }
    const expectedColumn = p.offset - lineStarts[p.line - 1]! + 1;
    const lineEnd = p.line < lineStarts.length ? lineStarts[p.line]! : text.length + 1;
    if (p.offset < lineStarts[p.line - 1]! || p.offset >= lineEnd) {
      problems.push(`${name} offset ${p.offset} is not on line ${p.line}`);
    } else if (p.column !== expectedColumn) {
      problems.push(`${name} column ${p.column} should be ${expectedColumn}`);
    }
  }
  if (d.range.start.offset > d.range.end.offset) problems.push("start after end");
  return problems;
}
