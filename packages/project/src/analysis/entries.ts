/**
 * The candidates of a policy as diagrams (docs/semantics.md §3): each rule applies where its
 * condition holds and none of its exceptions apply; each exception with an outcome where its
 * rule's condition and its own hold. Over complete situations the decision is the strongest
 * candidate that applies, or the default outcome (§5). Where each candidate *decides* is computed
 * candidate by candidate, restricted to where it applies (so a large policy never needs one
 * diagram of all its rules); the whole decision as one diagram is built only when asked.
 */
import {
  decidedByDefault,
  type ExceptionModel,
  type Origin,
  type PolicyModel,
  type RuleModel,
} from "@precept/language";
import {
  type Allowance,
  type Cube,
  charged,
  cubesOf,
  POLICY_WORK,
  pointOf,
  SplitBudgetExceeded,
  uncovered,
  universe,
} from "./cubes.js";
import type { NodeId } from "./mdd.js";
import type { Space } from "./space.js";

export interface Candidate {
  /** The rule id (`3.1`; a version of a rule: `3.1@2024-09-01`) or exception id (`3.2#1`). */
  readonly id: string;
  readonly rule: RuleModel;
  readonly exception?: ExceptionModel;
  readonly outcome: string;
  readonly strength: number;
  readonly origin: Origin;
  /** Where it applies. */
  readonly applies: NodeId;
  /** Per fact, the classes in which it can apply (a bit mask; see `Diagram.projection`). */
  readonly masks: readonly number[];
  /** Where it applies as disjoint cubes (undefined when too many, or classes too many). */
  readonly cubes?: readonly Cube[];
  /** A situation (one class per fact) in which it is among the deciding candidates, if any. */
  readonly decidingAt?: readonly number[];
  /** Set when whether it decides anywhere was too complex to settle (see `POLICY_WORK`). */
  readonly unsettled?: boolean;
}

export function strengthOf(policy: PolicyModel, outcome: string): number {
  if (outcome === policy.defaultOutcome.name) return 0;
  return policy.outcomes.find((o) => o.name === outcome)?.strength ?? 0;
}

/** Whether two candidates may apply together (false: certainly not; true: test with `and`). */
export function mayMeet(a: Candidate, b: Candidate): boolean {
  for (let i = 0; i < a.masks.length; i++) if ((a.masks[i]! & b.masks[i]!) === 0) return false;
  return true;
}

export class Candidates {
  readonly list: readonly Candidate[];
  /** Outcome name by strength. */
  readonly outcomes: ReadonlyMap<number, string>;
  private coveredNode?: NodeId;
  private outcomeNode?: NodeId;
  private readonly decidesNodes = new Map<Candidate, NodeId>();
  /** Work left for the questions about this policy (see `POLICY_WORK`). */
  readonly work: Allowance = { left: POLICY_WORK };

  constructor(
    readonly policy: PolicyModel,
    readonly space: Space,
  ) {
    const d = space.diagram;
    type Raw = Omit<Candidate, "decidingAt">;
    const raw: Raw[] = [];
    // A candidate applies only in possible situations (where every constraint holds).
    const add = (c: Omit<Raw, "masks" | "cubes">) => {
      const applies = d.and(c.applies, space.possible);
      const cubes = cubesOf(d, applies);
      raw.push({ ...c, applies, masks: d.projection(applies), ...(cubes ? { cubes } : {}) });
    };
    for (const rule of policy.rules) {
      const condition = space.condition(rule.condition);
      let applies = condition;
      for (const e of rule.exceptions)
        applies = d.and(applies, d.not(space.condition(e.condition)));
      // An advice-only rule is no candidate: it never changes the outcome.
      if (rule.outcome !== undefined)
        add({
          id: rule.version ?? rule.id,
          rule,
          outcome: rule.outcome,
          strength: strengthOf(policy, rule.outcome),
          origin: rule.origin,
          applies,
        });
      for (const e of rule.exceptions) {
        if (e.outcome === undefined) continue;
        add({
          id: e.id,
          rule,
          exception: e,
          outcome: e.outcome,
          strength: strengthOf(policy, e.outcome),
          origin: e.origin,
          applies: d.and(condition, space.condition(e.condition)),
        });
      }
    }
    const byStrength = [...raw].sort((a, b) => b.strength - a.strength);
    const usual = (i: number) => space.facts[i]!.usual;
    this.list = raw.map((c) => {
      if (c.applies === d.FALSE) return c;
      const stronger = byStrength.filter(
        (f) => f.strength > c.strength && mayMeet(f as Candidate, c as Candidate),
      );
      // Exactly where it decides: the part of where it applies that no stronger one covers.
      if (c.cubes && stronger.every((f) => f.cubes)) {
        const cover = stronger.flatMap((f) => f.cubes!);
        try {
          for (const cube of c.cubes) {
            const left = charged(this.work, (a) => uncovered(cube, cover, a));
            if (left) return { ...c, decidingAt: pointOf(left, usual) };
          }
        } catch (error) {
          if (!(error instanceof SplitBudgetExceeded)) throw error;
          return { ...c, unsettled: true };
        }
        return c;
      }
      const decides = this.decidesOf(c as Candidate, stronger as Candidate[]);
      const at = d.pick(decides, usual);
      return at ? { ...c, decidingAt: at } : c;
    });
    // 0 stands for "no candidate applies": the policy's default, a layer's own when it has one
    // (which never competes with a rule that applies, whatever its strength).
    const outcomes = new Map<number, string>();
    for (const o of policy.outcomes) outcomes.set(o.strength, o.name);
    outcomes.set(0, decidedByDefault(policy).name);
    this.outcomes = outcomes;
  }

