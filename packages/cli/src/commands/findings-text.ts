/** Findings of `precept analyze` and `precept diff` as text and JSON. */
import { readDate } from "@precept/language";
import type { Finding } from "@precept/project";
import { type OptionValues, stringOption } from "../args.js";
import { CliError, EXIT_USAGE } from "../errors.js";
import { codeFrame } from "../frame.js";
import type { Paint } from "../io.js";

/** `--as-of DATE` as an ISO date (undefined when not given); a bad date is a usage error. */
export function asOfOption(values: OptionValues): string | undefined {
  const text = stringOption(values, "as-of");
  if (text === undefined) return undefined;
  const day = readDate(text);
  if (!day.ok) throw new CliError(`--as-of ${JSON.stringify(text)}: ${day.message}.`, EXIT_USAGE);
  return day.iso;
}

/** `as of 2025-01-15 (today; change it with --as-of)` for dated policies. */
export function asOfText(asOf: string, given: boolean, changes: readonly string[]): string {
  const how = given ? "given with --as-of" : "today; change it with --as-of";
  const versions =
    changes.length > 0
      ? ` Its rules change on ${changes.join(", ")}: analyse as of ${changes.length === 1 ? "that day" : "each"} (and before) to see every version.`
      : "";
  return `Analysed as of ${asOf} (${how}).${versions}`;
}

const STYLE = { error: "red", warning: "yellow", info: "blue" } as const;

export function findingText(f: Finding, texts: ReadonlyMap<string, string>, p: Paint): string {
  const lines = [
    `${p("bold", `${f.uri}:${f.range.start.line}:${f.range.start.column}:`)} ${p(STYLE[f.severity], f.severity)} ${p("dim", f.code)} ${f.summary}`,
  ];
  const text = texts.get(f.uri);
  if (text !== undefined && f.range.end.offset > f.range.start.offset) {
    lines.push(codeFrame(text, f.range, p));
  }
  if (f.region && f.region.length > 0) {
    lines.push(`   ${p("cyan", f.region.length > 1 ? "where one of:" : "where:")}`);
    for (const r of f.region) lines.push(`     - ${r}`);
    if (f.regionTruncated) lines.push("     - … and other combinations");
  }
  for (const w of f.witnesses) {
    lines.push(`   ${p("cyan", "for example:")} ${w.given}${w.asOf ? ` (as of ${w.asOf})` : ""}`);
    const decided = (o: { outcome: string; rules: readonly string[] }) =>
      `${o.outcome}${o.rules.length > 0 ? ` by rule ${o.rules.join(", ")}` : ""}`;
    lines.push(
      `   ${p("cyan", "decision:")} ${w.before ? `${decided(w.before)} → ` : ""}${decided(w)}`,
    );
  }
  for (const r of f.related) {
    lines.push(
      `   ${p("dim", `note: ${r.uri}:${r.range.start.line}:${r.range.start.column}:`)} ${r.message}`,
    );
  }
  if (f.suggestion) {
    lines.push(`   ${p("cyan", "suggestion:")}`);
    for (const l of f.suggestion.split("\n")) lines.push(`     ${l}`);
  }
  return lines.join("\n");
}

export function findingJson(f: Finding) {
  return {
    file: f.uri,
    code: f.code,
    severity: f.severity,
    summary: f.summary,
    range: {
      start: { line: f.range.start.line, column: f.range.start.column },
      end: { line: f.range.end.line, column: f.range.end.column },
    },
    rules: f.rules,
    ...(f.region ? { region: f.region, regionTruncated: f.regionTruncated === true } : {}),
    witnesses: f.witnesses,
    related: f.related.map((r) => ({
      file: r.uri,
      line: r.range.start.line,
      column: r.range.start.column,
      message: r.message,
    })),
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    ...(f.loosening ? { loosening: f.loosening } : {}),
  };
}
