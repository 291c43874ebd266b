/** Go to definition: from a use of a name to its declaration, in this file or a baseline. */
import type { Range } from "../position.js";
import { analysisFor, type ServiceContext } from "./context.js";
import { baselineAt, locate, valueRange } from "./locate.js";

export interface Location {
  readonly uri: string;
  readonly range: Range;
}

/**
 * Where the name at `offset` (0-based) in `text` is declared: a fact, term, rule, outcome, source
 * or a fact's value. On a declaration's own name it answers that declaration; on the rule id of an
 * `override`, `disable` or `exception to rule`, the rule it changes.
 */
export function definition(
  text: string,
  offset: number,
  context: ServiceContext,
): Location | undefined {
  const analysis = analysisFor(text, context);
  const found = locate(analysis, context.uri, offset);
  if (!found) {
    // On a baseline named in the policy line: that baseline's file.
    const link = baselineAt(analysis, context.uri, offset);
    const start = { line: 1, column: 1, offset: 0 };
    return link && { uri: link.uri, range: { start, end: start } };
  }
  if (found.kind === "symbol") return { uri: found.symbol.uri, range: found.symbol.nameRange };
  const range = valueRange(found.fact, found.key);
  return range ? { uri: found.fact.uri, range } : undefined;
}
