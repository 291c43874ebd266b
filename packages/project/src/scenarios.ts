/**
 * Running scenarios: every scenario of every policy file, against the effective policy of the file
 * that declares it (built through the workspace's one pipeline), with rule coverage over the rules
 * those files write. The result is plain data; `precept test` prints it as text, JSON or JUnit,
 * the playground as panels. Whether one decision meets one expectation is the runtime's
 * `checkScenario` (an embedder checks a bundle's own scenarios with it).
 */
import type { Diagnostic, PolicyModel } from "@precept/language";
import { checkScenario, type Decision, type Difference, pinnedEntries } from "@precept/runtime";
import { type Coverage, CoverageCounter, sectionOf } from "./coverage.js";
import type { Workspace } from "./workspace.js";

export interface ScenarioRun {
  readonly file: string;
  readonly line?: number;
  readonly title: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
  readonly differences: readonly Difference[];
  readonly explanation: string;
  readonly seconds: number;
}

export interface FileRun {
  readonly file: string;
  readonly scenarios: readonly ScenarioRun[];
  /** Set when the policy could not be run: its errors (or why it could not be compiled). */
  readonly errors?: readonly Diagnostic[];
  readonly problem?: string;
}

/** Whether a policy's scenarios could not be run (its errors, or a bundle that failed to load). */
export function notRun(f: FileRun): boolean {
  return f.errors !== undefined || f.problem !== undefined;
}

export interface TestRun {
  readonly files: readonly FileRun[];
  readonly coverage: Coverage;
}

export interface RunOptions {
  /** Puts a file's errors in the order they are to be reported (default: as found). */
  readonly orderErrors?: (errors: readonly Diagnostic[], file: string) => readonly Diagnostic[];
}

export async function runScenarios(
  workspace: Workspace,
  files: readonly string[],
  options: RunOptions = {},
): Promise<TestRun> {
  const counter = new CoverageCounter();
  const tested = new Set(files);
  const runs: FileRun[] = [];
  for (const file of files) {
    const build = workspace.build(file);
    const policy = build.policy;
    if (!policy) {
      const order = options.orderErrors ?? ((e) => e);
      runs.push({ file, scenarios: [], errors: order(build.errors, file) });
      continue;
    }
    const origins = new Map<string, string>();
    for (const rule of policy.rules) {
      origins.set(rule.id, rule.origin.uri);
      if (!tested.has(rule.origin.uri)) continue;
      counter.add({
        file: rule.origin.uri,
        rule: rule.id,
        ...(rule.title !== undefined ? { title: rule.title } : {}),
        section: sectionOf(rule.citations[0]),
      });
    }
    const { bundle, decider } = build;
    if (!bundle || !decider) {
      runs.push({ file, scenarios: [], problem: build.problem ?? "The policy was not built." });
      continue;
    }
    const results: ScenarioRun[] = [];
    for (const [i, scenario] of bundle.scenarios.entries()) {
      const model =
        policy.scenarios[i]?.title === scenario.title
          ? policy.scenarios[i]
          : policy.scenarios.find((s) => s.title === scenario.title);
      const started = performance.now();
      const result = await decider.decide(scenario.given, { asOf: scenario.asOf });
      const seconds = (performance.now() - started) / 1000;
      const check = checkScenario(scenario, result, bundle.outcomes);
      if (check.passed && result.ok) {
        for (const id of pinnedRules(policy, scenario.expect, result)) {
          const origin = origins.get(id);
          if (origin !== undefined) counter.decided(origin, id);
        }
      }
      results.push({
        file: model?.origin.uri ?? file,
        ...(model ? { line: model.origin.range.start.line } : {}),
        title: scenario.title,
        passed: check.passed,
        expected: check.expected,
        actual: check.actual,
        differences: check.differences,
        explanation: result.explanation,
        seconds,
      });
    }
    runs.push({ file, scenarios: results });
  }
  return { files: runs, coverage: counter.result() };
}

/**
 * The rule ids a passing scenario pins (coverage.ts): its own entries that the expectation pins
 * (an exception's id is not its rule's; a version's is), and the rules whose advice it expects.
 */
function pinnedRules(
  policy: PolicyModel,
  expect: Parameters<typeof pinnedEntries>[0],
  d: Decision,
): Set<string> {
  const out = new Set<string>();
  for (const id of pinnedEntries(expect, d)) if (!id.includes("#")) out.add(id.split("@")[0]!);
  if (expect.advice.length === 0) return out;
  const applying = new Set(
    [...d.decidingRules, ...d.alsoApplies.map((a) => a.rule)].map((id) => id.split("@")[0]!),
  );
  for (const advice of expect.advice) {
    const giving = policy.rules.filter((r) => r.advice.includes(advice)).map((r) => r.id);
    const applied = giving.filter((id) => applying.has(id));
    // A rule that only advises never decides nor "also applies": its advice alone shows it applied.
    for (const id of applied.length > 0 ? applied : new Set(giving).size === 1 ? giving : [])
      out.add(id);
  }
  return out;
}
