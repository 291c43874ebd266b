/**
 * Running scenarios: every scenario of every policy file, against the effective policy of the file
 * that declares it (analyze → compile → runtime), with rule coverage over the rules those files
 * write. The result is plain data; `precept test` prints it as text, JSON or JUnit.
 */
import type { Diagnostic } from "@precept/language";
import {
  type BundleScenario,
  checkScenario,
  type Decider,
  type Difference,
  loadBundle,
} from "@precept/runtime";
import { compileLoaded } from "./compiled.js";
import { type Coverage, CoverageCounter, sectionOf } from "./coverage.js";
import { CliError } from "./errors.js";
import type { FileHost } from "./files.js";
import { loadLanguage } from "./language.js";
import type { LoadedPolicy } from "./policy.js";
import { reportOrder } from "./report.js";

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

export async function runScenarios(files: readonly string[], host: FileHost): Promise<TestRun> {
  const { analyze } = await loadLanguage();
  const counter = new CoverageCounter();
  const tested = new Set(files);
  const runs: FileRun[] = [];
  for (const file of files) {
    const analysis = analyze(file, host);
    if (!analysis.policy) {
      runs.push({
        file,
        scenarios: [],
        // In report order here, so that text, JSON and JUnit list them alike.
        errors: reportOrder(
          analysis.diagnostics.filter((d) => d.severity === "error"),
          file,
        ),
      });
      continue;
    }
    const policy = analysis.policy;
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
    const prepared = prepare({ uri: file, analysis, policy, host });
    if (!prepared.ok) {
      runs.push({ file, scenarios: [], problem: prepared.problem });
      continue;
    }
    const { decider, scenarios } = prepared;
    const results: ScenarioRun[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      const model =
        policy.scenarios[i]?.title === scenario.title
          ? policy.scenarios[i]
          : policy.scenarios.find((s) => s.title === scenario.title);
      const started = performance.now();
      const result = await decider.decide(scenario.given);
      const seconds = (performance.now() - started) / 1000;
      if (result.ok && !result.undetermined) {
        for (const id of result.decidingRules) {
          const origin = origins.get(id);
          if (origin !== undefined) counter.decided(origin, id);
        }
      }
      const check = checkScenario(scenario, result);
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

type Prepared =
  | { ok: true; decider: Decider; scenarios: readonly BundleScenario[] }
  | { ok: false; problem: string };

/** The decider for a checked policy, or why it cannot be run. */
function prepare(loaded: LoadedPolicy): Prepared {
  try {
    const bundle = compileLoaded(loaded);
    const load = loadBundle(bundle);
    if (!load.ok) {
      return { ok: false, problem: `The compiled bundle was rejected: ${load.errors.join(" ")}` };
    }
    return { ok: true, decider: load.decider, scenarios: bundle.scenarios };
  } catch (error) {
    if (error instanceof CliError) return { ok: false, problem: error.message };
    throw error;
  }
}
