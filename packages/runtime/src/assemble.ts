/**
 * From the truth value of every entry to the decision (docs/semantics.md §5–§7). Both evaluators —
 * json-rules-engine in `decide` and the closures in `decideSync` — end here, so they cannot differ
 * in anything but the truth values, which the property tests compare.
 */
import type { Candidates } from "./candidates.js";
import type { Decision } from "./decision.js";
import { capitalise, type Explainer, list } from "./explain.js";
import {
  type Entry,
  F,
  type Program,
  relevantFacts,
  T,
  type Tri,
  U,
  type Values,
} from "./program.js";

/**
 * The truth values of the entries, read one strength at a time: a decision reads the strongest
 * strengths until one has a true entry, and the weaker ones only if `alsoApplies` or the
 * explanation is read.
 */
export interface Truth {
  /** Adds the true and the unknown entries of `program.strengths[s]` to `t` and `u`, policy order. */
  strength(s: number, t: Entry[], u: Entry[]): void;
  /** One entry's truth value. */
  of(entry: Entry): Tri;
}

/** The truth from every entry's value (as `decide` gets it from json-rules-engine). */
export function truthOfAll(program: Program, all: ArrayLike<Tri>): Truth {
  return {
    strength(s, t, u) {
      for (const e of program.strengths[s]!.entries) {
        const v = all[e.index];
        if (v === T) t.push(e);
        else if (v === U) u.push(e);
      }
    },
    of: (e) => all[e.index]!,
  };
}

/**
 * The truth as the fast evaluator finds it: only the entries the known facts leave possible (see
 * `Candidates`) are evaluated; the others are false.
 */
export function truthOf(
  program: Program,
  candidates: Candidates,
  values: Values,
  ordinals: readonly number[],
  complete: boolean,
): Truth {
  const { flat, entries } = program;
  const masks = candidates.masksFor(values, ordinals);
  return {
    strength(s, t, u) {
      const m = masks.length;
      const { all, covered, entryAt } = candidates;
      const end = candidates.groupEnd[s]!;
      for (let w = candidates.groupStart[s]!; w < end; w++) {
        let bits = all[w]!;
        for (let k = 0; k < m && bits !== 0; k++) bits &= masks[k]![w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          bits ^= low;
          const e = entries[entryAt[(w << 5) + 31 - Math.clz32(low)]!]!;
          if (complete) {
            if (covered[e.index] === 1 || flat.holds(e.flat, values)) t.push(e);
          } else {
            const v = flat.tri(e.flat, values);
            if (v === T) t.push(e);
            else if (v === U) u.push(e);
          }
        }
      }
    },
    of: (e) => (complete ? (flat.holds(e.flat, values) ? T : F) : flat.tri(e.flat, values)),
  };
}

/** The entries in policy order: a numeric sort of their indices, far cheaper than a comparator. */
function inPolicyOrder(program: Program, entries: readonly Entry[]): Entry[] {
  const order = new Int32Array(entries.length);
  for (let j = 0; j < entries.length; j++) order[j] = entries[j]!.index;
  order.sort();
  const out: Entry[] = new Array(order.length);
  for (let j = 0; j < order.length; j++) out[j] = program.entries[order[j]!]!;
  return out;
}

/**
 * The decision. Its `alsoApplies` and `explanation` are made when first read (then kept): a large
 * policy's decision can have hundreds of weaker rules that also apply and tens of kilobytes of
 * text, which callers that need only the outcome, the deciding rules and the questions should not
 * pay for. What is read is the same either way.
 */
