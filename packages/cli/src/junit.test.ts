import { describe, expect, it } from "vitest";
import { junitXml, xmlEscape } from "./junit.js";

describe("junitXml", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlEscape(`a<b & "c" 'd'>\u0001`)).toBe("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  });

  it("writes suites, passing and failing cases, and policy errors with counts", () => {
    const xml = junitXml([
      {
        name: "rules/a.precept",
        cases: [
          { name: "passes", file: "rules/a.precept", line: 10, seconds: 0.001 },
          {
            name: 'fails "badly"',
            file: "rules/a.precept",
            line: 20,
            seconds: 0.002,
            failure: { message: "expected decline, got allow", detail: "x < y" },
          },
        ],
      },
      {
        name: "rules/b.precept",
        cases: [],
        error: { message: "2 errors", detail: "rules/b.precept:1:1: …" },
      },
    ]);
    expect(xml).toContain('<testsuites name="precept" tests="2" failures="1" errors="1"');
    expect(xml).toContain(
      '<testcase name="passes" classname="rules/a.precept" file="rules/a.precept" line="10" time="0.001"/>',
    );
    expect(xml).toContain('name="fails &quot;badly&quot;"');
    expect(xml).toContain('<failure message="expected decline, got allow">x &lt; y</failure>');
    expect(xml).toContain('<testsuite name="rules/b.precept" tests="0" failures="0" errors="1"');
    expect(xml).toContain('<error message="2 errors">');
  });
});
