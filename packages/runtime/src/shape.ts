/**
 * The structural check of a bundle: exactly what `bundle.schema.json` (in this package)
 * says, written by hand so that loading a bundle needs no schema compiler and no code generation.
 * A test runs ajv on the schema against this check on valid and mutated bundles and requires them
 * to agree. Cross-references (facts used, outcome strengths, …) are checked in `meaning.ts`.
 */
import { READABLE_FORMATS, UNSAFE_NAMES } from "./bundle.js";
import { OPERATOR_NAMES } from "./operators.js";

type Check = (value: unknown, path: string, errors: string[]) => void;

const NAME_PATTERN = /^(?:(?:term|exception):[\s\S]+|constant:(?:true|false))$/;
const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
/** Deep enough for any written policy; bounds recursion on hostile input. */
const MAX_DEPTH = 200;

const show = (v: unknown): string => {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "object") return "an object";
  return String(v);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const string: Check = (v, path, errors) => {
  if (typeof v !== "string") errors.push(`${path}: must be a string, not ${show(v)}.`);
};
/** A name: a non-empty string that is not `__proto__`, `constructor` or `prototype`. */
const name: Check = (v, path, errors) => {
  if (typeof v !== "string" || v.length === 0) {
    errors.push(`${path}: must be a non-empty string, not ${show(v)}.`);
  } else if (UNSAFE_NAMES.has(v)) errors.push(`${path}: '${v}' is not allowed as a name.`);
};
const nullableString: Check = (v, path, errors) => {
  if (v !== null && typeof v !== "string") {
    errors.push(`${path}: must be a string or null, not ${show(v)}.`);
  }
};
const number: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    errors.push(`${path}: must be a number, not ${show(v)}.`);
  }
};
const strength: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    errors.push(`${path}: must be a whole number ≥ 0, not ${show(v)}.`);
  }
};
const priority: Check = (v, path, errors) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    errors.push(`${path}: must be a whole number ≥ 1, not ${show(v)}.`);
  }
};
const scalar: Check = (v, path, errors) => {
  if (
    typeof v !== "string" &&
    typeof v !== "boolean" &&
    !(typeof v === "number" && Number.isFinite(v))
  ) {
    errors.push(`${path}: must be a string, number or boolean, not ${show(v)}.`);
  }
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, errors) => {
    if (typeof v !== "string" || !values.includes(v)) {
      errors.push(`${path}: must be one of ${values.join(", ")}; got ${show(v)}.`);
    }
  };
const pattern =
  (re: RegExp, what: string): Check =>
  (v, path, errors) => {
    if (typeof v !== "string" || !re.test(v))
      errors.push(`${path}: must be ${what}, not ${show(v)}.`);
  };

const array =
  (item: Check, minItems = 0): Check =>
  (v, path, errors) => {
    if (!Array.isArray(v)) {
      errors.push(`${path}: must be an array, not ${show(v)}.`);
      return;
    }
    if (v.length < minItems) errors.push(`${path}: must have at least ${minItems} item(s).`);
    v.forEach((x, i) => item(x, `${path}[${i}]`, errors));
  };

/** A closed object: the listed members (`?` suffix: optional) and no others. */
const object =
  (members: Readonly<Record<string, Check>>): Check =>
  (v, path, errors) => {
    if (!isRecord(v)) {
      errors.push(`${path}: must be an object, not ${show(v)}.`);
      return;
    }
    for (const [key, check] of Object.entries(members)) {
      const optional = key.endsWith("?");
      const k = optional ? key.slice(0, -1) : key;
      if (Object.hasOwn(v, k)) check(v[k], `${path}.${k}`, errors);
      else if (!optional) errors.push(`${path}: '${k}' is missing.`);
    }
    for (const k of Object.keys(v)) {
      if (!Object.hasOwn(members, k) && !Object.hasOwn(members, `${k}?`)) {
        errors.push(`${path}: '${k}' is not allowed here.`);
      }
    }
  };

const ruleLoosening = object({
  kind: oneOf(["override", "disable", "exception", "rule"]),
  rule: name,
  reason: string,
  layer: string,
  "effect?": oneOf(["weaker", "both"]),
});
const defaultLoosening = object({
  kind: oneOf(["default"]),
  outcome: name,
  replaces: name,
  reason: string,
  layer: string,
});

