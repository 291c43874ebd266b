/**
 * The compiled Precept bundle: a JSON document that carries a checked policy to other tools.
 * `@precept/compiler` writes it, `@precept/runtime` reads it, and any tool with json-rules-engine can
 * run `rules` directly (see docs/bundle-format.md and docs/embedding.md). The types live here, in the
 * consumer, so the runtime never depends on the compiler; the compiler imports them.
 *
 * Every field is plain JSON. Nothing here depends on where the source text was on disk or how it
 * was laid out, so the content hash is stable under reformatting.
 */

/** The `format` of the bundles the compiler writes. */
export const BUNDLE_FORMAT = "precept-bundle/2";
/** Every format this runtime reads: /1 is /2 without the constructs /2 added. */
export const READABLE_FORMATS: readonly string[] = ["precept-bundle/1", BUNDLE_FORMAT];

/** The outcome name a result carries when unknown facts could still change the decision. */
export const UNDETERMINED = "undetermined";

/** A scalar in a test or a fact set. */
export type Scalar = string | number | boolean;
/** A fact's value: a several-valued fact's is the array of its values that hold. */
export type FactValue = Scalar | readonly string[];

export interface Bundle {
  readonly format: string;
  readonly policy: { readonly title: string; readonly version?: string };
  /** `sha256:` + hex digest of the canonical JSON of this bundle without `hash`. */
  readonly hash: string;
  /** Baseline first, this policy last. */
  readonly layers: readonly BundleLayer[];
  readonly sources: readonly BundleSource[];
  /** Declaration order. */
  readonly facts: readonly BundleFact[];
  /** Strongest first; the default outcome is last, with strength 0. */
  readonly outcomes: readonly BundleOutcome[];
  /** The outcome when no rule applies (a layer's own default, when one declares it). */
  readonly defaultOutcome: string;
  /**
   * (/2) Present when a layer declares its own default (`otherwise X because …`): that layer, and
   * its reason. `defaultOutcome` is then any outcome, not only the strength-0 one.
   */
  readonly defaultSetBy?: BundleDefaultSetBy;
  /** Terms, for explanations: conditions name the term they came from (`name: "term:<name>"`). */
  readonly terms: readonly BundleTerm[];
  /** Plain json-rules-engine rules, in policy order (each rule followed by its exceptions). */
  readonly rules: readonly BundleRule[];
  readonly loosenings: readonly BundleLoosening[];
  /**
   * Conditions no fact set may make false (format /2; absent when none): a fact set that breaks
   * one is contradictory and gets no decision. json-rules-engine does not check them.
   */
  readonly constraints?: readonly BundleConstraint[];
  /** This policy's scenarios, as conformance fixtures. */
  readonly scenarios: readonly BundleScenario[];
  /**
   * (/2) The decision-date facts the rules use: each is the decision date moved by `amount`
   * `unit`s, as an ISO date; the caller (or `@precept/runtime`) supplies them with the facts.
   */
  readonly dates?: readonly BundleDateFact[];
}

export interface BundleDefaultSetBy {
  readonly layer: string;
  readonly reason?: string;
}

export type DateUnit = "day" | "week" | "month" | "year";

/** A fact the runtime computes from the decision date: `@decision date - 2 years`. */
export interface BundleDateFact {
  readonly name: string;
  readonly amount: number;
  readonly unit: DateUnit;
}

