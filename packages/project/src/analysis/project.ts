/**
 * Analysis through the workspace: a policy file's findings (with its layer impact when it extends
 * a baseline), the diff of two files, and the certain findings `check` reports as diagnostics.
 */
import type { Diagnostic, PolicyModel } from "@precept/language";
import { today } from "@precept/runtime";
import { runScenarios } from "../scenarios.js";
import type { Workspace } from "../workspace.js";
import { type AnalysisOptions, PolicyAnalyser } from "./analyze.js";
import { comparePolicies } from "./compare.js";
import { inForceChanges, versionDates } from "./dates.js";
import type { Finding } from "./findings.js";
import { DiagramTooLarge } from "./mdd.js";
import { scenarioText, suggestedScenarios } from "./suggest.js";

export interface PolicyReport {
  readonly uri: string;
  /** The policy's errors: when there are any, it is not analysed. */
  readonly errors: readonly Diagnostic[];
  readonly findings: readonly Finding[];
  /** Facts, and how many situations the policy distinguishes (classes multiplied). */
  readonly facts: number;
  readonly situations: number;
  /** Witness scenarios for the findings, in Precept. */
  readonly scenarios: readonly string[];
  /** How many pairs of rules overlap (listed as findings only with `overlaps: true`). */
  readonly overlaps: number;
  /** What could not be analysed exactly, and why (empty normally). */
  readonly limits: readonly string[];
  /** The decision date the policy was analysed as of. */
  readonly asOf: string;
  /**
   * The days on which the policy's rules change (a rule or exception comes into force, or the
   * day after one stops): the findings hold as of `asOf`; analyse as of these to see each version.
   */
  readonly changes: readonly string[];
}

export interface PolicyAnalysisOptions extends AnalysisOptions {
  /** Compare a layer with its baseline (default true). */
  readonly impact?: boolean;
}

/**
 * The baseline a layer extends, as its own effective policy; for a layer on several baselines,
 * all of them merged (docs/semantics.md §8.1).
 */
export function baselineOf(workspace: Workspace, policy: PolicyModel): PolicyModel | undefined {
  const top = policy.layers.at(-1);
  if (top?.baselines) return workspace.baselines(policy.uri)?.policy;
  return top?.extends ? workspace.analyze(top.extends).policy : undefined;
}

export function analyzePolicy(
  workspace: Workspace,
  uri: string,
  options: PolicyAnalysisOptions = {},
): PolicyReport {
  const analysis = workspace.analyze(uri);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  const policy = analysis.policy;
  const asOf = options.asOf ?? today();
  if (!policy) {
    return {
      uri,
      errors,
      findings: [],
      facts: 0,
      situations: 0,
      scenarios: [],
      overlaps: 0,
      limits: [],
      asOf,
      changes: [],
    };
  }
  const analyser = new PolicyAnalyser(policy, undefined, asOf);
  const findings = analyser.findings(options);
  const limits: string[] = analyser.limits;
  const baseline =
    options.impact === false || options.certainOnly ? undefined : baselineOf(workspace, policy);
  if (baseline) {
    try {
      findings.push(
        ...comparePolicies(baseline, policy, {
          ...(options.regionLimit !== undefined ? { regionLimit: options.regionLimit } : {}),
          loosenings: policy.loosenings.filter((l) => l.origin.uri === policy.uri),
          asOf,
        }),
      );
    } catch (error) {
      if (!(error instanceof DiagramTooLarge)) throw error;
      limits.push(`The layer's impact was not computed: ${error.message}`);
    }
  }
  const space = analyser.space;
  return {
    uri,
    errors,
    findings,
    facts: space.facts.length,
    situations: space.size,
    scenarios: suggestedScenarios(space, findings),
    overlaps:
      options.overlaps === true
        ? findings.filter((f) => f.code === "rule-overlap").length
        : analyser.overlapCount(),
    limits,
    asOf,
    changes: inForceChanges(policy),
  };
}

