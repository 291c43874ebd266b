/** Presumptions (`presume …`) end to end: text → bundle → decisions, explanations, needs. */
import { compile } from "@precept/compiler";
import { analyze, format, memoryHost } from "@precept/language";
import { loadBundle } from "@precept/runtime";
import { describe, expect, it } from "vitest";
import { comparable } from "./helpers.js";
import { decide as reference } from "./reference.js";

const TEXT = `policy "Presumptions" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  seek advice "ask first"
  allow "fine"
otherwise no guidance
fact employer guidance: one of read, unread, none issued
  asks "Have you read your employer's guidance on social media?"
  presume read "you have read your employer's guidance"
fact activity: one of posting, joining
fact content: any of personal, work
  presume nothing
rule I.1: employer guidance is unread → seek advice
  cites bps §introduction
rule 1: activity is joining → allow
  cites bps §1
rule 2: content includes work → seek advice
  cites bps §2
scenario "joining, guidance not said"
  given activity is joining
  expect allow by rule 1
scenario "guidance said to be unread"
  given activity is joining, employer guidance is unread
  expect seek advice by rule I.1
`;

function load() {
  const a = analyze("p.precept", memoryHost({ "p.precept": TEXT }));
  if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join("\n"));
  const bundle = compile(a.policy);
  const loaded = loadBundle(bundle);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return { policy: a.policy, bundle, decider: loaded.decider };
}

describe("presumptions", () => {
  const { policy, bundle, decider } = load();

  it("compile into the bundle's facts", () => {
    expect(bundle.facts[0]!.presumed).toEqual({
      value: "read",
      text: "you have read your employer's guidance",
    });
    expect(bundle.facts[2]!.presumed).toEqual({ value: [] });
  });

  it("decide with the presumed value and say so, on every path", async () => {
    const facts = { activity: "joining" };
    const r = decider.decideSync(facts);
    expect(r.ok && r.outcome).toBe("allow");
    expect(r.ok && r.assumed?.map((a) => a.fact)).toEqual(["employer guidance", "content"]);
    expect(r.ok && r.explanation).toMatch(
      /Assuming you have read your employer's guidance and content is nothing — say otherwise to change this\.$/,
    );
    expect(comparable(await decider.decide(facts))).toEqual(reference(policy, facts));
    expect(comparable(r)).toEqual(reference(policy, facts));
    expect(decider.outcome(facts)).toBe("allow");
  });

  it("state only the presumptions that matter, and list them among the needs when undetermined", () => {
    const known = decider.decideSync({ activity: "posting", "employer guidance": "read" });
    expect(known.ok && known.assumed?.map((a) => a.fact)).toEqual(["content"]);
    const open = decider.decideSync({});
    expect(open.ok && open.outcome).toBe("undetermined");
    expect(open.ok && open.undetermined?.needs.map((n) => n.fact)).toEqual([
      "employer guidance",
      "activity",
      "content",
    ]);
    expect(comparable(open)).toEqual(reference(policy, {}));
    // An answer replaces the presumption.
    const unread = decider.decideSync({ activity: "joining", "employer guidance": "unread" });
    expect(unread.ok && unread.outcome).toBe("seek advice");
  });

  it("run scenarios with presumptions, and check and format the clause", async () => {
    expect((await decider.runScenarios()).map((s) => s.passed)).toEqual([true, true]);
    const formatted = format(TEXT.replace('presume read "you', 'PRESUME   read   "you')).text;
    expect(formatted).toContain('  presume read "you have read your employer\'s guidance"');
    expect(format(formatted).text).toBe(formatted);
    const bad = analyze(
      "p.precept",
      memoryHost({ "p.precept": TEXT.replace("presume read", "presume red") }),
    );
    expect(bad.diagnostics.find((d) => d.severity === "error")).toMatchObject({
      code: "unknown-value",
      suggestion: "read",
    });
  });
});
