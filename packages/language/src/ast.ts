/**
 * The syntax tree of one `.precept` file, exactly as written.
 *
 * Names are phrases ("explicit consent to publish"); every name keeps the text as written and a
 * `key` (lower case, single spaces) used for matching, so `Current Service User` and
 * `current  service user` refer to the same thing.
 *
 * Nodes produced by error recovery may lack optional parts; the checker never assumes a part is
 * present just because the grammar requires it.
 */
import type { Range } from "./position.js";

export interface Node {
  readonly range: Range;
}

/** A phrase naming a fact, value, term, outcome or source. */
export interface Name extends Node {
  readonly text: string;
  /** Lower case, words joined by single spaces: the identity used for matching. */
  readonly key: string;
}

/** A quoted string; `value` has escapes resolved. */
export interface Text extends Node {
  readonly value: string;
}

/** A rule id such as `1.1`, `3.2a` or `NC-1` (matched exactly, case-sensitively). */
export interface RuleId extends Node {
  readonly text: string;
}

export interface Comment extends Node {
  /** The comment text after `#`, without the line break. */
  readonly text: string;
}

// ---------------------------------------------------------------- conditions

export type Condition =
  | AndCondition
  | OrCondition
  | NotCondition
  | GroupCondition
  | ReferenceCondition
  | ComparisonCondition
  | MembershipCondition
  | IncludesCondition
  | DateComparisonCondition;

export interface AndCondition extends Node {
  readonly kind: "And";
  readonly operands: readonly Condition[];
}
export interface OrCondition extends Node {
  readonly kind: "Or";
  readonly operands: readonly Condition[];
}
export interface NotCondition extends Node {
  readonly kind: "Not";
  readonly operand: Condition;
}
/** Parentheses as written (kept so that formatting never changes what the author grouped). */
export interface GroupCondition extends Node {
  readonly kind: "Group";
  readonly inner: Condition;
}
/** A bare phrase: a term, or a yes/no fact meaning "is yes". */
export interface ReferenceCondition extends Node {
  readonly kind: "Reference";
  readonly name: Name;
}
export type ComparisonOperator = "is" | "is not" | "<" | "<=" | ">" | ">=";
export interface ComparisonCondition extends Node {
  readonly kind: "Comparison";
  readonly subject: Name;
  readonly operator: ComparisonOperator;
  readonly operatorRange: Range;
  readonly value: Value;
}
/** `fact is one of a, b` / `fact is not one of a, b`. */
export interface MembershipCondition extends Node {
  readonly kind: "Membership";
  readonly subject: Name;
  readonly negated: boolean;
  readonly values: readonly Value[];
}

/**
 * A test of a several-valued fact: `content includes work` (`one`), `includes any of a, b`,
 * `includes all of a, b`, `includes none of a, b`.
 */
export interface IncludesCondition extends Node {
  readonly kind: "Includes";
  readonly subject: Name;
  readonly quantifier: "one" | "any" | "all" | "none";
  readonly values: readonly Value[];
}

export type DateOperator = "before" | "after" | "on or before" | "on or after" | "within";
/**
 * `fact is [not] before|after|on or before|on or after <date>` and `fact is [not] within 2 years`
 * (from that long before the decision date up to the decision date).
 */
export interface DateComparisonCondition extends Node {
  readonly kind: "DateComparison";
  readonly subject: Name;
  readonly negated: boolean;
  readonly operator: DateOperator;
  readonly operatorRange: Range;
  /** For `within`, the duration (a `Relative` operand written without `ago`). */
  readonly operand: DateOperand;
}

/** A date in a comparison: a value (`2024-09-01`, `1 September 2024`, `today`) or relative. */
export type DateOperand = Value | RelativeDate;
/** `2 years ago`, `30 days from today` (and the duration of `within 2 years`). */
export interface RelativeDate extends Node {
  readonly kind: "Relative";
  readonly amount: NumberValue;
  readonly unit: Name;
  readonly direction: "ago" | "from today";
}

