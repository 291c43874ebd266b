/**
 * Quick fixes for diagnostics: apply a "did you mean", declare a missing fact or term, add the
 * missing reason of an override, disable or exception.
 */
import type * as A from "../ast.js";
import type { Diagnostic, DiagnosticCode } from "../diagnostics.js";
import { parse } from "../parse.js";
import { LineIndex, type Range } from "../position.js";
import type { ServiceContext } from "./context.js";

export interface TextEdit {
  readonly uri: string;
  readonly range: Range;
  readonly newText: string;
}

export interface CodeAction {
  readonly title: string;
  readonly kind: "quickfix";
  /** The code of the diagnostic this fixes. */
  readonly code: DiagnosticCode;
  /** The diagnostic this fixes, as it was given. */
  readonly diagnostic: Diagnostic;
  readonly edits: readonly TextEdit[];
  /** The fix to apply when there is one obvious choice (a "did you mean"). */
  readonly isPreferred?: boolean;
}

const overlaps = (a: Range, b: Range) =>
  a.start.offset <= b.end.offset && b.start.offset <= a.end.offset;

/**
 * The quick fixes for the diagnostics of this document that touch `range` (the selection or the
 * cursor). Edits are in `context.uri` and use the positions of `text`.
 */
export function codeActions(
  text: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
  context: ServiceContext,
): CodeAction[] {
  const mine = diagnostics.filter(
    (d) => (d.uri === undefined || d.uri === context.uri) && overlaps(d.range, range),
  );
  if (mine.length === 0) return [];
  const fixer = new Fixer(text, context.uri);
  return mine.flatMap((d) => fixer.fix(d));
}

class Fixer {
  private readonly lines: LineIndex;
  private parsed: A.PolicyDocument | undefined;

  constructor(
    private readonly text: string,
    private readonly uri: string,
  ) {
    this.lines = new LineIndex(text);
  }

  private get document(): A.PolicyDocument {
    this.parsed ??= parse(this.text, { uri: this.uri }).document;
    return this.parsed;
  }

  private action(d: Diagnostic, title: string, edits: TextEdit[], preferred = false): CodeAction {
    return {
      title,
      kind: "quickfix",
      code: d.code,
      diagnostic: d,
      edits,
      ...(preferred ? { isPreferred: true } : {}),
    };
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { uri: this.uri, range: this.lines.range(start, end), newText };
  }

  fix(d: Diagnostic): CodeAction[] {
    const out: CodeAction[] = [];
    if (d.suggestion) {
      const replace = [{ uri: this.uri, range: d.range, newText: d.suggestion }];
      out.push(this.action(d, suggestionTitle(d, d.suggestion), replace, true));
    }
    const name = d.actual ?? this.text.slice(d.range.start.offset, d.range.end.offset);
    if (d.code === "unknown-fact") {
      out.push(this.declareFact(d, name, this.factType(d.range)));
    } else if (d.code === "unknown-term") {
      out.push(this.declareTerm(d, name), this.declareFact(d, name, "yes or no"));
    } else if (d.code === "ambiguous-rule" && d.actual !== undefined) {
      // One fix per baseline whose rule it may be: `programme.3.1`, `team.3.1`.
      for (const id of d.expected ?? []) {
        const replace = [{ uri: this.uri, range: d.range, newText: id }];
        out.push(this.action(d, `Change to '${id}'`, replace));
      }
    } else if (d.code === "missing-reason") {
      const fix = this.addReason(d);
      if (fix) out.push(fix);
    }
    return out;
  }

