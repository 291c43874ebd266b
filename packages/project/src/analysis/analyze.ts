/**
 * Analysis of one effective policy, exact over its finite situation space (space.ts): rules and
 * exceptions that never decide (overruled) or never apply (unsatisfiable), unsatisfiable terms,
 * rules with different outcomes that apply together (overlaps) and the situations no rule decides
 * (gaps). Everything is computed on decision diagrams, never by enumerating situations.
 */
import type { PolicyModel, Range, RuleModel } from "@precept/language";
import { today } from "@precept/runtime";
import { meets, SplitBudgetExceeded, uncovered } from "./cubes.js";
import { datesIn, policyAsOf } from "./dates.js";
import { cubeText, givenText } from "./describe.js";
import { type Candidate, type Candidates, candidatesOf, mayMeet } from "./entries.js";
import type { Finding, Place, Witness } from "./findings.js";
import { DiagramTooLarge, type NodeId } from "./mdd.js";
import { type Situation, Space } from "./space.js";
import { suggestException } from "./suggest.js";

export interface AnalysisOptions {
  /** List the overlaps, each with a witness (default false: `overlapCount` counts them). */
  readonly overlaps?: boolean;
  /** Report gaps (default true). */
  readonly gaps?: boolean;
  /** Report gaps per value of this fact (its name). */
  readonly gapsBy?: string;
  /** How many alternatives describe a region at most (default 6). */
  readonly regionLimit?: number;
  /** Only the cheap, certain findings: overruled and unsatisfiable (for `check`). */
  readonly certainOnly?: boolean;
  /**
   * The decision date to analyse as of (ISO `YYYY-MM-DD`; default today): the rules in force then,
   * and comparisons with the decision date judged on it.
   */
  readonly asOf?: string;
}

const START: Range = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/** The analysis context of one policy: its space and candidates, shared by every finding. */
export class PolicyAnalyser {
  /** The policy as of the decision date: only the rules and exceptions in force then. */
  readonly policy: PolicyModel;
  readonly space: Space;
  readonly candidates: Candidates;
  /** The decision date analysed as of. */
  readonly asOf: string;
  /** Whether the policy depends on the decision date (witnesses then carry it). */
  readonly dated: boolean;
  /** What could not be analysed exactly, and why. */
  readonly limits: string[] = [];

  /**
   * `asOf`: the decision date (default: the space's, else today). A given `space` must include
   * the policy's facts and constants as of that date.
   */
  constructor(policy: PolicyModel, space?: Space, asOf?: string) {
    this.asOf = space?.asOf ?? asOf ?? today();
    this.dated = datesIn(policy) !== undefined;
    policy = policyAsOf(policy, this.asOf);
    this.policy = policy;
    this.space = space ?? new Space([policy], this.asOf);
    this.candidates = candidatesOf(policy, this.space);
  }

  /** A witness in `region` with the decision there. */
  witness(region: NodeId): Witness | undefined {
    const classes = this.space.pick(region);
    if (!classes) return undefined;
    return this.decisionAt(this.space.situation(classes), classes);
  }

  decisionAt(facts: Situation, classes: readonly number[]): Witness {
    const { strength, deciding } = this.candidates.decisionAt(classes);
    const rules = deciding.map((c) => c.id);
    const given = givenText(this.space, facts);
    return {
      facts,
      given,
      outcome: this.candidates.outcomes.get(strength)!,
      rules,
      ...(this.dated ? { asOf: this.asOf } : {}),
    };
  }

  /** A region as a few readable alternatives. */
  region(region: NodeId, limit: number): { region: string[]; truncated: boolean } {
    const { cubes, more } = this.space.diagram.cubes(region, limit);
    return { region: cubes.map((c) => cubeText(this.space, c)), truncated: more };
  }

  findings(options: AnalysisOptions = {}): Finding[] {
    const unsettled = this.candidates.list.filter((c) => c.unsettled);
    if (unsettled.length > 0) {
      this.limits.push(
        `Whether ${unsettled.length === 1 ? "rule" : "rules"} ${unsettled.map((c) => c.id).join(", ")} ever ${unsettled.length === 1 ? "decides" : "decide"} was too complex to settle; ${unsettled.length === 1 ? "it is" : "they are"} not reported as overruled.`,
      );
    }
    const out: Finding[] = [...this.unsatisfiable(), ...this.overruled()];
    if (options.certainOnly) return out;
    if (options.overlaps === true) out.push(...this.overlaps());
    if (options.gaps !== false) out.push(...this.gaps(options));
    return out;
  }

