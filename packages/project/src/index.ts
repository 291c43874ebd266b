/**
 * @precept/project — the tier above the language, the compiler and the runtime: a workspace of
 * policy files over a host (Node or the browser), the one build pipeline (analyze → compile →
 * load), scenario runs with rule coverage, and policy analysis. No Node-only imports.
 */

export { type AnalysisOptions, analyzeModel, PolicyAnalyser } from "./analysis/analyze.js";
export { policyOfBundle } from "./analysis/bundle.js";
export { type CompareOptions, comparePolicies } from "./analysis/compare.js";
export {
  DatesNotAnalysed,
  datesIn,
  inForceChanges,
  inForceOn,
  policyAsOf,
  versionDates,
} from "./analysis/dates.js";
export {
  FINDING_CODES,
  type Finding,
  type FindingCode,
  type Witness,
} from "./analysis/findings.js";
export {
  analyzePolicy,
  asDiagnostic,
  baselineOf,
  certainDiagnostics,
  diffPolicies,
  type PolicyAnalysisOptions,
  type PolicyReport,
  uncoveredScenarios,
} from "./analysis/project.js";
export { type Situation, Space } from "./analysis/space.js";
export { scenarioText, suggestedScenarios } from "./analysis/suggest.js";
export { type Build, type Built, buildAnalysis, buildModel, type NotBuilt } from "./build.js";
export {
  bySection,
  type Coverage,
  CoverageCounter,
  type CoveredRule,
  sectionOf,
} from "./coverage.js";
export { type AnalysisHost, memoryHost, type ProjectHost, versionOf } from "./host.js";
export {
  type FileRun,
  notRun,
  type RunOptions,
  runScenarios,
  type ScenarioRun,
  type TestRun,
} from "./scenarios.js";
export { Workspace } from "./workspace.js";
