import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { type Diagnostic, MAX_PROBLEMS } from "./diagnostics.js";
import { memoryHost } from "./host.js";

const HEAD = `policy "Test" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  prohibit "must not"
  decline "should not"
  allow "fine"
otherwise no guidance
fact relationship: one of current service user, colleague
  asks "Who is the other person?"
fact consent: yes or no
fact age: number (years)
fact platform: text
term "current service user": relationship is current service user
`;

/** Analyses HEAD + body; returns the diagnostics about the body, with the text they cover. */
function diagnose(body: string, files: Record<string, string> = {}) {
  const text = HEAD + body;
  const result = analyze("policy.precept", memoryHost({ "policy.precept": text, ...files }));
  const covered = (d: Diagnostic) => text.slice(d.range.start.offset, d.range.end.offset);
  return {
    result,
    all: result.diagnostics,
    errors: result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => ({ code: d.code, text: covered(d), suggestion: d.suggestion })),
  };
}

const use = `rule 0: consent and current service user and age < 1 and platform is "x" → allow
  cites bps §1
`;

describe("check: names", () => {
  it("accepts a clean policy and builds the model", () => {
    const { all, result } = diagnose(use);
    expect(all).toEqual([]);
    expect(result.policy?.rules.map((r) => r.id)).toEqual(["0"]);
  });

  it("unknown fact with a suggestion", () => {
    const { errors } = diagnose(`${use}rule 1: relationshp is colleague → allow\n  cites bps §1\n`);
    expect(errors).toEqual([
      { code: "unknown-fact", text: "relationshp", suggestion: "relationship" },
    ]);
  });

  it("unknown term with a suggestion from terms and yes/no facts", () => {
    const { errors } = diagnose(`${use}rule 1: current servce user → decline\n  cites bps §1\n`);
    expect(errors).toEqual([
      { code: "unknown-term", text: "current servce user", suggestion: "current service user" },
    ]);
  });

  it("unknown outcome, rule, source and value", () => {
    const { errors } = diagnose(
      `${use}rule 1: relationship is collegue → declin\n  cites bsp §1\nscenario "s"\n  given consent\n  expect allow by rule 9\n`,
    );
    expect(errors).toEqual([
      { code: "unknown-value", text: "collegue", suggestion: "colleague" },
      { code: "unknown-outcome", text: "declin", suggestion: "decline" },
      { code: "unknown-source", text: "bsp", suggestion: "bps" },
      { code: "unknown-rule", text: "9", suggestion: undefined },
    ]);
  });

  it("duplicate ids and names", () => {
    const { errors } = diagnose(
      `${use}rule 0: consent → allow\n  cites bps §1\nfact consent: yes or no\nterm consent: age < 3\n`,
    );
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["duplicate-declaration", "0"],
      ["duplicate-declaration", "consent"],
      ["duplicate-declaration", "consent"],
    ]);
  });

  it("reserved names are rejected", () => {
    const { errors } = diagnose(
      `${use}fact __proto__: yes or no\nfact mode: one of constructor, b\n`,
    );
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["reserved-name", "__proto__"],
      ["reserved-name", "constructor"],
    ]);
    const outcomes = analyze(
      "p.precept",
      memoryHost({
        "p.precept": 'policy "P"\noutcomes:\n  error "x"\n  Success "y"\n  fine "z"\n',
      }),
    );
    expect(outcomes.diagnostics.map((d) => [d.code, d.message.split("'")[1]])).toEqual([
      ["reserved-name", "error"],
      ["reserved-name", "Success"],
    ]);
  });
});

