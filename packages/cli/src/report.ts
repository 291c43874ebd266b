/**
 * Printing diagnostics: `file:line:col: severity code message` with a code frame, or the JSON shape
 * of `precept check --json`. Also de-duplicates: a baseline included by several layers is checked
 * once per layer, but each of its problems is reported once.
 */
import type { Diagnostic } from "@precept/language";
import { codeFrame } from "./frame.js";
import type { Paint } from "./io.js";

export interface JsonDiagnostic {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly range: {
    readonly start: { readonly line: number; readonly column: number };
    readonly end: { readonly line: number; readonly column: number };
  };
  readonly suggestion?: string;
}

/** Drops repeats (same file, place, code and message), keeping the first. */
export function dedupe(diagnostics: readonly Diagnostic[], fallbackUri = ""): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = [
      d.uri ?? fallbackUri,
      d.range.start.offset,
      d.range.end.offset,
      d.code,
      d.message,
    ].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * The order every command reports problems in: repeats dropped, then file by file (in the order
 * each file was first reported), each file's problems in text order.
 */
export function reportOrder(diagnostics: readonly Diagnostic[], fallbackUri = ""): Diagnostic[] {
  const unique = dedupe(diagnostics, fallbackUri);
  const file = (d: Diagnostic) => d.uri ?? fallbackUri;
  const fileOrder = new Map<string, number>();
  for (const d of unique) if (!fileOrder.has(file(d))) fileOrder.set(file(d), fileOrder.size);
  return unique
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        fileOrder.get(file(a.d))! - fileOrder.get(file(b.d))! ||
        a.d.range.start.offset - b.d.range.start.offset ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}

export function toJson(d: Diagnostic, fallbackUri = ""): JsonDiagnostic {
  return {
    file: d.uri ?? fallbackUri,
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: {
      start: { line: d.range.start.line, column: d.range.start.column },
      end: { line: d.range.end.line, column: d.range.end.column },
    },
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
  };
}

const SEVERITY_STYLE = { error: "red", warning: "yellow", info: "blue" } as const;

/** One diagnostic as text, with its code frame when the file's text is known. */
export function formatDiagnostic(
  d: Diagnostic,
  texts: ReadonlyMap<string, string>,
  p: Paint,
  fallbackUri = "",
): string {
  const file = d.uri ?? fallbackUri;
  const head = `${p("bold", `${file}:${d.range.start.line}:${d.range.start.column}:`)} ${p(SEVERITY_STYLE[d.severity], d.severity)} ${p("dim", d.code)} ${d.message}`;
  const lines = [head];
  const text = texts.get(file);
  if (text !== undefined) lines.push(codeFrame(text, d.range, p));
  if (d.suggestion !== undefined && !d.message.includes(d.suggestion)) {
    lines.push(`   ${p("cyan", "suggestion:")} ${d.suggestion}`);
  }
  for (const r of d.related ?? []) {
    lines.push(
      `   ${p("dim", `note: ${r.uri}:${r.range.start.line}:${r.range.start.column}:`)} ${r.message}`,
    );
  }
  return lines.join("\n");
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

export function count(diagnostics: readonly Diagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summary({ errors, warnings }: Counts): string {
  return [
    errors > 0 ? plural(errors, "error") : "",
    warnings > 0 ? plural(warnings, "warning") : "",
  ]
    .filter(Boolean)
    .join(", ");
}
