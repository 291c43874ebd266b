import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSI, BASE, BROKEN, Fixtures, LAYER, precept, SKETCH, STACK } from "./helpers.js";

describe("precept check", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("good/base.precept", BASE);
    fx.write("good/layer.precept", LAYER);
    fx.write("bad/errors.precept", BROKEN);
    fx.write("bad/notes.txt", "not a policy");
  });
  afterAll(() => fx.remove());

  it("prints errors with a code frame and exits 1; the JSON has the documented shape", async () => {
    const [text, json] = await Promise.all([
      precept(["check", fx.path("bad")]),
      precept(["check", "--json", fx.path("bad/errors.precept")]),
    ]);
    const file = fx.path("bad/errors.precept");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      [
        `${file}:5:9: error unknown-fact There is no fact called 'relationshp'; did you mean 'relationship'?`,
        " 5 | rule 1: relationshp is client → decline",
        "   |         ^^^^^^^^^^^",
      ].join("\n"),
    );
    // Problems come in text order; warnings are shown with the errors.
    expect(text.stdout.indexOf("4:6: warning unused-fact")).toBeLessThan(
      text.stdout.indexOf("5:9: error"),
    );
    expect(text.stdout).toContain("1 error, 2 warnings in 1 file.");
    expect(text.stdout).not.toContain(ANSI);

    expect(json.code).toBe(1);
    const diagnostics = JSON.parse(json.stdout);
    expect(diagnostics).toContainEqual({
      file,
      code: "unknown-fact",
      severity: "error",
      message: "There is no fact called 'relationshp'; did you mean 'relationship'?",
      range: { start: { line: 5, column: 9 }, end: { line: 5, column: 20 } },
      suggestion: "relationship",
    });
    for (const d of diagnostics) {
      expect(Object.keys(d).sort()).toEqual(
        [
          "code",
          "file",
          "message",
          "range",
          "severity",
          ...("suggestion" in d ? ["suggestion"] : []),
        ].sort(),
      );
    }
    expect(diagnostics.map((d: { severity: string }) => d.severity).sort()).toEqual([
      "error",
      "warning",
      "warning",
    ]);
  });

  it("recurses into folders, reports a baseline's problems once, and exits 0 on warnings alone", async () => {
    // The base declares an unused fact; both files (the layer includes the base) would report it.
    fx.write(
      "warn/base.precept",
      BASE.replace("fact age:", "fact unused thing: yes or no\nfact age:"),
    );
    fx.write("warn/nested/layer.precept", LAYER.replace('"base.precept"', '"../base.precept"'));
    const [warn, good] = await Promise.all([
      precept(["check", fx.path("warn")]),
      precept(["check", fx.path("good"), SKETCH]),
    ]);
    expect(warn.code).toBe(0);
    expect(warn.stdout.match(/warning unused-fact/g)).toHaveLength(1);
    expect(warn.stdout).toContain("1 warning in 2 files.");
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("warning unused-term The term 'child'");
    expect(good.stdout).toContain("1 warning in 3 files.");
  });

  it("says so, with exit 2 and no stack trace, when a file or folder is missing or holds no policies", async () => {
    fx.write("empty/readme.md", "# nothing here");
    const [missing, empty, json] = await Promise.all([
      precept(["check", fx.path("nope.precept")]),
      precept(["check", fx.path("empty")]),
      precept(["check", "--json", fx.path("nope")]),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain(`error: No such file or folder: ${fx.path("nope.precept")}`);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`No .precept files in ${fx.path("empty")}.`);
    expect(json.code).toBe(2);
    expect(json.stdout).toBe("");
    for (const r of [missing, empty, json]) expect(r.stderr).not.toMatch(STACK);
  });
});

describe("precept check on hostile bytes", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write(
      "escapes.precept",
      `${BASE}rule 1: x\u001b]0;owned\u0007 → decline\n  because "clear \u001b[2J screen"\n`,
    );
    const bad = Buffer.concat([
      Buffer.from(`${BASE}# caf`),
      Buffer.from([0xe9, 0xff]),
      Buffer.from("\n"),
    ]);
    writeFileSync(fx.path("latin1.precept"), bad);
  });
  afterAll(() => fx.remove());

  it("never writes a policy's control characters to the terminal: they are shown escaped", async () => {
    const result = await precept(["check", fx.path("escapes.precept")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("control-character");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain("\\u001b");
  });

  it("reports bytes that are not UTF-8 with their line and column", async () => {
    const result = await precept(["check", fx.path("latin1.precept")]);
    expect(result.code).toBe(1);
    const line = BASE.split("\n").length;
    expect(result.stdout).toContain(`latin1.precept:${line}:6: error invalid-encoding`);
  });
});