  private place(c: Candidate, message: string): Place {
    return { uri: c.origin.uri, range: c.origin.range, message };
  }

  private name(c: Candidate): string {
    return c.exception ? `the exception ${c.id} to ${ruleName(c.rule)}` : ruleName(c.rule);
  }

  unsatisfiable(): Finding[] {
    const d = this.space.diagram;
    const out: Finding[] = [];
    const possible = this.space.possible;
    for (const term of this.policy.terms) {
      const own = this.space.condition(term.condition);
      if (d.and(own, possible) !== d.FALSE) continue;
      out.push({
        code: "unsatisfiable-term",
        severity: "warning",
        summary: `The term '${term.label}' can never hold: ${this.why(own)}.`,
        uri: term.origin.uri,
        range: term.origin.range,
        rules: [],
        related: [],
        witnesses: [],
      });
    }
    for (const rule of this.policy.rules) {
      const own = this.space.condition(rule.condition);
      const condition = d.and(own, possible);
      // An advice-only rule is no candidate: where it applies is worked out here.
      const applies =
        this.candidates.list.find((c) => c.rule === rule && !c.exception)?.applies ??
        rule.exceptions.reduce(
          (a, e) => d.and(a, d.not(this.space.condition(e.condition))),
          condition,
        );
      if (condition === d.FALSE) {
        out.push({
          code: "unsatisfiable-rule",
          severity: "warning",
          summary: `${capital(ruleName(rule))} can never apply: ${this.why(own)}.`,
          uri: rule.origin.uri,
          range: rule.origin.range,
          rules: [rule.version ?? rule.id],
          related: [],
          witnesses: [],
        });
        continue;
      }
      if (applies === d.FALSE) {
        const w = this.witness(condition);
        out.push({
          code: "unsatisfiable-rule",
          severity: "warning",
          summary: `${capital(ruleName(rule))} never applies on its own: wherever its condition holds, one of its exceptions applies instead.`,
          uri: rule.origin.uri,
          range: rule.origin.range,
          rules: [rule.version ?? rule.id],
          related: rule.exceptions.map((e) => ({
            uri: e.origin.uri,
            range: e.origin.range,
            message: `exception ${e.id}`,
          })),
          witnesses: w ? [w] : [],
        });
      }
      for (const e of rule.exceptions) {
        const its = this.space.condition(e.condition);
        if (d.and(condition, its) !== d.FALSE) continue;
        out.push({
          code: "unsatisfiable-exception",
          severity: "warning",
          summary:
            d.and(its, possible) === d.FALSE
              ? `The exception ${e.id} to rule ${rule.id} can never apply: ${this.why(its)}.`
              : `The exception ${e.id} to rule ${rule.id} can never apply: its condition never holds where rule ${rule.id}'s does${d.and(own, its) === d.FALSE ? "" : ` (${this.ruledOut(d.and(own, its))} every situation in which both hold)`}.`,
          uri: e.origin.uri,
          range: e.origin.range,
          rules: [e.id],
          related: [{ uri: rule.origin.uri, range: rule.origin.range, message: `rule ${rule.id}` }],
          witnesses: [],
        });
      }
    }
    return out;
  }

  /** Why a condition never holds in a possible situation: by itself, or by the constraints. */
  private why(condition: NodeId): string {
    if (condition === this.space.diagram.FALSE) return "no situation satisfies its condition";
    return `its condition holds only in situations ${this.ruledOut(condition)}`;
  }

  /** `the constraint "…" rules out` (naming the constraints that rule out `region` alone). */
  private ruledOut(region: NodeId): string {
    const d = this.space.diagram;
    const named = (this.policy.constraints ?? []).filter(
      (c) => d.and(region, this.space.condition(c.condition)) === d.FALSE,
    );
    if (named.length === 0) return "the constraints rule out together";
    const titles = named.map((c) => `"${c.title}"`).join(", ");
    return named.length === 1
      ? `the constraint ${titles} rules out`
      : `the constraints ${titles} each rule out`;
  }

