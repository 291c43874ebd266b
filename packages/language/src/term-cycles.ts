/**
 * Terms defined through each other in a circle, which could never be evaluated. A pure function
 * of the scope: it runs after every term is declared and only reads their conditions.
 */
import type * as A from "./ast.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import type { Scope, TermSymbol } from "./symbols.js";

/**
 * One `term-cycle` error for each term of the document at `uri` that is on a circle, starting the
 * search from `own` (the document's terms, in order). Baseline terms on a circle are not reported
 * again: their own document's check did that.
 */
export function termCycles(scope: Scope, own: readonly TermSymbol[], uri: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, "visiting" | "done">();
  const uses = (key: string): string[] => {
    const term = scope.terms.get(key);
    const out: string[] = [];
    const walk = (c: A.Condition | undefined): void => {
      if (!c) return;
      if (c.kind === "And" || c.kind === "Or") c.operands.forEach(walk);
      else if (c.kind === "Not") walk(c.operand);
      else if (c.kind === "Group") walk(c.inner);
      else if (c.kind === "Reference" && scope.terms.has(c.name.key)) out.push(c.name.key);
    };
    walk(term?.node.condition);
    return out;
  };
  const reported = new Set<string>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === "done") return;
    if (state.get(key) === "visiting") {
      const cycle = path.slice(path.indexOf(key));
      for (const member of cycle) {
        const term = scope.terms.get(member);
        if (!term || term.uri !== uri || reported.has(member)) continue;
        reported.add(member);
        diagnostics.push(
          diagnostic(
            "term-cycle",
            "error",
            `The term '${term.label}' is defined through itself: ${[...cycle, key].map((k) => `'${scope.terms.get(k)?.label ?? k}'`).join(" → ")}.`,
            term.nameRange,
            { uri },
          ),
        );
      }
      return;
    }
    state.set(key, "visiting");
    for (const next of uses(key)) visit(next, [...path, key]);
    state.set(key, "done");
  };
  for (const t of own) visit(t.key, []);
  return diagnostics;
}
