/**
 * Limits on what a bundle and a fact set may cost. Bundles and facts are hostile input (they may
 * come from a request, an upload or a share link): every limit is checked before the work it
 * bounds, and messages never echo a huge value whole.
 */
import type { Condition } from "./bundle.js";

export interface Limits {
  /** The bundle's JSON text, in characters (UTF-16 code units; bytes for ASCII). */
  readonly maxBundleSize: number;
  /** Entries in `rules` (rules, exceptions and advice entries). */
  readonly maxRules: number;
  /**
   * The work of one decision: the condition nodes of every rule plus the values in their lists. A
   * decision evaluates each condition at most once (twice for unknown facts with `decide`), so
   * this bounds its time and memory; it is checked when the bundle is loaded.
   */
  readonly maxDecisionWork: number;
  /** Characters in one text fact's value. */
  readonly maxTextLength: number;
}

/**
 * Room for the largest policies measured (a 10,000-rule generated policy is a 5.2 MB
 * bundle with 11,000 entries and 43,000 units of work), while a 50 MB bundle is refused before it
 * is parsed. See docs/embedding.md.
 */
export const DEFAULT_LIMITS: Limits = {
  maxBundleSize: 10_000_000,
  maxRules: 20_000,
  maxDecisionWork: 50_000,
  maxTextLength: 10_000,
};

export function limitsOf(limits: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Condition nodes plus list values, counted up to `stopAt` (so a hostile bundle costs no more). */
export function decisionWork(
  rules: readonly { readonly conditions: Condition }[],
  stopAt: number,
): number {
  let work = 0;
  const stack: Condition[] = [];
  for (const r of rules) {
    stack.push(r.conditions);
    while (stack.length > 0) {
      const c = stack.pop()!;
      work++;
      if ("all" in c) stack.push(...c.all);
      else if ("any" in c) stack.push(...c.any);
      else if ("not" in c) stack.push(c.not);
      else if (Array.isArray(c.value)) work += c.value.length;
      if (work > stopAt) return work;
    }
  }
  return work;
}

/** `n` with thousands separated, for messages. */
export const count = (n: number): string => n.toLocaleString("en-GB");

/** A value as a message may show it: strings cut to `max` characters, never the whole of a huge one. */
export function shown(value: unknown, max = 60): string {
  if (typeof value === "string") {
    if (value.length <= max) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, max))}… (${count(value.length)} characters)`;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return String(value);
}