describe("check: types", () => {
  it("comparing a yes/no fact with < is an error", () => {
    const { errors } = diagnose(`${use}rule 1: consent < 3 → allow\n  cites bps §1\n`);
    expect(errors.map((e) => e.code)).toEqual(["type-mismatch"]);
    expect(errors[0]!.text).toBe("3");
  });

  it("values of the wrong type", () => {
    const { errors } = diagnose(
      `${use}rule 1: age is "old" or platform is Facebook or consent is maybe or age < 1.2.3 → allow\n  cites bps §1\n`,
    );
    expect(errors).toEqual([
      { code: "type-mismatch", text: '"old"', suggestion: undefined },
      { code: "type-mismatch", text: "Facebook", suggestion: '"Facebook"' },
      { code: "type-mismatch", text: "maybe", suggestion: undefined },
      { code: "invalid-number", text: "1.2.3", suggestion: undefined },
    ]);
  });

  it("a list fact cannot stand alone", () => {
    const { errors } = diagnose(`${use}rule 1: relationship → allow\n  cites bps §1\n`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([["type-mismatch", "relationship"]]);
  });

  it("term cycles are errors on each term of the cycle", () => {
    const { errors } = diagnose(`${use}term a: b\nterm b: c and consent\nterm c: a\n`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["term-cycle", "a"],
      ["term-cycle", "b"],
      ["term-cycle", "c"],
    ]);
  });
});

describe("check: rules and scenarios", () => {
  it("missing clauses and duplicate clauses", () => {
    const { errors } = diagnose(
      `${use}rule 1 "t"\n  cites bps §1\nrule 2 when consent when consent then allow\n  cites bps §1\n`,
    );
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["missing-condition", "1"],
      ["missing-outcome", "1"],
      ["duplicate-clause", "when"],
    ]);
  });

  it("rules without a citation get a warning", () => {
    const { all } = diagnose(`${use}rule 1: consent → allow\n`);
    expect(all.map((d) => [d.severity, d.code])).toEqual([["warning", "no-citation"]]);
  });

  it("scenario values are typed; facts may be left out", () => {
    const { errors, result } = diagnose(
      `${use}scenario "a"\n  given consent is maybe, relationship, age is 3, age is 4\n  expect allow\nscenario "b"\n  given consent\n  expect undetermined needs age\n`,
    );
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["type-mismatch", "maybe"],
      ["type-mismatch", "relationship"],
      ["scenario-fact-twice", "age is 4"],
    ]);
    expect(result.policy).toBeUndefined();
  });

  it("scenarios build typed fixtures", () => {
    const { result } = diagnose(
      `${use}  advise "a"\n  advise "b"\nscenario "b"\n  given not consent, relationship is colleague, age is 12, platform is "X"\n  expect allow by rule 0\n  expect advice "a", "b"\n`,
    );
    expect(result.policy?.scenarios).toMatchObject([
      {
        title: "b",
        given: { consent: false, relationship: "colleague", age: 12, platform: "X" },
        expect: { outcome: "allow", undetermined: false, byRules: ["0"], advice: ["a", "b"] },
      },
    ]);
  });

  it("unused facts and terms are warnings (a fact used by an unused term counts as used)", () => {
    const { all } = diagnose(`rule 1: consent → allow\n  cites bps §1\n`);
    expect(all.map((d) => [d.code, d.severity, d.message.split("'")[1]])).toEqual([
      ["unused-fact", "warning", "age"],
      ["unused-fact", "warning", "platform"],
      ["unused-term", "warning", "current service user"],
    ]);
  });
});

