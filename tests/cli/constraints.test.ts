/** Constraints on the command line: a contradictory facts file exits 2; --ask skips implied answers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, precept } from "./helpers.js";

const POLICY = `policy "Constraints" version "1"
outcomes, strongest first:
  decline "no"
  allow "fine"
otherwise no guidance
fact other person: one of supervisor, colleague, friend
  asks "Who is the other person?"
fact evaluative relationship: one of none, you evaluate them, they evaluate you
  asks "Does one of you evaluate the other?"
fact capacity: one of personal, professional
  asks "In what capacity?"
constraint "A supervisor evaluates you": other person is supervisor → evaluative relationship is they evaluate you
rule 1: evaluative relationship is they evaluate you and capacity is personal → decline
rule 2: capacity is professional → allow
rule 3: other person is friend and capacity is personal → allow
`;

describe("precept explain with constraints", () => {
  let fx: Fixtures;
  let policy: string;
  beforeAll(() => {
    fx = new Fixtures();
    policy = fx.write("p.precept", POLICY);
    fx.write(
      "contradictory.json",
      JSON.stringify({ "other person": "supervisor", "evaluative relationship": "none" }),
    );
  });
  afterAll(() => fx.remove());

  it("exits 2 on a contradictory facts file, naming the constraint", async () => {
    const r = await precept(["explain", policy, "--facts", fx.path("contradictory.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('contradict the constraint "A supervisor evaluates you"');
    expect(r.stdout).toBe("");
  });

  it("never asks a question whose answer is implied", async () => {
    const asked = await precept(["explain", policy, "--ask"], { input: "1\n1\n" });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain("Who is the other person?");
    expect(asked.stderr).not.toContain("Does one of you evaluate the other?");
    expect(asked.stderr).toContain("evaluative relationship: they evaluate you (implied");
    expect(asked.stdout).toMatch(/^Decline — /);
  }, 90_000);
});
