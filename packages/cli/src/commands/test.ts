import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "@precept/language";
import { bySection, notRun, runScenarios, type ScenarioRun, type TestRun } from "@precept/project";
import type { ParsedArgs } from "../args.js";
import { stringOption } from "../args.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { collectPolicyFiles, FileHost, fileError } from "../files.js";
import { type Io, type Paint, paint } from "../io.js";
import { type JunitSuite, junitXml } from "../junit.js";
import { fileWorkspace } from "../policy.js";
import { dedupe, formatDiagnostic, plural, reportOrder, toJson } from "../report.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const inputs = args.positionals.length > 0 ? args.positionals : ["rules"];
  const files = collectPolicyFiles(io.cwd, inputs);
  const host = new FileHost(io.cwd);
  const run = await runScenarios(await fileWorkspace(io, host), files, {
    // In report order here, so that text, JSON and JUnit list them alike.
    orderErrors: (errors, file) => reportOrder(errors, file),
  });
  const scenarios = run.files.flatMap((f) => f.scenarios);
  const failed = scenarios.filter((s) => !s.passed);
  const broken = run.files.filter(notRun);

  const junit = stringOption(args.values, "junit");
  if (junit !== undefined) {
    try {
      const file = path.resolve(io.cwd, junit);
      // CI recipes name a reports folder that does not exist yet: make it.
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, junitXml(suites(run, host)));
    } catch (error) {
      throw fileError(error, junit);
    }
  }

  if (args.values.json === true) {
    io.stdout(`${JSON.stringify(jsonReport(run, scenarios, failed), null, 2)}\n`);
  } else {
    printText(io, run, host, scenarios, failed);
  }
  return failed.length > 0 || broken.length > 0 || scenarios.length === 0 ? EXIT_FINDINGS : EXIT_OK;
}

function jsonReport(
  run: TestRun,
  scenarios: readonly ScenarioRun[],
  failed: readonly ScenarioRun[],
) {
  return {
    scenarios: scenarios.length,
    passed: scenarios.length - failed.length,
    failed: failed.length,
    failures: failed.map((s) => ({
      file: s.file,
      ...(s.line !== undefined ? { line: s.line } : {}),
      scenario: s.title,
      expected: s.expected,
      actual: s.actual,
      differences: s.differences,
      explanation: s.explanation,
    })),
    rules: run.coverage.rules,
    rulesDecisive: run.coverage.decisive,
    uncovered: run.coverage.uncovered.map((r) => r.rule),
    uncoveredRules: run.coverage.uncovered,
    policyErrors: run.files.filter(notRun).map((f) => ({
      file: f.file,
      ...(f.problem ? { message: f.problem } : {}),
      errors: (f.errors ?? []).map((d) => toJson(d)),
    })),
  };
}

function printText(
  io: Io,
  run: TestRun,
  host: FileHost,
  scenarios: readonly ScenarioRun[],
  failed: readonly ScenarioRun[],
): void {
  const p = paint(io.colour);
  const pe = paint(io.colourErr);
  // A baseline with errors makes every layer on it fail: show each of its errors once.
  const printed: Diagnostic[] = [];
  for (const file of run.files) {
    if (file.errors) {
      io.stdout(
        `${p("red", "✗")} ${file.file}: ${plural(file.errors.length, "error")}; its scenarios were not run.\n`,
      );
      const fresh = dedupe([...printed, ...file.errors]).slice(printed.length);
      printed.push(...fresh);
      for (const d of fresh) io.stderr(`${formatDiagnostic(d, host.texts, pe)}\n\n`);
      continue;
    }
    if (file.problem) {
      io.stdout(`${p("red", "✗")} ${file.file}: ${file.problem}\n`);
      continue;
    }
    if (file.scenarios.length === 0) continue;
    const bad = file.scenarios.filter((s) => !s.passed);
    const mark = bad.length === 0 ? p("green", "✓") : p("red", "✗");
    io.stdout(
      `${mark} ${file.file}: ${plural(file.scenarios.length, "scenario")}${bad.length > 0 ? `, ${p("red", `${bad.length} failed`)}` : " passed"}\n`,
    );
    for (const s of bad) io.stdout(failureText(s, p));
  }
  io.stdout("\n");
  printCoverage(io, run, p);
  if (scenarios.length > 0) {
    io.stdout(
      `${plural(scenarios.length, "scenario")}: ${p("green", `${scenarios.length - failed.length} passed`)}, ${failed.length > 0 ? p("red", `${failed.length} failed`) : "0 failed"}.\n`,
    );
  }
  // A policy with errors may well have scenarios: they were not run, which is not "none found".
  const unrun = run.files.filter(notRun).length;
  if (unrun > 0) {
    const [has, its] = unrun === 1 ? ["has", "its"] : ["have", "their"];
    io.stdout(
      `${p("red", `${plural(unrun, "policy file")} ${has} errors`)}, so ${its} scenarios could not be run.\n`,
    );
  } else if (scenarios.length === 0) {
    io.stdout(
      `${p("yellow", "No scenarios found")} in ${plural(run.files.length, "policy file")}.\n`,
    );
  }
}

function failureText(s: ScenarioRun, p: Paint): string {
  const lines = [
    `\n  ${p("red", "✗")} ${p("bold", s.title)} ${p("dim", `(${s.file}${s.line !== undefined ? `:${s.line}` : ""})`)}`,
    `      expected: ${s.expected}`,
    `      actual:   ${s.actual}`,
    ...s.differences.map(
      (d) => `      ${p("yellow", `${d.aspect}:`)} expected ${d.expected}, got ${d.actual}`,
    ),
    `      explanation:`,
    ...s.explanation.split("\n").map((line) => `        ${line}`),
  ];
  return `${lines.join("\n")}\n`;
}

function printCoverage(io: Io, run: TestRun, p: Paint): void {
  const { rules, decisive, uncovered } = run.coverage;
  if (rules === 0) return;
  io.stdout(`Rule coverage: ${decisive} of ${plural(rules, "rule")} pinned by some scenario.\n`);
  if (uncovered.length === 0) return;
  io.stdout(`${p("yellow", "Pinned by no scenario:")}\n`);
  for (const [section, group] of bySection(uncovered)) {
    io.stdout(`  ${section}:\n`);
    for (const r of group) {
      io.stdout(`    rule ${r.rule}${r.title ? ` "${r.title}"` : ""} ${p("dim", `(${r.file})`)}\n`);
    }
  }
  io.stdout("\n");
}

function suites(run: TestRun, host: FileHost): JunitSuite[] {
  // A file without scenarios (a baseline whose scenarios live next to it) is not a suite.
  return run.files
    .filter((f) => f.scenarios.length > 0 || notRun(f))
    .map((f) => {
      const detail = f.errors
        ? f.errors.map((d) => formatDiagnostic(d, host.texts, paint(false))).join("\n\n")
        : (f.problem ?? "");
      return {
        name: f.file,
        cases: f.scenarios.map((s) => ({
          name: s.title,
          file: s.file,
          ...(s.line !== undefined ? { line: s.line } : {}),
          seconds: s.seconds,
          properties: [
            { name: "expected", value: s.expected },
            { name: "actual", value: s.actual },
          ],
          ...(s.passed
            ? {}
            : {
                failure: {
                  message: `expected ${s.expected}, got ${s.actual}`,
                  detail: failureText(s, paint(false)).trim(),
                },
              }),
        })),
        ...(notRun(f)
          ? {
              error: {
                message: f.problem ?? `${plural(f.errors!.length, "error")} in the policy`,
                detail,
              },
            }
          : {}),
      };
    });
}
