import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { loadBundle } from "@precept/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, BROKEN_TWICE, Fixtures, LAYER, precept, SKETCH, STACK } from "./helpers.js";

describe("precept compile", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("good/base.precept", BASE);
    fx.write("good/layer.precept", LAYER);
    fx.write("bad/errors.precept", BROKEN_TWICE);
  });
  afterAll(() => fx.remove());

  it("writes the bundle of the effective policy, to a file or to stdout", async () => {
    const [toFile, toStdout] = await Promise.all([
      precept(["compile", fx.path("good/layer.precept"), "-o", fx.path("out/layer.json")]),
      precept(["compile", fx.path("good/layer.precept")]),
    ]);
    // The output folder does not exist: a clear error, not a crash.
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toContain(`No such file or folder: ${fx.path("out")}`);

    expect(toStdout.code).toBe(0);
    const bundle = JSON.parse(toStdout.stdout);
    expect(bundle.format).toBe("precept-bundle/2");
    expect(bundle.layers.map((l: { title: string }) => l.title)).toEqual([
      "Base guidance",
      "Local layer",
    ]);
    expect(bundle.rules.map((r: { name: string }) => r.name)).toEqual(["1", "2", "3", "L1"]);
    expect(bundle.scenarios.map((s: { title: string }) => s.title)).toEqual(["Work phone"]);

    const written = await precept([
      "compile",
      fx.path("good/layer.precept"),
      "--output",
      fx.path("layer.json"),
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(
      /Wrote .*layer\.json: 4 rules, 4 facts, 1 scenario \(sha256:[0-9a-f]{64}\)/,
    );
    expect(JSON.parse(fx.read("layer.json"))).toEqual(bundle);
  });

  it("refuses a policy with errors (exit 1, the errors on stderr, nothing written)", async () => {
    const r = await precept(["compile", fx.path("bad/errors.precept"), "-o", fx.path("bad.json")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error unknown-fact There is no fact called 'relationshp'");
    expect(r.stderr).toContain(" 5 | rule 1: relationshp is client → decline");
    // In text order, as `precept check` lists them (the checker finds the duplicate first).
    expect(r.stderr.indexOf(":5:9: error unknown-fact")).toBeLessThan(
      r.stderr.indexOf(":6:6: error duplicate-declaration"),
    );
    expect(r.stderr).toContain("has 2 errors; it was not compiled.");
    expect(r.stderr).not.toContain("warning");
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(fx.path("bad.json"))).toBe(false);
  });
});

describe("precept compile --target js", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("good/base.precept", BASE);
    fx.write("good/layer.precept", LAYER);
  });
  afterAll(() => fx.remove());

  it("writes a module and its types, from a policy or from its bundle, that decide as the runtime", async () => {
    const [fromPolicy, bundle] = await Promise.all([
      precept([
        "compile",
        fx.path("good/layer.precept"),
        "--target",
        "js",
        "-o",
        fx.path("layer.js"),
      ]),
      precept(["compile", fx.path("good/layer.precept"), "-o", fx.path("layer.json")]),
    ]);
    expect(fromPolicy.code).toBe(0);
    expect(fromPolicy.stdout).toMatch(
      /Wrote .*layer\.js and .*layer\.d\.ts: 4 rules, 4 facts, 1 scenario \(sha256:[0-9a-f]{64}\)/,
    );
    expect(bundle.code).toBe(0);
    const [fromBundle, toStdout] = await Promise.all([
      precept(["compile", fx.path("layer.json"), "--target", "js", "-o", fx.path("again.mjs")]),
      precept(["compile", fx.path("layer.json"), "--target", "js"]),
    ]);
    expect(fromBundle.code).toBe(0);
    expect(fromBundle.stdout).toContain("again.d.mts");
    expect(fx.read("again.mjs")).toBe(fx.read("layer.js"));
    expect(toStdout.stdout).toBe(fx.read("layer.js"));
    expect(fx.read("layer.d.ts")).toContain(
      'readonly "relationship"?: "client" | "colleague" | "friend" | null;',
    );

    const decider = loadBundle(fx.read("layer.json"));
    if (!decider.ok) throw new Error(decider.errors.join("\n"));
    const module = await import(pathToFileURL(fx.path("layer.js")).href);
    for (const facts of [
      { relationship: "client", public: true, age: 40 },
      { relationship: "friend" },
      { relationship: "friend", age: "18" },
    ]) {
      const expected = decider.decider.decideSync(facts);
      // The module gives the runtime's decision without its explanation text.
      const { explanation: _, ...decision } = expected;
      expect(module.decide(facts)).toEqual(expected.ok ? decision : expected);
    }
  });

  it("compiles Northfield (dates, the decision date, a presumption) to a module that agrees on its scenarios", async () => {
    const policy = new URL("../../rules/examples/northfield-trust/policy.precept", import.meta.url)
      .pathname;
    const [js, json] = await Promise.all([
      precept(["compile", policy, "--target", "js", "-o", fx.path("northfield.mjs")]),
      precept(["compile", policy, "-o", fx.path("northfield.json")]),
    ]);
    expect(js.code).toBe(0);
    expect(json.code).toBe(0);
    const loaded = loadBundle(fx.read("northfield.json"));
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    const module = await import(pathToFileURL(fx.path("northfield.mjs")).href);
    for (const s of loaded.decider.bundle.scenarios) {
      const options = { asOf: s.asOf ?? "2025-01-15" };
      const { explanation: _, ...decision } = loaded.decider.decideSync(s.given, options);
      expect(module.decide(s.given, options)).toEqual(decision);
    }
  });

  it("refuses a tampered bundle (exit 1), a wrong target or file name (exit 2), writing nothing", async () => {
    const compiled = await precept(["compile", fx.path("good/base.precept")]);
    const tampered = JSON.parse(compiled.stdout);
    tampered.rules[1].event.type = "decline";
    tampered.rules[1].event.params.strength = 3;
    fx.write("tampered.json", JSON.stringify(tampered));
    const [edited, target, name, again] = await Promise.all([
      precept(["compile", fx.path("tampered.json"), "--target", "js", "-o", fx.path("t.js")]),
      precept(["compile", fx.path("good/base.precept"), "--target", "wasm"]),
      precept(["compile", fx.path("good/base.precept"), "--target", "js", "-o", fx.path("t.txt")]),
      precept(["compile", fx.path("tampered.json")]),
    ]);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("hash does not match its content");
    expect(edited.stderr).not.toMatch(STACK);
    expect(existsSync(fx.path("t.js"))).toBe(false);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain("--target must be bundle or js, not 'wasm'.");
    expect(name.code).toBe(2);
    expect(name.stderr).toContain("give -o a file name ending in .js or .mjs");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("is already a bundle");
  });
});

