/** JUnit XML for CI systems: one test suite per policy file, one test case per scenario. */

export interface JunitCase {
  readonly name: string;
  readonly file: string;
  readonly line?: number;
  readonly seconds: number;
  /**
   * Shown as the case's `<properties>`: what the scenario expects in its own words (`at least
   * caution not by rule 3.6`) and what was decided, for passing cases too.
   */
  readonly properties?: readonly { readonly name: string; readonly value: string }[];
  /** Present when the scenario failed. */
  readonly failure?: { readonly message: string; readonly detail: string };
}

export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
  /** A policy that could not be run (errors): reported as an `<error>`. */
  readonly error?: { readonly message: string; readonly detail: string };
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot carry. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const attr = (name: string, value: string | number): string =>
  ` ${name}="${xmlEscape(String(value))}"`;

export function junitXml(suites: readonly JunitSuite[]): string {
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const errors = suites.filter((s) => s.error).length;
  const time = (cases: readonly JunitCase[]) => cases.reduce((t, c) => t + c.seconds, 0).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attr("name", "precept")}${attr("tests", tests)}${attr("failures", failures)}${attr("errors", errors)}${attr("time", time(suites.flatMap((s) => s.cases)))}>`,
  ];
  for (const suite of suites) {
    const failed = suite.cases.filter((c) => c.failure).length;
    out.push(
      `  <testsuite${attr("name", suite.name)}${attr("tests", suite.cases.length)}${attr("failures", failed)}${attr("errors", suite.error ? 1 : 0)}${attr("time", time(suite.cases))}>`,
    );
    if (suite.error) {
      out.push(
        `    <testcase${attr("name", "policy check")}${attr("classname", suite.name)}${attr("file", suite.name)}>`,
        `      <error${attr("message", suite.error.message)}>${xmlEscape(suite.error.detail)}</error>`,
        "    </testcase>",
      );
    }
    for (const c of suite.cases) {
      const head = `    <testcase${attr("name", c.name)}${attr("classname", suite.name)}${attr("file", c.file)}${c.line !== undefined ? attr("line", c.line) : ""}${attr("time", c.seconds.toFixed(3))}`;
      const properties = c.properties ?? [];
      if (!c.failure && properties.length === 0) {
        out.push(`${head}/>`);
        continue;
      }
      out.push(`${head}>`);
      if (properties.length > 0) {
        out.push("      <properties>");
        for (const p of properties)
          out.push(`        <property${attr("name", p.name)}${attr("value", p.value)}/>`);
        out.push("      </properties>");
      }
      if (c.failure)
        out.push(
          `      <failure${attr("message", c.failure.message)}>${xmlEscape(c.failure.detail)}</failure>`,
        );
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>", "");
  return out.join("\n");
}
