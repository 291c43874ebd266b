/** The outline of a policy: its declarations in source order, with their parts nested. */
import type * as A from "../ast.js";
import type { Range } from "../position.js";
import { conditionText, factTypeText } from "./describe.js";

export type OutlineKind =
  | "policy"
  | "source"
  | "outcomes"
  | "outcome"
  | "fact"
  | "value"
  | "term"
  | "rule"
  | "override"
  | "disable"
  | "amend"
  | "exception"
  | "scenario";

export interface OutlineSymbol {
  readonly name: string;
  /** A short description shown after the name (a rule's title, a fact's type). */
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole declaration. */
  readonly range: Range;
  /** The part to select when the symbol is chosen: its name, or its first word. */
  readonly selectionRange: Range;
  readonly children: readonly OutlineSymbol[];
}

function symbol(
  kind: OutlineKind,
  name: string,
  range: Range,
  selection: Range | undefined,
  detail?: string,
  children: OutlineSymbol[] = [],
): OutlineSymbol {
  return {
    name,
    kind,
    range,
    selectionRange: selection ?? { start: range.start, end: range.start },
    ...(detail ? { detail } : {}),
    children,
  };
}

/** The document's outline (from `parse(text).document` or an analysis's `documents`). */
export function outline(document: A.PolicyDocument): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const h = document.header;
  if (h) {
    const detail = [
      h.version && `version ${h.version.value}`,
      h.baselines.length > 0 && `extends ${h.baselines.map((b) => b.target.value).join(" and ")}`,
    ]
      .filter(Boolean)
      .join(", ");
    out.push(symbol("policy", h.title?.value ?? "policy", h.range, h.title?.range, detail));
  }
  for (const d of document.declarations) {
    const item = declaration(d);
    if (item) out.push(item);
  }
  return out;
}

function declaration(d: A.Declaration): OutlineSymbol | undefined {
  switch (d.kind) {
    case "Source":
      return symbol("source", d.id?.text ?? "source", d.range, d.id?.range, d.title?.value);
    case "Outcomes": {
      const entries = d.outcomes.map((o) =>
        symbol("outcome", o.name.text, o.range, o.name.range, o.meaning?.value),
      );
      if (d.otherwise) {
        const o = d.otherwise;
        const detail = `otherwise${o.meaning ? `: ${o.meaning.value}` : ""}`;
        entries.push(symbol("outcome", o.name.text, o.range, o.name.range, detail));
      }
      return symbol("outcomes", "outcomes", d.range, undefined, "strongest first", entries);
    }
    case "Fact": {
      const values =
        d.type?.kind === "choice" || d.type?.kind === "set"
          ? d.type.values.map((v) => symbol("value", v.text, v.range, v.range))
          : [];
      const detail =
        d.type?.kind === "choice"
          ? "one of"
          : d.type?.kind === "set"
            ? "any of"
            : factTypeText(d.type);
      return symbol("fact", d.name?.text ?? "fact", d.range, d.name?.range, detail, values);
    }
    case "Term":
      return symbol(
        "term",
        d.name?.text ?? "term",
        d.range,
        d.name?.range,
        d.condition && conditionText(d.condition),
      );
    case "Rule":
    case "Override": {
      const id = d.kind === "Rule" ? d.id : d.target;
      const word = d.kind === "Rule" ? "rule" : "override rule";
      const unless = d.exceptions.map((u) =>
        symbol(
          "exception",
          "unless",
          u.range,
          undefined,
          u.condition && `${conditionText(u.condition)}${u.outcome ? ` → ${u.outcome.text}` : ""}`,
        ),
      );
      const detail =
        d.title?.value ??
        (d.outcome ? `→ ${d.outcome.text}` : d.advice.length > 0 ? "advice only" : undefined);
      return symbol(
        d.kind === "Rule" ? "rule" : "override",
        `${word} ${id?.text ?? ""}`.trim(),
        d.range,
        id?.range,
        detail,
        unless,
      );
    }
    case "Disable":
      return symbol(
        "disable",
        `disable rule ${d.target?.text ?? ""}`.trim(),
        d.range,
        d.target?.range,
        d.reason?.value,
      );
    case "Amend":
      return symbol(
        "amend",
        `amend rule ${d.target?.text ?? ""}`.trim(),
        d.range,
        d.target?.range,
        d.reason?.value ?? d.advice[0]?.value,
      );
    case "Exception":
      return symbol(
        "exception",
        `exception to rule ${d.target?.text ?? ""}`.trim(),
        d.range,
        d.target?.range,
        d.title?.value ?? (d.condition && conditionText(d.condition)),
      );
    case "Scenario": {
      const e = d.expect;
      const expected = e
        ? e.undetermined
          ? "expect undetermined"
          : e.atLeast
            ? `expect at least ${e.atLeast.text}`
            : e.oneOf.length > 0
              ? `expect one of ${e.oneOf.map((o) => o.text).join(", ")}`
              : e.outcome && `expect ${e.outcome.text}`
        : undefined;
      return symbol("scenario", d.title?.value ?? "scenario", d.range, d.title?.range, expected);
    }
  }
}