describe("check: layers", () => {
  const base = `${HEAD}${use}rule 5: consent → decline\n  cites bps §5\n  unless age < 18 → prohibit\n`;
  const layer = (body: string) =>
    analyze(
      "layer/policy.precept",
      memoryHost({
        "base.precept": base,
        "layer/policy.precept": `policy "Layer" version "2" extends "../base.precept"\n${body}`,
      }),
    );

  it("merges a layer: override, disable, exception, new facts and rules", () => {
    const result = layer(`source local: "Clinic policy", Clinic, 2024
fact on premises: yes or no
  asks "On clinic premises?"
override rule 0: consent and on premises → decline
  because "stricter locally"
  cites local §1
disable rule 5 because "covered elsewhere"
rule L1: on premises → prohibit
  cites local §2
`);
    expect(result.diagnostics).toEqual([]);
    const policy = result.policy!;
    expect(policy.layers.map((l) => l.title)).toEqual(["Test", "Layer"]);
    expect(policy.rules.map((r) => r.id)).toEqual(["0", "L1"]);
    expect(policy.rules[0]!.overrides).toEqual({ layer: "Layer", reason: "stricter locally" });
    expect(policy.loosenings.map((l) => [l.kind, l.rule, l.reason])).toEqual([
      ["override", "0", "stricter locally"],
      ["disable", "5", "covered elsewhere"],
    ]);
  });

  it("exceptions in a layer attach to the baseline rule after its inline ones", () => {
    const result = layer(
      `exception to rule 5 "Adults only" when age > 30 then allow because "r"\n`,
    );
    expect(result.diagnostics).toEqual([]);
    const rule = result.policy!.rules.find((r) => r.id === "5")!;
    expect(rule.exceptions.map((e) => [e.id, e.inline, e.outcome])).toEqual([
      ["5#1", true, "prohibit"],
      ["5#2", false, "allow"],
    ]);
    expect(result.policy!.loosenings.map((l) => l.kind)).toEqual(["exception"]);
  });

  it("reports layer mistakes", () => {
    const result = layer(`outcomes: x "y"
fact consent: yes or no
override rule 0: consent → allow
disable rule 77 because "x"
exception to rule 5 when consent then allow
`);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      "outcomes-in-layer",
      "layer-conflict",
      "missing-reason",
      "no-citation",
      "unknown-rule",
      "missing-reason",
    ]);
  });

  it("exceptions that can apply together with different outcomes conflict", () => {
    const result = layer(`exception to rule 5 "A" when age > 40 then allow because "r"\n`);
    expect(result.diagnostics.map((d) => d.code)).toEqual([]);
    const clash = layer(`exception to rule 5 "A" when age > 10 then allow because "r"\n`);
    expect(clash.diagnostics.map((d) => d.code)).toEqual(["exception-conflict"]);
    expect(clash.diagnostics[0]!.message).toContain("age is");
    expect(clash.policy).toBeUndefined();
  });

  it("extends that cannot be read, and cycles", () => {
    const missing = analyze(
      "a.precept",
      memoryHost({ "a.precept": 'policy "A" extends "nope.precept"\n' }),
    );
    expect(missing.diagnostics.map((d) => d.code)).toContain("extends-not-found");
    const cycle = analyze(
      "a.precept",
      memoryHost({
        "a.precept": 'policy "A" extends "b.precept"\n',
        "b.precept": 'policy "B" extends "a.precept"\n',
      }),
    );
    expect(cycle.diagnostics.map((d) => d.code)).toContain("extends-cycle");
  });

  it("a missing file is a diagnostic, not a throw", () => {
    const result = analyze("nope.precept", memoryHost({}));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["extends-not-found"]);
  });
});

describe("check: a bounded number of problems", () => {
  it("stops at MAX_PROBLEMS with one diagnostic that says so", () => {
    const body = Array.from(
      { length: MAX_PROBLEMS + 200 },
      (_, i) => `rule U${i}: unknown thing ${i} → allow\n  cites bps §1\n`,
    ).join("");
    const { all } = diagnose(body);
    expect(all.filter((d) => d.code === "unknown-term")).toHaveLength(MAX_PROBLEMS);
    const stops = all.filter((d) => d.code === "too-many-problems");
    expect(stops).toHaveLength(1);
    expect(stops[0]?.message).toMatch(/more than 1,000 problems/);
  });

  it("a layer on a baseline that stopped early gets no false errors about its names", () => {
    const base = `policy "Base"\n${"rule when\n".repeat(MAX_PROBLEMS + 5)}fact late: yes or no\n`;
    const layer = `policy "Layer" extends "base.precept"\nrule L1: late → allow\n`;
    const result = analyze(
      "layer.precept",
      memoryHost({ "layer.precept": layer, "base.precept": base }),
    );
    const own = result.diagnostics.filter(
      (d) => d.uri === "layer.precept" && d.severity === "error",
    );
    expect(own).toEqual([]);
  });
});
