/**
 * What a generated policy declares, as plain data: what `generate.ts` produced and what its text
 * says. Names are as declared; compare them by `phraseKey`.
 */
export type FactKind = "choice" | "set" | "yes/no" | "number" | "text" | "date";
export interface GeneratedFact {
  readonly name: string;
  readonly kind: FactKind;
  /** The list of a `one of` or `any of` fact. */
  readonly values: readonly string[];
  readonly unit?: string;
  readonly question?: string;
  readonly description?: string;
  /** `presume v [and w] ["text"]`. */
  readonly presumed?: {
    readonly value: GeneratedValue;
    readonly also: readonly GeneratedValue[];
    readonly text?: string;
  };
}

export type GeneratedValue =
  | { readonly kind: "phrase"; readonly text: string }
  | { readonly kind: "number"; readonly value: number; readonly raw: string }
  | { readonly kind: "text"; readonly value: string }
  /** `raw` is how the text writes it: `2024-09-01` or `1 September 2024`. */
  | { readonly kind: "date"; readonly iso: string; readonly raw: string };

/** What a date is compared with: a date, today, or a duration from today. */
export type GeneratedDateOperand =
  | GeneratedValue
  | { readonly kind: "today" }
  | {
      readonly kind: "relative";
      readonly amount: number;
      readonly unit: string;
      readonly direction: "ago" | "from today";
    };

/** A condition as the parser reads it: `group` marks the parentheses in the text. */
export type GeneratedCondition =
  | { readonly kind: "and" | "or"; readonly operands: readonly GeneratedCondition[] }
  | { readonly kind: "not"; readonly operand: GeneratedCondition }
  | { readonly kind: "group"; readonly inner: GeneratedCondition }
  /** A term, or a yes/no fact meaning "is yes". */
  | { readonly kind: "reference"; readonly name: string }
  | {
      readonly kind: "comparison";
      readonly fact: string;
      readonly operator: "is" | "is not" | "<" | "<=" | ">" | ">=";
      readonly value: GeneratedValue;
    }
  | {
      readonly kind: "membership";
      readonly fact: string;
      readonly negated: boolean;
      readonly values: readonly GeneratedValue[];
    }
  /** A test of a several-valued fact: `includes v`, `includes any|all|none of a, b`. */
  | {
      readonly kind: "includes";
      readonly fact: string;
      readonly quantifier: "one" | "any" | "all" | "none";
      readonly values: readonly GeneratedValue[];
    }
  | {
      readonly kind: "date comparison";
      readonly fact: string;
      readonly negated: boolean;
      readonly operator: "before" | "after" | "on or before" | "on or after" | "within";
      /** For `within`: a `relative` operand (written without `ago`). */
      readonly operand: GeneratedDateOperand;
    };

export interface GeneratedTerm {
  readonly name: string;
  readonly condition: GeneratedCondition;
  readonly description?: string;
}
export interface GeneratedOutcome {
  readonly name: string;
  readonly meaning: string;
}
export interface GeneratedSource {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
}
export interface GeneratedCitation {
  readonly source: string;
  readonly section?: string;
  readonly quote?: string;
}
export interface GeneratedUnless {
  readonly condition: GeneratedCondition;
  readonly outcome?: string;
}
export interface GeneratedRule {
  readonly id: string;
  readonly title?: string;
  readonly compact: boolean;
  readonly citations: readonly GeneratedCitation[];
  readonly condition: GeneratedCondition;
  /** None: a reminder (an advice-only rule; it then has advice). */
  readonly outcome?: string;
  readonly unless: readonly GeneratedUnless[];
  readonly reason?: string;
  readonly advice: readonly string[];
  /** `in force from … until …` (dates, from ≤ until). */
  readonly inForce?: { readonly from?: GeneratedValue; readonly until?: GeneratedValue };
  /** The `provided` block the rule is written in: neighbours with the same block share it. */
  readonly provided?: GeneratedProvided;
}
/** `provided <condition>: … end provided`: its rules apply only where the condition holds too. */
export interface GeneratedProvided {
  readonly condition: GeneratedCondition;
}
/** `amend rule X`: citations, advice and a reason added to baseline rule X. */
export interface GeneratedAmendment {
  readonly target: string;
  readonly citations: readonly GeneratedCitation[];
  readonly advice: readonly string[];
  readonly reason?: string;
}
export interface GeneratedAssignment {
  readonly fact: string;
  readonly value: GeneratedValue;
  /** Further values of a several-valued fact (`is a and b`); its empty set is `is nothing`. */
  readonly also?: readonly GeneratedValue[];
  readonly form: "is" | "bare" | "not";
}
/** The decision line of a scenario: `expect …`. */
export type GeneratedExpectation =
  | {
      readonly kind: "outcome";
      /** `expect X`, `expect at least X`, `expect one of X, Y` (`outcomes` has one name but for `one of`). */
      readonly form: "exactly" | "at least" | "one of";
      readonly outcomes: readonly string[];
      readonly byRules: readonly string[];
      readonly notByRules: readonly string[];
    }
  /** `needs` lists exactly the facts asked; `asking` some of them. */
  | { readonly kind: "undetermined"; readonly needs: readonly string[]; readonly asking: boolean };