export function assemble(
  program: Program,
  truth: Truth,
  values: Values,
  explainer: Explainer,
): Decision {
  // The strongest strength with a true entry decides (0 when none has one); unknown entries of
  // the stronger ones are pending.
  const deciding: Entry[] = [];
  let pending: Entry[] = [];
  let atLeast = 0;
  let decidedAt = program.strengths.length;
  for (let s = 0; s < program.strengths.length; s++) {
    const unknown: Entry[] = [];
    truth.strength(s, deciding, unknown);
    const strength = program.strengths[s]!.strength;
    if (deciding.length > 0) {
      atLeast = strength;
      decidedAt = s;
      break;
    }
    if (strength > 0) pending = pending.length === 0 ? unknown : pending.concat(unknown);
  }
  // No candidate holds: with a layer's default stronger than 0 the unknown ones are judged
  // against it (docs/semantics.md §6).
  let floor: Entry | undefined;
  if (deciding.length === 0 && pending.length > 0 && program.defaultOutcome.strength > 0) {
    ({ pending, floor } = pendingWithoutTrue(pending, program.defaultOutcome.strength));
  }
  if (pending.length > 0 && decidedAt > 1) pending = inPolicyOrder(program, pending);

  let advice: Set<string> | undefined;
  for (const e of program.advising) {
    if (truth.of(e) !== T) continue;
    advice ??= new Set();
    for (const a of e.params.advice) advice.add(a);
  }
  // Only a rule with several exceptions of its own can warn of a conflict between them.
  let exceptionsByRule: Map<string, Entry[]> | undefined;
  for (const e of program.conflicting) {
    if (truth.of(e) !== T) continue;
    exceptionsByRule ??= new Map();
    const list = exceptionsByRule.get(e.params.rule) ?? [];
    list.push(e);
    exceptionsByRule.set(e.params.rule, list);
  }
  const atLeastOutcome =
    floor?.outcome ??
    (atLeast === 0
      ? program.defaultOutcome.name
      : (deciding[0]?.outcome ?? program.defaultOutcome.name));

  const warnings: string[] = [];
  for (const [rule, list] of exceptionsByRule ?? []) {
    if (new Set(list.map((e) => e.outcome)).size < 2) continue;
    const strongest = list.reduce((a, b) => (b.strength > a.strength ? b : a));
    warnings.push(
      `Exceptions ${listOf(list.map((e) => `${e.name} (${e.outcome})`))} to rule ${rule} apply together with different outcomes; the strongest, ${strongest.outcome}, stands.`,
    );
  }
  const adviceList = advice === undefined ? [] : [...advice];
  let undetermined: Decision["undetermined"];
  if (pending.length > 0) {
    const facts = new Set<number>();
    for (const e of pending) relevantFacts(e.root, values, facts);
    const needs = [...facts]
      .sort((a, b) => a - b)
      .map((i) => ({ fact: program.facts[i]!.name, question: explainer.question(i) }));
    undetermined = { needs, atLeast: atLeastOutcome, pending: pending.map((e) => e.name) };
  }
  return new Assembled(
    { program, truth, values, explainer, decidedAt, deciding, pending },
    atLeastOutcome,
    adviceList,
    warnings,
    undetermined,
  );
}

/**
 * The pending candidates when none holds and the default has strength `d` > 0, from the unknown
 * ones (strongest first), and the weakest outcome still possible when it is weaker than the
 * default (`floor`). If every unknown candidate is at least as strong as the default, only the
 * stronger ones can change the decision. If one is weaker, every unknown candidate can: the
 * weakest by applying alone, any other by applying with it.
 */
export function pendingWithoutTrue(
  unknown: readonly Entry[],
  d: number,
): { pending: Entry[]; floor?: Entry } {
  const weakest = unknown.at(-1)!;
  if (weakest.strength < d) return { pending: [...unknown], floor: weakest };
  return { pending: unknown.filter((e) => e.strength > d) };
}

/** What a decision keeps to list the weaker rules that also apply and to explain itself. */
interface Sources {
  readonly program: Program;
  readonly truth: Truth;
  readonly values: Values;
  readonly explainer: Explainer;
  /** The index in `program.strengths` of the deciding strength (its length when none). */
  readonly decidedAt: number;
  readonly deciding: readonly Entry[];
  readonly pending: readonly Entry[];
}

const lazy = { enumerable: true, configurable: true } as const;

/**
 * A decision whose `alsoApplies` and `explanation` are own enumerable getters (so JSON, spreads
 * and comparisons see them as before) sharing one pair of functions: an object literal with
 * getters would make V8 build a new hidden class and closures for every decision.
 */
class Assembled implements Decision {
  declare readonly ok: true;
  declare readonly outcome: string;
  declare readonly decidingRules: readonly string[];
  declare readonly alsoApplies: Decision["alsoApplies"];
  declare readonly advice: readonly string[];
  declare readonly undetermined?: Decision["undetermined"];
  declare readonly warnings: readonly string[];
  declare readonly explanation: string;
  #sources: Sources;
  #also?: Entry[];
  #applies?: Decision["alsoApplies"];
  #text?: string;

  constructor(
    sources: Sources,
    outcome: string,
    advice: readonly string[],
    warnings: readonly string[],
    undetermined: Decision["undetermined"],
  ) {
    this.#sources = sources;
    const self = this as { -readonly [K in keyof Decision]: Decision[K] };
    // The properties in the order decisions have always had them.
    self.ok = true;
    self.outcome = undetermined ? "undetermined" : outcome;
    self.decidingRules = sources.deciding.map((e) => e.name);
    Object.defineProperty(this, "alsoApplies", Assembled.alsoApplies);
    self.advice = advice;
    if (undetermined) self.undetermined = undetermined;
    self.warnings = warnings;
    Object.defineProperty(this, "explanation", Assembled.explanation);
  }

  static readonly alsoApplies = {
    ...lazy,
    get(this: Assembled) {
      this.#applies ??= this.#alsoEntries().map((e) => e.applies);
      return this.#applies;
    },
  };

  static readonly explanation = {
    ...lazy,
    get(this: Assembled) {
      this.#text ??= this.#explain();
      return this.#text;
    },
  };

  /** The weaker entries that also apply, policy order. */
  #alsoEntries(): Entry[] {
    if (this.#also) return this.#also;
    const { program, truth, decidedAt } = this.#sources;
    const found: Entry[] = [];
    const ignored: Entry[] = [];
    for (let s = decidedAt + 1; s < program.strengths.length; s++) {
      truth.strength(s, found, ignored);
    }
    this.#also = inPolicyOrder(program, found);
    return this.#also;
  }

