/** Several-valued facts on the command line: --fact, facts files and several answers to --ask. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, precept } from "./helpers.js";

const POLICY = `policy "Posts" version "1"
outcomes, strongest first:
  prohibit "must not"
  caution "think first"
  allow "fine"
otherwise no guidance
fact content: any of personal, work, patient area
  asks "What does the post show?"
fact capacity: one of personal, professional
rule 1: content includes patient area → prohibit
rule 2: content includes work and capacity is personal → caution
rule 3: content includes none of work, patient area → allow
`;

describe("precept explain with a several-valued fact", () => {
  let fx: Fixtures;
  let policy: string;
  beforeAll(() => {
    fx = new Fixtures();
    policy = fx.write("posts.precept", POLICY);
    fx.write("posts.json", JSON.stringify({ content: ["work", "patient area"] }));
    fx.write("twice.json", JSON.stringify({ content: ["work", "work"] }));
  });
  afterAll(() => fx.remove());

  it("takes several values from --fact, nothing for none, and a list from a facts file", async () => {
    const [two, none, file, typo] = await Promise.all([
      precept([
        "explain",
        policy,
        "--fact",
        "content=Personal, work",
        "--fact",
        "capacity=personal",
      ]),
      precept(["explain", policy, "--fact", "content=nothing"]),
      precept(["explain", policy, "--facts", fx.path("posts.json")]),
      precept(["explain", policy, "--fact", "content=personal,wrok"]),
    ]);
    expect(two.stdout).toMatch(/^Caution — content includes work/);
    expect(none.stdout).toMatch(/^Allow — /);
    expect(file.stdout).toMatch(/^Prohibit — content includes patient area/);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Did you mean 'work'?");
    // Four processes at once: slow on a loaded machine.
  }, 90_000);

  it("asks one question for the fact and reads several answers to it", async () => {
    const asked = await precept(["explain", policy, "--ask"], { input: "1, 2\npersonal\n" });
    expect(asked.code).toBe(0);
    expect(asked.stderr.match(/What does the post show\?/g)).toHaveLength(1);
    expect(asked.stderr).toContain("Choose any of 1-3, separated by commas (0 for none)");
    expect(asked.stdout).toMatch(/^Caution — /);
    expect(asked.stderr).toContain('--fact "content=personal,work"');
    const none = await precept(["explain", policy, "--ask"], { input: "0\n" });
    expect(none.stdout).toMatch(/^Allow — /);
    expect(none.stderr).toContain("--fact content=nothing");
  }, 90_000);
});
