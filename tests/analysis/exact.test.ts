/**
 * Analysis is exact: on random small policies (with date facts, rules in force between dates,
 * versions of rules and constraints between facts), analysed as of a decision date, every
 * finding agrees with brute-force enumeration of the possible situations through the reference
 * interpreter (docs/semantics.md) — every witness is possible and shows what its finding says,
 * and every overruled, unsatisfiable, overlapping, gap and impact case that enumeration finds is
 * reported.
 */
import type { ConditionModel, FactModel, FactValue, PolicyModel } from "@precept/language";
import {
  analyzeModel,
  analyzePolicy,
  comparePolicies,
  type Finding,
  memoryHost,
  PolicyAnalyser,
  Workspace,
} from "@precept/project";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECISION_DATES, modelArbitrary, valuesOf } from "../semantics/arbitraries.js";
import {
  contradicted,
  decide,
  entries,
  type Facts,
  inForce,
  shiftDate,
  truth,
} from "../semantics/reference.js";
import { layeredPolicyArbitrary } from "../support/generate.js";

const RUNS = Number(process.env.PRECEPT_PROPERTY_RUNS ?? 150);
const MAX_SITUATIONS = 3000;
/** Brute force is slow under load; the property, not the time, is what is tested. */
const TIMEOUT = 180_000;

/** Every condition of a policy, constraints included. */
function conditionsOf(policy: PolicyModel): ConditionModel[] {
  return [
    ...policy.terms.map((t) => t.condition),
    ...policy.constraints.map((c) => c.condition),
    ...policy.rules.flatMap((r) => [r.condition, ...r.exceptions.map((e) => e.condition)]),
  ];
}

/** The days a date fact is compared with as of `asOf`, and the days either side of each. */
function days(policy: PolicyModel, fact: string, asOf: string): string[] {
  const out = new Set<string>();
  const visit = (c: ConditionModel): void => {
    if (c.kind === "all" || c.kind === "any") c.conditions.forEach(visit);
    else if (c.kind === "not" || c.kind === "term") visit(c.condition);
    else if (c.fact === fact) {
      const v = c.value;
      const values =
        typeof v === "object" && "kind" in v ? [shiftDate(asOf, v.amount, v.unit)] : [v].flat();
      for (const d of values as string[]) {
        out.add(shiftDate(d, -1, "day"));
        out.add(d);
        out.add(shiftDate(d, 1, "day"));
      }
    }
  };
  conditionsOf(policy).forEach(visit);
  return out.size > 0 ? [...out] : ["2000-01-01"];
}

/** Values that reach every class the analysis can distinguish for the generated constants. */
function domain(f: FactModel, policy: PolicyModel, asOf: string): FactValue[] {
  switch (f.type.kind) {
    case "choice":
      return [...f.type.values];
    case "set":
      return valuesOf(f);
    case "yes/no":
      return [true, false];
    case "number":
      return [-1, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6];
    case "text":
      return ["x", "y", "z", "w"];
    case "date":
      return days(policy, f.name, asOf);
  }
}

function size(policy: PolicyModel, asOf: string): number {
  return policy.facts.reduce((n, f) => n * domain(f, policy, asOf).length, 1);
}

/** Every possible situation (no constraint broken) over the facts' domains. */
function* situations(policy: PolicyModel, asOf: string): Generator<Facts> {
  const facts = policy.facts;
  const index = facts.map(() => 0);
  const domains = facts.map((f) => domain(f, policy, asOf));
  while (true) {
    const s: Record<string, FactValue> = {};
    facts.forEach((f, i) => {
      s[f.name] = domains[i]![index[i]!]!;
    });
    if (contradicted(policy, s, asOf).length === 0) yield s;
    let i = 0;
    while (i < facts.length && ++index[i]! === domains[i]!.length) index[i++] = 0;
    if (i === facts.length) return;
  }
}

const ids = (fs: readonly Finding[], code: string) =>
  fs
    .filter((f) => f.code === code)
    .map((f) => f.rules.join("+"))
    .sort();

function expectWitnessDecisions(
  policy: PolicyModel,
  findings: readonly Finding[],
  asOf: string,
): void {
  for (const f of findings) {
    for (const w of f.witnesses) {
      // A witness is possible: it breaks no constraint.
      expect(contradicted(policy, w.facts, asOf)).toEqual([]);
      const d = decide(policy, w.facts, asOf);
      expect({ outcome: w.outcome, rules: [...w.rules].sort() }).toEqual({
        outcome: d.outcome,
        rules: [...d.decidingRules].sort(),
      });
    }
  }
}