  /** Where `c` applies and none of `stronger` does, as a diagram (restricted to `c`). */
  private decidesOf(c: Candidate, stronger: readonly Candidate[]): NodeId {
    const d = this.space.diagram;
    let covered = d.FALSE;
    for (const f of stronger) {
      const both = d.and(f.applies, c.applies);
      if (both === d.FALSE) continue;
      covered = d.or(covered, both);
      if (covered === c.applies) return d.FALSE;
    }
    return d.and(c.applies, d.not(covered));
  }

  /** Where a candidate decides, as a diagram (built on demand: it may be large). */
  decides(c: Candidate): NodeId {
    const d = this.space.diagram;
    if (!c.decidingAt) return d.FALSE;
    let node = this.decidesNodes.get(c);
    if (node === undefined) {
      node = this.decidesOf(
        c,
        this.list.filter((f) => f.strength > c.strength && mayMeet(f, c)),
      );
      this.decidesNodes.set(c, node);
    }
    return node;
  }

  /** Where some candidate applies (outside it the default outcome stands). May be large. */
  get covered(): NodeId {
    const d = this.space.diagram;
    this.coveredNode ??= this.list.reduce((acc, c) => d.or(acc, c.applies), d.FALSE);
    return this.coveredNode;
  }

  /** A possible situation (one class per fact) in which no candidate applies, if any; exact. */
  gapAt(): readonly number[] | undefined {
    const d = this.space.diagram;
    const all = universe(d);
    const usual = (i: number) => this.space.facts[i]!.usual;
    // Impossible situations are no gap: they join the cover.
    const impossible = cubesOf(d, d.not(this.space.possible));
    if (all && impossible && this.list.every((c) => c.cubes)) {
      const cover = [...impossible, ...this.list.flatMap((c) => c.cubes!)];
      const left = charged(this.work, (a) => uncovered(all, cover, a));
      return left && pointOf(left, usual);
    }
    return this.space.pick(d.not(this.covered));
  }

  /** The decision as one diagram of outcome strengths (0: no rule applies). May be large. */
  get outcome(): NodeId {
    if (this.outcomeNode !== undefined) return this.outcomeNode;
    const d = this.space.diagram;
    let out = d.terminal(0);
    for (const c of [...this.list].sort((a, b) => a.strength - b.strength)) {
      if (!c.decidingAt) continue;
      const s = c.strength;
      out = d.apply((x, y) => (y ? Math.max(x, s) : x), out, c.applies);
    }
    this.outcomeNode = out;
    return out;
  }

  /** The decision in one situation (one class per fact): its strength and deciding candidates. */
  decisionAt(classes: readonly number[]): { strength: number; deciding: Candidate[] } {
    const d = this.space.diagram;
    const holding = this.list.filter((c) => d.at(c.applies, classes) !== 0);
    const strength = holding.reduce((m, c) => Math.max(m, c.strength), 0);
    return { strength, deciding: holding.filter((c) => c.strength === strength) };
  }
}

export function candidatesOf(policy: PolicyModel, space: Space): Candidates {
  return new Candidates(policy, space);
}
