/**
 * Reduced ordered multi-valued decision diagrams over the situation space: one level per fact (in
 * declaration order), one branch per value class of the fact, terminals carrying a number (0/1 for
 * conditions, a strength for outcomes). Nodes are hash-consed, so equal functions are the same
 * node: `a === FALSE` decides satisfiability exactly, without enumerating situations. A level
 * whose branches all lead to one node is skipped (the fact does not matter there).
 */

export type NodeId = number;

/** A diagram grew beyond the nodes allowed for one computation (see `Diagram.within`). */
export class DiagramTooLarge extends Error {
  constructor(readonly nodes: number) {
    super(`The decision diagram grew beyond ${nodes.toLocaleString("en-GB")} nodes.`);
  }
}

export class Diagram {
  /** Per node: its level (fact index); terminals have `levels.length`… the number of facts. */
  private readonly level: number[] = [];
  private readonly kids: (readonly NodeId[] | undefined)[] = [];
  private readonly value: number[] = [];
  private readonly unique = new Map<string, NodeId>();
  private readonly terminals = new Map<number, NodeId>();
  /** While `within` runs: the node count at which to stop. */
  private stopAt = Number.POSITIVE_INFINITY;
  readonly FALSE: NodeId;
  readonly TRUE: NodeId;

  /** `sizes[i]`: how many value classes fact `i` has. */
  constructor(readonly sizes: readonly number[]) {
    this.FALSE = this.terminal(0);
    this.TRUE = this.terminal(1);
  }

  /**
   * Runs `compute` allowing it to create at most `nodes` new nodes; beyond that it throws
   * `DiagramTooLarge` (the nodes made so far stay valid and shared).
   */
  within<T>(nodes: number, compute: () => T): T {
    const before = this.stopAt;
    this.stopAt = Math.min(before, this.level.length + nodes);
    try {
      return compute();
    } finally {
      this.stopAt = before;
    }
  }

  get facts(): number {
    return this.sizes.length;
  }

  terminal(value: number): NodeId {
    let id = this.terminals.get(value);
    if (id === undefined) {
      id = this.level.length;
      this.level.push(this.sizes.length);
      this.kids.push(undefined);
      this.value.push(value);
      this.terminals.set(value, id);
    }
    return id;
  }

  isTerminal(n: NodeId): boolean {
    return this.kids[n] === undefined;
  }

  valueOf(n: NodeId): number {
    return this.value[n]!;
  }

  levelOf(n: NodeId): number {
    return this.level[n]!;
  }

  childrenOf(n: NodeId): readonly NodeId[] {
    return this.kids[n]!;
  }

  /** The node testing fact `level` with the given branch per class (reduced and shared). */
  node(level: number, children: readonly NodeId[]): NodeId {
    const first = children[0]!;
    if (children.every((c) => c === first)) return first;
    const key = `${level}:${children.join(",")}`;
    let id = this.unique.get(key);
    if (id === undefined) {
      id = this.level.length;
      if (id >= this.stopAt) throw new DiagramTooLarge(this.stopAt);
      this.level.push(level);
      this.kids.push(children);
      this.value.push(Number.NaN);
      this.unique.set(key, id);
    }
    return id;
  }

  /** The branch of `n` for class `c` of fact `level` (n itself when it does not test that fact). */
  private branch(n: NodeId, level: number, c: number): NodeId {
    return this.level[n] === level ? this.kids[n]![c]! : n;
  }

  /** Combines two diagrams terminal by terminal. */
  apply(op: (x: number, y: number) => number, a: NodeId, b: NodeId): NodeId {
    const memo = new Map<number, NodeId>();
    const width = this.level.length + 1;
    const go = (x: NodeId, y: NodeId): NodeId => {
      if (this.isTerminal(x) && this.isTerminal(y)) {
        return this.terminal(op(this.value[x]!, this.value[y]!));
      }
      const key = x * width + y;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const level = Math.min(this.level[x]!, this.level[y]!);
      const children: NodeId[] = [];
      for (let c = 0; c < this.sizes[level]!; c++) {
        children.push(go(this.branch(x, level, c), this.branch(y, level, c)));
      }
      const out = this.node(level, children);
      memo.set(key, out);
      return out;
    };
    return go(a, b);
  }

  /** Maps every terminal. */
  map(f: (x: number) => number, a: NodeId): NodeId {
    const memo = new Map<NodeId, NodeId>();
    const go = (x: NodeId): NodeId => {
      if (this.isTerminal(x)) return this.terminal(f(this.value[x]!));
      const hit = memo.get(x);
      if (hit !== undefined) return hit;
      const out = this.node(this.level[x]!, this.kids[x]!.map(go));
      memo.set(x, out);
      return out;
    };
    return go(a);
  }

  and(a: NodeId, b: NodeId): NodeId {
    if (a === this.FALSE || b === this.FALSE) return this.FALSE;
    if (a === this.TRUE) return b;
    if (b === this.TRUE || a === b) return a;
    return this.apply((x, y) => (x && y ? 1 : 0), a, b);
  }

  or(a: NodeId, b: NodeId): NodeId {
    if (a === this.TRUE || b === this.TRUE) return this.TRUE;
    if (a === this.FALSE) return b;
    if (b === this.FALSE || a === b) return a;
    return this.apply((x, y) => (x || y ? 1 : 0), a, b);
  }

