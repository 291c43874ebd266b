import { analyze, memoryHost, type PolicyModel } from "@precept/language";
import { describe, expect, it } from "vitest";
import { CompileError, compile } from "./compile.js";
import { bundleHash } from "./hash.js";

const HEADER = `policy "P" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  prohibit "must not"
  caution "take care"
otherwise no guidance
fact relationship: one of client, colleague, public
fact consent: yes or no
fact age: number (years)
term "client": relationship is client
  means "the other person is a client"
term "child": age < 18
`;

function policy(rules: string, uri = "p.precept"): PolicyModel {
  const a = analyze(uri, memoryHost({ [uri]: HEADER + rules }), { unusedWarnings: false });
  if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join("\n"));
  return a.policy;
}

/** Every key anywhere in a JSON value. */
function keys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keys(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keys(v, out);
    }
  }
  return out;
}

describe("compile", () => {
  it("inlines terms, marks them, and carries the event params", () => {
    const bundle = compile(
      policy(`rule 1: client and not consent → prohibit
  cites bps §1 "a quote"
  because "why"
  advise "Ask."
`),
    );
    expect(bundle.rules).toEqual([
      {
        name: "1",
        conditions: {
          all: [
            {
              fact: "relationship",
              operator: "equal",
              value: "client",
              name: "term:client",
              priority: 2,
            },
            { fact: "consent", operator: "equal", value: false },
          ],
        },
        event: {
          type: "prohibit",
          params: {
            rule: "1",
            exception: null,
            kind: "rule",
            title: null,
            citations: [{ source: "bps", section: "1", quote: "a quote" }],
            reason: "why",
            advice: ["Ask."],
            layer: "P",
            strength: 2,
          },
        },
      },
    ]);
    expect(bundle.terms).toEqual([
      { name: "client", label: "client", description: "the other person is a client" },
      { name: "child", label: "child" },
    ]);
    expect(bundle.outcomes.map((o) => [o.name, o.strength])).toEqual([
      ["prohibit", 2],
      ["caution", 1],
      ["no guidance", 0],
    ]);
    expect(bundle.defaultOutcome).toBe("no guidance");
  });

  it("compiles exceptions into not conditions, and one with an outcome into a rule of its own", () => {
    const bundle = compile(
      policy(`rule 2: relationship is colleague → caution
  unless child → prohibit
  unless consent
exception to rule 2 when relationship is colleague and age > 65 because "retired" advise "Be kind."
`),
    );
    expect(
      bundle.rules.map((r) => [r.name, r.event.type, r.event.params.kind, r.event.params.strength]),
    ).toEqual([
      ["2", "caution", "rule", 1],
      ["2#1", "prohibit", "exception", 2],
      ["2#3", "no guidance", "advice", 0],
    ]);
    const [rule, exception] = bundle.rules;
    expect(rule!.conditions).toEqual({
      all: [
        { fact: "relationship", operator: "equal", value: "colleague", priority: 2 },
        {
          not: {
            all: [{ fact: "age", operator: "lessThan", value: 18, name: "term:child" }],
            name: "exception:2#1",
          },
        },
        { not: { fact: "consent", operator: "equal", value: true, name: "exception:2#2" } },
        {
          not: {
            all: [
              { fact: "relationship", operator: "equal", value: "colleague" },
              { fact: "age", operator: "greaterThan", value: 65 },
            ],
            name: "exception:2#3",
          },
        },
      ],
    });
    expect(exception!.conditions).toEqual({
      all: [
        { fact: "relationship", operator: "equal", value: "colleague", priority: 2 },
        {
          all: [{ fact: "age", operator: "lessThan", value: 18, name: "term:child" }],
          name: "exception:2#1",
        },
      ],
    });
    expect(bundle.rules[2]!.event.params).toMatchObject({
      rule: "2",
      exception: "2#3",
      advice: ["Be kind."],
    });
  });

  it("pushes negation down to the tests, keeping a not around named terms", () => {
    const bundle = compile(
      policy(`rule 3: not (age < 18 or relationship is one of client, public) and not client → caution
`),
    );
    expect(bundle.rules[0]!.conditions).toEqual({
      all: [
        { fact: "age", operator: "greaterThanInclusive", value: 18 },
        { fact: "relationship", operator: "notIn", value: ["client", "public"], priority: 2 },
        { not: { fact: "relationship", operator: "equal", value: "client", name: "term:client" } },
      ],
    });
  });

  it("folds constants into safe tautologies and contradictions", () => {
    const model = policy("rule 4: consent → caution\nrule 5: consent → caution\n");
    const always: PolicyModel = {
      ...model,
      rules: [
        { ...model.rules[0]!, condition: { kind: "all", conditions: [] } },
        { ...model.rules[1]!, condition: { kind: "any", conditions: [] } },
      ],
    };
    const bundle = compile(always);
    expect(bundle.rules.map((r) => r.conditions)).toEqual([
      {
        any: [
          { fact: "relationship", operator: "equal", value: "client" },
          { fact: "relationship", operator: "notEqual", value: "client" },
        ],
        name: "constant:true",
      },
      {
        all: [
          { fact: "relationship", operator: "equal", value: "client" },
          { fact: "relationship", operator: "notEqual", value: "client" },
        ],
        name: "constant:false",
      },
    ]);
  });

  it("emits only safe constructs", () => {
    const bundle = compile(
      policy(`rule 1: client and not consent → prohibit
  unless child
rule 2: relationship is colleague or child → caution
`),
    );
    const all = keys(bundle);
    expect(all).not.toContain("path");
    for (const unsafe of ["__proto__", "constructor", "prototype"])
      expect(all).not.toContain(unsafe);
    const json = JSON.stringify(bundle);
    expect(json).not.toMatch(/"(all|any)":\[\]/);
    expect(new Set(bundle.rules.map((r) => r.name)).size).toBe(bundle.rules.length);
  });

  it("refuses models the checker should have rejected, listing every problem", () => {
    const model = policy("rule 1: consent → caution\nrule 2: consent → caution\n");
    const bad: PolicyModel = {
      ...model,
      outcomes: [{ ...model.outcomes[0]!, name: "success" }, model.outcomes[1]!],
      rules: [
        {
          ...model.rules[0]!,
          condition: { kind: "test", fact: "colour", operator: "equal", value: "red" },
        },
        { ...model.rules[1]!, id: "1" },
      ],
    };
    expect(() => compile(bad)).toThrow(CompileError);
    try {
      compile(bad);
    } catch (e) {
      expect((e as CompileError).problems).toEqual([
        "'success' cannot be an outcome: json-rules-engine or Precept reserve it.",
        "Rule 1 tests 'colour', which is no fact.",
      ]);
    }
    const proto: PolicyModel = { ...model, facts: [{ ...model.facts[0]!, name: "__proto__" }] };
    expect(() => compile(proto)).toThrow(/'__proto__' cannot be a fact name/);
    const twice: PolicyModel = {
      ...model,
      rules: [model.rules[0]!, { ...model.rules[1]!, id: "1" }],
    };
    expect(() => compile(twice)).toThrow(/Two rules or exceptions are both named '1'/);
  });

  it("hashes content only: not positions, uris or layout", () => {
    const a = compile(policy("rule 1: consent → caution\n", "a/p.precept"));
    const b = compile(
      policy("rule   1 :   consent  →  caution   # comment\n\n", "elsewhere/q.precept"),
    );
    expect(b.hash).toBe(a.hash);
    expect(a.hash).toBe(bundleHash(a));
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const c = compile(policy("rule 1: consent → prohibit\n"));
    expect(c.hash).not.toBe(a.hash);
  });

  // No timing assertion: the benchmark reports the figure (docs/performance.md); this guards the shape.
  it("compiles 10,000 rules with their exceptions", () => {
    const model = policy("rule 1: client and consent → caution\n  unless child → prohibit\n");
    const rule = model.rules[0]!;
    const big: PolicyModel = {
      ...model,
      rules: Array.from({ length: 10_000 }, (_, i) => ({
        ...rule,
        id: `R${i}`,
        exceptions: rule.exceptions.map((e) => ({ ...e, id: `R${i}#1`, rule: `R${i}` })),
      })),
    };
    const bundle = compile(big);
    expect(bundle.rules).toHaveLength(20_000);
  });
});
