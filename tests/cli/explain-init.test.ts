import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE,
  BROKEN_TWICE,
  Fixtures,
  hasScript,
  precept,
  preceptOnTerminal,
  ROOT,
  STACK,
} from "./helpers.js";

describe("precept explain", () => {
  let fx: Fixtures;
  let policy: string;
  beforeAll(() => {
    fx = new Fixtures();
    policy = fx.write("base.precept", BASE);
    fx.write("client.json", JSON.stringify({ relationship: "client", public: true, age: null }));
    fx.write("broken.json", '{\n  "relationship": "client",\n  "public" true\n}\n');
    fx.write("errors.precept", BROKEN_TWICE);
  });
  afterAll(() => fx.remove());

  it("decides from a facts file and --fact, and explains in plain English", async () => {
    const [text, json] = await Promise.all([
      precept(["explain", policy, "--facts", fx.path("client.json"), "--why-not", "2"]),
      precept([
        "explain",
        policy,
        "--facts",
        fx.path("client.json"),
        "--fact",
        "Public=no",
        "--fact",
        "age=40",
        "--json",
      ]),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Decline — the other person is a client/);
    expect(text.stdout).toContain("rule 1");
    expect(text.stdout).toContain("Keep it private.");
    // --why-not says why a rule did not apply, with the actual value.
    expect(text.stdout).toMatch(/\n\nRule 2 .*relationship.*client/);

    // --json prints the runtime's decision object; a later --fact overrides the file.
    expect(json.code).toBe(0);
    const decision = JSON.parse(json.stdout);
    expect(decision).toMatchObject({
      ok: true,
      outcome: "no guidance",
      decidingRules: [],
      advice: [],
      warnings: [],
    });
    expect(Object.keys(decision).sort()).toEqual(
      ["advice", "alsoApplies", "decidingRules", "explanation", "ok", "outcome", "warnings"].sort(),
    );
  });

  it("refuses a 10,000-deep unclosed facts file with a clear message, exit 2", async () => {
    const file = fx.write("deep.json", "[".repeat(10_000));
    const r = await precept(["explain", policy, "--facts", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1:501: not valid JSON: nested more than 500 levels deep.`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("names the command as it was run in hints: pnpm precept through the package script", async () => {
    const [installed, script] = await Promise.all([
      precept(["explain", policy, "--fact", "public=yes", "--ask"]),
      precept(["explain", policy, "--fact", "public=yes", "--ask"], {
        env: { npm_lifecycle_event: "precept" },
      }),
    ]);
    expect(installed.stderr).toContain(`\n  precept explain ${policy} --fact public=yes`);
    expect(script.stderr).toContain(`\n  pnpm precept explain ${policy} --fact public=yes`);
  });

  it("includes the --why-not answers in --json", async () => {
    const r = await precept([
      "explain",
      policy,
      "--facts",
      fx.path("client.json"),
      "--why-not",
      "2",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const output = JSON.parse(r.stdout);
    expect(output).toMatchObject({ ok: true, outcome: "decline" });
    expect(output.whyNot).toEqual([
      expect.objectContaining({
        ok: true,
        rule: "2",
        applies: "no",
        explanation: expect.any(String),
      }),
    ]);
  });

  it("lists the questions to answer when the decision is undetermined", async () => {
    const [text, json, asked] = await Promise.all([
      precept(["explain", policy, "--fact", "public=yes"]),
      precept(["explain", policy, "--fact", "public=yes", "--json"]),
      precept(["explain", policy, "--fact", "public=yes", "--ask"]),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Undetermined/);
    expect(text.stdout).toContain(
      [
        "To decide, answer:",
        "  1. Who is the other person?",
        '     --fact "relationship=…" (one of client, colleague, friend)',
        "  2. How old are they?",
        '     --fact "age=…" (a number (years))',
      ].join("\n"),
    );
    expect(text.stdout).toMatch(
      /Add the answers with --fact, or run again with --ask to be asked\.\n$/,
    );
    // With --ask and no answers on input, --ask is not offered again.
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain("No more answers: the decision is still undetermined.");
    expect(asked.stdout).toContain("  1. Who is the other person?");
    expect(asked.stdout).toMatch(
      /These questions could not be asked \(no answers on input\): add the answers with --fact\.\n$/,
    );
    expect(asked.stdout).not.toContain("--ask");
    const decision = JSON.parse(json.stdout);
    expect(decision.outcome).toBe("undetermined");
    expect(decision.undetermined.needs).toEqual([
      { fact: "relationship", question: "Who is the other person?" },
      { fact: "age", question: "How old are they?" },
    ]);
  });

  it("asks the missing questions one by one until decided (answers piped in)", async () => {
    const r = await precept(["explain", policy, "--fact", "public=no", "--ask", "--json"], {
      input: "7\nfrend\n3\nlots\n17\n",
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Who is the other person?\n  1) client\n  2) colleague\n  3) friend\nChoose 1-3:",
    );
    expect(r.stderr).toContain("Answer with a number from 1 to 3 (did you mean 'friend'?)");
    expect(r.stderr).toContain("How old are they?");
    expect(r.stderr).toContain("Answer with a number.");
    expect(r.stderr).toContain(`--fact public=no --fact relationship=friend --fact age=17`);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: "no guidance" });
  });

  it.skipIf(!hasScript)("asks on a terminal, with y/n for yes/no facts", () => {
    const r = preceptOnTerminal(["explain", policy, "--fact", "relationship=client", "--ask"], {
      input: "y\n",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Would it be public?");
    expect(r.stdout).toContain("(y/n)");
    expect(r.stdout).toMatch(/Decline — /);
  });

  it("stops with a clear message (exit 2, no stack trace) on bad facts", async () => {
    const [unknown, badValue, badJson, missing, noEquals, whyNot] = await Promise.all([
      precept(["explain", policy, "--fact", "relashionship=client"]),
      precept(["explain", policy, "--fact", "age=old"]),
      precept(["explain", policy, "--facts", fx.path("broken.json")]),
      precept(["explain", policy, "--facts", fx.path("missing.json")]),
      precept(["explain", policy, "--fact", "public"]),
      precept(["explain", policy, "--facts", fx.path("client.json"), "--why-not", "9.9"]),
    ]);
    expect(unknown.stderr).toContain(
      "'relashionship' is not a fact of this policy. Its facts are: relationship, public, age.\nDid you mean 'relationship'?",
    );
    expect(badValue.stderr).toContain(`'age' cannot be "old": it must be a number (years).`);
    expect(badJson.stderr).toContain(
      `${fx.path("broken.json")}:3:12: not valid JSON: expected ':' after the name.`,
    );
    // Examples name the policy's own facts: its first list fact and first yes/no fact.
    expect(badJson.stderr).toContain('e.g. {"relationship": "client", "public": false}.');
    expect(missing.stderr).toContain(`No such file or folder: ${fx.path("missing.json")}`);
    expect(noEquals.stderr).toContain("--fact needs name=value, not 'public'.");
    expect(noEquals.stderr).toContain('Example: --fact "relationship=client" --fact "public=no"');
    // A wrong --why-not is found before the decision is printed: nothing on stdout.
    expect(whyNot.stderr).toContain("There is no rule or exception '9.9' in this policy.");
    expect(whyNot.stderr).toContain("Its rules and exceptions are: 1, 2, 3.");
    expect(whyNot.stderr).toContain("Usage: precept explain <policy> [options]");
    for (const r of [unknown, badValue, badJson, missing, noEquals, whyNot]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it("reads a folder as the policy.precept in it, as check and test do", async () => {
    fx.write("layer/policy.precept", BASE);
    fx.write("empty/notes.txt", "nothing here");
    const [folder, file, empty] = await Promise.all([
      precept(["explain", fx.path("layer"), "--fact", "relationship=client", "--json"]),
      precept([
        "explain",
        fx.path("layer/policy.precept"),
        "--fact",
        "relationship=client",
        "--json",
      ]),
      precept(["compile", fx.path("empty")]),
    ]);
    expect(folder.code).toBe(file.code);
    expect(JSON.parse(folder.stdout).outcome).toBe(JSON.parse(file.stdout).outcome);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("is a folder with no policy.precept in it");
    expect(empty.stderr).not.toMatch(STACK);
  });

  it("refuses a policy with errors (exit 1)", async () => {
    const r = await precept([
      "explain",
      fx.path("errors.precept"),
      "--fact",
      "relationship=client",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.indexOf("5:9: error unknown-fact")).toBeGreaterThan(0);
    expect(r.stderr.indexOf("5:9: error unknown-fact")).toBeLessThan(
      r.stderr.indexOf("6:6: error duplicate-declaration"),
    );
    expect(r.stderr).toContain("has 2 errors; it cannot decide anything.");
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe("precept init", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
  });
  afterAll(() => fx.remove());

  const baseline = path.join(ROOT, "rules/bps-e-professionalism/policy.precept");

  it.skipIf(!existsSync(baseline))(
    "starts a layer on the BPS baseline that passes precept test at once",
    async () => {
      const made = await precept(["init", "team/social-media", "--title", "Team policy"], {
        cwd: fx.dir,
      });
      expect(made.code).toBe(0);
      expect(made.stdout).toContain(
        "Created team/social-media/policy.precept: a local layer on @precept/bps-e-professionalism 0.1.0",
      );
      // Nothing is installed in the temporary folder: the command's own copy, and how to pin it.
      expect(made.stdout).toContain(
        "npm install --save-dev --save-exact @precept/bps-e-professionalism@0.1.0",
      );
      const text = fx.read("team/social-media/policy.precept");
      expect(text).toContain(
        'policy "Team policy" version "0.1" extends "@precept/bps-e-professionalism"',
      );

      const [tested, checked, again] = await Promise.all([
        precept(["test", "team", "--json"], { cwd: fx.dir }),
        precept(["check", "team"], { cwd: fx.dir }),
        precept(["init", "team/social-media"], { cwd: fx.dir }),
      ]);
      expect(tested.code).toBe(0);
      expect(JSON.parse(tested.stdout)).toMatchObject({
        scenarios: 1,
        passed: 1,
        failed: 0,
        rules: 1,
        rulesDecisive: 1,
      });
      expect(checked.code).toBe(0);
      expect(checked.stdout).toContain("No problems in 1 file.");
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("already exists; precept init never overwrites a policy.");
      expect(readFileSync(fx.path("team/social-media/policy.precept"), "utf8")).toBe(text);
    },
  );

  it("writes a path for --baseline, relative to the new layer", async () => {
    fx.write("base/policy.precept", readFileSync(baseline, "utf8"));
    const r = await precept(["init", "layers/a", "--baseline", "base/policy.precept"], {
      cwd: fx.dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("a local layer on base/policy.precept.");
    expect(r.stdout).not.toContain("npm install");
    expect(fx.read("layers/a/policy.precept")).toContain('extends "../../base/policy.precept"');
  });

  it("refuses a baseline that does not exist", async () => {
    const r = await precept(["init", "x", "--baseline", "nope.precept"], { cwd: fx.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("The baseline nope.precept does not exist.");
    expect(existsSync(fx.path("x"))).toBe(false);
  });
});