  overruled(): Finding[] {
    const d = this.space.diagram;
    const out: Finding[] = [];
    for (const c of this.candidates.list) {
      if (c.applies === d.FALSE || c.decidingAt || c.unsettled) continue;
      const over = this.cover(
        c,
        this.candidates.list.filter((f) => f.strength > c.strength && mayMeet(f, c)),
      );
      const named = over.map((f) => `${f.outcome} by ${this.name(f)}`);
      const w = this.witness(c.applies);
      const earlier = over.filter((f) => f.origin.uri !== c.origin.uri);
      const layered = this.policy.layers.length > 1 && c.origin.uri === this.policy.uri;
      const suggestion =
        layered && earlier.length > 0 ? suggestException(this, c, earlier) : undefined;
      out.push({
        code: "overruled-rule",
        severity: "warning",
        summary: `${capital(this.name(c))} (${c.outcome}) never decides: wherever it applies, a stronger outcome applies too (${named.join("; ")}${over.length > 1 ? ", between them" : ""}).${suggestion ? ` A layer loosens its baseline only when it says so: write an exception to rule ${earlier[0]!.rule.id} (or override it) with the reason.` : ""}`,
        uri: c.origin.uri,
        range: c.origin.range,
        rules: [c.id],
        related: over.map((f) => this.place(f, `overruled by ${this.name(f)} (${f.outcome})`)),
        witnesses: w ? [w] : [],
        ...(suggestion ? { suggestion } : {}),
      });
    }
    return out;
  }

  /**
   * A few of `from` that together apply wherever `region` holds: first those that cover it alone
   * (in policy order), else greedily the one covering most of what is left.
   */
  private cover(c: Candidate, from: readonly Candidate[]): Candidate[] {
    const d = this.space.diagram;
    const region = c.applies;
    if (c.cubes && from.every((f) => f.cubes)) {
      // Cubes: those that cover it alone, else those that meet it (strongest first, a few).
      const meeting = from.filter((f) => f.cubes!.some((x) => c.cubes!.some((y) => meets(x, y))));
      // Those that cover it alone (looked for among the first few hundred that meet it).
      const whole = meeting
        .slice(0, 500)
        .filter((f) => c.cubes!.every((cube) => !uncovered(cube, f.cubes!)));
      if (whole.length > 0) return whole;
      return meeting.sort((a, b) => b.strength - a.strength).slice(0, OVERRULERS_LISTED);
    }
    const whole = from.filter((f) => d.and(region, d.not(f.applies)) === d.FALSE);
    if (whole.length > 0) return whole;
    const out: Candidate[] = [];
    let left = region;
    while (left !== d.FALSE) {
      let best: Candidate | undefined;
      let bestShare = 0;
      for (const f of from) {
        const s = this.space.share(d.and(left, f.applies));
        if (s > bestShare) [best, bestShare] = [f, s];
      }
      if (!best) break;
      out.push(best);
      left = d.and(left, d.not(best.applies));
    }
    return out;
  }

