/**
 * `loadBundle(json)` → a decider: validates the bundle (shape, then meaning), builds the program,
 * and answers `decide` (json-rules-engine), `decideSync`/`outcome` (closures), `whyNot` and
 * `runScenarios`.
 */
import type { RuleProperties } from "json-rules-engine";
import { assemble, outcomeOf, truthOf, truthOfAll } from "./assemble.js";
import type { Bundle, FactValue } from "./bundle.js";
import { Candidates } from "./candidates.js";
import { Constraints } from "./constraints.js";
import { isIsoDate, today } from "./dates.js";
import { type DecideResult, type Decision, rejected } from "./decision.js";
import { bundleRules, dualRules, EnginePool, engineFacts } from "./engine.js";
import { Explainer } from "./explain.js";
import { FactReader, type ReadFacts } from "./facts.js";
import { bundleHash } from "./hash.js";
import { count, DEFAULT_LIMITS, decisionWork, type Limits, limitsOf } from "./limits.js";
import { meaningErrors } from "./meaning.js";
import { type Presumed, Presumptions } from "./presume.js";
import {
  buildProgram,
  F,
  type Program,
  T,
  type Tri,
  U,
  type Values,
  withDates,
} from "./program.js";
import { type ScenarioResult, scenarioResult } from "./scenarios.js";
import { shapeErrors } from "./shape.js";
import { type WhyNot, whyNot } from "./whynot.js";

/** How to decide. */
export interface DecideOptions {
  /**
   * The decision date, `YYYY-MM-DD`: what `today`, `2 years ago`, `within 2 years` and
   * `in force from … until …` are judged against. Default: today, in the local calendar.
   */
  readonly asOf?: string;
}

export type LoadResult =
  | { readonly ok: true; readonly decider: Decider }
  | { readonly ok: false; readonly errors: readonly string[] };

export interface LoadOptions {
  /** Raise or lower the limits (`DEFAULT_LIMITS`): bundle size, rules, work per decision. */
  readonly limits?: Partial<Limits>;
}

/** Bundle errors beyond this many are summarised: one broken generator can produce thousands. */
const MAX_ERRORS = 50;

/** Checks a bundle (a parsed JSON value, or JSON text) and returns a decider for it. */
export function loadBundle(json: unknown, options: LoadOptions = {}): LoadResult {
  const limits = limitsOf(options.limits);
  const checked = checkBundle(json, options);
  return checked.ok ? { ok: true, decider: new Decider(checked.bundle, limits) } : checked;
}

/**
 * Validation alone: every way the value fails to be a bundle this runtime can run — its size, its
 * shape, its hash, its meaning and the work a decision on it would take.
 */
