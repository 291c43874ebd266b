/**
 * Cross-reference checks of a bundle whose shape is right (`shape.ts`): names unique, every fact,
 * term, outcome and source used is declared, values fit their facts, event strengths agree with the
 * outcomes, constants are what they claim. A bundle passing both runs identically in
 * json-rules-engine and in this runtime.
 */
import {
  type Bundle,
  type BundleFact,
  type Condition,
  dateFactName,
  type FactValue,
  RESERVED_OUTCOMES,
  UNDETERMINED,
} from "./bundle.js";
import { isIsoDate } from "./dates.js";
import { OPERATORS } from "./operators.js";

/** Whether `value` is allowed for `fact` (the runtime's own fact check uses this too). */
export function fitsFact(fact: BundleFact, value: unknown): value is FactValue {
  switch (fact.type) {
    case "choice":
      return typeof value === "string" && fact.values.includes(value);
    case "set":
      return (
        Array.isArray(value) &&
        value.every(
          (v, i) => typeof v === "string" && fact.values.includes(v) && value.indexOf(v) === i,
        )
      );
    case "yes/no":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "text":
      return typeof value === "string";
    case "date":
      return isIsoDate(value);
  }
}

export function meaningErrors(b: Bundle): string[] {
  const errors: string[] = [];
  const unique = <T>(items: readonly T[], key: (t: T) => string, what: string): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of items) {
      const k = key(item);
      if (map.has(k)) errors.push(`${what} '${k}' is declared twice.`);
      else map.set(k, item);
    }
    return map;
  };
  const facts = unique(b.facts, (f) => f.name, "The fact");
  // Decision-date facts: tests may be on them (in force) or read their value (`{ fact }`).
  const dateFacts = new Map<string, BundleFact>();
  for (const d of b.dates ?? []) {
    if (d.name !== dateFactName(d.amount, d.unit))
      errors.push(`The date fact '${d.name}' should be named '${dateFactName(d.amount, d.unit)}'.`);
    if (facts.has(d.name) || dateFacts.has(d.name))
      errors.push(`The date fact '${d.name}' is declared twice.`);
    dateFacts.set(d.name, { name: d.name, label: d.name, type: "date" });
  }
  const testable = new Map([...facts, ...dateFacts]);
  for (const f of b.facts) {
    if (f.presumed && !fitsFact(f, f.presumed.value)) {
      errors.push(`The fact '${f.name}' presumes a value that does not fit it.`);
    }
    if ((f.type === "choice" || f.type === "set") && new Set(f.values).size !== f.values.length) {
      errors.push(`The fact '${f.name}' lists a value twice.`);
    }
  }
  const outcomes = unique(b.outcomes, (o) => o.name, "The outcome");
  unique(b.outcomes, (o) => String(o.strength), "The strength");
  for (const o of b.outcomes) {
    if (RESERVED_OUTCOMES.has(o.name)) errors.push(`'${o.name}' cannot be an outcome name.`);
  }
  const fallback = outcomes.get(b.defaultOutcome);
  if (!fallback)
    errors.push(`The default outcome '${b.defaultOutcome}' is not among the outcomes.`);
  // The outcomes list's default has strength 0; a layer's own default (`defaultSetBy`) may be any
  // outcome.
  if (b.defaultSetBy) {
    if (!b.outcomes.some((o) => o.strength === 0))
      errors.push("No outcome has strength 0 (the outcomes list's default).");
  } else {
    for (const o of b.outcomes) {
      if ((o.strength === 0) !== (o.name === b.defaultOutcome)) {
        errors.push(`Outcome '${o.name}': only the default outcome has strength 0.`);
      }
    }
  }
  const terms = unique(b.terms, (t) => t.name, "The term");
  const sources = unique(b.sources, (s) => s.id, "The source");
  const layers = new Set(b.layers.map((l) => l.title));
  if (b.defaultSetBy && !layers.has(b.defaultSetBy.layer))
    errors.push(`The default is set by '${b.defaultSetBy.layer}', which is not among the layers.`);
  unique(b.rules, (r) => r.name, "The rule name");
  // Rule ids (a rule in force in versions has one entry per version, `<id>@<date>`).
  const ruleNames = new Set(
    b.rules
      .filter(
        (r) =>
          (r.event.params.kind === "rule" || r.event.params.exception === null) &&
          (r.name === r.event.params.rule || r.name.startsWith(`${r.event.params.rule}@`)),
      )
      .map((r) => r.event.params.rule),
  );

  b.rules.forEach((r, i) => {
    const at = `rules[${i}] (${r.name})`;
    const { type, params } = r.event;
    const outcome = outcomes.get(type);
    if (!outcome) errors.push(`${at}: event type '${type}' is not an outcome.`);
    else if (
      params.kind === "advice" ? params.strength !== 0 : outcome.strength !== params.strength
    ) {
      errors.push(
        `${at}: strength ${params.strength} does not match '${type}' (${outcome.strength}).`,
      );
    }
    // A rule's own entry (kind `rule`, or `advice` for an advice-only rule) has no exception.
    const ruleEntry =
      params.kind === "rule" || (params.kind === "advice" && params.exception === null);
    if (
      ruleEntry
        ? params.exception !== null ||
          (params.rule !== r.name && !r.name.startsWith(`${params.rule}@`))
        : params.exception !== r.name
    ) {
      errors.push(`${at}: name, rule and exception do not agree with kind '${params.kind}'.`);
    }
    if (!ruleEntry && !ruleNames.has(params.rule)) {
      errors.push(`${at}: is an exception to '${params.rule}', which is not a rule here.`);
    }
    if (params.kind === "advice" && type !== b.defaultOutcome) {
      errors.push(`${at}: an advice entry must carry the default outcome.`);
    }
    if (!layers.has(params.layer))
      errors.push(`${at}: layer '${params.layer}' is not among the layers.`);
    for (const c of params.citations) {
      if (!sources.has(c.source)) errors.push(`${at}: cites '${c.source}', which is not a source.`);
    }
    checkCondition(r.conditions, at, testable, dateFacts, terms, errors);
    const f = params.inForce;
    if (f && !isIsoDateOr(f.from)) errors.push(`${at}: in force from a date that does not exist.`);
    if (f && !isIsoDateOr(f.until))
      errors.push(`${at}: in force until a date that does not exist.`);
  });

  (b.constraints ?? []).forEach((c, i) =>
    checkCondition(
      c.conditions,
      `constraints[${i}] (${c.title})`,
      testable,
      dateFacts,
      terms,
      errors,
    ),
  );

  b.scenarios.forEach((s, i) => {
    const at = `scenarios[${i}] (${s.title})`;
    for (const [k, v] of Object.entries(s.given)) {
      const f = facts.get(k);
      if (!f) errors.push(`${at}: '${k}' is not a fact.`);
      else if (!fitsFact(f, v)) errors.push(`${at}: ${JSON.stringify(v)} does not fit '${k}'.`);
    }
    if (s.asOf !== undefined && !isIsoDate(s.asOf))
      errors.push(`${at}: as of ${JSON.stringify(s.asOf)}, which is not a date.`);
    const e = s.expect;
    const expected = [
      ...(e.outcome !== undefined && e.outcome !== UNDETERMINED ? [e.outcome] : []),
      ...(e.atLeast !== undefined ? [e.atLeast] : []),
      ...(e.oneOf ?? []),
    ];
    for (const o of expected) {
      if (!outcomes.has(o)) errors.push(`${at}: expects '${o}', which is not an outcome.`);
    }
    for (const n of [...(e.needs ?? []), ...(e.asking ?? [])]) {
      if (!facts.has(n)) errors.push(`${at}: needs '${n}', which is not a fact.`);
    }
  });
  return errors;
}

