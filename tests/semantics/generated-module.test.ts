/**
 * The generated-module target (`generateModule`, `precept compile --target js`): invalid fact sets
 * are refused exactly as the runtime refuses them, hostile policy text stays inert data in the
 * module, and bundles the runtime refuses give errors, never a module.
 */
import { readFileSync } from "node:fs";
import { type Bundle, bundleHash, compile, generateModule } from "@precept/compiler";
import { analyze, memoryHost } from "@precept/language";
import { checkScenario, loadBundle } from "@precept/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diskHost } from "../support/policy-files.js";
import { modelArbitrary } from "./arbitraries.js";
import { importModule, withoutExplanation } from "./generated-module.js";
import { load } from "./helpers.js";

const RUNS = Number(process.env.PRECEPT_PROPERTY_RUNS ?? 300);

/** Values of every JavaScript kind, right and wrong for each fact type. */
const anyValue = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    2.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "alpha",
    "x",
    "6",
    "yes",
    "",
    [],
    ["alpha"],
    {},
    { toString: "alpha" },
    "x".repeat(70),
    "y".repeat(10_001),
    Symbol("s"),
    10n,
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);

describe("the generated module reads facts as the runtime does", () => {
  it("refuses exactly the fact sets the runtime refuses, with the same errors", async () => {
    // Every construct: dates, presumptions and constraints too (refused alike, on the same date).
    const cases = modelArbitrary({ constraints: true, presumptions: true }).chain((policy) =>
      fc.tuple(
        fc.constant(policy),
        fc.array(
          fc.oneof(
            fc.dictionary(
              fc.oneof(
                fc.constantFrom(...policy.facts.map((f) => f.name), "k".repeat(250)),
                fc.string(),
              ),
              anyValue,
              { maxKeys: 5 },
            ),
            anyValue,
          ),
          { minLength: 1, maxLength: 6 },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([policy, factSets]) => {
        const decider = load(policy);
        const module = await importModule(decider.bundle);
        for (const facts of factSets) {
          const given = facts as Record<string, unknown>;
          const asOf = { asOf: "2024-02-29" };
          expect(module.decide(given, asOf)).toEqual(
            withoutExplanation(decider.decideSync(given, asOf)),
          );
          expect(module.outcome(given, asOf)).toBe(decider.outcome(given, asOf));
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it("words every refusal as the runtime does: long texts and names, non-finite numbers", async () => {
    const bundle = bundleWith("x");
    const module = await importModule(bundle);
    const decider = loadOrThrow(bundle);
    for (const facts of [
      { note: "y".repeat(10_001) },
      { note: "y".repeat(10_000), hasOwnProperty: Number.POSITIVE_INFINITY },
      { hasOwnProperty: Number.NaN, [CHOICE_FACT]: "z".repeat(100) },
      { ["k".repeat(300)]: 1 },
      { [YES_FACT]: "yes", note: 1 },
      "facts",
      null,
      [],
    ]) {
      const expected = decider.decideSync(facts as Record<string, unknown>);
      expect(module.decide(facts)).toEqual(withoutExplanation(expected));
      expect(module.outcome(facts)).toBe(decider.outcome(facts as Record<string, unknown>));
    }
  });

  it("reads only own keys: inherited names and class instances", async () => {
    const module = await importModule(bundleWith(HOSTILE));
    const decider = loadOrThrow(bundleWith(HOSTILE));
    class Situation {
      readonly [CHOICE_FACT] = "a";
      get [YES_FACT]() {
        return true;
      }
    }
    const own = Object.create({ [CHOICE_FACT]: "a" }) as Record<string, unknown>;
    own[YES_FACT] = true;
    for (const facts of [
      {},
      { [YES_FACT]: true },
      own,
      JSON.parse(`{"__proto__": {"${YES_FACT}": true}}`),
      Object.assign(Object.create(null), { [CHOICE_FACT]: "</script>" }),
      new Situation(),
    ]) {
      const expected = withoutExplanation(decider.decideSync(facts));
      expect(module.decide(facts)).toEqual(expected);
      expect(module.outcome(facts)).toBe(decider.outcome(facts));
    }
    // `toString` is a fact here: left out, it is unknown — never Object.prototype.toString.
    expect(module.decide({}, { trusted: true })).toEqual(
      withoutExplanation(decider.decideSync({})),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// A policy whose every name and text is hostile: quotes, backslashes, template and comment
// syntax, `</script>`, line and paragraph separators, a lone surrogate, names of Object.prototype.
const HOSTILE = `"'\`\${globalThis.polluted = 1}*/ </script><!-- \u2028\u2029\\ \ud800 \u0000`;
const CHOICE_FACT = `choice ${HOSTILE}`;
const YES_FACT = "toString";

function bundleWith(text: string): Bundle {
  const value = `v ${text}`;
  const draft = {
    format: "precept-bundle/1",
    policy: { title: `Policy ${text}`, version: `1 ${text}` },
    hash: "",
    layers: [{ title: `Layer ${text}` }],
    sources: [{ id: `s ${text}`, title: `Source ${text}` }],
    facts: [
      { name: CHOICE_FACT, label: CHOICE_FACT, type: "choice", values: [value, "a", "</script>"] },
      { name: YES_FACT, label: "to string", type: "yes/no", question: `Q ${text}?` },
      { name: "hasOwnProperty", label: "has own property", type: "number" },
      { name: "note", label: "note", type: "text" },
    ],
    outcomes: [
      { name: `stop ${text}`, label: `Stop ${text}`, strength: 2 },
      { name: "go", label: "go", strength: 1 },
      { name: `nothing ${text}`, label: "nothing", strength: 0 },
    ],
    defaultOutcome: `nothing ${text}`,
    terms: [{ name: `t ${text}`, label: `t ${text}`, description: `means ${text}` }],
    rules: [
      {
        name: `r ${text}`,
        conditions: {
          all: [
            {
              fact: CHOICE_FACT,
              operator: "in",
              value: [value, "</script>"],
              name: `term:t ${text}`,
            },
            { fact: YES_FACT, operator: "equal", value: true },
          ],
        },
        event: {
          type: `stop ${text}`,
          params: params(`r ${text}`, null, "rule", 2, [`advice ${text}`]),
        },
      },
      {
        name: "r2",
        conditions: {
          any: [
            { fact: "hasOwnProperty", operator: "greaterThan", value: 3 },
            { not: { fact: YES_FACT, operator: "equal", value: true } },
          ],
        },
        event: { type: "go", params: params("r2", null, "rule", 1, []) },
      },
    ],
    loosenings: [],
    scenarios: [],
  };
  function params(
    rule: string,
    exception: string | null,
    kind: string,
    strength: number,
    advice: string[],
  ) {
    return {
      rule,
      exception,
      kind,
      title: `title ${text}`,
      strength,
      citations: [{ source: `s ${text}`, section: "1", quote: `q ${text}` }],
      reason: null,
      advice,
      layer: `Layer ${text}`,
    };
  }
  const bundle = draft as unknown as Bundle;
  return { ...bundle, hash: bundleHash(bundle) };
}

function loadOrThrow(bundle: unknown) {
  const loaded = loadBundle(bundle);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.decider;
}

describe("hostile policy text is inert in the generated module", () => {
  it("emits every string escaped: nothing ends a script, a string or a comment early", async () => {
    const bundle = bundleWith(HOSTILE);
    const generated = generateModule(bundle);
    if (!generated.ok) throw new Error(generated.errors.join("\n"));
    for (const text of [generated.js, generated.dts]) {
      expect(text).not.toMatch(/<\/script|<!--|[\u2028\u2029]/i);
      expect(text.includes(String.fromCharCode(0))).toBe(false);
      expect(text).not.toMatch(/\beval\b|new Function|\bimport\(|\brequire\(/);
    }
    const module = await importModule(bundle);
    expect((globalThis as Record<string, unknown>).polluted).toBeUndefined();
    expect(module.policy.title).toBe(`Policy ${HOSTILE}`);
    expect(module.facts.map((f) => f.name)).toEqual([
      CHOICE_FACT,
      YES_FACT,
      "hasOwnProperty",
      "note",
    ]);
    expect(module.outcomes.map((o) => o.name)).toEqual([
      `stop ${HOSTILE}`,
      "go",
      `nothing ${HOSTILE}`,
    ]);
    const decider = loadOrThrow(bundle);
    const sets: Record<string, unknown>[] = [
      { [CHOICE_FACT]: `v ${HOSTILE}`, [YES_FACT]: true },
      { [CHOICE_FACT]: "</script>", [YES_FACT]: true, hasOwnProperty: 1 },
      { [CHOICE_FACT]: "a", [YES_FACT]: false },
      { hasOwnProperty: 4 },
      { [CHOICE_FACT]: HOSTILE },
      { [HOSTILE]: 1 },
    ];
    for (const facts of sets) {
      const expected = withoutExplanation(decider.decideSync(facts));
      expect(module.decide(facts)).toEqual(expected);
      if (decider.outcome(facts) !== undefined) {
        expect(module.decide(facts, { trusted: true })).toEqual(expected);
      }
    }
    expect(module.outcome(sets[0])).toBe(`stop ${HOSTILE}`);
  });

  it("keeps `__proto__` inert: as a choice value, in advice and in fact sets", async () => {
    const bundle = bundleWith("__proto__");
    const module = await importModule(bundle);
    const decider = loadOrThrow(bundle);
    for (const facts of [
      { [CHOICE_FACT.replace(HOSTILE, "__proto__")]: "v __proto__", [YES_FACT]: true },
      JSON.parse('{"__proto__": {"toString": true}, "toString": false}'),
    ]) {
      expect(module.decide(facts)).toEqual(withoutExplanation(decider.decideSync(facts)));
    }
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });
});

describe("the generator refuses what the runtime refuses", () => {
  const good = load(
    fc.sample(modelArbitrary({ dates: false }), { numRuns: 1, seed: 42 })[0]!,
  ).bundle;
  const withRule = (edit: (r: Record<string, unknown>) => unknown): unknown => {
    const b = JSON.parse(JSON.stringify(good));
    b.rules[0] = edit(b.rules[0]);
    return b;
  };
  const test = (extra: Record<string, unknown>) => ({
    all: [{ fact: good.facts[0]!.name, operator: "equal", value: 1, ...extra }],
  });

  it.each([
    ["not JSON", "{"],
    ["an array", "[]"],
    ["a test with a jsonpath", withRule((r) => ({ ...r, conditions: test({ path: "$..a" }) }))],
    ["an unknown operator", withRule((r) => ({ ...r, conditions: test({ operator: "eval" }) }))],
    ["a rule named __proto__", withRule((r) => ({ ...r, name: "__proto__" }))],
    ["an outcome with no strength", { ...good, outcomes: [{ name: "x", label: "x" }] }],
  ])("%s", (_, json) => {
    const result = generateModule(json);
    expect(result.ok ? [] : result.errors.length).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
    expect(loadBundle(json).ok).toBe(false);
  });
});

describe("the BPS pack", () => {
  it("decides every scenario as the runtime does, checked and trusted", async () => {
    const files = [
      "rules/bps-e-professionalism/policy.precept",
      "rules/bps-e-professionalism/scenarios.precept",
    ];
    const contents = Object.fromEntries(
      files.map((f) => [f, readFileSync(new URL(`../../${f}`, import.meta.url), "utf8")]),
    );
    const analysis = analyze(files[1]!, memoryHost(contents), { unusedWarnings: false });
    const bundle = compile(analysis.policy!);
    const decider = loadOrThrow(bundle);
    const module = await importModule(bundle);
    expect(bundle.scenarios.length).toBeGreaterThan(20);
    for (const s of bundle.scenarios) {
      const expected = withoutExplanation(decider.decideSync(s.given));
      expect(module.decide(s.given)).toEqual(expected);
      expect(module.decide(s.given, { trusted: true })).toEqual(expected);
      // Scenarios may expect `at least` or `one of` rather than one outcome.
      const decision = decider.decideSync(s.given);
      expect(module.outcomeTrusted(s.given)).toBe(decision.ok ? decision.outcome : undefined);
      expect(checkScenario(s, decision, bundle.outcomes).passed).toBe(true);
    }
  });
});

describe("Northfield (dates, a decision date, rules in force, a presumption)", () => {
  it("decides every scenario as the runtime does, on its decision date, checked and trusted", async () => {
    const file = new URL("../../rules/examples/northfield-trust/policy.precept", import.meta.url);
    const analysis = analyze(file.pathname, diskHost);
    const bundle = compile(analysis.policy!);
    expect(bundle.dates?.length).toBeGreaterThan(0);
    expect(bundle.facts.some((f) => f.presumed)).toBe(true);
    const decider = loadOrThrow(bundle);
    const module = await importModule(bundle);
    for (const s of bundle.scenarios) {
      for (const asOf of [s.asOf ?? "2025-01-15", "2030-06-30"]) {
        const expected = withoutExplanation(decider.decideSync(s.given, { asOf }));
        expect(module.decide(s.given, { asOf })).toEqual(expected);
        expect(module.decide(s.given, { asOf, trusted: true })).toEqual(expected);
        expect(module.outcome(s.given, { asOf })).toBe(decider.outcome(s.given, { asOf }));
      }
    }
    // Without a date: today, as the runtime; a date that is not one is refused alike.
    const today = withoutExplanation(decider.decideSync({})) as { asOf: string };
    expect(module.decide({})).toEqual(today);
    for (const asOf of ["2025-02-30", "tomorrow", ""]) {
      expect(module.decide({}, { asOf })).toEqual(decider.decideSync({}, { asOf }));
      expect(module.outcome({}, { asOf })).toBeUndefined();
    }
  });
});