export interface GeneratedScenario {
  readonly title: string;
  /** `as of <date>`. */
  readonly asOf?: GeneratedValue;
  readonly given: readonly GeneratedAssignment[];
  /** None: the scenario expects only what its own lines below say. */
  readonly expect?: GeneratedExpectation;
  /** `expect not by rule …` on a line of its own. */
  readonly notByRules: readonly string[];
  /** `expect also applies rule …`: rules with an outcome, none of them in `byRules`. */
  readonly alsoApplies: readonly string[];
  readonly advice: readonly string[];
}

export interface GeneratedPolicy {
  readonly text: string;
  readonly title: string;
  readonly version: string;
  readonly sources: readonly GeneratedSource[];
  /** Strongest first. */
  readonly outcomes: readonly GeneratedOutcome[];
  readonly otherwise: string;
  readonly facts: readonly GeneratedFact[];
  readonly terms: readonly GeneratedTerm[];
  readonly rules: readonly GeneratedRule[];
  readonly scenarios: readonly GeneratedScenario[];
}

export interface GeneratedLayer {
  readonly text: string;
  readonly title: string;
  /** The `extends` path, relative to the layer. */
  readonly extends: string;
  readonly facts: readonly GeneratedFact[];
  /** `fact X: also a, b`: values added to the baseline's list facts. */
  readonly extensions: readonly { readonly fact: string; readonly values: readonly string[] }[];
  readonly terms: readonly GeneratedTerm[];
  readonly rules: readonly GeneratedRule[];
  /** Each replaces the baseline rule with the same id. */
  readonly overrides: readonly (GeneratedRule & { readonly reason: string })[];
  readonly disables: readonly { readonly target: string; readonly reason: string }[];
  readonly amendments: readonly GeneratedAmendment[];
  readonly exceptions: readonly {
    readonly target: string;
    readonly title?: string;
    readonly condition: GeneratedCondition;
    readonly outcome?: string;
    readonly reason: string;
    readonly advice: readonly string[];
  }[];
  /** `otherwise X because "…"`: the layer's own default outcome, when it has one. */
  readonly default?: { readonly outcome: string; readonly reason: string };
}

export interface GeneratedLayeredPolicy {
  /** `base.precept` and `layer.precept`. */
  readonly files: Readonly<Record<string, string>>;
  /** The file to analyse: the layer. */
  readonly entry: string;
  readonly base: GeneratedPolicy;
  readonly layer: GeneratedLayer;
}

export interface PolicyOptions {
  readonly rules?: { readonly min?: number; readonly max?: number };
  readonly facts?: { readonly min?: number; readonly max?: number };
  readonly scenarios?: { readonly min?: number; readonly max?: number };
  /** Nesting of conditions (default 3). */
  readonly depth?: number;
  /** Vary keyword case, layout and comments (default true); false gives plain, tidy text. */
  readonly vary?: boolean;
  /**
   * Declare several-valued facts and presumptions too (default true). The benchmark turns them
   * off, so that its fixed-seed input stays the text it measured before they existed.
   */
  readonly constructs?: boolean;
  /** Date facts and rules in force between dates (default true; analysis does not take them). */
  readonly dates?: boolean;
}
