/**
 * The checked, effective policy: what `analyze` produces when a policy (with its baselines) has no
 * errors. Names are resolved, layers are merged (disabled rules removed, overrides in place,
 * exceptions attached to their rules) and values are typed. The compiler and the reference
 * semantics work from this model, never from raw syntax.
 *
 * Facts, values, terms and outcomes are identified by their key: the phrase in lower case with
 * single spaces ("explicit consent to publish"). `label` keeps the spelling of the declaration.
 */
import type { Range } from "./position.js";

/** A several-valued fact's value is the array of its values that hold (possibly empty). */
export type FactValue = string | number | boolean | readonly string[];

export type FactTypeModel =
  | { readonly kind: "choice"; readonly values: readonly string[] }
  | { readonly kind: "set"; readonly values: readonly string[] }
  | { readonly kind: "yes/no" }
  | { readonly kind: "number"; readonly unit?: string }
  | { readonly kind: "text" }
  /** Values are ISO dates, `YYYY-MM-DD`. */
  | { readonly kind: "date" };

export type DateUnit = "day" | "week" | "month" | "year";

/**
 * The decision date moved by a signed amount (`2 years ago` is -2 years; `today` is 0 days), with
 * calendar arithmetic: a month or year from the 31st or 29 February lands on the month's last day.
 */
export interface DecisionDate {
  readonly kind: "decision date";
  readonly amount: number;
  readonly unit: DateUnit;
}

/** The dates between which a rule or exception is part of the policy, both days included. */
export interface InForceModel {
  readonly from?: string;
  readonly until?: string;
}

/** Where a declaration was written. */
export interface Origin {
  /** The file. */
  readonly uri: string;
  readonly range: Range;
  /** The title of the policy (layer) that declared it. */
  readonly layer: string;
}

export interface FactModel {
  readonly name: string;
  readonly label: string;
  readonly type: FactTypeModel;
  readonly question?: string;
  readonly description?: string;
  /** `presume …`: the value decisions assume while the fact is unknown (docs/semantics.md §6.2). */
  readonly presumed?: { readonly value: FactValue; readonly text?: string };
  readonly origin: Origin;
}

/** The operators of a test are json-rules-engine's own operator names. */
export type TestOperator =
  | "equal"
  | "notEqual"
  | "lessThan"
  | "lessThanInclusive"
  | "greaterThan"
  | "greaterThanInclusive"
  | "in"
  | "notIn"
  /** Several-valued facts: the set includes / does not include the value. */
  | "contains"
  | "doesNotContain";

export type ConditionModel =
  | { readonly kind: "all"; readonly conditions: readonly ConditionModel[] }
  | { readonly kind: "any"; readonly conditions: readonly ConditionModel[] }
  | { readonly kind: "not"; readonly condition: ConditionModel }
  /** A use of a term; `condition` is the term's own (resolved) condition. */
  | { readonly kind: "term"; readonly term: string; readonly condition: ConditionModel }
  | {
      readonly kind: "test";
      readonly fact: string;
      readonly operator: TestOperator;
      /**
       * An array for `in` / `notIn`. Bare yes/no facts are `equal true`. Date facts compare with
       * ISO dates or with the decision date (`DecisionDate`); ordering compares ISO strings.
       */
      readonly value:
        | string
        | number
        | boolean
        | readonly (string | number | boolean)[]
        | DecisionDate;
    };

export interface TermModel {
  readonly name: string;
  readonly label: string;
  /** `means "…"`: the term in plain words, for explanations. */
  readonly description?: string;
  readonly condition: ConditionModel;
  readonly origin: Origin;
}

export interface OutcomeModel {
  readonly name: string;
  readonly label: string;
  readonly meaning?: string;
  /** Higher is stronger. The default outcome has strength 0; declared ones are 1..n. */
  readonly strength: number;
}

export interface SourceModel {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
}

export interface CitationModel {
  readonly source: string;
  readonly section?: string;
  readonly quote?: string;
}

/** An exception to a rule: inline `unless`, or `exception to rule X` in this policy or a layer. */
export interface ExceptionModel {
  /** `<rule id>#<n>`, numbered in order of declaration (baseline first). */
  readonly id: string;
  readonly rule: string;
  readonly title?: string;
  readonly condition: ConditionModel;
  /** The outcome that stands where the exception applies; none: the rule is simply suppressed. */
  readonly outcome?: string;
  readonly reason?: string;
  readonly advice: readonly string[];
  readonly inline: boolean;
  readonly inForce?: InForceModel;
  readonly origin: Origin;
}

export interface RuleModel {
  readonly id: string;
  /**
   * Set when the rule has several versions in force on different days (the same id declared
   * again with `in force` dates): `<id>@<from date>` (`<id>@to-<until date>` for the earliest), the name of
   * this version's entry; its exceptions are numbered under it (`4.2@2024-09-01#1`).
   */
  readonly version?: string;
  readonly title?: string;
  readonly citations: readonly CitationModel[];
  readonly condition: ConditionModel;
  /**
   * What it decides. Absent for an advice-only rule (a reminder): it gives its advice wherever it
   * applies and never changes the outcome (docs/semantics.md §3).
   */
  readonly outcome?: string;
  readonly reason?: string;
  readonly advice: readonly string[];
  readonly exceptions: readonly ExceptionModel[];
  /** Set when a layer's `override` replaced the baseline rule of the same id. */
  readonly overrides?: { readonly layer: string; readonly reason: string };
  /** `in force from … until …`: outside these dates (by the decision date) the rule is absent. */
  readonly inForce?: InForceModel;
  readonly origin: Origin;
}