/**
 * One witness scenario per rule of the file that no scenario shows deciding (rule coverage of
 * the file's own scenarios): a situation in which the rule decides, with the decision there.
 */
export async function uncoveredScenarios(
  workspace: Workspace,
  uri: string,
  options: { readonly asOf?: string } = {},
): Promise<string[]> {
  const policy = workspace.analyze(uri).policy;
  if (!policy) return [];
  const run = await runScenarios(workspace, [uri]);
  const uncovered = new Set(run.coverage.uncovered.map((r) => r.rule));
  const analyser = new PolicyAnalyser(policy, undefined, options.asOf);
  const out: string[] = [];
  for (const c of analyser.candidates.list) {
    if (c.exception || !uncovered.has(c.rule.id)) continue;
    const at = c.decidingAt;
    const w = at && analyser.decisionAt(analyser.space.situation(at), at);
    if (w)
      out.push(
        scenarioText(
          analyser.space,
          `Rule ${c.rule.id} decides${c.rule.title ? `: ${c.rule.title}` : ""}`,
          w,
        ),
      );
  }
  return out;
}

/** Where two versions of a policy decide differently. Each must check without errors. */
export function diffPolicies(
  before: PolicyModel,
  after: PolicyModel,
  options: { regionLimit?: number; asOf?: string } = {},
): Finding[] {
  return comparePolicies(before, after, options);
}

/** The largest policy (in rules) whose certain findings `check` looks for. */
export const CHECKED_RULES = 500;
/** Rules × decision dates `check` analyses at most (a policy with many versions: the first days). */
export const CHECKED_WORK = 5000;

/**
 * The certain findings as diagnostics for `check`: overruled and unsatisfiable rules, exceptions
 * and terms of the file itself (its baselines' findings are theirs to report), as warnings. A
 * dated policy is analysed as of `asOf` (default today) and as of the first day of every other
 * stretch of days with the same rules in force, so every version of every rule is looked at; a
 * finding is reported when it holds on each of those days on which its rule is in force.
 */
export function certainDiagnostics(
  workspace: Workspace,
  uri: string,
  options: { readonly asOf?: string } = {},
): Diagnostic[] {
  const policy = workspace.analyze(uri).policy;
  // Checking stays fast on any input: beyond this size, `precept analyze` is the place to ask.
  if (!policy || policy.rules.length > CHECKED_RULES) return [];
  // Today first; other stretches of days while the work stays bounded (rules × days).
  const days = versionDates(policy, options.asOf ?? today()).slice(
    0,
    Math.max(1, Math.floor(CHECKED_WORK / Math.max(1, policy.rules.length))),
  );
  const runs = days.map((day) => {
    const analyser = new PolicyAnalyser(policy, undefined, day);
    const inForce = new Set(
      analyser.policy.rules.flatMap((r) => [r.version ?? r.id, ...r.exceptions.map((e) => e.id)]),
    );
    const found = analyser.findings({ certainOnly: true }).filter((f) => f.uri === uri);
    return { inForce, found, keys: new Set(found.map(findingKey)) };
  });
  const out = new Map<string, Finding>();
  for (const run of runs) {
    for (const f of run.found) {
      const key = findingKey(f);
      if (out.has(key)) continue;
      // Terms are in force every day; a rule's finding must hold whenever it is in force.
      const every = runs.every(
        (r) => r.keys.has(key) || (f.rules.length > 0 && !f.rules.every((id) => r.inForce.has(id))),
      );
      if (every) out.set(key, f);
    }
  }
  return [...out.values()].map((f) => asDiagnostic(f));
}

function findingKey(f: Finding): string {
  return `${f.code} ${f.rules.join("+")} ${f.range.start.offset}`;
}

export function asDiagnostic(f: Finding): Diagnostic {
  return {
    code: f.code,
    severity: f.severity,
    message: f.summary,
    range: f.range,
    uri: f.uri,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    ...(f.related.length > 0 ? { related: f.related } : {}),
  };
}
