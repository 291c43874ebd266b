/**
 * What is under the cursor: a use of a name (from the analysis's references) or a declared name,
 * with the declaration it stands for. Shared by hover and go to definition.
 */
import type { Analysis, BaselineLink } from "../analyze.js";
import type { Range } from "../position.js";
import type { FactSymbol, PolicySymbol } from "../symbols.js";

export type Found =
  | { readonly kind: "symbol"; readonly symbol: PolicySymbol; readonly range: Range }
  | {
      readonly kind: "value";
      readonly fact: FactSymbol;
      readonly key: string;
      readonly range: Range;
    };

const size = (r: Range) => r.end.offset - r.start.offset;

/**
 * The name at `offset` in the document `uri`. A name matches when the offset is on one of its
 * characters or just after its last one (a cursor at the end of a word); the former wins.
 */
export function locate(analysis: Analysis, uri: string, offset: number): Found | undefined {
  const candidates: Found[] = [];
  for (const r of analysis.references) {
    if (r.uri !== uri) continue;
    if (r.kind === "value" && r.fact) {
      candidates.push({ kind: "value", fact: r.fact, key: r.key, range: r.range });
    } else if (r.target) candidates.push({ kind: "symbol", symbol: r.target, range: r.range });
  }
  for (const s of analysis.symbols) {
    if (s.uri !== uri) continue;
    candidates.push({ kind: "symbol", symbol: s, range: s.nameRange });
    // The values listed in a fact's declaration.
    if (s.kind === "fact" && (s.node.type?.kind === "choice" || s.node.type?.kind === "set")) {
      for (const v of s.node.type.values) {
        candidates.push({ kind: "value", fact: s, key: v.key, range: v.range });
      }
    }
  }
  const on = (f: Found) => f.range.start.offset <= offset && offset < f.range.end.offset;
  const touching = (f: Found) => f.range.end.offset === offset && size(f.range) > 0;
  const hits = candidates.filter(on);
  const pool = hits.length > 0 ? hits : candidates.filter(touching);
  // References come first, so a name that is both (an override's rule id) means its target.
  return pool.reduce<Found | undefined>(
    (best, f) => (best === undefined || size(f.range) < size(best.range) ? f : best),
    undefined,
  );
}

/** The declaration of a value in its fact's list. */
export function valueRange(fact: FactSymbol, key: string): Range | undefined {
  return fact.node.type?.kind === "choice" || fact.node.type?.kind === "set"
    ? fact.node.type.values.find((v) => v.key === key)?.range
    : undefined;
}

/** The baseline named in the policy line of `uri` at `offset` (on its quoted text), if any. */
export function baselineAt(
  analysis: Analysis,
  uri: string,
  offset: number,
): BaselineLink | undefined {
  return analysis.baselines
    ?.get(uri)
    ?.find((b) => b.range.start.offset <= offset && offset <= b.range.end.offset);
}
