/**
 * The runtime validates bundles by hand (no schema compiler, no code generation); the published
 * JSON Schema says the same thing. ajv on the schema and the hand check must agree on valid
 * bundles and on bundles broken in random places.
 */
import { readFileSync } from "node:fs";
import { compile } from "@precept/compiler";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shapeErrors } from "../../packages/runtime/src/shape.js";
import { modelArbitrary } from "./arbitraries.js";

const schema = JSON.parse(
  readFileSync(new URL("../../packages/runtime/src/bundle.schema.json", import.meta.url), "utf8"),
);
const ajv = new Ajv({ strict: false });
const validate = ajv.compile(schema);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (the root is []). */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  }
  return out;
}

const REPLACEMENTS: Json[] = [
  null,
  1,
  -1,
  1.5,
  "x",
  "",
  "__proto__",
  true,
  [],
  [1],
  {},
  { fact: "x" },
];
const EXTRA_KEYS = ["path", "__proto__", "priority", "extra", "params", "name"];

type Mutation =
  | { kind: "replace"; path: number; with: number }
  | { kind: "delete"; path: number }
  | { kind: "add"; path: number; key: number; with: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), path: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("delete" as const), path: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), path: fc.nat(), key: fc.nat(), with: fc.nat() }),
);

function mutate(bundle: Json, m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(bundle)) as Json;
  const all = paths(copy);
  const path = all[m.path % all.length]!;
  if (path.length === 0)
    return m.kind === "replace" ? REPLACEMENTS[m.with % REPLACEMENTS.length]! : copy;
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path.at(-1)!;
  const replacement = (n: number) =>
    JSON.parse(JSON.stringify(REPLACEMENTS[n % REPLACEMENTS.length]));
  if (m.kind === "replace") parent[last] = replacement(m.with);
  else if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === "object" && !Array.isArray(target)) {
      // defineProperty: an own `__proto__` member, as JSON.parse would make it.
      Object.defineProperty(target, EXTRA_KEYS[m.key % EXTRA_KEYS.length]!, {
        value: replacement(m.with),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (Array.isArray(target)) target.push(replacement(m.with));
  }
  return copy;
}

describe("the bundle schema and the runtime's hand check agree", () => {
  it("compiled bundles are valid for both", () => {
    fc.assert(
      fc.property(modelArbitrary(), (policy) => {
        const bundle = compile(policy);
        expect(shapeErrors(bundle)).toEqual([]);
        expect(validate(bundle) ? [] : validate.errors).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("randomly broken bundles are rejected by both or by neither", () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        modelArbitrary({ maxRules: 3 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (policy, ms) => {
          let bundle = compile(policy) as unknown as Json;
          for (const m of ms) bundle = mutate(bundle, m);
          const hand = shapeErrors(bundle).length === 0;
          const schemaSays = validate(bundle);
          if (!hand) rejected++;
          expect({ hand, schema: schemaSays, errors: hand ? [] : shapeErrors(bundle) }).toEqual({
            hand: schemaSays,
            schema: schemaSays,
            errors: schemaSays ? [] : expect.anything(),
          });
        },
      ),
      { numRuns: 2000 },
    );
    // The mutations must mostly break something, or this test would prove little.
    expect(rejected).toBeGreaterThan(1000);
  });
});
