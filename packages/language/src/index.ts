/**
 * @precept/language — parse, check and format Precept policies.
 * Pure TypeScript with no Node-only imports: the playground runs the same code in the browser.
 */

export { type Analysis, type AnalyzeOptions, analyze } from "./analyze.js";
export * from "./ast.js";
export {
  type BaselineTarget,
  type PackageSpecifier,
  packageSpecifier,
  resolveBaseline,
} from "./baseline.js";
export { evaluate, witness } from "./conflicts.js";
export { addToDate, readDate } from "./dates.js";
export * from "./diagnostics.js";
export { type FormatOptions, type FormatResult, format, sameMeaning } from "./format.js";
export { type AnalysisHost, type MemoryHostOptions, memoryHost, resolveUri } from "./host.js";
export { decidedByDefault } from "./layer-default.js";
export type * from "./model.js";
export { type OverrideEffect, overrideEffect, type RuleEntries } from "./override-effect.js";
export {
  MAX_NESTING_DEPTH,
  MAX_TEXT_LENGTH,
  type ParseOptions,
  type ParseResult,
  parse,
} from "./parse.js";
export * from "./position.js";
export * from "./services/index.js";
export { closest, editDistance } from "./suggest.js";
export type * from "./symbols.js";
export { RESERVED_NAMES } from "./symbols.js";
export { ALL_TOKENS, KEYWORDS, type KeywordInfo } from "./tokens.js";
