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
 * The entries that are not false, in policy order, each with its value (true or unknown): every
 * other entry is false, and a decision reads only these.
 */
export interface Truth {
  readonly touched: ArrayLike<number>;
  /** The value of `touched[j]`. */
  readonly tri: ArrayLike<Tri>;
}

/** The truth from every entry's value (as `decide` gets it from json-rules-engine). */
export function truthOfAll(all: ArrayLike<Tri>): Truth {
  const touched: number[] = [];
  const tri: Tri[] = [];
  for (let i = 0; i < all.length; i++) {
    if (all[i] !== F) {
      touched.push(i);
      tri.push(all[i]!);
    }
  }
  return { touched, tri };
}

/**
 * The decision. Its `explanation` is written when first read (then kept): the text of a large
 * policy's decision can run to tens of kilobytes, which callers that only need the outcome, the
 * rules and the questions should not pay for.
 */
export function assemble(
  program: Program,
  truth: Truth,
  values: Values,
  explainer: Explainer,
): Decision {
  const { entries } = program;
  const { tri, touched } = truth;
  let atLeast = 0;
  for (let j = 0; j < touched.length; j++) {
    const e = entries[touched[j]!]!;
    if (e.kind !== "advice" && tri[j] === T && e.strength > atLeast) atLeast = e.strength;
  }
  const deciding: Entry[] = [];
  const also: Entry[] = [];
  const pending: Entry[] = [];
  let advice: Set<string> | undefined;
  let exceptionsByRule: Map<string, Entry[]> | undefined;
  for (let j = 0; j < touched.length; j++) {
    const e = entries[touched[j]!]!;
    const t = tri[j];
    if (t === T && e.params.advice.length > 0) {
      advice ??= new Set();
      for (const a of e.params.advice) advice.add(a);
    }
    if (e.kind === "advice") continue;
    if (t === T) {
      if (e.strength === atLeast) deciding.push(e);
      else also.push(e);
      // Only a rule with several exceptions of its own can warn of a conflict between them.
      if (e.kind === "exception" && program.severalExceptions.has(e.params.rule)) {
        exceptionsByRule ??= new Map();
        const list = exceptionsByRule.get(e.params.rule) ?? [];
        list.push(e);
        exceptionsByRule.set(e.params.rule, list);
      }
    } else if (t === U && e.strength > atLeast) pending.push(e);
  }
  const atLeastOutcome =
    atLeast === 0
      ? program.defaultOutcome.name
      : (deciding[0]?.outcome ?? program.defaultOutcome.name);

  const warnings: string[] = [];
  for (const [rule, list] of exceptionsByRule ?? []) {
    if (new Set(list.map((e) => e.outcome)).size < 2) continue;
    const strongest = list.reduce((a, b) => (b.strength > a.strength ? b : a));
    warnings.push(
      `Exceptions ${listOf(list.map((e) => `${e.name} (${e.outcome})`))} to rule ${rule} apply together with different outcomes; the strongest, ${strongest.outcome}, stands.`,
    );
  }

  const decidingRules = deciding.map((e) => e.name);
  const alsoApplies = also.map((e) => e.applies);
  const adviceList = advice === undefined ? [] : [...advice];
  let text: string | undefined;
  if (pending.length === 0) {
    return {
      ok: true,
      outcome: atLeastOutcome,
      decidingRules,
      alsoApplies,
      advice: adviceList,
      warnings,
      get explanation() {
        text ??= explainDecided(
          explainer,
          atLeastOutcome,
          deciding,
          also,
          adviceList,
          warnings,
          values,
        );
        return text;
      },
    };
  }
  const facts = new Set<number>();
  for (const e of pending) relevantFacts(e.root, values, facts);
  const needs = [...facts]
    .sort((a, b) => a - b)
    .map((i) => ({ fact: program.facts[i]!.name, question: explainer.question(i) }));
  const undetermined = { needs, atLeast: atLeastOutcome, pending: pending.map((e) => e.name) };
  return {
    ok: true,
    outcome: "undetermined",
    decidingRules,
    alsoApplies,
    advice: adviceList,
    undetermined,
    warnings,
    get explanation() {
      text ??= explainUndetermined(
        explainer,
        undetermined,
        deciding,
        pending,
        also,
        adviceList,
        warnings,
        values,
      );
      return text;
    },
  };
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
      ? "no rule applies"
      : deciding.map((e) => explainer.because(e, values)).join("; ");
  return `${label} — ${why}.${tail(explainer, also, advice, warnings, values)}`;
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
      : u.atLeast === explainer.defaultOutcome
        ? "no rule applies yet"
        : `at least ${explainer.outcomeLabel(u.atLeast)}`;
  const possible = [...new Set(pending.map((e) => explainer.outcomeLabel(e.outcome)))];
  const refs = pending.map((e) => explainer.reference(e));
  const ask = u.needs.map((n) => n.question).join(" ");
  return `Undetermined — ${atLeast}; it could be ${list(possible, "or")} (${list(refs)}). Still to ask: ${ask}${tail(explainer, also, advice, warnings, values)}`;
}

/** The outcome alone, the cheap way: strongest level first, stopping at the first answer. */
export function outcomeOf(
  program: Program,
  values: Values,
  ordinals: readonly number[],
  complete: boolean,
): string {
  for (const level of program.levels) {
    // Unknown (in a stronger level than any that holds) means undetermined.
    let unknown = false;
    let t = holdsIn(program, level.unkeyed, values, complete);
    if (t === T) return level.outcome;
    if (t === U) unknown = true;
    for (const group of level.keyed) {
      const o = ordinals[group.fact]!;
      const x = values[group.fact];
      const list = o >= 0 ? group.byOrdinal[o] : x === undefined ? group.all : group.byValue.get(x);
      if (!list) continue;
      t = holdsIn(program, list, values, complete);
      if (t === T) return level.outcome;
      if (t === U) unknown = true;
    }
    if (unknown) return "undetermined";
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

/**
 * Every entry's truth value, evaluating only the entries the known facts leave possible (see
 * `Candidates`); the others are false.
 */
export function truthOf(
  program: Program,
  candidates: Candidates,
  values: Values,
  ordinals: readonly number[],
  complete: boolean,
): Truth {
  const { flat, entries } = program;
  const tri: Tri[] = [];
  const touched: number[] = [];
  const possible = candidates.possible(values, ordinals);
  const { covered } = candidates;
  for (let w = 0; w < possible.length; w++) {
    let bits = possible[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const i = (w << 5) + 31 - Math.clz32(low);
      const e = entries[i]!;
      const t = complete
        ? covered[i] === 1 || flat.holds(e.flat, values)
          ? T
          : F
        : flat.tri(e.flat, values);
      if (t !== F) {
        tri.push(t);
        touched.push(i);
      }
    }
  }
  return { tri, touched };
}
