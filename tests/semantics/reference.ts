/**
 * The reference interpreter: docs/semantics.md, transcribed as directly as possible over the
 * PolicyModel, with no regard for speed. The compiler, json-rules-engine on the bundle, `decide`
 * and the fast evaluator are all tested against it.
 */
import type {
  ConditionModel,
  DecisionDate,
  FactValue,
  InForceModel,
  PolicyModel,
} from "@precept/language";

export type Truth = "true" | "false" | "unknown";
export type Facts = Readonly<Record<string, FactValue | undefined>>;

export interface ReferenceDecision {
  readonly outcome: string;
  readonly decidingRules: readonly string[];
  readonly alsoApplies: readonly { readonly rule: string; readonly outcome: string }[];
  readonly advice: readonly string[];
  readonly undetermined?: {
    readonly needs: readonly string[];
    readonly atLeast: string;
    readonly pending: readonly string[];
  };
  readonly warnings: readonly string[];
  /** §1.1: the constraints a contradictory fact set breaks (then there is no decision). */
  readonly contradicts?: readonly string[];
  /** §6.2: the presumed facts the decision relied on, in declaration order. */
  readonly assumed?: readonly string[];
}

/**
 * §1.1: the decision date moved by a duration, the simple way: JavaScript's own UTC calendar for
 * days, and for months the same day of the target month or its last day. Kept within 0001–9999.
 */
export function shiftDate(date: string, amount: number, unit: DecisionDate["unit"]): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = new Date(0);
  if (unit === "day" || unit === "week") {
    at.setUTCFullYear(y, m - 1, d + amount * (unit === "week" ? 7 : 1));
  } else {
    const months = y * 12 + (m - 1) + amount * (unit === "year" ? 12 : 1);
    const year = Math.floor(months / 12);
    const month = months - year * 12;
    const last = new Date(0);
    last.setUTCFullYear(year, month + 1, 0); // day 0 of the next month: this month's last day
    at.setUTCFullYear(year, month, Math.min(d, last.getUTCDate()));
  }
  const year = at.getUTCFullYear();
  if (year < 1) return "0001-01-01";
  if (year > 9999) return "9999-12-31";
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/** §1.1: whether a rule or exception is part of the policy on the decision date. */
export function inForce(f: InForceModel | undefined, asOf: string): boolean {
  return (!f?.from || f.from <= asOf) && (!f?.until || asOf <= f.until);
}

const isDecisionDate = (v: unknown): v is DecisionDate =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** §2: Kleene's three-valued logic, on the decision date `asOf`. */
export function truth(c: ConditionModel, facts: Facts, asOf = "2000-01-01"): Truth {
  switch (c.kind) {
    case "test": {
      const x = facts[c.fact];
      if (x === undefined) return "unknown";
      const v = isDecisionDate(c.value) ? shiftDate(asOf, c.value.amount, c.value.unit) : c.value;
      const list = v as readonly FactValue[];
      // §2: a several-valued fact's value is the set of its values that hold.
      const set = x as readonly string[];
      const holds =
        c.operator === "contains"
          ? set.includes(v as string)
          : c.operator === "doesNotContain"
            ? !set.includes(v as string)
            : c.operator === "equal"
              ? x === v
              : c.operator === "notEqual"
                ? x !== v
                : c.operator === "in"
                  ? list.includes(x)
                  : c.operator === "notIn"
                    ? !list.includes(x)
                    : c.operator === "lessThan"
                      ? (x as number) < (v as number)
                      : c.operator === "lessThanInclusive"
                        ? (x as number) <= (v as number)
                        : c.operator === "greaterThan"
                          ? (x as number) > (v as number)
                          : (x as number) >= (v as number);
      return holds ? "true" : "false";
    }
    case "all": {
      const parts = c.conditions.map((x) => truth(x, facts, asOf));
      if (parts.includes("false")) return "false";
      return parts.includes("unknown") ? "unknown" : "true";
    }
    case "any": {
      const parts = c.conditions.map((x) => truth(x, facts, asOf));
      if (parts.includes("true")) return "true";
      return parts.includes("unknown") ? "unknown" : "false";
    }
    case "not": {
      const t = truth(c.condition, facts, asOf);
      return t === "true" ? "false" : t === "false" ? "true" : "unknown";
    }
    case "term":
      return truth(c.condition, facts, asOf);
  }
}

