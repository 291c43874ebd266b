/** `precept` on a layer with several baselines (docs/language.md, "Several baselines"). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, precept } from "./helpers.js";

const BASE = `policy "Base" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  decline "no"
  caution "careful"
  allow "yes"
otherwise no guidance
fact relationship: one of service user, colleague
  asks "Who is the other person?"
fact public: yes or no
  asks "Is it public?"
rule 1: relationship is service user → decline
  cites bps §1
rule 2: public → caution
  cites bps §2
`;

const PROGRAMME = `policy "Programme" version "1" extends "../base/policy.precept"
source prog: "P", Programme, 2024
fact supervised: yes or no
  asks "Is the trainee supervised?"
rule 3.1: supervised and public → allow
  cites prog §1
exception to rule 2 when supervised then allow because "supervised posts are fine"
`;

const TEAM = `policy "Team" version "1" extends "../base/policy.precept"
source team: "T", Team, 2024
fact on call: yes or no
  asks "Is the trainee on call?"
rule 3.1: on call → caution
  cites team §1
`;

const LAYER = (body: string) => `policy "Trainee" version "1"
  extends "../programme/policy.precept" as programme
  and "../team/policy.precept" as team
${body}`;

const RULES = `rule L1: supervised and on call → decline
  cites prog §2
scenario "on call and supervised"
  given relationship is colleague, public, supervised, on call
  expect decline by rule L1
scenario "the team's rule"
  given relationship is colleague, public is no, supervised is no, on call
  expect caution by rule team.3.1
`;

describe("precept on a layer with two baselines", () => {
  let fx: Fixtures;
  let layer: string;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("base/policy.precept", BASE);
    fx.write("programme/policy.precept", PROGRAMME);
    fx.write("team/policy.precept", TEAM);
    layer = fx.write("trainee/policy.precept", LAYER(RULES));
    fx.write("ambiguous/policy.precept", LAYER(`disable rule 3.1 because "not here"\n`));
  });
  afterAll(() => fx.remove());

  it("check passes; test runs the layer's scenarios with qualified ids", async () => {
    const [check, test] = await Promise.all([precept(["check", layer]), precept(["test", layer])]);
    expect(check).toMatchObject({ code: 0 });
    expect(test.code).toBe(0);
    expect(test.stdout).toContain("2 scenarios passed");
  });

  it("explain decides with both baselines' rules, names clashing ones qualified, and why-not takes them", async () => {
    const result = await precept([
      "explain",
      layer,
      "--fact",
      "relationship=colleague",
      "--fact",
      "public=no",
      "--fact",
      "supervised=no",
      "--fact",
      "on call=yes",
      "--why-not",
      "programme.3.1",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Caution — on call (rule team.3.1; TEAM T §1).");
    expect(result.stdout).toContain("Rule programme.3.1 does not apply");
  });

  it("--ask asks the questions of both baselines until it is decided", async () => {
    const result = await precept(["explain", layer, "--ask"], {
      input: "colleague\nno\nno\nyes\n",
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Is the trainee on call?");
    expect(result.stdout).toContain("Caution — on call (rule team.3.1; TEAM T §1).");
  });

  it("a bare id both baselines have is one error, with the qualified ids", async () => {
    const result = await precept(["check", fx.path("ambiguous/policy.precept")]);
    expect(result.code).toBe(1);
    const errors = `${result.stdout}${result.stderr}`
      .split("\n")
      .filter((l) => l.includes(": error "));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("ambiguous-rule");
    expect(errors[0]).toContain("programme.3.1 or team.3.1");
  });

  it("analyze compares the layer with both baselines merged", async () => {
    const result = await precept(["analyze", layer]);
    expect(result.stdout).toContain(
      "Stricter in 13 % of the situations: caution (rule team.3.1) becomes decline (rule L1).",
    );
  });
});
