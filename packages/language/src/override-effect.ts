/**
 * Whether a layer's override can make decisions weaker, stricter, or both (docs/semantics.md §8).
 *
 * A conservative rule on the rules alone, so the checker and the compiler can apply it without the
 * policy analysis: an override is **stricter** only when, wherever the replaced rule (any version,
 * with its exceptions) gave an outcome, the override gives one at least as strong — its condition
 * follows from the old one (the same condition, or one the old one implies by the shape of its
 * `and`/`or`), every outcome it can give is at least the strongest the old rule gave, and it is in
 * force whenever the old rule was. **Weaker** is the mirror image. What neither rule proves is
 * `both`: some decisions may be weaker and others stricter. Proving too little only ever lists an
 * override as a loosening that is not one, never the other way round.
 */
import type { ConditionModel, ExceptionModel, InForceModel, RuleModel } from "./model.js";

export type OverrideEffect = "none" | "stricter" | "weaker" | "both";

export interface RuleEntries {
  readonly rule: RuleModel;
  readonly exceptions: readonly ExceptionModel[];
}

/** How many implication steps one comparison may take before it gives up (and proves nothing). */
const BUDGET = 5_000;

/**
 * `defaultStrength`: the strength of what the policy decides when no rule applies (above 0 with a
 * layer's own default): an outcome weaker than it, given where the other rule gave none, can
 * make a decision weaker too.
 */
export function overrideEffect(
  old: readonly RuleEntries[],
  now: RuleEntries,
  strength: (outcome: string) => number,
  defaultStrength = 0,
): OverrideEffect {
  const notWeaker = old.every((o) => atLeastAsStrict(o, now, strength, defaultStrength));
  const notStricter = old.every((o) => atLeastAsStrict(now, o, strength, defaultStrength));
  if (notWeaker && notStricter) return "none";
  if (notWeaker) return "stricter";
  if (notStricter) return "weaker";
  return "both";
}

/** The outcomes an entry set can give, as strengths; `undefined` for "suppressed, nothing". */
function outcomesOf(r: RuleEntries, strength: (o: string) => number): (number | undefined)[] {
  return [
    r.rule.outcome === undefined ? undefined : strength(r.rule.outcome),
    ...r.exceptions.map((e) => (e.outcome === undefined ? undefined : strength(e.outcome))),
  ];
}

/**
 * Whether `b` gives, wherever `a` gives an outcome, one at least as strong. Where `a` gives
 * nothing, `b` may give any outcome at least as strong as the default (that only adds
 * strictness; a weaker one could replace the default where no other rule applies).
 */
function atLeastAsStrict(
  a: RuleEntries,
  b: RuleEntries,
  strength: (o: string) => number,
  defaultStrength: number,
): boolean {
  if (outcomesOf(b, strength).some((s) => s !== undefined && s < defaultStrength)) return false;
  const given = outcomesOf(a, strength).filter((s): s is number => s !== undefined);
  if (given.length === 0) return true;
  const strongest = Math.max(...given);
  // Everything `b` can give (a missing outcome where its rule is suppressed is the weakest); so
  // which of b's entries applies, and whether its exceptions are in force, does not matter.
  if (outcomesOf(b, strength).some((s) => s === undefined || s < strongest)) return false;
  if (!covers(b.rule.inForce, a.rule.inForce)) return false;
  const budget = { left: BUDGET };
  return implies(a.rule.condition, b.rule.condition, budget);
}

/** Whether `outer` is in force on every day `inner` is. */
function covers(outer: InForceModel | undefined, inner: InForceModel | undefined): boolean {
  if (outer?.from && (!inner?.from || inner.from < outer.from)) return false;
  if (outer?.until && (!inner?.until || inner.until > outer.until)) return false;
  return true;
}

const same = (a: ConditionModel, b: ConditionModel): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether `a` implies `b`, judged by the shape of the conditions only (false: not proved). */
function implies(a: ConditionModel, b: ConditionModel, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (same(a, b)) return true;
  if (a.kind === "term") return implies(a.condition, b, budget);
  if (b.kind === "term") return implies(a, b.condition, budget);
  if (b.kind === "all") return b.conditions.every((x) => implies(a, x, budget));
  if (a.kind === "any") return a.conditions.every((x) => implies(x, b, budget));
  if (b.kind === "any" && b.conditions.some((x) => implies(a, x, budget))) return true;
  if (a.kind === "all" && a.conditions.some((x) => implies(x, b, budget))) return true;
  return false;
}