/** §6.1: the relevant facts of a condition. */
export function relevant(c: ConditionModel, facts: Facts, out: Set<string>, asOf: string): void {
  if (truth(c, facts, asOf) !== "unknown") return;
  if (c.kind === "test") out.add(c.fact);
  else if (c.kind === "all" || c.kind === "any")
    for (const x of c.conditions) relevant(x, facts, out, asOf);
  else relevant(c.condition, facts, out, asOf);
}

interface Entry {
  readonly id: string;
  readonly rule: string;
  readonly kind: "rule" | "exception" | "advice";
  readonly outcome: string;
  readonly advice: readonly string[];
  readonly appliesWhen: ConditionModel;
}

/** §3: every rule in force gives its entries, in policy order (with its exceptions in force). */
export function entries(policy: PolicyModel, asOf: string): Entry[] {
  const out: Entry[] = [];
  for (const rule of policy.rules) {
    if (!inForce(rule.inForce, asOf)) continue;
    const r = { ...rule, exceptions: rule.exceptions.filter((e) => inForce(e.inForce, asOf)) };
    // §3: a rule without an outcome (advice-only) gives advice only.
    out.push({
      id: r.version ?? r.id,
      rule: r.id,
      kind: r.outcome === undefined ? "advice" : "rule",
      outcome: r.outcome ?? policy.defaultOutcome.name,
      advice: r.advice,
      appliesWhen: {
        kind: "all",
        conditions: [
          r.condition,
          ...r.exceptions.map((e) => ({ kind: "not" as const, condition: e.condition })),
        ],
      },
    });
    for (const e of r.exceptions) {
      const appliesWhen: ConditionModel = { kind: "all", conditions: [r.condition, e.condition] };
      if (e.outcome !== undefined) {
        out.push({
          id: e.id,
          rule: r.id,
          kind: "exception",
          outcome: e.outcome,
          advice: e.advice,
          appliesWhen,
        });
      } else if (e.advice.length > 0) {
        out.push({
          id: e.id,
          rule: r.id,
          kind: "advice",
          outcome: policy.defaultOutcome.name,
          advice: e.advice,
          appliesWhen,
        });
      }
    }
  }
  return out;
}

export function strengthOf(policy: PolicyModel, outcome: string): number {
  if (outcome === policy.defaultOutcome.name) return 0;
  return policy.outcomes.find((o) => o.name === outcome)!.strength;
}

/**
 * §6.2: unknown facts with a presumption take the presumed value; the decision states the
 * presumptions whose facts the decision without them would still need, and (when undetermined)
 * needs them too.
 */
export function decide(policy: PolicyModel, facts: Facts, asOf = "2000-01-01"): ReferenceDecision {
  // §1.1: a fact set that makes a constraint false is contradictory: no decision.
  const broken = contradicted(policy, facts, asOf);
  if (broken.length > 0)
    return {
      outcome: "contradictory",
      decidingRules: [],
      alsoApplies: [],
      advice: [],
      warnings: [],
      contradicts: broken,
    };
  const used = policy.facts.filter((f) => f.presumed && facts[f.name] === undefined);
  if (used.length === 0) return decideAsGiven(policy, facts, asOf);
  const filled: Record<string, FactValue | undefined> = { ...facts };
  for (const f of used) filled[f.name] = f.presumed!.value;
  // Presumptions that together would contradict a constraint are not made.
  if (contradicted(policy, filled, asOf).length > 0) return decideAsGiven(policy, facts, asOf);
  const decision = decideAsGiven(policy, filled, asOf);
  const without = decideAsGiven(policy, facts, asOf).undetermined?.needs ?? [];
  const assumed = used.map((f) => f.name).filter((n) => without.includes(n));
  if (assumed.length === 0) return decision;
  const u = decision.undetermined;
  return {
    ...decision,
    ...(u
      ? {
          undetermined: {
            ...u,
            needs: policy.facts
              .map((f) => f.name)
              .filter((n) => u.needs.includes(n) || assumed.includes(n)),
          },
        }
      : {}),
    assumed,
  };
}