/**
 * A declared way in which a layer loosens its baseline. An override is one only when it can make
 * some decision weaker (see `overrideEffect`); an amendment never is.
 */
export type LooseningModel = RuleLoosening | DefaultLoosening;

/**
 * An override, disable or exception of a baseline rule, or (`rule`) a layer's own rule that can
 * decide an outcome weaker than its baseline's default.
 */
export interface RuleLoosening {
  readonly kind: "override" | "disable" | "exception" | "rule";
  readonly rule: string;
  readonly reason: string;
  readonly origin: Origin;
  /**
   * For an override: `weaker` when it can only make decisions weaker, `both` when it may make
   * some weaker and others stricter.
   */
  readonly effect?: "weaker" | "both";
}

/** A layer's default (`otherwise X because …`) weaker than its baseline's. */
export interface DefaultLoosening {
  readonly kind: "default";
  /** No rule is loosened (declared so that `loosening.rule` reads as undefined). */
  readonly rule?: undefined;
  readonly effect?: undefined;
  /** The layer's default. */
  readonly outcome: string;
  /** The baseline's default it replaces. */
  readonly replaces: string;
  readonly reason: string;
  readonly origin: Origin;
}

/** `otherwise X because …`: the default a layer declared (the last layer that declares one). */
export interface LayerDefaultModel {
  readonly outcome: OutcomeModel;
  readonly reason?: string;
  readonly origin: Origin;
}

/** What a scenario expects (docs/language.md, Scenarios); every part given must hold. */
export interface ScenarioExpectation {
  /** The exact outcome; absent with the other forms. */
  readonly outcome?: string;
  /** `at least X`: a determined decision with X or a stronger outcome. */
  readonly atLeast?: string;
  /** `one of X, Y`: a determined decision with one of these outcomes. */
  readonly oneOf?: readonly string[];
  readonly undetermined: boolean;
  /** `by rule …`: exactly these rules (or exceptions) decide. */
  readonly byRules?: readonly string[];
  /** `not by rule …`: none of these rules (nor their exceptions) decides. */
  readonly notByRules?: readonly string[];
  /** `undetermined needs …`: exactly these facts are still needed. */
  readonly needs?: readonly string[];
  /** `undetermined asking …`: these facts are among those still needed. */
  readonly asking?: readonly string[];
  /** `expect also applies …`: each applies (its condition holds) without deciding. */
  readonly alsoApplies?: readonly string[];
  /** `expect advice …`: each is among the decision's advice. */
  readonly advice: readonly string[];
}

export interface ScenarioModel {
  readonly title: string;
  readonly given: Readonly<Record<string, FactValue>>;
  /** `as of`: the decision date (ISO); absent means the day the scenario runs. */
  readonly asOf?: string;
  readonly expect: ScenarioExpectation;
  readonly origin: Origin;
}

/** `constraint "title": …`: a condition every fact set must not make false (docs/semantics.md §1.1). */
export interface ConstraintModel {
  readonly title: string;
  /** `A → B` is resolved to `not A or B`. */
  readonly condition: ConditionModel;
  readonly origin: Origin;
}

/** One baseline a layer extends: its file, and the name the layer gives it (`as programme`). */
export interface BaselineModel {
  readonly uri: string;
  readonly alias?: string;
}

export interface LayerModel {
  readonly title: string;
  readonly version?: string;
  readonly uri: string;
  /** The uri of the baseline this layer extends (the first, when it extends several). */
  readonly extends?: string;
  /** `in force …` on the policy line: the days its changes are part of the policy (§8). */
  readonly inForce?: InForceModel;
  /** Set when the layer extends several baselines: all of them, in the order written. */
  readonly baselines?: readonly BaselineModel[];
}

export interface PolicyModel {
  readonly title: string;
  readonly version?: string;
  readonly uri: string;
  /**
   * Every file the policy reaches, each once, baselines before the layers that extend them (in
   * the order written), this policy last.
   */
  readonly layers: readonly LayerModel[];
  readonly sources: readonly SourceModel[];
  /** Strongest first. */
  readonly outcomes: readonly OutcomeModel[];
  /** The outcomes list's `otherwise`: the weakest outcome, strength 0. */
  readonly defaultOutcome: OutcomeModel;
  /**
   * A layer's own default, decided in place of `defaultOutcome` when no rule applies
   * (docs/semantics.md §4); `decidedByDefault(policy)` gives whichever applies.
   */
  readonly layerDefault?: LayerDefaultModel;
  readonly facts: readonly FactModel[];
  readonly terms: readonly TermModel[];
  /** The effective rules in source order (baseline first), each with its exceptions. */
  readonly rules: readonly RuleModel[];
  readonly loosenings: readonly LooseningModel[];
  /** Every layer's constraints, baseline first. */
  readonly constraints: readonly ConstraintModel[];
  /** The scenarios of this policy's own file (not its baselines'). */
  readonly scenarios: readonly ScenarioModel[];
}