  not(a: NodeId): NodeId {
    return this.map((x) => (x ? 0 : 1), a);
  }

  /** The node that holds exactly for the given classes of fact `level`. */
  literal(level: number, holds: (c: number) => boolean): NodeId {
    const children: NodeId[] = [];
    for (let c = 0; c < this.sizes[level]!; c++) children.push(holds(c) ? this.TRUE : this.FALSE);
    return this.node(level, children);
  }

  /** Where `a` has terminal value `v` (as a 0/1 diagram). */
  equals(a: NodeId, v: number): NodeId {
    return this.map((x) => (x === v ? 1 : 0), a);
  }

  /** Restricts fact `level` to class `c`. */
  restrict(a: NodeId, level: number, c: number): NodeId {
    const memo = new Map<NodeId, NodeId>();
    const go = (x: NodeId): NodeId => {
      if (this.isTerminal(x) || this.level[x]! > level) return x;
      if (this.level[x] === level) return this.kids[x]![c]!;
      const hit = memo.get(x);
      if (hit !== undefined) return hit;
      const out = this.node(this.level[x]!, this.kids[x]!.map(go));
      memo.set(x, out);
      return out;
    };
    return go(a);
  }

  /** One assignment of classes (one per fact) leading to a terminal other than 0, if any. */
  pick(a: NodeId, fill: (level: number) => number = () => 0): number[] | undefined {
    if (a === this.FALSE) return undefined;
    const classes = this.sizes.map((_, i) => fill(i));
    let x = a;
    while (!this.isTerminal(x)) {
      const kids = this.kids[x]!;
      const c = kids.findIndex((k) => k !== this.FALSE);
      classes[this.level[x]!] = c;
      x = kids[c]!;
    }
    return this.value[x] ? classes : undefined;
  }

  /**
   * The diagram's non-zero region as disjoint cubes: per fact tested on the path, the classes
   * that lead on (branches to the same child merged). At most `limit` cubes; `more` says whether
   * there were others.
   */
  cubes(a: NodeId, limit: number): { cubes: Map<number, number[]>[]; more: boolean } {
    const out: Map<number, number[]>[] = [];
    let more = false;
    const path = new Map<number, number[]>();
    const go = (x: NodeId): void => {
      if (out.length >= limit) {
        more = true;
        return;
      }
      if (this.isTerminal(x)) {
        if (this.value[x]) out.push(new Map(path));
        return;
      }
      const level = this.level[x]!;
      const groups = new Map<NodeId, number[]>();
      this.kids[x]!.forEach((k, c) => {
        if (k === this.FALSE) return;
        const g = groups.get(k) ?? [];
        g.push(c);
        groups.set(k, g);
      });
      for (const [child, classes] of groups) {
        path.set(level, classes);
        go(child);
        path.delete(level);
        if (more) return;
      }
    };
    go(a);
    return { cubes: out, more };
  }

  /** The terminal value of `a` in the situation given by one class per fact. */
  at(a: NodeId, classes: readonly number[]): number {
    let x = a;
    while (!this.isTerminal(x)) x = this.kids[x]![classes[this.level[x]!]!]!;
    return this.value[x]!;
  }

  /**
   * Per fact, a bit mask of the classes some satisfying situation of `a` has (bit k: class k; a
   * fact with more than 30 classes is all ones). Two diagrams whose masks are disjoint for some
   * fact cannot hold together: a cheap test before `and`.
   */
  projection(a: NodeId): number[] {
    const full = this.sizes.map((n) => (n > 30 ? -1 : (1 << n) - 1));
    const masks = this.sizes.map(() => 0);
    if (a === this.FALSE) return masks;
    const live = new Map<NodeId, boolean>();
    const alive = (x: NodeId): boolean => {
      if (this.isTerminal(x)) return this.value[x] !== 0;
      const hit = live.get(x);
      if (hit !== undefined) return hit;
      const out = this.kids[x]!.some(alive);
      live.set(x, out);
      return out;
    };
    const fill = (from: number, to: number) => {
      for (let l = from; l < to; l++) masks[l] = full[l]!;
    };
    fill(0, this.level[a]!);
    const seen = new Set<NodeId>();
    const visit = (x: NodeId): void => {
      if (this.isTerminal(x) || seen.has(x)) return;
      seen.add(x);
      const level = this.level[x]!;
      this.kids[x]!.forEach((k, c) => {
        if (!alive(k)) return;
        masks[level] = this.sizes[level]! > 30 ? -1 : masks[level]! | (1 << c);
        fill(level + 1, this.level[k]!);
        visit(k);
      });
    };
    visit(a);
    return masks;
  }

  /** The distinct terminal values `a` can reach. */
  values(a: NodeId): Set<number> {
    const seen = new Set<NodeId>();
    const out = new Set<number>();
    const go = (x: NodeId): void => {
      if (seen.has(x)) return;
      seen.add(x);
      if (this.isTerminal(x)) out.add(this.value[x]!);
      else for (const k of this.kids[x]!) go(k);
    };
    go(a);
    return out;
  }
}