describe("analysis agrees with brute-force enumeration", () => {
  it(
    "overruled, unsatisfiable, overlaps and gaps, with witnesses that show them",
    () => {
      fc.assert(
        fc.property(
          modelArbitrary({ maxRules: 6, constraints: true }),
          fc.constantFrom(...DECISION_DATES),
          (policy, asOf) => {
            fc.pre(size(policy, asOf) <= MAX_SITUATIONS);
            const findings = analyzeModel(policy, { overlaps: true, asOf });
            expect(new PolicyAnalyser(policy, undefined, asOf).overlapCount()).toBe(
              findings.filter((f) => f.code === "rule-overlap").length,
            );
            const every = entries(policy, asOf);
            const all = every.filter((e) => e.kind !== "advice");
            // Rules' own entries, advice-only rules included (they can be unsatisfiable too).
            const own = every.filter((e) => !e.id.includes("#"));
            const ruleApplies = new Set<string>();
            const rules = policy.rules
              .filter((r) => inForce(r.inForce, asOf))
              .map((r) => ({
                ...r,
                id: r.version ?? r.id,
                exceptions: r.exceptions.filter((e) => inForce(e.inForce, asOf)),
              }));
            const applies = new Set<string>();
            const decides = new Set<string>();
            const together = new Set<string>();
            const conditionHolds = new Set<string>();
            const termHolds = new Set<string>();
            let gap = false;
            for (const s of situations(policy, asOf)) {
              const holding = all.filter((e) => truth(e.appliesWhen, s, asOf) === "true");
              for (const e of holding) applies.add(e.id);
              for (const e of own)
                if (truth(e.appliesWhen, s, asOf) === "true") ruleApplies.add(e.id);
              for (const id of decide(policy, s, asOf).decidingRules) decides.add(id);
              if (holding.length === 0) gap = true;
              for (const a of holding) {
                for (const b of holding) {
                  if (a.id < b.id && a.rule !== b.rule && a.outcome !== b.outcome) {
                    together.add(`${a.id}+${b.id}`);
                  }
                }
              }
              for (const r of rules) {
                if (truth(r.condition, s, asOf) !== "true") continue;
                conditionHolds.add(r.id);
                for (const e of r.exceptions)
                  if (truth(e.condition, s, asOf) === "true") conditionHolds.add(e.id);
              }
              for (const t of policy.terms)
                if (truth(t.condition, s, asOf) === "true") termHolds.add(t.name);
            }
            // Overruled: applies somewhere, decides nowhere.
            expect(ids(findings, "overruled-rule")).toEqual(
              all
                .filter((e) => applies.has(e.id) && !decides.has(e.id))
                .map((e) => e.id)
                .sort(),
            );
            // Unsatisfiable rules: their condition never holds, or they never apply on their own.
            expect(ids(findings, "unsatisfiable-rule")).toEqual(
              rules
                .filter((r) => !ruleApplies.has(r.id))
                .map((r) => r.id)
                .sort(),
            );
            expect(ids(findings, "unsatisfiable-exception")).toEqual(
              // (The exceptions of a rule that can never apply are not reported again.)
              rules
                .filter((r) => conditionHolds.has(r.id))
                .flatMap((r) => r.exceptions)
                .filter((e) => !conditionHolds.has(e.id))
                .map((e) => e.id)
                .sort(),
            );
            expect(findings.filter((f) => f.code === "unsatisfiable-term").length).toBe(
              policy.terms.filter((t) => !termHolds.has(t.name)).length,
            );
            // Overlaps: candidates of different rules and outcomes that hold together (each deciding
            // somewhere: one that never decides is reported as overruled instead).
            const pair = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);
            expect(
              findings
                .filter((f) => f.code === "rule-overlap")
                .map((f) => pair(f.rules[0]!, f.rules[1]!))
                .sort(),
            ).toEqual(
              [...together].filter((p) => p.split("+").every((id) => decides.has(id))).sort(),
            );
            expect(findings.some((f) => f.code === "gap")).toBe(gap);
            // Every witness is a complete situation with the decision the finding shows.
            expectWitnessDecisions(policy, findings, asOf);
            for (const f of findings) {
              const w = f.witnesses[0];
              if (!w) continue;
              for (const fact of policy.facts) expect(w.facts[fact.name]).not.toBeUndefined();
              const holding = all.filter((e) => truth(e.appliesWhen, w.facts, asOf) === "true");
              if (f.code === "gap") expect(holding).toEqual([]);
              if (f.code === "overruled-rule") {
                expect(holding.map((e) => e.id)).toContain(f.rules[0]);
                expect(w.rules).not.toContain(f.rules[0]);
              }
              if (f.code === "rule-overlap") {
                for (const id of f.rules) expect(holding.map((e) => e.id)).toContain(id);
              }
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "impact: every situation decided differently lies in a reported region, and only those",
    () => {
      const pairArbitrary = modelArbitrary({ maxRules: 6, constraints: true }).chain((before) =>
        fc
          .tuple(
            fc.subarray([...before.rules]),
            // A rule may conclude the outcomes list's default only without a layer default
            // (the checker refuses it; see withLayerDefault).
            fc.array(
              fc.constantFrom(
                ...before.outcomes.map((o) => o.name),
                ...(before.layerDefault ? [] : ["no guidance"]),
              ),
              {
                minLength: before.rules.length,
                maxLength: before.rules.length,
              },
            ),
            fc.array(fc.boolean(), {
              minLength: before.rules.length,
              maxLength: before.rules.length,
            }),
          )
          .map(([kept, outcomes, change]): [PolicyModel, PolicyModel] => [
            before,
            {
              ...before,
              rules: kept.map((r) => {
                const i = before.rules.indexOf(r);
                return change[i] ? { ...r, outcome: outcomes[i]! } : r;
              }),
            },
          ]),
      );
      fc.assert(
        fc.property(pairArbitrary, fc.constantFrom(...DECISION_DATES), ([before, after], asOf) => {
          fc.pre(size(before, asOf) <= MAX_SITUATIONS);
          const findings = comparePolicies(before, after, { loosenings: after.loosenings, asOf });
          const changed = new Set<string>();
          const strength = (p: PolicyModel, o: string) =>
            p.outcomes.find((x) => x.name === o)?.strength ?? 0;
          for (const s of situations(before, asOf)) {
            const was = decide(before, s, asOf).outcome;
            const is = decide(after, s, asOf).outcome;
            if (was !== is) {
              changed.add(
                `${strength(after, is) > strength(after, was) ? "impact-stronger" : "impact-weaker"} ${was} ${is}`,
              );
            }
          }
          const reported = new Set(
            findings.map(
              (f) => `${f.code} ${f.witnesses[0]!.before!.outcome} ${f.witnesses[0]!.outcome}`,
            ),
          );
          expect([...reported].sort()).toEqual([...changed].sort());
          for (const f of findings) {
            const w = f.witnesses[0]!;
            const was = decide(before, w.facts, asOf);
            expect({ outcome: w.before!.outcome, rules: [...w.before!.rules].sort() }).toEqual({
              outcome: was.outcome,
              rules: [...was.decidingRules].sort(),
            });
          }
          expectWitnessDecisions(after, findings, asOf);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe("analysis of generated policy text with layers", () => {
  it(
    "every witness is decided as stated by the runtime, for the layer and for its baseline",
    () => {
      fc.assert(
        fc.property(layeredPolicyArbitrary({ rules: { min: 2, max: 5 } }), (p) => {
          const workspace = new Workspace(memoryHost(p.files), { unusedWarnings: false });
          const layer = workspace.build(p.entry);
          fc.pre(layer.decider !== undefined);
          const asOf = "2025-02-28";
          const report = analyzePolicy(workspace, p.entry, { overlaps: true, asOf });
          expect(report.errors).toEqual([]);
          const base = workspace.build(layer.policy!.layers.at(-2)!.uri).decider!;
          for (const f of report.findings) {
            for (const w of f.witnesses) {
              expect(w.asOf === undefined || w.asOf === asOf).toBe(true);
              const d = layer.decider!.decideSync(w.facts, { asOf });
              if (!d.ok) throw new Error(d.explanation);
              expect(d.undetermined).toBeUndefined();
              expect({ outcome: w.outcome, rules: [...w.rules].sort() }).toEqual({
                outcome: d.outcome,
                rules: [...d.decidingRules].sort(),
              });
              if (w.before) {
                // The baseline decides on its own facts (the layer's are unknown to it).
                const own = new Set(base.bundle.facts.map((x) => x.name));
                const facts = Object.fromEntries(
                  Object.entries(w.facts).filter(([k]) => own.has(k)),
                );
                const b = base.decideSync(facts, { asOf });
                // A value the layer added to a baseline list is not the baseline's to take.
                if (b.ok) expect(b.outcome).toBe(w.before.outcome);
              }
            }
            if (f.code === "impact-weaker" && f.loosening) {
              // A looser region is traced to a loosening the layer declared.
              expect(layer.policy!.loosenings.map((l) => `${l.kind} ${l.rule}`)).toContain(
                `${f.loosening.kind} ${f.loosening.rule}`,
              );
            }
          }
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
      );
    },
    TIMEOUT,
  );
});
