/**
 * The fixed part of a generated module: reading and checking a fact set, and putting a decision
 * together from every entry's truth value. It mirrors `@precept/runtime` (facts.ts and
 * assemble.ts) line for line, so that the module answers exactly as `decideSync` does without the
 * explanation; the semantics tests compare the two on random policies and fact sets, valid and not.
 *
 * It expects the policy part to define FACTS, MAX_TEXT_LENGTH, fits(i, x), ENTRIES, DEFAULT_OUTCOME, DEFAULT_STRENGTH, TRI (per entry: the Kleene
 * value, see conditions.ts), LEVELS, outcomeTrusted and decideTrusted (and, for policies that
 * need them, the parts in extras.ts). Plain strings only here (no
 * `${…}`): this is the text of the module.
 */
export const TEMPLATE = `
const F = 0;
const U = 1;
const T = 2;
const FACT_COUNT = FACTS.length;
const INDEX = new Map(FACTS.map((f, i) => [f.name, i]));
const CHOICES = FACTS.map((f) => (f.values === null ? null : new Set(f.values)));
const NAMES = FACTS.map((f) => f.name).join(", ");

/** A number as messages show it: thousands separated. */
function count(n) {
  return n.toLocaleString("en-GB");
}

/** A value as a message shows it: never the whole of a huge one (as @precept/runtime shows it). */
function shown(value) {
  if (typeof value === "string") {
    if (value.length <= 60) return JSON.stringify(value);
    return JSON.stringify(value.slice(0, 60)) + "… (" + count(value.length) + " characters)";
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** A fact name as a message shows it: never more than 60 characters of it. */
function shownName(name) {
  return name.length > 60 ? name.slice(0, 60) + "… (" + count(name.length) + " characters)" : name;
}

// Callers build their fact objects the same way each time: the key order of the last good fact
// set is remembered, and while it repeats keys are matched by position.
let lastKeys = [];
let lastIndex = [];

/**
 * The fact set to decide on, or undefined when it is invalid: the object itself when it is a
 * plain object, else a plain copy of its own keys (so that nothing inherited is read as a fact).
 */
function checked(facts) {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) return undefined;
  const proto = Object.getPrototypeOf(facts);
  if (proto === Object.prototype || proto === null) {
    let j = 0;
    let same = true;
    for (const k in facts) {
      if (j >= lastKeys.length || lastKeys[j] !== k) {
        same = false;
        break;
      }
      const x = facts[k];
      if (x !== undefined && x !== null && !fits(lastIndex[j], x)) return undefined;
      j++;
    }
    if (same && j === lastKeys.length) return facts;
  }
  const keys = Object.keys(facts);
  const index = [];
  for (const k of keys) {
    const i = INDEX.get(k);
    if (i === undefined) return undefined;
    index.push(i);
  }
  const copy = {};
  for (let j = 0; j < keys.length; j++) {
    const x = facts[keys[j]];
    if (x !== undefined && x !== null && !fits(index[j], x)) return undefined;
    copy[keys[j]] = x;
  }
  lastKeys = keys;
  lastIndex = index;
  return proto === Object.prototype || proto === null ? facts : copy;
}

/** Every problem with a fact set, as @precept/runtime words it. */
function factErrors(facts) {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) {
    return [
      {
        fact: "",
        message: "The facts must be an object of fact names and values, not " + shown(facts) + ".",
      },
    ];
  }
  const errors = [];
  for (const name of Object.keys(facts)) {
    const value = facts[name];
    const i = INDEX.get(name);
    if (i === undefined) {
      errors.push({
        fact: name.length > 200 ? name.slice(0, 200) : name,
        message: "'" + shownName(name) + "' is not a fact of this policy. Its facts are: " + NAMES + ".",
      });
      continue;
    }
    if (value === null || value === undefined || fits(i, value)) continue;
    const allowed = FACTS[i].allowed;
    const why =
      typeof value === "number" && !Number.isFinite(value)
        ? "a finite number (JSON has no " + value + ")"
        : FACTS[i].type === "text" && typeof value === "string"
          ? "at most " + count(MAX_TEXT_LENGTH) + " characters long"
          : allowed;
    const noSuchDay =
      FACTS[i].type === "date" && typeof value === "string" && /^\\d{4}-\\d{2}-\\d{2}$/.test(value);
    errors.push({
      fact: name,
      message:
        "'" +
        shownName(name) +
        "' cannot be " +
        shown(value) +
        (noSuchDay ? ": there is no such day." : ": it must be " + why + "."),
      allowed,
    });
  }
  return errors;
}

function rejected(facts) {
  return rejectedBy(factErrors(facts));
}

function rejectedBy(errors) {
  return {
    ok: false,
    errors,
    explanation: "No decision: " + errors.map((e) => e.message).join(" "),
  };
}

function listOf(items) {
  return items.length <= 1
    ? (items[0] ?? "")
    : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
}

/** The decision from every entry's truth value (t) and the fact values (v). */
function assemble(t, v) {
  let atLeast = 0;
  for (let i = 0; i < ENTRIES.length; i++) {
    const e = ENTRIES[i];
    if (e.kind !== "advice" && t[i] === T && e.strength > atLeast) atLeast = e.strength;
  }
  const deciding = [];
  const also = [];
  let pending = [];
  const advice = new Set();
  const exceptionsByRule = new Map();
  for (let i = 0; i < ENTRIES.length; i++) {
    const e = ENTRIES[i];
    const ti = t[i];
    if (ti === T) for (const a of e.advice) advice.add(a);
    if (e.kind === "advice") continue;
    if (ti === T) {
      if (e.strength === atLeast) deciding.push(e);
      else also.push(e);
      if (e.kind === "exception") {
        const list = exceptionsByRule.get(e.rule) ?? [];
        list.push(e);
        exceptionsByRule.set(e.rule, list);
      }
    } else if (ti === U && e.strength > atLeast) pending.push(i);
  }
  let floor = null;
  if (deciding.length === 0 && pending.length > 0 && DEFAULT_STRENGTH > 0) {
    ({ pending, floor } = withoutTrue(pending));
  }
  const atLeastOutcome = floor !== null
    ? floor.outcome
    : atLeast === 0 ? DEFAULT_OUTCOME : (deciding[0]?.outcome ?? DEFAULT_OUTCOME);
  const warnings = [];
  for (const [rule, list] of exceptionsByRule) {
    if (new Set(list.map((e) => e.outcome)).size < 2) continue;
    const strongest = list.reduce((a, b) => (b.strength > a.strength ? b : a));
    warnings.push(
      "Exceptions " +
        listOf(list.map((e) => e.name + " (" + e.outcome + ")")) +
        " to rule " +
        rule +
        " apply together with different outcomes; the strongest, " +
        strongest.outcome +
        ", stands.",
    );
  }
  const decidingRules = deciding.map((e) => e.name);
  const alsoApplies = also.map((e) => ({ rule: e.name, outcome: e.outcome }));
  const adviceList = [...advice];
  if (pending.length === 0) {
    return {
      ok: true,
      outcome: atLeastOutcome,
      decidingRules,
      alsoApplies,
      advice: adviceList,
      warnings,
    };
  }
  const need = new Uint8Array(FACT_COUNT);
  for (const i of pending) TRI[i](v, need);
  const needs = [];
  for (let i = 0; i < FACT_COUNT; i++) {
    if (need[i] === 1) needs.push({ fact: FACTS[i].name, question: FACTS[i].question });
  }
  return {
    ok: true,
    outcome: "undetermined",
    decidingRules,
    alsoApplies,
    advice: adviceList,
    undetermined: { needs, atLeast: atLeastOutcome, pending: pending.map((i) => ENTRIES[i].name) },
    warnings,
  };
}

/**
 * When no candidate holds and a layer's default is stronger than 0: the pending ones among the
 * unknown (indexes), and the weakest outcome still possible when weaker than the default (floor).
 * If one is weaker, every unknown candidate can change the decision; if none is, only the
 * stronger ones can (docs/semantics.md §6).
 */
function withoutTrue(unknown) {
  let weakest = unknown[0];
  for (const i of unknown) if (ENTRIES[i].strength < ENTRIES[weakest].strength) weakest = i;
  if (ENTRIES[weakest].strength < DEFAULT_STRENGTH) return { pending: unknown, floor: ENTRIES[weakest] };
  return { pending: unknown.filter((i) => ENTRIES[i].strength > DEFAULT_STRENGTH), floor: null };
}

/** The outcome when some fact is unknown: strongest level first, as @precept/runtime does. */
function outcomePartial(v) {
  // An unknown candidate as strong as the default leaves it standing unless a weaker one holds
  // or is unknown.
  let unknownAtDefault = false;
  for (const [outcome, entries, strength] of LEVELS) {
    let unknown = false;
    for (const i of entries) {
      const t = TRI[i](v);
      if (t === T) return unknownAtDefault ? "undetermined" : outcome;
      if (t === U) unknown = true;
    }
    if (unknown) {
      if (strength !== DEFAULT_STRENGTH || unknownAtDefault) return "undetermined";
      unknownAtDefault = true;
    }
  }
  return DEFAULT_OUTCOME;
}

/** The truth value of every entry when some fact is unknown. */
function truthPartial(v) {
  const t = new Uint8Array(ENTRIES.length);
  for (let i = 0; i < ENTRIES.length; i++) t[i] = TRI[i](v);
  return t;
}

/**
 * The decision: outcome, deciding rules, weaker rules that also apply, advice, warnings and, when
 * unknown facts could change it, what is certain and which facts to ask about; { asOf } is the
 * decision date, for policies that use one. Without { trusted: true } the facts are checked first (a value outside its fact's type or list, or a
 * name that is not a fact, gives { ok: false, errors }); with it, the caller vouches for them.
 */
export function decide(facts, options) {
  if (options !== undefined && options !== null && options.trusted === true) {
    return decideTrusted(facts, options);
  }
  const read = checked(facts);
  return read === undefined ? rejected(facts) : decideTrusted(read, options);
}

/**
 * The outcome name alone, or "undetermined"; undefined when the facts are invalid (decide says
 * why). { trusted: true } skips the check, as for decide.
 */
export function outcome(facts, options) {
  if (options !== undefined && options !== null && options.trusted === true) {
    return outcomeTrusted(facts, options);
  }
  const read = checked(facts);
  return read === undefined ? undefined : outcomeTrusted(read, options);
}
`;