/** §1.1: the titles of the constraints `facts` make false. */
export function contradicted(policy: PolicyModel, facts: Facts, asOf: string): string[] {
  return policy.constraints
    .filter((c) => truth(c.condition, facts, asOf) === "false")
    .map((c) => c.title);
}

/** §5–§7, on the facts as given, on the decision date `asOf`. */
function decideAsGiven(policy: PolicyModel, facts: Facts, asOf: string): ReferenceDecision {
  const strength = (o: string): number => strengthOf(policy, o);
  const all = entries(policy, asOf).map((e) => ({
    ...e,
    truth: truth(e.appliesWhen, facts, asOf),
  }));
  const candidates = all.filter((e) => e.kind !== "advice");
  const holding = candidates.filter((e) => e.truth === "true");

  // §4: when no rule applies, a layer's own default, else the outcomes list's.
  const noRule = policy.layerDefault?.outcome.name ?? policy.defaultOutcome.name;
  const unknown = candidates.filter((e) => e.truth === "unknown");
  let atLeast = noRule;
  let pending: typeof unknown;
  if (holding.length > 0) {
    // §6: some candidate holds, so the default is out of reach.
    atLeast = holding[0]!.outcome;
    for (const e of holding) if (strength(e.outcome) > strength(atLeast)) atLeast = e.outcome;
    pending = unknown.filter((e) => strength(e.outcome) > strength(atLeast));
  } else if (unknown.some((e) => strength(e.outcome) < strength(noRule))) {
    // §6: none holds and an unknown one is weaker than the default: every unknown one can
    // change the decision, and the weakest of them is the floor.
    for (const e of unknown) if (strength(e.outcome) < strength(atLeast)) atLeast = e.outcome;
    pending = unknown;
  } else {
    pending = unknown.filter((e) => strength(e.outcome) > strength(noRule));
  }

  const advice: string[] = [];
  for (const e of all) {
    if (e.truth !== "true") continue;
    for (const a of e.advice) if (!advice.includes(a)) advice.push(a);
  }

  const warnings: string[] = [];
  // Versions of a rule share its id: each id once.
  for (const r of policy.rules.filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i)) {
    const conflicting = holding.filter((e) => e.kind === "exception" && e.rule === r.id);
    if (new Set(conflicting.map((e) => e.outcome)).size < 2) continue;
    let strongest = conflicting[0]!;
    for (const e of conflicting)
      if (strength(e.outcome) > strength(strongest.outcome)) strongest = e;
    const named = conflicting.map((e) => `${e.id} (${e.outcome})`);
    const listed = `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
    warnings.push(
      `Exceptions ${listed} to rule ${r.id} apply together with different outcomes; the strongest, ${strongest.outcome}, stands.`,
    );
  }

  const decision = {
    decidingRules: holding.filter((e) => e.outcome === atLeast).map((e) => e.id),
    alsoApplies: holding
      .filter((e) => strength(e.outcome) < strength(atLeast))
      .map((e) => ({ rule: e.id, outcome: e.outcome })),
    advice,
    warnings,
  };
  if (pending.length === 0) return { outcome: atLeast, ...decision };

  const needed = new Set<string>();
  for (const e of pending) relevant(e.appliesWhen, facts, needed, asOf);
  return {
    outcome: "undetermined",
    ...decision,
    undetermined: {
      needs: policy.facts.map((f) => f.name).filter((f) => needed.has(f)),
      atLeast,
      pending: pending.map((e) => e.id),
    },
  };
}