  /** The type a fact needs for the way it is used at `range`. */
  private factType(range: Range): string {
    const at = (n: { range: Range }) => n.range.start.offset === range.start.offset;
    const typeOf = (values: readonly A.Value[]): string => {
      const first = values[0];
      if (!first) return "yes or no";
      if (first.kind === "Number") return "number";
      if (first.kind === "Text") return "text";
      const words = values.flatMap((v) => (v.kind === "Phrase" ? [v.name.text] : []));
      if (words.every((w) => ["yes", "no", "true", "false"].includes(w.toLowerCase())))
        return "yes or no";
      return `one of ${[...new Set(words)].join(", ")}`;
    };
    let found: string | undefined;
    const walk = (c: A.Condition | undefined): void => {
      if (!c || found) return;
      if (c.kind === "And" || c.kind === "Or") c.operands.forEach(walk);
      else if (c.kind === "Not") walk(c.operand);
      else if (c.kind === "Group") walk(c.inner);
      else if (c.kind === "Comparison" && at(c.subject)) found = typeOf([c.value]);
      else if (c.kind === "Membership" && at(c.subject)) found = typeOf(c.values);
    };
    for (const d of this.document.declarations) {
      if (d.kind === "Term") walk(d.condition);
      if (d.kind === "Rule" || d.kind === "Override" || d.kind === "Exception") {
        walk(d.condition);
        if ("exceptions" in d) for (const u of d.exceptions) walk(u.condition);
      }
      if (d.kind === "Scenario") {
        const given = d.given.find((g) => at(g.fact));
        if (given) found ??= given.form === "is" ? typeOf([given.value]) : "yes or no";
      }
    }
    return found ?? "yes or no";
  }

  private declareFact(d: Diagnostic, name: string, type: string): CodeAction {
    const question = type === "yes or no" ? `${capital(name)}?` : `What is the ${name}?`;
    const declaration = `fact ${name}: ${type}\n  asks ${JSON.stringify(question)}`;
    const title =
      type === "yes or no" ? `Declare the yes/no fact '${name}'` : `Declare the fact '${name}'`;
    return this.action(d, title, [this.insertAfter(["Fact"], declaration)]);
  }

  private declareTerm(d: Diagnostic, name: string): CodeAction {
    const declaration = `term ${JSON.stringify(name)}: …\n  means "…"`;
    return this.action(d, `Declare the term '${name}'`, [
      this.insertAfter(["Term", "Fact"], declaration),
    ]);
  }

  /** Inserts a declaration after the last one of the first kind present, else before the rules. */
  private insertAfter(kinds: readonly A.Declaration["kind"][], declaration: string): TextEdit {
    const declarations = this.document.declarations;
    for (const kind of kinds) {
      const last = declarations.filter((x) => x.kind === kind).at(-1);
      if (last) {
        const end = last.range.end.offset;
        return this.edit(end, end, `\n${declaration}`);
      }
    }
    const before = declarations.find((x) => !["Source", "Outcomes"].includes(x.kind));
    if (before) {
      const lineStart = this.lines.offsetAt(before.range.start.line, 1);
      return this.edit(lineStart, lineStart, `${declaration}\n\n`);
    }
    const end = this.text.length;
    const gap = this.text === "" || this.text.endsWith("\n") ? "" : "\n";
    return this.edit(end, end, `${gap}${declaration}\n`);
  }

  private addReason(d: Diagnostic): CodeAction | undefined {
    const owner = this.document.declarations.find(
      (x) =>
        (x.kind === "Override" || x.kind === "Disable" || x.kind === "Exception") &&
        x.target?.range.start.offset === d.range.start.offset,
    );
    if (!owner || !("reason" in owner) || owner.reason) return undefined;
    const end = owner.range.end.offset;
    const clause = owner.kind === "Disable" ? ' because "…"' : '\n  because "…"';
    return this.action(d, "Add the reason (because …)", [this.edit(end, end, clause)]);
  }
}

function suggestionTitle(d: Diagnostic, suggestion: string): string {
  switch (d.code) {
    case "unterminated-string":
      return "Close the quote";
    case "unexpected-character":
      return `Replace '${d.actual ?? ""}' with '${suggestion}'`;
    default:
      return `Change to '${suggestion}'`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