describe("precept test", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("rules/base.precept", BASE);
    fx.write("rules/layer.precept", LAYER);
    fx.write("failing/sketch.precept", readFileSync(SKETCH, "utf8"));
    fx.write("broken/errors.precept", BROKEN_TWICE);
  });
  afterAll(() => fx.remove());

  it("runs every scenario (default folder: rules) and reports the rules never decisive", async () => {
    const [text, json] = await Promise.all([
      precept(["test"], { cwd: fx.dir }),
      // The documented CI recipe: the reports folder does not exist yet.
      precept(["test", "rules", "--json", "--junit", "reports/precept.xml"], { cwd: fx.dir }),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("✓ rules/base.precept: 3 scenarios passed");
    expect(text.stdout).toContain("✓ rules/layer.precept: 1 scenario passed");
    expect(text.stdout).toContain(
      [
        "Rule coverage: 3 of 4 rules pinned by some scenario.",
        "Pinned by no scenario:",
        "  g §2:",
        "    rule 3 (rules/base.precept)",
      ].join("\n"),
    );
    expect(text.stdout).toContain("4 scenarios: 4 passed, 0 failed.");

    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      scenarios: 4,
      passed: 4,
      failed: 0,
      failures: [],
      rules: 4,
      rulesDecisive: 3,
      uncovered: ["3"],
      uncoveredRules: [{ file: "rules/base.precept", rule: "3", section: "g §2" }],
      policyErrors: [],
    });
    const xml = fx.read("reports/precept.xml");
    expect(xml).toContain('<testsuites name="precept" tests="4" failures="0" errors="0"');
    expect(xml).toMatch(
      /<testcase name="Work phone" classname="rules\/layer.precept" file="rules\/layer.precept" line="11"/,
    );
  });

  it("prints each failure with expected, actual and the explanation, and exits 1", async () => {
    const [text, json] = await Promise.all([
      precept(["test", fx.path("failing")]),
      precept(["test", fx.path("failing"), "--json", "--junit", fx.path("failing.xml")]),
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("✗ Friend request from a current client");
    expect(text.stdout).toContain("expected: decline by rule 3.1");
    expect(text.stdout).toContain(
      "actual:   undetermined (at least decline) needs identifiable information, explicit consent to publish",
    );
    expect(text.stdout).toMatch(/explanation:\n\s+Undetermined/);
    expect(text.stdout).toContain("1 scenario: 0 passed, 1 failed.");

    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      scenarios: 1,
      passed: 0,
      failed: 1,
      rules: 2,
      rulesDecisive: 0,
      uncovered: ["1.1", "3.1"],
    });
    expect(report.failures).toEqual([
      {
        file: fx.path("failing/sketch.precept"),
        line: 35,
        scenario: "Friend request from a current client",
        expected: "decline by rule 3.1",
        actual:
          "undetermined (at least decline) needs identifiable information, explicit consent to publish",
        differences: [
          {
            aspect: "outcome",
            expected: "decline",
            actual:
              "undetermined (at least decline; needs identifiable information, explicit consent to publish)",
          },
        ],
        explanation: expect.stringContaining("rule 1.1"),
      },
    ]);
    expect(fx.read("failing.xml")).toContain(
      '<failure message="expected decline by rule 3.1, got undetermined',
    );
  });

  it("fails (exit 1) on a policy with errors, and exit 2 on a missing folder", async () => {
    const [text, broken, missing] = await Promise.all([
      precept(["test", fx.path("broken")]),
      precept(["test", fx.path("broken"), "--json"]),
      precept(["test", fx.path("nowhere")]),
    ]);
    // The file has a scenario: it could not be run, which is not "no scenarios found".
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `✗ ${fx.path("broken/errors.precept")}: 2 errors; its scenarios were not run.`,
    );
    expect(text.stdout).toContain("1 policy file has errors, so its scenarios could not be run.");
    expect(text.stdout).not.toContain("No scenarios found");
    expect(text.stderr.indexOf(":5:9: error unknown-fact")).toBeLessThan(
      text.stderr.indexOf(":6:6: error duplicate-declaration"),
    );

    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report).toMatchObject({ scenarios: 0, failed: 0 });
    expect(report.policyErrors).toEqual([
      {
        file: fx.path("broken/errors.precept"),
        errors: [
          expect.objectContaining({
            code: "unknown-fact",
            range: { start: { line: 5, column: 9 }, end: { line: 5, column: 20 } },
          }),
          expect.objectContaining({
            code: "duplicate-declaration",
            range: { start: { line: 6, column: 6 }, end: { line: 6, column: 7 } },
          }),
        ],
      },
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No such file or folder");
    expect(missing.stderr).not.toMatch(STACK);
  });
});

