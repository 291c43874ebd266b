/**
 * "Did you mean …?": the closest candidate by edit distance, if it is close enough.
 *
 * A suggestion is a courtesy, so its cost is bounded whatever the input: names longer than
 * `MAX_SUGGESTED_LENGTH` get none, the distance is computed in a band of width `2 × limit + 1`
 * (at most `MAX_EDITS` edits), and a `SuggestionBudget` shared by one check caps the total work,
 * so a file of thousands of misspelt names against thousands of declarations stays linear.
 */

/** Names longer than this get no suggestion: nobody misspells a paragraph. */
export const MAX_SUGGESTED_LENGTH = 80;
/** At most this many edits between a name and its suggestion. */
export const MAX_EDITS = 6;

/**
 * Work units (about one per cell of the distance table) that one check may spend on suggestions;
 * about 50 ms. Past it, unknown names are still reported, without a guess.
 */
export const SUGGESTION_BUDGET = 20_000_000;

/** What is left of the work that suggestions may cost; shared by one check. */
export class SuggestionBudget {
  constructor(public remaining = SUGGESTION_BUDGET) {}
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), computed
 * only within `limit` of the diagonal: any result above `limit` is returned as `limit + 1`.
 * Cost: about `min(a, b) × (2 × limit + 1)` steps.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  const band = Math.min(limit, Math.max(n, m));
  const over = band + 1;
  // Three rows of the table, reused. Each row writes only its band, plus `over` on either side
  // of it, which is all the next rows read: no row is cleared whole.
  let prevPrev = new Array<number>(m + 2).fill(over);
  let prev = new Array<number>(m + 2).fill(over);
  let current = new Array<number>(m + 2).fill(over);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    current[from - 1] = from === 1 && i <= band ? i : over;
    current[to + 1] = over;
    let rowMin = current[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return Math.min(prev[m]!, limit + 1);
}

/**
 * The candidate closest to `word`, or undefined when none is plausibly meant. Also matches when the
 * word is a whole-word part of a candidate ("service user" → "current service user").
 */
export function closest(
  word: string,
  candidates: Iterable<string>,
  budget: SuggestionBudget = new SuggestionBudget(),
): string | undefined {
  const target = word.toLowerCase();
  // Very short names (rule ids like `9`) are one edit away from everything: no guess is useful.
  if (target.length < 3 || target.length > MAX_SUGGESTED_LENGTH) return undefined;
  const limit = Math.min(MAX_EDITS, Math.max(1, Math.floor(target.length * 0.35)));
  const padded = ` ${target} `;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (budget.remaining <= 0) return best;
    budget.remaining--;
    // Too long to be meant, or too different in length to be within the limit, or a part of it.
    const tooFar = Math.abs(candidate.length - target.length) > limit;
    const couldContain = target.length >= 4 && candidate.length <= 4 * MAX_SUGGESTED_LENGTH;
    if (tooFar && !couldContain) continue;
    const c = candidate.toLowerCase();
    if (c === target) continue;
    let score = limit + 1;
    if (!tooFar) {
      budget.remaining -= Math.min(c.length, target.length) * (2 * limit + 1);
      score = editDistance(target, c, limit);
    }
    if (score > limit && couldContain) {
      budget.remaining -= c.length;
      if (` ${c} `.includes(padded)) score = limit;
    }
    if (score <= limit && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Names to suggest from, read lazily so that an unknown name costs no copy of every declared
 * name; `size` is at least their number (it decides whether to list them all in a diagnostic).
 */
export interface Candidates extends Iterable<string> {
  readonly size: number;
}

/** The keys of some tables, the ones `keep` accepts (all by default). */
export function candidateKeys<V>(
  tables: readonly ReadonlyMap<string, V>[],
  keep: (key: string, value: V) => boolean = () => true,
): Candidates {
  return {
    size: tables.reduce((n, t) => n + t.size, 0),
    *[Symbol.iterator]() {
      for (const table of tables) for (const [key, value] of table) if (keep(key, value)) yield key;
    },
  };
}