  #explain(): string {
    const { explainer, deciding, pending, values } = this.#sources;
    const also = this.#alsoEntries();
    return this.undetermined
      ? explainUndetermined(
          explainer,
          this.undetermined,
          deciding,
          pending,
          also,
          this.advice,
          this.warnings,
          values,
        )
      : explainDecided(explainer, this.outcome, deciding, also, this.advice, this.warnings, values);
  }
}

const listOf = (items: readonly string[]): string => list(items, "and");

function tail(
  explainer: Explainer,
  also: readonly Entry[],
  advice: readonly string[],
  warnings: readonly string[],
  values: Values,
): string {
  let out = "";
  if (also.length > 0) {
    const parts = also.map(
      (e) => `${explainer.outcomeLabel(e.outcome)} — ${explainer.because(e, values)}`,
    );
    out += ` Also applies: ${parts.join("; ")}.`;
  }
  if (advice.length > 0) out += ` Advice: ${advice.map(sentence).join(" ")}`;
  for (const w of warnings) out += ` Warning: ${w}`;
  return out;
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

function explainDecided(
  explainer: Explainer,
  outcome: string,
  deciding: readonly Entry[],
  also: readonly Entry[],
  advice: readonly string[],
  warnings: readonly string[],
  values: Values,
): string {
  const label = capitalise(explainer.outcomeLabel(outcome));
  const why =
    deciding.length === 0
      ? // Only reminders (advice-only rules and exceptions) apply: they decide nothing.
        `${advice.length > 0 ? "no rule decides this" : "no rule applies"}${explainer.layerDefault()}`
      : deciding.map((e) => explainer.because(e, values)).join("; ");
  return `${label} — ${why}${/[.!?]$/.test(why) ? "" : "."}${tail(explainer, also, advice, warnings, values)}`;
}

function explainUndetermined(
  explainer: Explainer,
  u: { readonly needs: readonly { readonly question: string }[]; readonly atLeast: string },
  deciding: readonly Entry[],
  pending: readonly Entry[],
  also: readonly Entry[],
  advice: readonly string[],
  warnings: readonly string[],
  values: Values,
): string {
  const atLeast =
    deciding.length > 0
      ? `at least ${explainer.outcomeLabel(u.atLeast)}: ${deciding.map((e) => explainer.because(e, values)).join("; ")}`
      : "no rule applies yet";
  const possible = [...new Set(pending.map((e) => explainer.outcomeLabel(e.outcome)))];
  const refs = pending.map((e) => explainer.reference(e));
  // With none applying, a layer's own default is one of the possibilities too.
  const setBy = deciding.length === 0 ? explainer.defaultSetBy : undefined;
  if (setBy) {
    possible.push(explainer.outcomeLabel(explainer.defaultOutcome));
    refs.push(`${setBy.layer}'s default`);
  }
  const ask = u.needs.map((n) => n.question).join(" ");
  return `Undetermined — ${atLeast}; it could be ${list([...new Set(possible)], "or")} (${list(refs)}). Still to ask: ${ask}${tail(explainer, also, advice, warnings, values)}`;
}

/** The outcome alone, the cheap way: strongest level first, stopping at the first answer. */
export function outcomeOf(
  program: Program,
  values: Values,
  ordinals: readonly number[],
  complete: boolean,
): string {
  // An unknown candidate as strong as a layer's default leaves the default standing unless a
  // weaker one holds or is unknown (docs/semantics.md §6).
  const d = program.defaultOutcome.strength;
  let unknownAtDefault = false;
  for (const level of program.levels) {
    // Unknown (in a stronger level than any that holds) means undetermined.
    let unknown = false;
    let t = holdsIn(program, level.unkeyed, values, complete);
    if (t === T) return unknownAtDefault ? "undetermined" : level.outcome;
    if (t === U) unknown = true;
    for (const group of level.keyed) {
      const o = ordinals[group.fact]!;
      const x = values[group.fact];
      const list = o >= 0 ? group.byOrdinal[o] : x === undefined ? group.all : group.byValue.get(x);
      if (!list) continue;
      t = holdsIn(program, list, values, complete);
      if (t === T) return unknownAtDefault ? "undetermined" : level.outcome;
      if (t === U) unknown = true;
    }
    if (unknown) {
      if (level.strength !== d || unknownAtDefault) return "undetermined";
      unknownAtDefault = true;
    }
  }
  return program.defaultOutcome.name;
}

/** T if some entry holds, else U if some is unknown, else F. */
function holdsIn(program: Program, list: readonly Entry[], values: Values, complete: boolean): Tri {
  const { flat } = program;
  let r: Tri = F;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (complete) {
      if (flat.holds(e.flat, values)) return T;
    } else {
      const t = flat.tri(e.flat, values);
      if (t === T) return T;
      if (t === U) r = U;
    }
  }
  return r;
}
