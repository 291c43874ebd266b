/** Go to definition: from a use of a name to its declaration, in this file or a baseline. */
import type { Range } from "../position.js";
import { analysisFor, type ServiceContext } from "./context.js";
import { locate, valueRange } from "./locate.js";

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
  const found = locate(analysisFor(text, context), context.uri, offset);
  if (!found) return undefined;
  if (found.kind === "symbol") return { uri: found.symbol.uri, range: found.symbol.nameRange };
  const range = valueRange(found.fact, found.key);
  return range ? { uri: found.fact.uri, range } : undefined;
}
