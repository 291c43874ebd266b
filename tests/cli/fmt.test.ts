import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, Fixtures, precept, ROOT, STACK } from "./helpers.js";

// The same policy as BASE, laid out carelessly: keywords in capitals, odd spacing and indentation.
const MESSY = BASE.replace('policy "Base guidance"', 'POLICY   "Base guidance"')
  .replace(
    "rule 2: relationship is colleague → caution",
    "RULE 2 :   relationship IS colleague   →   caution",
  )
  .replace(
    '  asks "Would it be public?"',
    '      asks "Would it be public?"   # asked when unknown',
  );

describe("precept fmt", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("policies/messy.precept", MESSY);
    fx.write("broken/syntax.precept", 'policy "P"\nrule 1 when when\n');
  });
  afterAll(() => fx.remove());

  it("says when a file differs only by its Windows (CRLF) line endings", async () => {
    const formatted = readFileSync(`${ROOT}/rules/bps-e-professionalism/policy.precept`, "utf8");
    const file = fx.write("crlf/windows.precept", formatted.replace(/\n/g, "\r\n"));
    const r = await precept(["fmt", "--check", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `would reformat ${file} (only its line endings: it has Windows (CRLF) line endings, Precept files use LF)`,
    );
    expect(r.stdout).toContain("Run `precept fmt --write` to fix them");
  });

  it("prints, checks and writes the canonical layout", async () => {
    const [check, printed, both] = await Promise.all([
      precept(["fmt", "--check", fx.path("policies")]),
      precept(["fmt", fx.path("policies/messy.precept")]),
      precept(["fmt", "--check", "--write", fx.path("policies")]),
    ]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`would reformat ${fx.path("policies/messy.precept")}`);
    expect(check.stdout).toContain("1 file would be reformatted.");
    expect(fx.read("policies/messy.precept")).toBe(MESSY);

    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^policy "Base guidance"/);
    expect(printed.stdout).toContain("# asked when unknown");
    expect(printed.stdout).not.toBe(MESSY);

    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Use either --check or --write, not both.");

    const written = await precept(["fmt", "--write", fx.path("policies")]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`formatted ${fx.path("policies/messy.precept")}`);
    expect(fx.read("policies/messy.precept")).toBe(printed.stdout);

    const again = await precept(["fmt", "--check", fx.path("policies")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("✓ 1 file already formatted.");
  });

  it("leaves a file with syntax errors as it is, with its errors (exit 1)", async () => {
    const r = await precept(["fmt", "--write", fx.path("broken")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error syntax-error");
    expect(r.stderr).toContain("not formatted because of the errors above");
    expect(r.stderr).not.toMatch(STACK);
    expect(fx.read("broken/syntax.precept")).toBe('policy "P"\nrule 1 when when\n');
  });
});
