/**
 * What analysis finds. Every finding has a stable code (registered as a diagnostic code, so
 * `precept check` can report the cheap, certain ones), a severity, the place of the rule concerned,
 * a summary in plain English and witness situations: complete fact sets that show it, runnable as
 * scenarios.
 */
import { type Range, registerDiagnosticCodes, type Severity } from "@precept/language";
import type { Situation } from "./space.js";

export const FINDING_CODES = {
  "overruled-rule":
    "A rule or exception that never decides: wherever it applies, a stronger outcome applies too",
  "unsatisfiable-rule":
    "A rule that can never apply (its condition, less its exceptions, never holds)",
  "unsatisfiable-exception": "An exception that can never apply together with its rule",
  "unsatisfiable-term": "A term whose condition can never hold",
  "rule-overlap": "Two rules with different outcomes that can apply in the same situation",
  gap: "Situations in which no rule applies and the default outcome stands",
  "impact-stronger": "Situations in which a layer or new version decides more strictly",
  "impact-weaker": "Situations in which a layer or new version decides less strictly",
} as const;

export type FindingCode = keyof typeof FINDING_CODES;

registerDiagnosticCodes("project", FINDING_CODES);

/** A witness situation with the decision there. */
export interface Witness {
  /** A complete fact set (every fact of the policy). */
  readonly facts: Situation;
  /** The same facts as a scenario's `given` line. */
  readonly given: string;
  readonly outcome: string;
  /** The deciding rules (rule or exception ids); none where the default stands. */
  readonly rules: readonly string[];
  /** The decision date it is decided as of (only for policies that depend on dates). */
  readonly asOf?: string;
  /** For comparisons: the decision of the old version (or baseline) there. */
  readonly before?: { readonly outcome: string; readonly rules: readonly string[] };
}

export interface Place {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly summary: string;
  /** Where: the rule (or term) concerned; for gaps and impact, the policy's header. */
  readonly uri: string;
  readonly range: Range;
  /** The rules (and exceptions) concerned, by id. */
  readonly rules: readonly string[];
  readonly related: readonly Place[];
  readonly witnesses: readonly Witness[];
  /** Gaps and impact: the region as a few readable conditions (alternatives). */
  readonly region?: readonly string[];
  /** True when the region has more alternatives than listed. */
  readonly regionTruncated?: boolean;
  /** Precept text that would do what the rule seems meant to do (overruled layer rules). */
  readonly suggestion?: string;
  /**
   * Weaker impact: the declared loosening it comes from — a rule's (`rule`), or a layer's default
   * (`kind: "default"`, with the new default `outcome`).
   */
  readonly loosening?: {
    readonly kind: string;
    readonly rule?: string;
    readonly outcome?: string;
    readonly reason: string;
  };
}