describe("precept test: expectations beyond one outcome", () => {
  let fx: Fixtures;
  const scenarios = (lines: string) => `${BASE.replace(/\nscenario[\s\S]*$/, "\n")}${lines}`;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write(
      "pass/policy.precept",
      scenarios(`
scenario "A client in public: at least caution"
  given relationship is client, public
  expect at least caution not by rule 2

scenario "An adult friend: allowed, or with care"
  given relationship is friend, age is 30
  expect one of allow, caution

scenario "A client: Precept asks whether it is public"
  given relationship is client
  expect undetermined asking public

scenario "Advice only"
  given relationship is client, public
  expect advice "Keep it private."
`),
    );
    fx.write(
      "fail/policy.precept",
      scenarios(`
scenario "A colleague is at least declined"
  given relationship is colleague
  expect at least decline

scenario "A friend: asks the age and whether it is public"
  given relationship is friend
  expect undetermined asking age, public

scenario "A colleague, not by rule 2"
  given relationship is colleague
  expect caution not by rule 2

scenario "A colleague: rule 3 also applies"
  given relationship is colleague
  expect also applies rule 3
`),
    );
  });
  afterAll(() => fx.remove());

  it("passes them, and counts only the rules an expectation pins", async () => {
    const r = await precept(["test", fx.path("pass"), "--json", "--junit", fx.path("pass.xml")]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ scenarios: 4, passed: 4, failed: 0, rules: 3 });
    // Rule 1 decides two scenarios, but `at least` does not pin it; its advice, given only by
    // rule 1, does. Rule 3 decides the friend, but `one of` pins nothing.
    expect(report.uncovered).toEqual(["2", "3"]);
    const xml = fx.read("pass.xml");
    expect(xml).toContain('<property name="expected" value="at least caution not by rule 2"/>');
    expect(xml).toContain('<property name="actual" value="decline by rule 1"/>');
    expect(xml).toContain('<property name="expected" value="undetermined asking public"/>');
  });

  it("says precisely what differed", async () => {
    const [text, json] = await Promise.all([
      precept(["test", fx.path("fail")]),
      precept(["test", fx.path("fail"), "--json"]),
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("outcome: expected at least decline, got caution (rule 2)");
    expect(text.stdout).toContain(
      "needs: expected asking age, public, got needs age (public not asked)",
    );
    expect(text.stdout).toContain(
      "rules: expected not by rule 2, got caution by rule 2 (2 decided)",
    );
    expect(text.stdout).toContain(
      "applies: expected also applies 3, got 3 does not apply (also applying: none)",
    );
    expect(
      JSON.parse(json.stdout).failures.map((f: { differences: unknown }) => f.differences),
    ).toEqual([
      [{ aspect: "outcome", expected: "at least decline", actual: "caution (rule 2)" }],
      [{ aspect: "needs", expected: "asking age, public", actual: "needs age (public not asked)" }],
      [{ aspect: "rules", expected: "not by rule 2", actual: "caution by rule 2 (2 decided)" }],
      [
        {
          aspect: "applies",
          expected: "also applies 3",
          actual: "3 does not apply (also applying: none)",
        },
      ],
    ]);
  });
});