const isIsoDateOr = (v: string | undefined): boolean => v === undefined || isIsoDate(v);

function checkCondition(
  c: Condition,
  at: string,
  facts: ReadonlyMap<string, BundleFact>,
  dateFacts: ReadonlyMap<string, BundleFact>,
  terms: ReadonlyMap<string, unknown>,
  errors: string[],
): void {
  if (c.name?.startsWith("term:") && !terms.has(c.name.slice(5))) {
    errors.push(`${at}: names the term '${c.name.slice(5)}', which is not declared.`);
  }
  if (c.name === "constant:true" || c.name === "constant:false") {
    const parts =
      "any" in c && c.name === "constant:true"
        ? c.any
        : "all" in c && c.name === "constant:false"
          ? c.all
          : undefined;
    const [a, b] = parts ?? [];
    // Over a several-valued fact: "f contains v" and "f doesNotContain v".
    const set = a && "fact" in a && facts.get(a.fact)?.type === "set";
    const ok =
      parts?.length === 2 &&
      a &&
      b &&
      "fact" in a &&
      "fact" in b &&
      a.fact === b.fact &&
      a.operator === (set ? "contains" : "equal") &&
      b.operator === (set ? "doesNotContain" : "notEqual") &&
      a.value === b.value &&
      a.name === undefined &&
      b.name === undefined;
    if (!ok)
      errors.push(
        `${at}: a ${c.name} condition must be "f equal v" and "f notEqual v" (on a several-valued fact: contains, doesNotContain).`,
      );
  }
  const inner = (x: Condition) => checkCondition(x, at, facts, dateFacts, terms, errors);
  if ("all" in c) for (const x of c.all) inner(x);
  else if ("any" in c) for (const x of c.any) inner(x);
  else if ("not" in c) inner(c.not);
  else {
    const f = facts.get(c.fact);
    if (!f) {
      errors.push(`${at}: tests '${c.fact}', which is not a fact.`);
      return;
    }
    const v = c.value;
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const ref = (v as { fact: string }).fact;
      if (!dateFacts.has(ref))
        errors.push(`${at}: compares with '${ref}', which is not a date fact of this bundle.`);
      else if (f.type !== "date" || OPERATORS[c.operator].takesList)
        errors.push(
          `${at}: only a date fact can be compared with '${ref}', and not with '${c.operator}'.`,
        );
      return;
    }
    const list = OPERATORS[c.operator].takesList;
    const contains = c.operator === "contains" || c.operator === "doesNotContain";
    const values = Array.isArray(c.value) ? c.value : [c.value];
    if (contains !== (f.type === "set")) {
      errors.push(
        f.type === "set"
          ? `${at}: '${c.fact}' is several-valued; it is tested with contains or doesNotContain, not '${c.operator}'.`
          : `${at}: '${c.operator}' needs a several-valued fact; '${c.fact}' is ${f.type}.`,
      );
    } else if (contains) {
      if (f.type !== "set" || typeof c.value !== "string" || !f.values.includes(c.value))
        errors.push(`${at}: ${JSON.stringify(c.value)} is not a value of '${c.fact}'.`);
    } else if (list !== Array.isArray(c.value)) {
      errors.push(
        `${at}: '${c.operator}' on '${c.fact}' needs ${list ? "a list" : "a single value"}.`,
      );
    } else if (OPERATORS[c.operator].numeric && f.type !== "number" && f.type !== "date") {
      errors.push(`${at}: '${c.operator}' needs a number or date fact; '${c.fact}' is ${f.type}.`);
    } else {
      for (const v of values) {
        if (!fitsFact(f, v)) errors.push(`${at}: ${JSON.stringify(v)} does not fit '${c.fact}'.`);
      }
    }
  }
}