/** A value in a comparison or scenario: a phrase (list value, yes, no), a number, a quoted text or a date. */
export type Value = PhraseValue | NumberValue | TextValue | DateValue;
/** A calendar date as written: `2024-09-01` or `1 September 2024`. */
export interface DateValue extends Node {
  readonly kind: "Date";
  readonly raw: string;
  /** `YYYY-MM-DD`; absent when the date does not exist (`problem` says why). */
  readonly iso?: string;
  readonly problem?: string;
}
export interface PhraseValue extends Node {
  readonly kind: "Phrase";
  readonly name: Name;
}
export interface NumberValue extends Node {
  readonly kind: "Number";
  /** NaN when the written number is malformed (the checker reports it). */
  readonly value: number;
  readonly raw: string;
}
export interface TextValue extends Node {
  readonly kind: "Text";
  readonly value: string;
}

// ---------------------------------------------------------------- declarations

export type Declaration =
  | SourceDeclaration
  | OutcomesDeclaration
  | FactDeclaration
  | TermDeclaration
  | RuleDeclaration
  | OverrideDeclaration
  | DisableDeclaration
  | DefaultDeclaration
  | AmendDeclaration
  | ProvidedDeclaration
  | EndProvidedDeclaration
  | ExceptionDeclaration
  | ScenarioDeclaration
  | ConstraintDeclaration;

/**
 * `constraint "title": A → B` (A implies B) or `constraint "title": A` (A always holds): facts
 * that cannot go together. A fact set that breaks one is contradictory and gets no decision.
 */
export interface ConstraintDeclaration extends Node {
  readonly kind: "Constraint";
  readonly title?: Text;
  readonly condition?: Condition;
  /** After `→`: what the condition implies. */
  readonly consequence?: Condition;
}

export interface PolicyHeader extends Node {
  readonly kind: "Header";
  readonly title?: Text;
  readonly version?: Text;
  /** The first baseline's text (what `extends` names); `baselines` lists them all. */
  readonly extends?: Text;
  /** `in force from … until …`: the days on which the whole layer is part of the policy. */
  readonly inForce?: InForce;
  /** Every baseline after `extends`, in the order written (empty for a policy with none). */
  readonly baselines: readonly BaselineReference[];
}

/** One baseline of a layer: `"../programme/policy.precept" as programme`. */
export interface BaselineReference extends Node {
  /** A path or package name (docs/language.md, "Baselines by package name"). */
  readonly target: Text;
  /** `as <name>`: qualifies the baseline's rule ids where they clash (`programme.3.1`). */
  readonly alias?: RuleId;
}

/** `source bps: "title", publisher, 2012` */
export interface SourceDeclaration extends Node {
  readonly kind: "Source";
  readonly id?: Name;
  readonly title?: Text;
  readonly publisher?: Name | Text;
  readonly year?: NumberValue;
}

export interface OutcomeEntry extends Node {
  readonly name: Name;
  readonly meaning?: Text;
}
/** `outcomes, strongest first:` followed by the outcomes and `otherwise <default>`. */
export interface OutcomesDeclaration extends Node {
  readonly kind: "Outcomes";
  readonly outcomes: readonly OutcomeEntry[];
  readonly otherwise?: OutcomeEntry;
  /** `because "…"` after `otherwise`: only a layer's default takes one (the checker says so). */
  readonly otherwiseReason?: Text;
}

export type FactType =
  | { readonly kind: "choice"; readonly values: readonly Name[]; readonly range: Range }
  /** `any of a, b, c`: a several-valued fact, whose value is a set of the listed values. */
  | { readonly kind: "set"; readonly values: readonly Name[]; readonly range: Range }
  /** `also a, b`: in a layer, values added to a baseline's list or several-valued fact. */
  | { readonly kind: "also"; readonly values: readonly Name[]; readonly range: Range }
  | { readonly kind: "yes/no"; readonly range: Range }
  | { readonly kind: "number"; readonly unit?: Name; readonly range: Range }
  | { readonly kind: "text"; readonly range: Range }
  | { readonly kind: "date"; readonly range: Range };

