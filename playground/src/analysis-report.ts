/**
 * What the Analysis panel shows, as plain data passed from the analysis worker to the page: the
 * findings of `analyzePolicy` (the project tier's, as `precept analyze` reports them) for the
 * panels' policy, limited to the file's own findings and to a length a panel can show. Pure: tested
 * in Node.
 */
import type { Finding, FindingCode, PolicyReport } from "@precept/project";

/** Sent to the worker: every file's text and the policy to analyse. */
export interface AnalysisRequest {
  readonly seq: number;
  readonly uri: string;
  readonly files: Readonly<Record<string, string>>;
  /** List every overlap (slower on large policies), as `precept analyze --overlaps`. */
  readonly overlaps: boolean;
  /** The decision date to analyse as of (the decision panel's; none: today). */
  readonly asOf?: string;
}

export interface PanelReport {
  readonly seq: number;
  readonly uri: string;
  /** Errors in the policy: it was not analysed. */
  readonly errors: number;
  /** The policy extends a baseline (so it has a layer impact). */
  readonly layered: boolean;
  /** The file's own findings, at most `LIST_LIMIT` of each group. */
  readonly findings: readonly Finding[];
  /** Findings of each group left out of `findings` (over the limit). */
  readonly omitted: Readonly<Record<string, number>>;
  /** Overlapping pairs of rules (listed only when asked for). */
  readonly overlaps: number;
  readonly overlapsListed: boolean;
  /** What the analysis could not do, in its own words. */
  readonly limits: readonly string[];
  /** For a policy with dates: the decision date it was analysed as of, and the days its rules change. */
  readonly asOf?: string;
  readonly changes?: readonly string[];
  readonly facts: number;
  readonly situations: number;
  /** How long the analysis took in the worker, in milliseconds. */
  readonly ms: number;
  /** The analysis failed (a defect): its message. */
  readonly failure?: string;
}

/** The most findings of one group sent to the page (the rest are counted). */
export const LIST_LIMIT = 50;

export interface Group {
  readonly id: string;
  readonly heading: string;
  /** Says what the group means, in a sentence. */
  readonly about: string;
  readonly codes: readonly FindingCode[];
  /** Part of the layer's impact against its baseline (shown in its own section). */
  readonly impact?: boolean;
}

/** The groups, in the order the panel shows them. */
export const GROUPS: readonly Group[] = [
  {
    id: "weaker",
    heading: "Looser than the baseline",
    about:
      "Where the layer decides less strictly than its baseline, and the loosening responsible.",
    codes: ["impact-weaker"],
    impact: true,
  },
  {
    id: "stronger",
    heading: "Stricter than the baseline",
    about: "Where the layer decides more strictly than its baseline.",
    codes: ["impact-stronger"],
    impact: true,
  },
  {
    id: "overruled",
    heading: "Overruled rules",
    about: "Rules that apply somewhere but never decide: a stronger outcome always applies too.",
    codes: ["overruled-rule"],
  },
  {
    id: "unsatisfiable",
    heading: "Rules that can never apply",
    about: "Conditions that can never hold.",
    codes: ["unsatisfiable-rule", "unsatisfiable-exception", "unsatisfiable-term"],
  },
  {
    id: "overlap",
    heading: "Overlapping rules",
    about: "Rules with different outcomes that can apply together; the stronger decides.",
    codes: ["rule-overlap"],
  },
  {
    id: "gap",
    heading: "Gaps",
    about: "Situations in which no rule applies and the default outcome stands.",
    codes: ["gap"],
  },
];

export function groupOf(code: FindingCode): Group | undefined {
  return GROUPS.find((g) => g.codes.includes(code));
}

/** The panel's report from the project tier's: the file's own findings, groups capped. */
export function panelReport(
  report: PolicyReport,
  request: Pick<AnalysisRequest, "seq" | "overlaps">,
  layered: boolean,
  ms: number,
): PanelReport {
  const counts = new Map<string, number>();
  const omitted: Record<string, number> = {};
  const findings: Finding[] = [];
  for (const f of report.findings) {
    if (f.uri !== report.uri) continue; // the baseline's own findings are its author's business
    const group = groupOf(f.code)?.id ?? f.code;
    const n = (counts.get(group) ?? 0) + 1;
    counts.set(group, n);
    if (n > LIST_LIMIT) omitted[group] = (omitted[group] ?? 0) + 1;
    else findings.push(f);
  }
  return {
    seq: request.seq,
    uri: report.uri,
    errors: report.errors.length,
    layered,
    findings,
    omitted,
    overlaps: report.overlaps,
    overlapsListed: request.overlaps,
    limits: report.limits,
    asOf: report.asOf,
    changes: report.changes,
    facts: report.facts,
    situations: report.situations,
    ms,
  };
}

/** A title for the scenario saved from a finding's witness. */
export function witnessTitle(f: Finding): string {
  const w = f.witnesses[0];
  const change = `${w?.before?.outcome ?? "?"} → ${w?.outcome ?? "?"}`;
  switch (f.code) {
    case "impact-stronger":
      return `Stricter than the baseline here: ${change}`;
    case "impact-weaker":
      return `Looser than the baseline here: ${change}${f.loosening ? ` (${f.loosening.kind} ${f.loosening.rule ?? f.loosening.outcome})` : ""}`;
    case "overruled-rule":
      return `Rule ${f.rules[0] ?? "?"} is overruled here`;
    case "rule-overlap":
      return `Rules ${f.rules.join(" and ")} apply together`;
    case "gap":
      return "No rule applies here";
    default:
      return `Analysis: ${f.code}`;
  }
}

/** The decision at a witness as a person reads it: "allow by rule 3.4". */
export function decided(d: {
  readonly outcome: string;
  readonly rules: readonly string[];
}): string {
  const rules = [...new Set(d.rules)];
  return `${d.outcome}${rules.length > 0 ? ` by rule${rules.length > 1 ? "s" : ""} ${rules.join(", ")}` : " (no rule applies)"}`;
}