export function checkBundle(
  json: unknown,
  options: LoadOptions = {},
): { ok: true; bundle: Bundle } | { ok: false; errors: readonly string[] } {
  const limits = limitsOf(options.limits);
  const fail = (...errors: string[]) => ({ ok: false as const, errors });
  let text: string;
  try {
    // A private copy through JSON: own data only (no getters, prototypes or later mutation).
    text = typeof json === "string" ? json : (JSON.stringify(json) ?? String(json));
  } catch (e) {
    return fail(`The bundle is not JSON: ${(e as Error).message}`);
  }
  if (text.length > limits.maxBundleSize) {
    return fail(
      `The bundle is ${count(text.length)} characters long; at most ${count(limits.maxBundleSize)} are allowed (limits.maxBundleSize).`,
    );
  }
  // RFC 8259 §8.1 lets a parser ignore a byte order mark; editors on Windows add one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`The bundle is not JSON: ${(e as Error).message}`);
  }
  let errors = shapeErrors(value);
  if (errors.length === 0) {
    const bundle = value as Bundle;
    if (bundle.rules.length > limits.maxRules) {
      return fail(
        `The bundle has ${count(bundle.rules.length)} rules and exceptions; at most ${count(limits.maxRules)} are allowed (limits.maxRules).`,
      );
    }
    const work = decisionWork(
      [...bundle.rules, ...(bundle.constraints ?? [])],
      limits.maxDecisionWork,
    );
    if (work > limits.maxDecisionWork) {
      return fail(
        `A decision on this bundle would evaluate more than ${count(limits.maxDecisionWork)} conditions and listed values (limits.maxDecisionWork).`,
      );
    }
    errors = meaningErrors(bundle);
    const hash = bundleHash(bundle);
    if (hash !== bundle.hash) {
      errors.push(
        `The bundle's hash does not match its content: it was changed after it was compiled (it says ${bundle.hash}, its content gives ${hash}). Compile the policy again instead of editing the bundle.`,
      );
    }
  }
  if (errors.length > MAX_ERRORS) {
    errors = [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems.`];
  }
  return errors.length > 0 ? fail(...errors) : { ok: true, bundle: value as Bundle };
}

function asOfError(options: DecideOptions | undefined) {
  return {
    fact: "",
    message: `The decision date must be a date written YYYY-MM-DD, such as 2024-09-01, not ${JSON.stringify(options?.asOf)}.`,
  };
}

export class Decider {
  readonly bundle: Bundle;
  private readonly program: Program;
  private readonly candidates: Candidates;
  private readonly explainer: Explainer;
  private readonly presumptions: Presumptions;
  private readonly constraints: Constraints;
  private readonly factNames: readonly string[];
  /** Declared facts and decision-date facts: what json-rules-engine is given. */
  private readonly engineNames: readonly string[];
  private readonly complete: EnginePool;
  private readonly reader: FactReader;
  private partial?: { pool: EnginePool; fixed: Map<string, boolean> };

  /** Use `loadBundle`: this constructor trusts that `bundle` passed validation. */
  constructor(bundle: Bundle, limits: Limits = DEFAULT_LIMITS) {
    this.bundle = bundle;
    this.program = buildProgram(bundle);
    this.candidates = new Candidates(
      this.program.entries,
      this.program.facts,
      this.program.strengths.map((s) => s.entries),
    );
    this.explainer = new Explainer(this.program);
    this.presumptions = new Presumptions(this.program);
    this.constraints = new Constraints(bundle, this.program.factIndex);
    this.reader = new FactReader(bundle.facts, limits.maxTextLength);
    this.factNames = bundle.facts.map((f) => f.name);
    this.engineNames = this.program.facts.map((f) => f.name);
    this.complete = new EnginePool(bundleRules(bundle));
  }

  /**
   * The decision, with json-rules-engine evaluating the bundle's rules. Safe to call concurrently.
   * Unknown facts (missing or null) are handled by Precept, never by the engine's options.
   */
  async decide(
    facts: Readonly<Record<string, unknown>>,
    options?: DecideOptions,
  ): Promise<DecideResult> {
    const given = this.read(facts, options);
    if (!given.ok) return rejected(given.errors);
    const presumed = this.presume(given, options);
    const read = presumed ?? given;
    const values = this.dated(read.values, options);
    if (!values) return rejected([asOfError(options)]);
    const tri = new Uint8Array(this.program.entries.length) as unknown as Tri[];
    const input = engineFacts(this.engineNames, values);
    if (read.known === this.factNames.length) {
      const fired = await this.complete.run(input);
      for (const e of this.program.entries) tri[e.index] = fired.has(e.name) ? T : F;
    } else {
      const { pool, fixed } = this.partialEngine();
      const fired = await pool.run(input);
      for (const e of this.program.entries) {
        const known = fixed.get(e.name);
        tri[e.index] =
          known === true || fired.has(`T:${e.name}`)
            ? T
            : known === false || fired.has(`F:${e.name}`)
              ? F
              : U;
      }
    }
    const decision = assemble(this.program, truthOfAll(this.program, tri), values, this.explainer);
    return this.stamp(this.stated(decision, given, presumed, options), options);
  }

  /** The same decision, evaluated by closures: synchronous and much faster. */
  decideSync(facts: Readonly<Record<string, unknown>>, options?: DecideOptions): DecideResult {
    const given = this.read(facts, options);
    if (!given.ok) return rejected(given.errors);
    const presumed = this.presume(given, options);
    const read = presumed ?? given;
    const values = this.dated(read.values, options);
    if (!values) return rejected([asOfError(options)]);
    const complete = read.known === this.factNames.length;
    const decision = assemble(
      this.program,
      truthOf(this.program, this.candidates, values, read.ordinals, complete),
      values,
      this.explainer,
    );
    return this.stamp(this.stated(decision, given, presumed, options), options);
  }

  /** The decision stating the presumptions that mattered (judged on the same decision date). */
  private stated(
    decision: Decision,
    given: Extract<ReadFacts, { ok: true }>,
    presumed: Presumed | undefined,
    options: DecideOptions | undefined,
  ): Decision {
    if (!presumed) return decision;
    const values = this.dated(given.values, options) ?? given.values;
    return this.presumptions.state(decision, values, presumed.used, this.explainer);
  }

  /** The decision with its decision date, when the rules use one. */
  private stamp(decision: Decision, options: DecideOptions | undefined): Decision {
    if (!this.program.dates) return decision;
    // The decision is this call's own object: adding the date (last, as a spread would) keeps
    // its explanation and weaker rules unread until asked for.
    (decision as { asOf?: string }).asOf = options?.asOf ?? today();
    return decision;
  }

  /** Whether the rules depend on the decision date (`today`, durations, `in force`). */
  get usesDecisionDate(): boolean {
    return this.program.dates !== undefined;
  }

  /** The values with the decision-date facts; undefined when `asOf` is not a date. */
  private dated(values: Values, options: DecideOptions | undefined): Values | undefined {
    if (!this.program.dates) return values;
    const asOf = options?.asOf ?? today();
    return isIsoDate(asOf) ? withDates(this.program, values, asOf) : undefined;
  }

  /**
   * Only the outcome name, or `undetermined`; undefined when the facts are invalid (`decideSync`
   * says why). The fastest path, for high-volume callers and analysis.
   */
  outcome(facts: Readonly<Record<string, unknown>>, options?: DecideOptions): string | undefined {
    const given = this.read(facts, options);
    if (!given.ok) return undefined;
    const read = this.presume(given, options) ?? given;
    const values = this.dated(read.values, options);
    if (!values) return undefined;
    return outcomeOf(this.program, values, read.ordinals, read.known === this.factNames.length);
  }

  /** The question to ask for a fact: its own `asks`, or one made from its label and type. */
  question(fact: string): string | undefined {
    const i = this.factNames.indexOf(fact);
    return i < 0 ? undefined : this.explainer.question(i);
  }

  /** Why a rule or exception (by id) does or does not apply. */
  whyNot(rule: string, facts: Readonly<Record<string, unknown>>, options?: DecideOptions): WhyNot {
    const entry = this.program.entryByName.get(rule);
    if (!entry) {
      const ids = this.program.entries.map((e) => e.name).join(", ");
      return {
        ok: false,
        errors: [{ fact: "", message: `There is no rule '${rule}'. Rules: ${ids}.` }],
      };
    }
    const given = this.read(facts, options);
    if (!given.ok) return { ok: false, errors: given.errors };
    const read = this.presume(given, options) ?? given;
    const values = this.dated(read.values, options);
    if (!values) return { ok: false, errors: [asOfError(options)] };
    return whyNot(this.program, this.explainer, entry, values);
  }

  /**
   * The values of a choice or yes/no fact that the constraints still allow, given `facts`
   * (undefined for other facts, or when the facts are invalid). One value: the answer is implied.
   */
  possibleValues(
    fact: string,
    facts: Readonly<Record<string, unknown>>,
    options?: DecideOptions,
  ): readonly FactValue[] | undefined {
    const i = this.program.factIndex.get(fact);
    const f = i === undefined ? undefined : this.program.facts[i];
    if (!f || (f.type !== "choice" && f.type !== "yes/no")) return undefined;
    const read = this.read(facts, options);
    if (!read.ok) return undefined;
    const candidates = f.type === "choice" ? f.values : [true, false];
    return this.constraints.any
      ? this.constraints.possible(this.dated(read.values, options) ?? read.values, i!, candidates)
      : candidates;
  }

  /**
   * Reads a fact set: its values, or why it is invalid or contradictory (constraints judged on the
   * decision date too: they may compare a date with it).
   */
  private read(facts: Readonly<Record<string, unknown>>, options?: DecideOptions): ReadFacts {
    const read = this.reader.read(facts);
    if (!read.ok || !this.constraints.any) return read;
    const values = this.dated(read.values, options) ?? read.values;
    const broken = this.constraints.broken(values, this.explainer);
    return broken.length > 0 ? { ok: false, errors: broken } : read;
  }

  /** Presumed values for unknown facts, unless they would contradict a constraint. */
  private presume(
    read: Extract<ReadFacts, { ok: true }>,
    options: DecideOptions | undefined,
  ): Presumed | undefined {
    const presumed = this.presumptions.fill(read);
    if (!presumed || !this.constraints.any) return presumed;
    if (this.constraints.allows(this.dated(presumed.values, options) ?? presumed.values))
      return presumed;
    return undefined;
  }

  /** Runs the bundle's scenarios through `decide`. */
  async runScenarios(): Promise<ScenarioResult[]> {
    const out: ScenarioResult[] = [];
    for (const s of this.bundle.scenarios) {
      const options = s.asOf !== undefined ? { asOf: s.asOf } : undefined;
      out.push(scenarioResult(s, await this.decide(s.given, options), this.bundle.outcomes));
    }
    return out;
  }

  private partialEngine(): { pool: EnginePool; fixed: Map<string, boolean> } {
    if (!this.partial) {
      const { rules, fixed } = dualRules(this.bundle);
      this.partial = { pool: new EnginePool(rules as RuleProperties[]), fixed };
    }
    return this.partial;
  }
}