export interface FactDeclaration extends Node {
  readonly kind: "Fact";
  readonly name?: Name;
  readonly type?: FactType;
  /** `asks "…"`: the question put to a person when the fact is needed. */
  readonly question?: Text;
  /** `means "…"`: what the fact means. */
  readonly description?: Text;
  /** `presume <value> ["…"]`: the value decisions assume while the fact is unknown. */
  readonly presumption?: Presumption;
  readonly clauses: readonly ClauseMark[];
}

/** `presume read "you have read your employer's guidance"`. */
export interface Presumption extends Node {
  readonly value: Value;
  /** Further values of a several-valued fact (`presume a and b`). */
  readonly also: readonly Value[];
  /** The presumption in plain words, for explanations ("assuming …"). */
  readonly text?: Text;
}

export interface TermDeclaration extends Node {
  readonly kind: "Term";
  readonly name?: Name;
  readonly condition?: Condition;
  /** `means "…"`: the term in plain words, used in explanations. */
  readonly description?: Text;
}

export interface Citation extends Node {
  readonly source?: Name;
  /** The section as written after `§` (or `section`), e.g. `3`, `2.5`, `summary`. */
  readonly section?: Name;
  readonly quote?: Text;
}

/** An inline exception: `unless <condition> [then <outcome>] [because "…"]`. */
export interface UnlessClause extends Node {
  readonly condition?: Condition;
  readonly outcome?: Name;
  readonly reason?: Text;
}

/** The clauses shared by rules and overrides. Clauses may be written in any order. */
export interface RuleBody {
  readonly title?: Text;
  /** Written as `rule 3.1: condition → outcome`. */
  readonly compact: boolean;
  readonly citations: readonly Citation[];
  readonly condition?: Condition;
  readonly outcome?: Name;
  readonly reason?: Text;
  readonly advice: readonly Text[];
  readonly exceptions: readonly UnlessClause[];
  /** `in force from … until …`: the dates between which the rule is part of the policy. */
  readonly inForce?: InForce;
  /** Ranges of the clause keywords, for "duplicate clause" diagnostics. */
  readonly clauses: readonly ClauseMark[];
}
/** `in force from <date> [until <date>]` or `in force until <date>`; both days included. */
export interface InForce extends Node {
  readonly from?: Value;
  readonly until?: Value;
}
export interface ClauseMark extends Node {
  readonly clause:
    | "when"
    | "then"
    | "because"
    | "cites"
    | "advise"
    | "unless"
    | "given"
    | "expect"
    | "asks"
    | "means"
    | "presume"
    | "in force";
}

export interface RuleDeclaration extends Node, RuleBody {
  readonly kind: "Rule";
  readonly id?: RuleId;
  /** The `provided` block the rule is written in: its condition is part of the rule's. */
  readonly provided?: ProvidedDeclaration;
}

/** `override rule X ["title"] because "…"` with a full rule body that replaces rule X. */
export interface OverrideDeclaration extends Node, RuleBody {
  readonly kind: "Override";
  readonly target?: RuleId;
  readonly provided?: ProvidedDeclaration;
}

/**
 * `provided <condition>:` opens a block of rules that share one condition: every rule (and
 * override) up to `end provided` applies only where it holds as well (an `and` with its own).
 */
export interface ProvidedDeclaration extends Node {
  readonly kind: "Provided";
  readonly condition?: Condition;
}
/** `end provided`: closes the block. */
export interface EndProvidedDeclaration extends Node {
  readonly kind: "EndProvided";
}

/** `disable rule X because "…"` */
export interface DisableDeclaration extends Node {
  readonly kind: "Disable";
  readonly target?: RuleId;
  readonly reason?: Text;
}

/**
 * `otherwise <outcome> because "…"` in a layer: what this layer decides when no rule applies, in
 * place of its baseline's default.
 */
export interface DefaultDeclaration extends Node {
  readonly kind: "Default";
  readonly outcome?: Name;
  readonly reason?: Text;
}

