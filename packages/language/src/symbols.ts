/**
 * The symbol table that checking builds: every declared name and every use of one. Language
 * services (hover, go to definition, completion) read it instead of re-resolving names.
 */
import type {
  Declaration,
  FactDeclaration,
  OutcomeEntry,
  OverrideDeclaration,
  RuleDeclaration,
  SourceDeclaration,
  TermDeclaration,
} from "./ast.js";
import type { Range } from "./position.js";

export type SymbolKind = "fact" | "term" | "outcome" | "rule" | "source" | "scenario";

interface SymbolBase<K extends SymbolKind, N> {
  readonly kind: K;
  /** The matching key (rule ids: the id as written). */
  readonly key: string;
  /** The name as declared. */
  readonly label: string;
  readonly uri: string;
  /** The whole declaration. */
  readonly range: Range;
  /** The name in the declaration. */
  readonly nameRange: Range;
  /** Title of the policy (layer) that declares it. */
  readonly layer: string;
  readonly node: N;
}

export type FactSymbol = SymbolBase<"fact", FactDeclaration>;
export type TermSymbol = SymbolBase<"term", TermDeclaration>;
export type OutcomeSymbol = SymbolBase<"outcome", OutcomeEntry> & {
  /** Higher is stronger; the default outcome is 0. */
  readonly strength: number;
  readonly isDefault: boolean;
};
export type RuleSymbol = SymbolBase<"rule", RuleDeclaration | OverrideDeclaration> & {
  /**
   * Which rule this is, whatever it is called in a layer: the file and id of its first
   * declaration (an override keeps the overridden rule's). See `ruleIdentity`.
   */
  readonly declared?: string;
};

/** The identity of a rule: the same through every baseline that reaches it, and its overrides. */
export function ruleIdentity(rule: RuleSymbol): string {
  return rule.declared ?? `${rule.uri}\u0000${rule.key}`;
}
export type SourceSymbol = SymbolBase<"source", SourceDeclaration>;
export type ScenarioSymbol = SymbolBase<"scenario", Declaration>;

export type PolicySymbol =
  | FactSymbol
  | TermSymbol
  | OutcomeSymbol
  | RuleSymbol
  | SourceSymbol
  | ScenarioSymbol;

/**
 * `otherwise X because …` in a layer: the outcome when no rule applies, for this layer and the
 * layers above it (until one declares its own).
 */
export interface LayerDefault {
  readonly outcome: OutcomeSymbol;
  readonly reason?: string;
  /** Title of the layer that declares it. */
  readonly layer: string;
  readonly uri: string;
  readonly range: Range;
}

/** A use of a name in the text, resolved or not. */
export interface SymbolReference {
  readonly kind: SymbolKind | "value";
  readonly key: string;
  readonly uri: string;
  readonly range: Range;
  /** The declaration it refers to, when it resolves. */
  readonly target?: PolicySymbol;
  /** For values: the fact whose value this is. */
  readonly fact?: FactSymbol;
  /** A use in a scenario (given, needs), which does not count as using a fact in the policy. */
  readonly inScenario?: boolean;
}

/** A rule id that several baselines of a layer declare. */
export interface AmbiguousRule {
  /** The ids it goes by through the baselines that have a name (`programme.3.1`). */
  readonly qualified: readonly string[];
  /** Some baseline that declares it has no `as <name>`. */
  readonly unnamed: boolean;
}

/** Everything in scope for one file: its baselines' declarations plus its own. */
export interface Scope {
  readonly facts: Map<string, FactSymbol>;
  readonly terms: Map<string, TermSymbol>;
  /** Strongest first, without the default. */
  readonly outcomes: Map<string, OutcomeSymbol>;
  /** The outcomes list's `otherwise`: the weakest outcome (strength 0). */
  defaultOutcome?: OutcomeSymbol;
  /** A layer's own default (`otherwise X because …`), which replaces `defaultOutcome` when no rule applies. */
  layerDefault?: LayerDefault;
  readonly sources: Map<string, SourceSymbol>;
  readonly rules: Map<string, RuleSymbol>;
  /**
   * In a layer on several baselines (never copied to the layer's own scope): an id that more
   * than one baseline declares, with the qualified ids its rules go by (`programme.3.1`).
   */
  readonly ambiguousRules?: Map<string, AmbiguousRule>;
  /** In a layer on several baselines: `<baseline name>.<id>` for each baseline rule, to its id. */
  readonly qualifiedRules?: Map<string, string>;
}

export function emptyScope(): Scope {
  return {
    facts: new Map(),
    terms: new Map(),
    outcomes: new Map(),
    sources: new Map(),
    rules: new Map(),
  };
}

export function copyScope(scope: Scope): Scope {
  return {
    facts: new Map(scope.facts),
    terms: new Map(scope.terms),
    outcomes: new Map(scope.outcomes),
    ...(scope.defaultOutcome ? { defaultOutcome: scope.defaultOutcome } : {}),
    ...(scope.layerDefault ? { layerDefault: scope.layerDefault } : {}),
    sources: new Map(scope.sources),
    rules: new Map(scope.rules),
  };
}

/** Names that would be unsafe as keys in compiled bundles or JavaScript objects. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "__definegetter__",
  "__definesetter__",
  "__lookupgetter__",
  "__lookupsetter__",
]);
