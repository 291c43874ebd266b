/**
 * @precept/runtime — runs compiled Precept bundles in Node and the browser: validates a bundle,
 * decides with json-rules-engine (or a fast evaluator), explains in plain English, says why a rule did
 * not apply and runs the bundle's scenarios. No dependency on the Precept parser or compiler.
 */
export * from "./bundle.js";
export { addToDate, isIsoDate, today } from "./dates.js";
export {
  checkBundle,
  type DecideOptions,
  type Decider,
  type LoadOptions,
  type LoadResult,
  loadBundle,
} from "./decider.js";
export type { Assumption, DecideResult, Decision, Need, Rejected } from "./decision.js";
export { decisionDateText, factQuestion, list, NEGATED, phraseTest } from "./explain.js";
export { type Closest, factHint, withFactHints } from "./fact-hints.js";
export {
  allowedValues,
  type Conversion,
  type FactError,
  type FactInputMode,
  type FactsReading,
  formKey,
  type ReadFactsOptions,
  readFacts,
  readFactValue,
  type ValueReading,
} from "./fact-input.js";
export { bundleHash, canonicalJson, contentHash } from "./hash.js";
export { DEFAULT_LIMITS, type Limits } from "./limits.js";
export { OPERATOR_NAMES, OPERATORS, type OperatorDefinition } from "./operators.js";
export {
  checkScenario,
  type Difference,
  describeDecision,
  describeExpectation,
  pinnedEntries,
  ruleMatches,
  type ScenarioCheck,
  type ScenarioResult,
  scenarioResult,
} from "./scenarios.js";
export type { FailedCondition, WhyNot } from "./whynot.js";