/**
 * `amend rule X` with `cites`, `advise` and `because` clauses: additions to baseline rule X, which
 * otherwise stays as it is (not a loosening). Other clauses are parsed so the checker can say so.
 */
export interface AmendDeclaration extends Node, RuleBody {
  readonly kind: "Amend";
  readonly target?: RuleId;
}

/** `exception to rule X ["title"] when … [then outcome] because "…" [advise "…"]` */
export interface ExceptionDeclaration extends Node {
  readonly kind: "Exception";
  readonly target?: RuleId;
  readonly title?: Text;
  readonly condition?: Condition;
  readonly outcome?: Name;
  readonly reason?: Text;
  readonly advice: readonly Text[];
  readonly inForce?: InForce;
  readonly clauses: readonly ClauseMark[];
}

/**
 * One fact value in a scenario: `fact is value`, a bare yes/no fact (yes) or `not fact` (no).
 * A several-valued fact takes `fact is a and b` (`value` then `also`) or `fact is nothing`.
 */
export interface Assignment extends Node {
  readonly fact: Name;
  readonly value: Value;
  /** The values after `and`, for several-valued facts. */
  readonly also: readonly Value[];
  readonly form: "is" | "bare" | "not";
}

/**
 * The decision a scenario expects (one `expect` line): an exact outcome, `at least X`,
 * `one of X, Y` or `undetermined`, with the rules that must (`by rule`) or must not
 * (`not by rule`) decide it.
 */
export interface Expectation extends Node {
  /** The exact outcome expected; undefined with the other forms. */
  readonly outcome?: Name;
  /** Outcomes after a comma without `one of` (`expect caution, allow`): an error. */
  readonly alsoOutcomes: readonly Name[];
  /** `at least X`: X or a stronger outcome. */
  readonly atLeast?: Name;
  /** `one of X, Y`: any of these outcomes (empty with the other forms). */
  readonly oneOf: readonly Name[];
  readonly undetermined: boolean;
  /** `by rule 3.1, 3.2`: exactly these rules decide. */
  readonly byRules: readonly RuleId[];
  /** `not by rule 3.6`: none of these rules decides. */
  readonly notByRules: readonly RuleId[];
  /** The facts after `undetermined needs` (exactly these) or `undetermined asking` (at least these). */
  readonly needs: readonly Name[];
  /** `asking` rather than `needs` after `undetermined`. */
  readonly asking: boolean;
}

/** `also applies rule 3.1, 3.2` on an `expect` line of its own. */
export interface AlsoAppliesLine extends Node {
  readonly rules: readonly RuleId[];
}

export interface ScenarioDeclaration extends Node {
  readonly kind: "Scenario";
  readonly title?: Text;
  /** `as of <date>`: the decision date the scenario is decided on (otherwise today). */
  readonly asOf?: Value;
  readonly given: readonly Assignment[];
  /** The decision expected; a scenario may instead pin only advice or rules on lines of their own. */
  readonly expect?: Expectation;
  /** `expect advice "…"`: each must be among the decision's advice. */
  readonly advice: readonly Text[];
  /** `expect also applies R`: each applies without deciding. */
  readonly alsoApplies: readonly RuleId[];
  /** The `also applies …` lines, each from `also` to its last rule id. */
  readonly alsoAppliesLines: readonly AlsoAppliesLine[];
  /** `expect not by rule R` on a line of its own: none of these decides. */
  readonly notByRules: readonly RuleId[];
  readonly clauses: readonly ClauseMark[];
}

/** One parsed `.precept` file. */
export interface PolicyDocument extends Node {
  readonly kind: "Policy";
  readonly uri: string;
  readonly header?: PolicyHeader;
  /** Every declaration in source order. */
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
}

/** Declarations of one kind, in source order. */
export function declarationsOf<K extends Declaration["kind"]>(
  document: PolicyDocument,
  kind: K,
): Extract<Declaration, { kind: K }>[] {
  return document.declarations.filter(
    (d): d is Extract<Declaration, { kind: K }> => d.kind === kind,
  );
}

/** The matching key of a phrase: lower case, single spaces. */
export function phraseKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
