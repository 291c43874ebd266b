/**
 * @precept/language — parse, check and format Precept policies.
 * Pure TypeScript with no Node-only imports: the playground runs the same code in the browser.
 */
export * from "./ast.js";
export * from "./diagnostics.js";
export {
  MAX_NESTING_DEPTH,
  MAX_TEXT_LENGTH,
  type ParseOptions,
  type ParseResult,
  parse,
} from "./parse.js";
export * from "./position.js";
export { ALL_TOKENS, KEYWORDS, type KeywordInfo } from "./tokens.js";
