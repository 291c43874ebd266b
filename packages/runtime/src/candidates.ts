/**
 * Which entries a fact set leaves possible, for the full decision (`decideSync`). An entry whose
 * condition is an `and` of parts is false as soon as one part is a test (or `not` of a test) that
 * fails — whatever the other facts are, in Kleene's logic too. So for each fact, and each value
 * it can take, a bit set of the entries that value does not rule out: per listed value for choice
 * and yes/no facts; per region between the numbers the tests mention for number facts (within a
 * region every test on the fact gives the same answer). A fact set's candidates are the AND of the
 * sets of its known values; only they are evaluated. An entry made only of such parts, with every
 * fact known, holds exactly when it survives the AND: it needs no evaluation at all.
 */
import type { BundleFact, FactValue } from "./bundle.js";
import { compare, type Entry, type Node, type Values } from "./program.js";

/**
 * At most this many 32-bit words of bit sets (16 MB), and this many tests evaluated to build
 * them: facts past either are simply not used (their entries are evaluated instead).
 */
const BUDGET = 1 << 22;
const WORK = 1 << 23;

type Test = Node & { k: "test" };
interface Part {
  readonly entry: number;
  readonly test: Test;
  /** The part is `not` of the test. */
  readonly negated: boolean;
}

export class Candidates {
  /** All positions in use: the start of every AND. */
  readonly all: Int32Array;
  /** By fact index: a bit set per ordinal or per number region; undefined for a fact without. */
  private readonly masks: (readonly Int32Array[] | undefined)[];
  /** By number fact with masks: the numbers its tests mention, ascending (region boundaries). */
  private readonly points: (readonly number[] | undefined)[];
  /** By entry: 1 when every part is a masked test, so surviving the AND with all facts known means true. */
  readonly covered: Uint8Array;
  /** By bit position: the entry's index (-1 for the padding between groups). */
  readonly entryAt: Int32Array;
  /** By group: its first word and the word after its last. */
  readonly groupStart: Int32Array;
  readonly groupEnd: Int32Array;

  /**
   * `groups`: the entries to place, each group (one strength) starting on a word of its own, so
   * that a decision can read one group's candidates without the others'.
   */
  constructor(
    entries: readonly Entry[],
    facts: readonly BundleFact[],
    groups: readonly (readonly Entry[])[],
  ) {
    const position = new Int32Array(entries.length).fill(-1);
    this.groupStart = new Int32Array(groups.length);
    this.groupEnd = new Int32Array(groups.length);
    let words = 0;
    groups.forEach((group, g) => {
      this.groupStart[g] = words;
      group.forEach((e, k) => {
        position[e.index] = (words << 5) + k;
      });
      words += (group.length + 31) >>> 5;
      this.groupEnd[g] = words;
    });
    this.entryAt = new Int32Array(words << 5).fill(-1);
    this.all = new Int32Array(words);
    position.forEach((p, i) => {
      if (p < 0) return;
      this.entryAt[p] = i;
      this.all[p >>> 5] = this.all[p >>> 5]! | (1 << (p & 31));
    });
    this.masks = facts.map(() => undefined);
    this.points = facts.map(() => undefined);
    this.covered = new Uint8Array(entries.length);

    const partsByFact = new Map<number, Part[]>();
    const partsOf = entries.map((e) => {
      const parts = e.root.k === "all" && e.root.name === undefined ? e.root.children : [e.root];
      return parts.map((p): Part | undefined => {
        const negated = p.k === "not" && p.child.k === "test";
        const test = negated ? (p as { child: Test }).child : p.k === "test" ? p : undefined;
        if (!test || !maskable(facts[test.fact]!)) return undefined;
        const part = { entry: e.index, test, negated };
        if (position[e.index]! >= 0) {
          const list = partsByFact.get(test.fact) ?? [];
          list.push(part);
          partsByFact.set(test.fact, list);
        }
        return part;
      });
    });

    // The facts tested by the most entries first: they rule out the most.
    let budget = BUDGET;
    let work = WORK;
    for (const [fact, parts] of [...partsByFact].sort((a, b) => b[1].length - a[1].length)) {
      const f = facts[fact]!;
      let samples: readonly FactValue[];
      if (f.type === "number") {
        const points = numbersOf(parts);
        this.points[fact] = points;
        samples = regionSamples(points);
      } else samples = f.type === "choice" ? f.values : [false, true];
      if (samples.length * words > budget || samples.length * parts.length > work) {
        this.points[fact] = undefined;
        continue;
      }
      budget -= samples.length * words;
      work -= samples.length * parts.length;
      this.masks[fact] = samples.map((v) => {
        const mask = this.all.slice();
        for (const { entry, test, negated } of parts) {
          if (compare(test.operator, v, test.value) === negated) {
            const p = position[entry]!;
            mask[p >>> 5] = mask[p >>> 5]! & ~(1 << (p & 31));
          }
        }
        return mask;
      });
    }
    partsOf.forEach((parts, i) => {
      if (parts.every((p) => p !== undefined && this.masks[p.test.fact] !== undefined)) {
        this.covered[i] = 1;
      }
    });
  }

  /**
   * The bit sets to AND for the known facts (`ordinals`: see `FactReader`): an entry not ruled
   * out by any of them is possible. Each word of the result is the AND of `all` and these.
   */
  masksFor(values: Values, ordinals: readonly number[]): Int32Array[] {
    const out: Int32Array[] = [];
    for (let f = 0; f < ordinals.length; f++) {
      const masks = this.masks[f];
      if (masks === undefined) continue;
      let region = ordinals[f]!;
      if (region < 0) {
        const x = values[f];
        const points = this.points[f];
        if (x === undefined || points === undefined) continue;
        region = regionOf(points, x as number);
      }
      out.push(masks[region]!);
    }
    return out;
  }
}

/** Facts whose every value falls in a known, small set of cases. */
const maskable = (f: BundleFact): boolean =>
  f.type === "choice" || f.type === "yes/no" || f.type === "number";

/** The distinct numbers tests on a number fact mention, ascending. */
function numbersOf(parts: readonly Part[]): number[] {
  const set = new Set<number>();
  for (const { test } of parts) {
    for (const v of Array.isArray(test.value) ? test.value : [test.value]) set.add(v as number);
  }
  return [...set].sort((a, b) => a - b);
}

/**
 * Region 2i is the open interval below points[i] (above points[i − 1]); region 2i + 1 is
 * points[i] itself; region 2k is above the last point.
 */
export function regionOf(points: readonly number[], x: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < points.length && points[lo] === x ? 2 * lo + 1 : 2 * lo;
}

/** A number in each region (an empty region, between adjacent doubles, is never looked up). */
export function regionSamples(points: readonly number[]): number[] {
  const k = points.length;
  if (k === 0) return [0];
  const out: number[] = [];
  for (let i = 0; i <= k; i++) {
    const below = points[i - 1];
    const above = points[i];
    out.push(
      below === undefined
        ? above! - Math.max(1, Math.abs(above!))
        : above === undefined
          ? below + Math.max(1, Math.abs(below))
          : below / 2 + above / 2,
    );
    if (above !== undefined) out.push(above);
  }
  return out;
}
