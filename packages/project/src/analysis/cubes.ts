/**
 * Region splitting over cubes, for questions about many rules at once. A cube is a set of
 * situations given as, per fact, a bit mask of its classes (bit k: class k). Whether the cubes of
 * stronger rules cover all of a rule's cubes is decided exactly by splitting the region on the
 * facts where a covering cube is narrower, until it is covered or left uncovered — without
 * building one diagram of every rule (which for hundreds of unrelated rules can grow exponentially).
 */
import type { Diagram, NodeId } from "./mdd.js";

export type Cube = readonly number[];

/**
 * How much work (cubes looked at while splitting) one question may take, and all questions about
 * one policy together, before the rest is given up as too complex: bounds, not hangs.
 */
export const QUESTION_WORK = 5_000_000;
export const POLICY_WORK = 200_000_000;

/** Work left to do: shared by the questions about one policy. */
export interface Allowance {
  left: number;
}

export class SplitBudgetExceeded extends Error {
  constructor() {
    super("too many unrelated rules to settle it exactly in reasonable time");
  }
}

/** Runs a question with its share of `policy`'s allowance, charging what it used. */
export function charged<T>(policy: Allowance, question: (a: Allowance) => T): T {
  const allowance = { left: Math.min(QUESTION_WORK, policy.left) };
  const before = allowance.left;
  try {
    return question(allowance);
  } finally {
    policy.left -= before - allowance.left;
  }
}

/** Classes per fact that bit masks can hold. */
export const MAX_MASK_CLASSES = 30;

/** The full cube of a space, or undefined when some fact has too many classes for masks. */
export function universe(d: Diagram): Cube | undefined {
  if (d.sizes.some((n) => n > MAX_MASK_CLASSES)) return undefined;
  return d.sizes.map((n) => (1 << n) - 1);
}

/** A diagram's satisfying region as disjoint cubes, or undefined beyond `limit` cubes. */
export function cubesOf(d: Diagram, a: NodeId, limit = 256): Cube[] | undefined {
  const all = universe(d);
  if (!all) return undefined;
  const { cubes, more } = d.cubes(a, limit);
  if (more) return undefined;
  return cubes.map((c) => {
    const out = [...all];
    for (const [level, classes] of c) out[level] = classes.reduce((m, k) => m | (1 << k), 0);
    return out;
  });
}

export function meets(a: Cube, b: Cube): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i]! & b[i]!) === 0) return false;
  return true;
}

function covers(outer: Cube, inner: Cube): boolean {
  for (let i = 0; i < inner.length; i++) if ((inner[i]! & ~outer[i]!) !== 0) return false;
  return true;
}

/**
 * A part of `region` that no cube of `cover` touches, or undefined when they cover it all. Splits
 * the region in two on the fact that most of the touching cubes narrow — inside and outside one
 * such cube's classes — dropping the cubes each part leaves; parts found covered are remembered.
 */
export function uncovered(
  region: Cube,
  cover: readonly Cube[],
  allowance: Allowance = { left: QUESTION_WORK },
): Cube | undefined {
  const covered = new Set<string>();
  const go = (part: Cube, from: readonly Cube[]): Cube | undefined => {
    allowance.left -= from.length + 1;
    if (allowance.left < 0) throw new SplitBudgetExceeded();
    const touching = from.filter((c) => meets(c, part));
    if (touching.length === 0) return part;
    if (touching.some((c) => covers(c, part))) return undefined;
    const key = part.join(",");
    if (covered.has(key)) return undefined;
    let fact = -1;
    let most = 0;
    let narrowing: Cube | undefined;
    for (let i = 0; i < part.length; i++) {
      let n = 0;
      let first: Cube | undefined;
      for (const c of touching) {
        if ((part[i]! & ~c[i]!) !== 0) {
          n++;
          first ??= c;
        }
      }
      if (n > most) [fact, most, narrowing] = [i, n, first];
    }
    const inside = [...part];
    inside[fact] = part[fact]! & narrowing![fact]!;
    const outside = [...part];
    outside[fact] = part[fact]! & ~narrowing![fact]!;
    const left = go(outside, touching) ?? go(inside, touching);
    if (!left) covered.add(key);
    return left;
  };
  return go(region, cover);
}

/** One class per fact inside `cube`, preferring each fact's usual class. */
export function pointOf(cube: Cube, usual: (fact: number) => number): number[] {
  return cube.map((mask, i) => {
    const u = usual(i);
    if (mask & (1 << u)) return u;
    return 31 - Math.clz32(mask & -mask);
  });
}
