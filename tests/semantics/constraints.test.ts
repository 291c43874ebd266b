/** Constraints between facts: parse, check, format, compile, and every decision path. */
import { compile } from "@precept/compiler";
import { analyze, format, memoryHost } from "@precept/language";
import { loadBundle } from "@precept/runtime";
import { describe, expect, it } from "vitest";
import { comparable } from "./helpers.js";
import { decide as reference } from "./reference.js";

const CONSTRAINED = `policy "Constraints" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  decline "no"
  allow "fine"
otherwise no guidance
fact other person: one of supervisor, colleague, friend
fact evaluative relationship: one of none, you evaluate them, they evaluate you
fact capacity: one of personal, professional
constraint "A supervisor evaluates you": other person is supervisor → evaluative relationship is they evaluate you
constraint "Only colleagues are evaluated by you": not (evaluative relationship is you evaluate them and other person is not colleague)
rule 1: evaluative relationship is they evaluate you and capacity is personal → decline
  cites bps §4
rule 2: capacity is professional → allow
  cites bps §4
`;

function load(text = CONSTRAINED) {
  const a = analyze("p.precept", memoryHost({ "p.precept": text }));
  if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join("\n"));
  const bundle = compile(a.policy);
  const loaded = loadBundle(bundle);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return { policy: a.policy, bundle, decider: loaded.decider };
}

describe("constraints between facts", () => {
  const { policy, bundle, decider } = load();

  it("compile into the bundle as conditions, implications as not A or B", () => {
    expect(bundle.constraints?.map((c) => c.title)).toEqual([
      "A supervisor evaluates you",
      "Only colleagues are evaluated by you",
    ]);
    expect(JSON.stringify(bundle.constraints![0]!.conditions)).toContain('"notEqual"');
  });

  it("reject a contradictory fact set on every path, naming the constraint", async () => {
    const facts = { "other person": "supervisor", "evaluative relationship": "none" };
    const r = await decider.decide(facts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.constraint).toBe("A supervisor evaluates you");
      expect(r.explanation).toContain(
        'These facts contradict the constraint "A supervisor evaluates you"',
      );
    }
    expect(decider.decideSync(facts)).toEqual(r);
    expect(decider.outcome(facts)).toBeUndefined();
    expect(decider.whyNot("1", facts).ok).toBe(false);
    expect(comparable(r)).toEqual(reference(policy, facts));
  });

  it("decide consistent fact sets as before, unknown facts leaving constraints open", () => {
    for (const facts of [
      { "other person": "supervisor", "evaluative relationship": "they evaluate you" },
      { "other person": "supervisor" },
      {
        "other person": "colleague",
        "evaluative relationship": "you evaluate them",
        capacity: "personal",
      },
    ]) {
      expect(comparable(decider.decideSync(facts))).toEqual(reference(policy, facts));
    }
  });

  it("say which answers remain possible, so an implied one need not be asked", () => {
    expect(
      decider.possibleValues("evaluative relationship", { "other person": "supervisor" }),
    ).toEqual(["they evaluate you"]);
    expect(decider.possibleValues("evaluative relationship", { "other person": "friend" })).toEqual(
      ["none", "they evaluate you"],
    );
    expect(decider.possibleValues("capacity", {})).toEqual(["personal", "professional"]);
  });

  it("check names with a did-you-mean and format canonically", () => {
    const bad = analyze(
      "p.precept",
      memoryHost({
        "p.precept": CONSTRAINED.replace(
          "other person is supervisor →",
          "other persn is supervisor →",
        ),
      }),
    );
    expect(bad.diagnostics.find((d) => d.severity === "error")).toMatchObject({
      code: "unknown-fact",
      suggestion: "other person",
    });
    const messy = CONSTRAINED.replace(
      'constraint "A supervisor evaluates you": other person is supervisor →',
      'CONSTRAINT   "A supervisor evaluates you" :  other person is supervisor ->',
    );
    const once = format(messy).text;
    expect(once).toContain(
      'constraint "A supervisor evaluates you": other person is supervisor → evaluative relationship is they evaluate you',
    );
    expect(format(once).text).toBe(once);
  });
});