const testValue: Check = (v, path, errors) => {
  if (Array.isArray(v)) array(scalar, 1)(v, path, errors);
  else if (isRecord(v)) object({ fact: name })(v, path, errors);
  else scalar(v, path, errors);
};
const isoDate = pattern(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");

function condition(depth: number): Check {
  return (v, path, errors) => {
    if (depth > MAX_DEPTH) {
      errors.push(`${path}: conditions are nested too deeply.`);
      return;
    }
    if (!isRecord(v)) {
      errors.push(`${path}: must be a condition object, not ${show(v)}.`);
      return;
    }
    const named = {
      "name?": pattern(NAME_PATTERN, "term:…, exception:… or constant:true|false"),
      "priority?": priority,
    };
    const inner = condition(depth + 1);
    if (Object.hasOwn(v, "all")) object({ all: array(inner, 1), ...named })(v, path, errors);
    else if (Object.hasOwn(v, "any")) object({ any: array(inner, 1), ...named })(v, path, errors);
    else if (Object.hasOwn(v, "not")) object({ not: inner, ...named })(v, path, errors);
    else {
      object({ fact: name, operator: oneOf(OPERATOR_NAMES), value: testValue, ...named })(
        v,
        path,
        errors,
      );
    }
  };
}

const rootCondition: Check = (v, path, errors) => {
  if (
    isRecord(v) &&
    !Object.hasOwn(v, "all") &&
    !Object.hasOwn(v, "any") &&
    !Object.hasOwn(v, "not")
  ) {
    errors.push(`${path}: the root of a rule's conditions must be all, any or not.`);
    return;
  }
  condition(0)(v, path, errors);
};

const citation = object({ source: name, "section?": string, "quote?": string });

const params = object({
  rule: name,
  exception: (v, path, errors) => (v === null ? undefined : name(v, path, errors)),
  kind: oneOf(["rule", "exception", "advice"]),
  title: nullableString,
  strength,
  citations: array(citation),
  reason: nullableString,
  advice: array(string),
  layer: string,
  "inForce?": object({ "from?": isoDate, "until?": isoDate }),
});

const rule = object({
  name,
  conditions: rootCondition,
  event: object({ type: name, params }),
});

const fact: Check = (v, path, errors) => {
  const presumed = object({ value: givenValue, "text?": string });
  const common = {
    name,
    label: string,
    "question?": string,
    "description?": string,
    "presumed?": presumed,
  };
  const type = isRecord(v) ? v.type : undefined;
  if (type === "choice" || type === "set")
    object({ ...common, type: string, values: array(name, 1) })(v, path, errors);
  else if (type === "number") object({ ...common, type: string, "unit?": string })(v, path, errors);
  else if (type === "yes/no" || type === "text" || type === "date")
    object({ ...common, type: string })(v, path, errors);
  else
    object({ ...common, type: oneOf(["choice", "set", "yes/no", "number", "text", "date"]) })(
      v,
      path,
      errors,
    );
};

/** A fact's value: a scalar, or a several-valued fact's array of strings. */
const givenValue: Check = (v, path, errors) => {
  if (Array.isArray(v)) array(string)(v, path, errors);
  else scalar(v, path, errors);
};

const given: Check = (v, path, errors) => {
  if (!isRecord(v)) {
    errors.push(`${path}: must be an object, not ${show(v)}.`);
    return;
  }
  for (const k of Object.keys(v)) {
    name(k, `${path} key`, errors);
    givenValue(v[k], `${path}.${k}`, errors);
  }
};

const bundle = object({
  format: (v, path, errors) => {
    if (typeof v === "string" && /^precept-bundle\/\d+$/.test(v) && !READABLE_FORMATS.includes(v)) {
      errors.push(
        `${path}: ${show(v)} was compiled by a newer Precept; upgrade @precept/runtime (this one reads ${READABLE_FORMATS.map((f) => `"${f}"`).join(" and ")}).`,
      );
    } else if (typeof v !== "string" || !READABLE_FORMATS.includes(v)) {
      errors.push(
        `${path}: this runtime reads ${READABLE_FORMATS.map((f) => `"${f}"`).join(" and ")} bundles, not ${show(v)}.`,
      );
    }
  },
  policy: object({ title: string, "version?": string }),
  hash: pattern(HASH_PATTERN, "sha256: followed by 64 hex digits"),
  layers: array(object({ title: string, "version?": string }), 1),
  sources: array(object({ id: name, title: string, "publisher?": string, "year?": number })),
  facts: array(fact),
  outcomes: array(object({ name, label: string, "meaning?": string, strength }), 1),
  defaultOutcome: name,
  terms: array(object({ name, label: string, "description?": string })),
  rules: array(rule),
  "defaultSetBy?": object({ layer: string, "reason?": string }),
  loosenings: array((v, path, errors) =>
    (isRecord(v) && v.kind === "default" ? defaultLoosening : ruleLoosening)(v, path, errors),
  ),
  "constraints?": array(object({ title: string, conditions: rootCondition })),
  scenarios: array(
    object({
      title: string,
      given,
      "asOf?": isoDate,
      expect: object({
        "outcome?": name,
        "atLeast?": name,
        "oneOf?": array(name, 1),
        "byRules?": array(name),
        "notByRules?": array(name),
        "needs?": array(name),
        "asking?": array(name),
        "alsoApplies?": array(name),
        advice: array(string),
      }),
    }),
  ),
  "dates?": array(
    object({
      name,
      amount: (v, path, errors) => {
        if (typeof v !== "number" || !Number.isInteger(v) || Math.abs(v) > 3_660_000)
          errors.push(`${path}: must be a whole number of at most 3660000, not ${show(v)}.`);
      },
      unit: oneOf(["day", "week", "month", "year"]),
    }),
  ),
});

/** Every way `value` does not have the shape of a bundle; empty when it does. */
export function shapeErrors(value: unknown): string[] {
  const errors: string[] = [];
  bundle(value, "bundle", errors);
  return errors;
}