  /** How many pairs of rules with different outcomes apply together (each deciding somewhere). */
  overlapCount(): number {
    const d = this.space.diagram;
    const list = this.candidates.list.filter((c) => c.decidingAt);
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.rule === b.rule || a.outcome === b.outcome || !mayMeet(a, b)) continue;
        const meet =
          a.cubes && b.cubes
            ? a.cubes.some((x) => b.cubes!.some((y) => meets(x, y)))
            : d.and(a.applies, b.applies) !== d.FALSE;
        if (meet) n++;
      }
    }
    return n;
  }

  overlaps(): Finding[] {
    const d = this.space.diagram;
    const out: Finding[] = [];
    const list = this.candidates.list.filter((c) => c.decidingAt);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.rule === b.rule || a.outcome === b.outcome || !mayMeet(a, b)) continue;
        const both = d.and(a.applies, b.applies);
        if (both === d.FALSE) continue;
        const [strong, weak] = a.strength >= b.strength ? [a, b] : [b, a];
        const w = this.witness(both);
        const sameLayer = a.origin.uri === b.origin.uri;
        out.push({
          code: "rule-overlap",
          severity: sameLayer ? "warning" : "info",
          summary: `${capital(this.name(a))} (${a.outcome}) and ${this.name(b)} (${b.outcome}) can apply together; there the stronger, ${strong.outcome} (${this.name(strong)}), decides over ${weak.outcome}.`,
          uri: b.origin.uri,
          range: b.origin.range,
          rules: [a.id, b.id],
          related: [this.place(a, `${this.name(a)} (${a.outcome})`)],
          witnesses: w ? [w] : [],
        });
      }
    }
    return out;
  }

  /** "no guidance stands", or "Trust's default, caution, stands" for a layer's own default. */
  private defaultStands(): string {
    const own = this.policy.layerDefault;
    return own
      ? `${own.origin.layer}'s default, ${own.outcome.name}, stands`
      : `${this.policy.defaultOutcome.name} stands`;
  }

  gaps(options: AnalysisOptions): Finding[] {
    const d = this.space.diagram;
    const limit = options.regionLimit ?? 6;
    let at: readonly number[] | undefined;
    try {
      at = this.candidates.gapAt();
    } catch (error) {
      if (!(error instanceof SplitBudgetExceeded)) throw error;
      this.limits.push(
        `Gaps were not looked for: the rules are too many and too unrelated (${error.message}).`,
      );
      return [];
    }
    if (!at) return [];
    const header = this.policy.layers.at(-1);
    const base = {
      code: "gap" as const,
      severity: "info" as const,
      uri: header?.uri ?? this.policy.uri,
      range: START,
      rules: [],
      related: [],
    };
    let gap: NodeId;
    try {
      gap = d.within(REGION_NODES, () =>
        d.and(d.not(this.candidates.covered), this.space.possible),
      );
    } catch (error) {
      if (!(error instanceof DiagramTooLarge)) throw error;
      // Too many unrelated rules to describe where: the witness is still exact.
      return [
        {
          ...base,
          summary: `No rule applies in some situations, for example the one below: ${this.defaultStands()}. (The region is too complex to describe: ${error.message})`,
          witnesses: [this.decisionAt(this.space.situation(at), at)],
        },
      ];
    }
    const finding = (region: NodeId, scope: string): Finding => {
      const { region: text, truncated } = this.region(region, limit);
      const w = this.witness(region);
      const share = this.space.share(region);
      return {
        ...base,
        summary: `${scope ? `${scope}no` : "No"} rule applies in ${percent(share)} of the situations: ${this.defaultStands()}.`,
        witnesses: w ? [w] : [],
        region: text,
        ...(truncated ? { regionTruncated: true } : {}),
      };
    };
    if (options.gapsBy === undefined) return [finding(gap, "")];
    const level = this.space.index.get(options.gapsBy);
    if (level === undefined) return [finding(gap, "")];
    const fact = this.space.facts[level]!;
    const out: Finding[] = [];
    fact.classes.forEach((_, k) => {
      const part = d.and(
        gap,
        d.literal(level, (c) => c === k),
      );
      if (part === d.FALSE) return;
      const when = cubeText(this.space, new Map([[level, [k]]]));
      out.push(finding(part, `Where ${when}, `));
    });
    return out;
  }
}

/** How many overruling rules an overruled rule's finding names when none overrules it alone. */
const OVERRULERS_LISTED = 6;

/** How many new nodes describing one region may take before analysis gives up describing it. */
export const REGION_NODES = 100_000;

/** `rule 4.2`, or for a version of a rule `rule 4.2 (the version in force from 2024-09-01)`. */
export function ruleName(rule: RuleModel): string {
  if (!rule.version) return `rule ${rule.id}`;
  const f = rule.inForce;
  const when = [f?.from && `from ${f.from}`, f?.until && `until ${f.until}`]
    .filter(Boolean)
    .join(" ");
  return `rule ${rule.id} (the version in force ${when})`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function percent(share: number): string {
  if (share >= 1) return "all";
  if (share <= 0) return "none";
  const p = share * 100;
  return p < 0.1 ? "under 0.1 %" : `${p < 10 ? p.toFixed(1) : p.toFixed(0)} %`;
}

/** Every finding for a checked policy. */
export function analyzeModel(policy: PolicyModel, options: AnalysisOptions = {}): Finding[] {
  return new PolicyAnalyser(policy, undefined, options.asOf).findings(options);
}
