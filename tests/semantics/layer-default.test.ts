/**
 * A layer's own default outcome (`otherwise X because …`, docs/semantics.md §4, §6) on every path,
 * from real text: the reference interpreter, `decide`, `decideSync`/`outcome`, plain
 * json-rules-engine on the bundle, the generated module — and the explanation a person reads.
 */
import { compile } from "@precept/compiler";
import { analyze, memoryHost, type PolicyModel } from "@precept/language";
import { describe, expect, it } from "vitest";
import { importModule, withoutExplanation } from "./generated-module.js";
import { comparable, embedderOutcome, load, modelOf } from "./helpers.js";
import { decide as reference } from "./reference.js";

const BASE = `policy "Base" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  prohibit "no"
  caution "careful"
  allow "fine"
otherwise no guidance
fact posting: yes or no
fact work: yes or no
fact patient: yes or no
rule 1 "Work posts"
  cites bps §1
  when posting and work
  then allow
rule 2 "Patients"
  cites bps §2
  when posting and patient
  then prohibit
rule 3 "Reminder"
  cites bps §3
  when posting
  advise "Consider the material."
`;
const LAYER = `policy "Trust" version "1" extends "base.precept"
otherwise caution because "Anything not covered here needs a word with your supervisor."
`;

const model = (layer = LAYER): PolicyModel =>
  modelOf({ "base.precept": BASE, "layer.precept": layer }, "layer.precept");

const COMPLETE = [
  { posting: false, work: false, patient: false },
  { posting: true, work: false, patient: false },
  { posting: true, work: true, patient: false },
  { posting: true, work: true, patient: true },
];
const PARTIAL = [
  {},
  { posting: true },
  { posting: true, work: false },
  { posting: true, patient: false },
  { posting: true, work: true },
  { work: false, patient: false },
];

describe("a layer's default on every path", () => {
  it("all paths agree with the reference interpreter", async () => {
    const policy = model();
    const decider = load(policy);
    const bundle = compile(policy);
    const module = await importModule(bundle);
    for (const facts of [...COMPLETE, ...PARTIAL]) {
      const expected = reference(policy, facts);
      expect(comparable(await decider.decide(facts))).toEqual(expected);
      expect(comparable(decider.decideSync(facts))).toEqual(expected);
      expect(decider.outcome(facts)).toBe(expected.outcome);
      expect(withoutExplanation(module.decide(facts))).toEqual(
        withoutExplanation(decider.decideSync(facts)),
      );
      expect(module.outcome(facts)).toBe(expected.outcome);
    }
    for (const facts of COMPLETE)
      expect(await embedderOutcome(bundle, facts)).toBe(reference(policy, facts).outcome);
  });

  it("decides the default only where no rule applies; a weaker rule that applies still decides", () => {
    const decider = load(model());
    expect(decider.decideSync({ posting: false, work: false, patient: false })).toMatchObject({
      outcome: "caution",
      decidingRules: [],
      explanation:
        "Caution — no rule applies; Trust's default is caution: Anything not covered here needs a word with your supervisor.",
    });
    // The reminder gives advice; the default still decides.
    expect(decider.decideSync({ posting: true, work: false, patient: false })).toMatchObject({
      outcome: "caution",
      decidingRules: [],
      advice: ["Consider the material."],
    });
    expect(decider.decideSync({ posting: true, work: true, patient: false })).toMatchObject({
      outcome: "allow",
      decidingRules: ["1"],
    });
  });

  it("with unknown facts, asks what could make a rule apply (§6)", () => {
    const decider = load(model());
    // Nothing holds; rule 1 (allow, weaker than the default) could: every unknown rule is pending.
    expect(decider.decideSync({ posting: true, patient: false })).toMatchObject({
      outcome: "undetermined",
      undetermined: { atLeast: "allow", pending: ["1"], needs: [{ fact: "work" }] },
    });
    expect(decider.decideSync({ posting: true })).toMatchObject({
      outcome: "undetermined",
      undetermined: {
        atLeast: "allow",
        pending: ["1", "2"],
        needs: [{ fact: "work" }, { fact: "patient" }],
      },
    });
    // Only rule 2 (prohibit, stronger) is still possible: the default is the floor.
    expect(decider.decideSync({ posting: true, work: false })).toMatchObject({
      outcome: "undetermined",
      undetermined: { atLeast: "caution", pending: ["2"], needs: [{ fact: "patient" }] },
    });
    // No rule can apply: determined without asking.
    expect(decider.decideSync({ work: false, patient: false })).toMatchObject({
      outcome: "caution",
      decidingRules: [],
    });
    const text = decider.decideSync({ posting: true, patient: false });
    expect(text.explanation).toContain("it could be allow or caution (rule 1 and Trust's default)");
  });

  it("an unknown rule with the default's own outcome leaves it standing", () => {
    const policy = model(`${LAYER}rule T1: work → caution\n  cites bps §4\n`);
    const decider = load(policy);
    expect(decider.decideSync({ posting: false })).toMatchObject({
      outcome: "caution",
      decidingRules: [],
    });
    expect(reference(policy, { posting: false }).outcome).toBe("caution");
    // …unless a weaker one could apply too: then it matters which.
    expect(decider.decideSync({ patient: false })).toMatchObject({
      outcome: "undetermined",
      undetermined: { atLeast: "allow", pending: ["1", "T1"] },
    });
  });

  it("the bundle carries the default, who set it and why; json-rules-engine alone decides it", async () => {
    const bundle = compile(model());
    expect(bundle.defaultOutcome).toBe("caution");
    expect(bundle.defaultSetBy).toEqual({
      layer: "Trust",
      reason: "Anything not covered here needs a word with your supervisor.",
    });
    expect(bundle.outcomes.map((o) => [o.name, o.strength])).toEqual([
      ["prohibit", 3],
      ["caution", 2],
      ["allow", 1],
      ["no guidance", 0],
    ]);
    // The reminder's advice entry carries the default, at strength 0.
    const reminder = bundle.rules.find((r) => r.name === "3")!;
    expect([reminder.event.type, reminder.event.params.strength]).toEqual(["caution", 0]);
    expect(bundle.loosenings).toEqual([]);
    // Only the reminder fires: the strongest event is its (the default).
    expect(await embedderOutcome(bundle, { posting: true, work: false, patient: false })).toBe(
      "caution",
    );
  });
});

describe("a weaker default is a loosening", () => {
  const MIDDLE = `policy "Trust" version "1" extends "base.precept"
otherwise caution because "Ask your supervisor."
`;
  const TOP = `policy "Team" version "1" extends "trust.precept"
otherwise allow because "The team's work is low-risk."
`;

  it("lists it in the bundle, with the default it replaces", () => {
    const result = analyze(
      "team.precept",
      memoryHost({ "base.precept": BASE, "trust.precept": MIDDLE, "team.precept": TOP }),
    );
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bundle = compile(result.policy!);
    expect(bundle.defaultOutcome).toBe("allow");
    expect(bundle.defaultSetBy).toEqual({ layer: "Team", reason: "The team's work is low-risk." });
    expect(bundle.loosenings).toEqual([
      {
        kind: "default",
        outcome: "allow",
        replaces: "caution",
        reason: "The team's work is low-risk.",
        layer: "Team",
      },
    ]);
    expect(
      load(result.policy!).decideSync({ posting: false, work: false, patient: false }),
    ).toMatchObject({ outcome: "allow" });
  });
});
