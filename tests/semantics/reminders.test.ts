/**
 * Advice-only rules (reminders) and amendments on every path, from real text: the reference
 * interpreter, `decide`, `decideSync`/`outcome`, plain json-rules-engine on the bundle, the
 * generated module — and the explanation and why-not a person reads.
 */
import { compile } from "@precept/compiler";
import type { PolicyModel } from "@precept/language";
import { describe, expect, it } from "vitest";
import { importModule, withoutExplanation } from "./generated-module.js";
import { comparable, embedderOutcome, load, modelOf } from "./helpers.js";
import { decide as reference } from "./reference.js";

const BASE = `policy "Base" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  prohibit "no"
  caution "careful"
otherwise no guidance
fact posting: yes or no
fact personal: yes or no
fact patient: yes or no
rule 1 "Consider the material"
  cites bps §2 "always consider the appropriateness of material"
  when posting
  unless patient → prohibit
  advise "Consider whether the material is appropriate."
rule 2: posting and personal → caution
  cites bps §2
`;
const LAYER = `policy "Layer" version "1" extends "base.precept"
source trust: "T", Trust, 2024
amend rule 2
  cites trust §4 "think twice"
  advise "Check the Trust's policy."
`;

const model = (): PolicyModel =>
  modelOf({ "base.precept": BASE, "layer.precept": LAYER }, "layer.precept");

const SITUATIONS = [
  {},
  { posting: true },
  { posting: true, personal: false, patient: false },
  { posting: true, personal: true, patient: false },
  { posting: true, personal: true, patient: true },
  { posting: false, personal: true, patient: false },
];

describe("a reminder decides nothing, on every path", () => {
  it("all paths agree with the reference interpreter", async () => {
    const policy = model();
    const decider = load(policy);
    const bundle = compile(policy);
    const module = await importModule(bundle);
    for (const facts of SITUATIONS) {
      const expected = reference(policy, facts);
      expect(comparable(await decider.decide(facts))).toEqual(expected);
      expect(comparable(decider.decideSync(facts))).toEqual(expected);
      expect(decider.outcome(facts)).toBe(expected.outcome);
      expect(withoutExplanation(module.decide(facts))).toEqual(
        withoutExplanation(decider.decideSync(facts)),
      );
      if (Object.keys(facts).length === 3)
        expect(await embedderOutcome(bundle, facts)).toBe(expected.outcome);
    }
  });

  it("gives its advice without deciding, and says so", () => {
    const decider = load(model());
    const alone = decider.decideSync({ posting: true, personal: false, patient: false });
    expect(alone).toMatchObject({
      ok: true,
      outcome: "no guidance",
      decidingRules: [],
      alsoApplies: [],
      advice: ["Consider whether the material is appropriate."],
    });
    expect(alone.explanation).toBe(
      "No guidance — no rule decides this. Advice: Consider whether the material is appropriate.",
    );
    const withRule = decider.decideSync({ posting: true, personal: true, patient: false });
    expect(withRule).toMatchObject({
      outcome: "caution",
      decidingRules: ["2"],
      alsoApplies: [],
      advice: ["Consider whether the material is appropriate.", "Check the Trust's policy."],
    });
    // The amendment's citation follows the rule's own.
    expect(withRule.explanation).toContain('(rule 2; BPS G §2; TRUST T §4: "think twice")');
    // Its exception with an outcome still decides, and the reminder is not given there.
    expect(decider.decideSync({ posting: true, personal: true, patient: true })).toMatchObject({
      outcome: "prohibit",
      decidingRules: ["1#1"],
      advice: ["Check the Trust's policy."],
    });
    const why = decider.whyNot("1", { posting: true, personal: false, patient: false });
    expect(why).toMatchObject({ ok: true, applies: "yes" });
    expect(why.ok && why.explanation).toContain("It gives advice only");
  });

  it("compiles to a strength-0 advice entry named after the rule", () => {
    const bundle = compile(model());
    const entry = bundle.rules.find((r) => r.name === "1")!;
    expect(entry.event).toMatchObject({
      type: "no guidance",
      params: { rule: "1", exception: null, kind: "advice", strength: 0 },
    });
    expect(bundle.loosenings).toEqual([]);
  });
});