/** The name of the decision date moved by `amount` units (`@decision date` itself for 0). */
export function dateFactName(amount: number, unit: DateUnit): string {
  if (amount === 0) return DECISION_DATE;
  const n = Math.abs(amount);
  return `${DECISION_DATE} ${amount < 0 ? "-" : "+"} ${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** The fact that holds the decision date in bundle rules. */
export const DECISION_DATE = "@decision date";

export interface BundleLayer {
  readonly title: string;
  readonly version?: string;
}

export interface BundleSource {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
}

export type BundleFact = {
  /** The fact's key: the name a fact set uses. */
  readonly name: string;
  /** The spelling of the declaration, for explanations. */
  readonly label: string;
  readonly question?: string;
  readonly description?: string;
  /**
   * `presume …` (format /2): the value decisions assume while the fact is unknown; `text` says it
   * in plain words ("you have read your employer's guidance").
   */
  readonly presumed?: { readonly value: FactValue; readonly text?: string };
} & (
  | { readonly type: "choice"; readonly values: readonly string[] }
  /** A several-valued fact: its value is an array of distinct listed values (format /2). */
  | { readonly type: "set"; readonly values: readonly string[] }
  | { readonly type: "yes/no" }
  | { readonly type: "number"; readonly unit?: string }
  | { readonly type: "text" }
  /** (/2) Values are ISO dates, `YYYY-MM-DD`. */
  | { readonly type: "date" }
);

export interface BundleOutcome {
  readonly name: string;
  readonly label: string;
  readonly meaning?: string;
  /** Higher is stronger; the default outcome has 0. */
  readonly strength: number;
}

export interface BundleTerm {
  readonly name: string;
  readonly label: string;
  /** `means "…"`: the term in plain words. */
  readonly description?: string;
}

export type Operator =
  | "equal"
  | "notEqual"
  | "lessThan"
  | "lessThanInclusive"
  | "greaterThan"
  | "greaterThanInclusive"
  | "in"
  | "notIn"
  /** On several-valued facts (format /2): the array includes / does not include the value. */
  | "contains"
  | "doesNotContain";

/**
 * `name` marks where a condition came from, for explanations; json-rules-engine keeps it and gives
 * it no meaning. `term:<term name>`: a term's condition. `exception:<exception id>`: an exception's
 * condition (under `not` in the rule it suppresses). `constant:true` / `constant:false`: a condition
 * that is always true / false (its body is a tautology / contradiction on a declared fact, because
 * json-rules-engine has no constants and treats empty `all`/`any` as true).
 */
export type ConditionName = string;

/** (/2) A test's value read from another fact: a decision-date fact (`bundle.dates`). */
export interface FactReference {
  readonly fact: string;
}

export interface TestCondition {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: Scalar | readonly Scalar[] | FactReference;
  readonly name?: ConditionName;
  /** Evaluation order hint for json-rules-engine (higher first); never changes a result. */
  readonly priority?: number;
}
export interface AllCondition {
  readonly all: readonly Condition[];
  readonly name?: ConditionName;
  readonly priority?: number;
}
export interface AnyCondition {
  readonly any: readonly Condition[];
  readonly name?: ConditionName;
  readonly priority?: number;
}
export interface NotCondition {
  readonly not: Condition;
  readonly name?: ConditionName;
  readonly priority?: number;
}
export type Condition = TestCondition | AllCondition | AnyCondition | NotCondition;
/** json-rules-engine requires a boolean operator at the root. */
export type RootCondition = AllCondition | AnyCondition | NotCondition;

/**
 * What an entry is. `rule`: a rule (a candidate for the decision). `exception`: an exception with
 * its own outcome (a candidate). `advice`: an exception without an outcome that carries advice; its
 * event has the default outcome and strength 0, so it never changes the decision.
 */
export type EntryKind = "rule" | "exception" | "advice";

export interface BundleCitation {
  readonly source: string;
  readonly section?: string;
  readonly quote?: string;
}

export interface EventParams {
  /** The rule id (for exceptions: the rule they belong to). */
  readonly rule: string;
  /** The exception id (`3.2#1`) for `exception` and `advice` entries, else null. */
  readonly exception: string | null;
  readonly kind: EntryKind;
  readonly title: string | null;
  /** The strength of `event.type`. */
  readonly strength: number;
  readonly citations: readonly BundleCitation[];
  readonly reason: string | null;
  readonly advice: readonly string[];
  /** The title of the layer that wrote this entry. */
  readonly layer: string;
  /** (/2) The dates between which the entry's rule (or exception) is in force, both included. */
  readonly inForce?: { readonly from?: string; readonly until?: string };
}

export interface BundleRule {
  /** Unique: the rule id, or the exception id for exception entries. */
  readonly name: string;
  readonly conditions: RootCondition;
  readonly event: { readonly type: string; readonly params: EventParams };
}

export interface BundleConstraint {
  readonly title: string;
  readonly conditions: RootCondition;
}

/** A way a layer loosens its baseline (docs/bundle-format.md). */
export type BundleLoosening = BundleRuleLoosening | BundleDefaultLoosening;

/**
 * An override, disable or exception of a baseline rule, or (/2, `rule`) a layer's own rule that can
 * decide an outcome weaker than its baseline's default.
 */
export interface BundleRuleLoosening {
  readonly kind: "override" | "disable" | "exception" | "rule";
  readonly rule: string;
  readonly reason: string;
  readonly layer: string;
  /** (/2) For an override: `weaker`, or `both` (some decisions weaker, others stricter). */
  readonly effect?: "weaker" | "both";
}

/** (/2) A layer's default outcome weaker than its baseline's (`otherwise X because …`). */
export interface BundleDefaultLoosening {
  readonly kind: "default";
  /** The layer's default. */
  readonly outcome: string;
  /** The baseline's default it replaces. */
  readonly replaces: string;
  readonly reason: string;
  readonly layer: string;
}

export interface BundleScenario {
  readonly title: string;
  readonly given: Readonly<Record<string, FactValue>>;
  /** (/2) The decision date of the scenario. */
  readonly asOf?: string;
  /** What the scenario expects; every part given must hold (docs/language.md, Scenarios). */
  readonly expect: {
    /**
     * An outcome name, or `undetermined`. Absent (/2) when the scenario expects `atLeast`,
     * `oneOf`, or only rules and advice.
     */
    readonly outcome?: string;
    /** (/2) A determined decision with this outcome or a stronger one. */
    readonly atLeast?: string;
    /** (/2) A determined decision with one of these outcomes. */
    readonly oneOf?: readonly string[];
    /** Exactly these rules (or exceptions, or rules through their exceptions) decide. */
    readonly byRules?: readonly string[];
    /** (/2) None of these rules (nor their exceptions) decides. */
    readonly notByRules?: readonly string[];
    /** Exactly these facts are still needed. */
    readonly needs?: readonly string[];
    /** (/2) Undetermined, and these facts are among those still needed. */
    readonly asking?: readonly string[];
    /** (/2) Each of these rules applies without deciding. */
    readonly alsoApplies?: readonly string[];
    /** Each is among the advice. */
    readonly advice: readonly string[];
  };
}

/** Names no bundle may use as a key or name: they reach prototypes in JavaScript. */
export const UNSAFE_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Event types json-rules-engine's emitter treats specially, plus the runtime's own marker. */
export const RESERVED_OUTCOMES: ReadonlySet<string> = new Set([
  "error",
  "success",
  "failure",
  UNDETERMINED,
]);
