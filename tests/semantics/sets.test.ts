/**
 * Several-valued facts end to end: text → model → bundle → every decision path, explanations,
 * why-not and fact-set validation. (The agreement properties cover them too: arbitraries.ts.)
 */
import { analyze, memoryHost } from "@precept/language";
import { describe, expect, it } from "vitest";
import { built, comparable, embedderOutcome } from "./helpers.js";
import { decide as reference } from "./reference.js";

const TEXT = `policy "Posts" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  prohibit "must not"
  caution "think first"
  allow "fine"
otherwise no guidance
fact content: any of personal, work, patient area
  asks "What does the post show?"
fact capacity: one of personal, professional
rule 1: content includes patient area → prohibit
  cites bps §1
rule 2: content includes work and capacity is personal → caution
  cites bps §2
rule 3: content includes none of work, patient area → allow
  cites bps §3
scenario "holiday"
  given content is personal
  expect allow by rule 3
scenario "nothing at all"
  given content is nothing
  expect allow by rule 3
`;

function policy() {
  const a = analyze("p.precept", memoryHost({ "p.precept": TEXT }));
  if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join("\n"));
  return a.policy;
}

describe("several-valued facts at run time", () => {
  const model = policy();
  const { bundle, decider } = built(model);

  it("compiles to json-rules-engine's contains and doesNotContain", () => {
    expect(bundle.format).toBe("precept-bundle/2");
    expect(bundle.facts[0]).toMatchObject({ name: "content", type: "set" });
    expect(JSON.stringify(bundle.rules[0]!.conditions)).toContain('"operator":"contains"');
    expect(JSON.stringify(bundle.rules[2]!.conditions)).toContain('"operator":"doesNotContain"');
  });

  const cases: Record<string, unknown>[] = [
    { content: ["personal", "work"], capacity: "personal" },
    { content: ["work", "patient area"], capacity: "professional" },
    { content: [], capacity: "personal" },
    { content: ["personal"] },
    { capacity: "personal" },
    {},
    { content: ["work"] },
  ];

  it("decides like the reference on every path, and plain json-rules-engine on complete sets", async () => {
    for (const facts of cases) {
      const want = reference(model, facts as never);
      expect(comparable(await decider.decide(facts))).toEqual(want);
      expect(comparable(decider.decideSync(facts))).toEqual(want);
      expect(decider.outcome(facts)).toBe(want.undetermined ? "undetermined" : want.outcome);
      if (Object.keys(facts).length === 2)
        expect(await embedderOutcome(bundle, facts as never)).toBe(want.outcome);
    }
  });

  it("is unknown as a whole: an unknown set is asked for, an empty one is an answer", () => {
    const unknown = decider.decideSync({ capacity: "personal" });
    expect(unknown.ok && unknown.undetermined?.needs.map((n) => n.fact)).toEqual(["content"]);
    const none = decider.decideSync({ content: [] });
    expect(none.ok && none.outcome).toBe("allow");
  });

  it("explains with the policy's words, and why-not shows the values given", () => {
    const r = decider.decideSync({ content: ["personal", "work"], capacity: "personal" });
    expect(r.ok && r.explanation).toContain("content includes work");
    const why = decider.whyNot("3", { content: ["personal", "work"], capacity: "personal" });
    expect(why.ok && why.explanation).toContain("content does not include work");
    expect(why.ok && why.failed[0]?.actual).toEqual(["personal", "work"]);
  });

  it("refuses values that are not a list of distinct listed values, saying what is allowed", () => {
    for (const bad of ["work", ["work", "work"], ["holiday"], [1], { work: true }]) {
      const r = decider.decideSync({ content: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.allowed).toContain("a list of any of");
    }
    expect(decider.outcome({ content: new Array(10_000).fill("work") })).toBeUndefined();
  });

  it("runs its scenarios", async () => {
    const results = await decider.runScenarios();
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  });
});
