import type { Range } from "./position.js";

export type Severity = "error" | "warning" | "info";

/**
 * The diagnostic codes the language itself reports. Codes are stable: tools match on them, and
 * docs/diagnostics.md explains each one. Other packages add theirs with `registerDiagnosticCodes`.
 */
export const DIAGNOSTIC_CODES = {
  // lexing and parsing
  "unexpected-character": "A character that is not part of the language",
  "unterminated-string": "A quoted text without its closing quote",
  "syntax-error": "The text does not follow the grammar at this point",
  "missing-header": "The file does not start with a `policy` line",
  "too-large": "The file is larger than Precept accepts",
  "too-many-problems": "Checking stopped after the most problems one file reports",
  "too-deep": "A condition is nested deeper than Precept accepts",
  "invalid-number": "A number that cannot be read, or too large to be held exactly",
  "control-character": "A control character (such as NUL or ESC) in the text",
  "invalid-encoding": "Bytes that are not valid UTF-8 (or the replacement character U+FFFD)",
  // names
  "unknown-fact": "A fact that is not declared",
  "unknown-term": "A name that is neither a declared term nor a yes/no fact",
  "unknown-outcome": "An outcome that is not declared",
  "unknown-rule": "A rule id that no rule has",
  "unknown-source": "A citation of a source that is not declared",
  "unknown-value": "A value that is not in the fact's list",
  "reserved-name": "A name that would be unsafe in compiled bundles (such as __proto__)",
  "duplicate-declaration":
    "Two declarations of the same fact, term, outcome, source, rule or scenario",
  "duplicate-clause": "A clause written twice in one rule or scenario",
  "duplicate-value": "A value listed twice in one fact, or in one scenario's list",
  // types
  "type-mismatch": "A value or comparison that does not fit the fact's type",
  "term-cycle": "Terms that are defined in terms of each other",
  // dates
  "invalid-date": "A date that does not exist or cannot be read",
  "unknown-unit": "A duration in a unit Precept does not know",
  "invalid-duration": "A duration that is not a whole number, or too large",
  "empty-period": "An `in force` period that ends before it starts",
  "scenario-without-date":
    "A scenario of a policy that depends on the decision date, without `as of`",
  // rules
  "missing-condition": "A rule without `when`",
  "missing-outcome": "A rule without `then`",
  "missing-reason":
    "An override, disable, layer exception or weaker layer default without `because`",
  "provided-block":
    "A `provided` block that is not closed, nested, or holds something other than rules",
  "amend-not-additive":
    "An `amend rule` that would change the rule (condition, outcome, exceptions, dates) or adds nothing",
  "missing-outcomes": "A policy with no `outcomes` block and no baseline",
  "no-citation": "A rule that cites nothing",
  "exception-conflict":
    "Two exceptions to one rule that can apply together with different outcomes",
  // layers
  "extends-not-found": "The baseline named by `extends` cannot be read",
  "extends-cycle": "Policies that extend each other in a circle",
  "outcomes-in-layer": "A layer that declares its own outcomes",
  "default-without-baseline":
    "`otherwise … because …` (a layer's default) in a policy with no baseline",
  "dated-default": "`otherwise … because …` in a layer with `in force` dates",
  "layer-conflict": "A layer that declares a name its baseline already has",
  "extend-own-fact": "`fact X: also …` on a fact that is not a baseline's",
  "duplicate-baseline": "A baseline, or a baseline's name, given twice in one policy line",
  "baseline-conflict":
    "Baselines of one layer that declare the same fact, term or source differently, or change one rule differently",
  "baseline-outcomes-differ": "Baselines of one layer whose outcome scales differ",
  "ambiguous-rule":
    "A rule id that more than one baseline has, written without the baseline's name",
  // scenarios
  "missing-expectation": "A scenario without `expect`",
  "scenario-fact-twice": "A scenario that gives the same fact twice",
  "contradictory-expectation": "A scenario that expects a rule both to decide and not to",
  "unknown-advice": "`expect advice` with a text that no rule of the policy gives",
  "reminder-expected-to-apply":
    "`expect also applies` naming a reminder (an advice-only rule), which never decides",
  "reminder-expected-to-decide":
    "`by rule` naming a reminder (an advice-only rule), which never decides",
  // hygiene
  "unused-fact": "A fact that no rule or term uses",
  "unused-term": "A term that no rule or term uses",
} as const;

/** A code the language itself reports (checked at compile time where the language builds one). */
export type LanguageCode = keyof typeof DIAGNOSTIC_CODES;

/** Any registered code: the language's, or one a package registered (the analysis's, say). */
export type DiagnosticCode = LanguageCode | (string & {});

const registry = new Map<string, { readonly summary: string; readonly owner: string }>(
  Object.entries(DIAGNOSTIC_CODES).map(([code, summary]) => [code, { summary, owner: "language" }]),
);

/**
 * Adds a package's own codes (kebab-case, each with a one-line summary; document each in
 * docs/diagnostics.md). Registering the same code again with the same summary is harmless; a code
 * another package owns, or a malformed one, is a programming error and throws.
 */
export function registerDiagnosticCodes(
  owner: string,
  codes: Readonly<Record<string, string>>,
): void {
  for (const [code, summary] of Object.entries(codes)) {
    if (!/^[a-z]+(-[a-z]+)*$/.test(code))
      throw new Error(`Diagnostic code "${code}" is not kebab-case.`);
    const known = registry.get(code);
    if (known && (known.owner !== owner || known.summary !== summary)) {
      throw new Error(`Diagnostic code "${code}" is already registered by ${known.owner}.`);
    }
    registry.set(code, { summary, owner });
  }
}

/** Every registered code with its summary and the package that owns it. */
export function diagnosticCodes(): ReadonlyMap<
  string,
  { readonly summary: string; readonly owner: string }
> {
  return registry;
}

export interface RelatedInformation {
  readonly message: string;
  readonly uri: string;
  readonly range: Range;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** One or two sentences a policy officer understands. */
  readonly message: string;
  readonly range: Range;
  /** The file the range is in (set by `analyze`; absent for single-text parses). */
  readonly uri?: string;
  /** Replacement text for the range that would fix the problem ("did you mean …"). */
  readonly suggestion?: string;
  /** What would have been accepted here. */
  readonly expected?: readonly string[];
  /** What was found. */
  readonly actual?: string;
  readonly related?: readonly RelatedInformation[];
}

/** Creates a diagnostic; the single constructor keeps the shape uniform. */
export function diagnostic(
  code: LanguageCode,
  severity: Severity,
  message: string,
  range: Range,
  extra: Partial<Pick<Diagnostic, "suggestion" | "expected" | "actual" | "related" | "uri">> = {},
): Diagnostic {
  return { code, severity, message, range, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * A file's problems are reported up to this many; then reading stops with one `too-many-problems`
 * diagnostic, as compilers do. Beyond a few hundred, the rest are almost always follow-ons of an
 * early mistake, and building tens of thousands of diagnostics was most of the cost of hostile text.
 */
export const MAX_PROBLEMS = 1000;
