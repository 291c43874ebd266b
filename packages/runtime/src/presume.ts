/**
 * Presumptions (docs/semantics.md §6.2): a fact may declare a value that decisions assume while
 * it is unknown. The decision is reached with the presumed values filled in, and states each
 * presumption that mattered — one whose fact would otherwise still be needed — so the person can
 * say otherwise; an undetermined decision also lists those facts among its `needs`.
 */
import { pendingWithoutTrue } from "./assemble.js";
import type { FactValue } from "./bundle.js";
import type { Assumption, Decision } from "./decision.js";
import { type Explainer, list, phraseTest } from "./explain.js";
import type { ReadFacts } from "./facts.js";
import { type Program, relevantFacts, T, U, type Values } from "./program.js";

type Read = Extract<ReadFacts, { ok: true }>;

/** A fact set with the presumptions of its unknown facts filled in. */
export interface Presumed extends Read {
  /** Indexes of the facts whose presumed value was used. */
  readonly used: readonly number[];
}

export class Presumptions {
  private readonly list: readonly { index: number; value: FactValue; ordinal: number }[];

  constructor(private readonly program: Program) {
    this.list = program.facts.flatMap((f, index) => {
      if (!f.presumed) return [];
      const value = f.presumed.value;
      const ordinal =
        f.type === "choice"
          ? f.values.indexOf(value as string)
          : f.type === "yes/no"
            ? value
              ? 1
              : 0
            : -1;
      return [{ index, value, ordinal }];
    });
  }

  /** The fact set with presumptions filled in; undefined when none applies (the common case). */
  fill(read: Read): Presumed | undefined {
    if (this.list.length === 0) return undefined;
    let values: (FactValue | undefined)[] | undefined;
    let ordinals: number[] | undefined;
    const used: number[] = [];
    for (const p of this.list) {
      if (read.values[p.index] !== undefined) continue;
      values ??= read.values.slice();
      ordinals ??= read.ordinals.slice();
      values[p.index] = p.value;
      ordinals[p.index] = p.ordinal;
      used.push(p.index);
    }
    if (!values || !ordinals) return undefined;
    return { ok: true, values, ordinals, known: read.known + used.length, used };
  }

  /**
   * The decision reached on the presumed fact set, stating the presumptions that mattered: those
   * whose facts the decision without them would still need.
   */
  state(
    decision: Decision,
    given: Values,
    used: readonly number[],
    explainer: Explainer,
  ): Decision {
    const needed = neededFacts(this.program, given);
    const mattered = used.filter((i) => needed.has(i));
    if (mattered.length === 0) return decision;
    const assumed: Assumption[] = mattered.map((i) => {
      const f = this.program.facts[i]!;
      const value = f.presumed!.value;
      const text =
        f.presumed!.text ??
        (Array.isArray(value)
          ? `${f.label} is ${value.length === 0 ? "nothing" : list(value)}`
          : phraseTest(f, f.label, "equal", value as string | number | boolean));
      return { fact: f.name, value, text, question: explainer.question(i) };
    });
    const u = decision.undetermined;
    const undetermined = u && {
      ...u,
      needs: [...new Set([...u.needs.map((n) => n.fact), ...assumed.map((a) => a.fact)])]
        .map((name) => this.program.factIndex.get(name)!)
        .sort((a, b) => a - b)
        .map((i) => ({ fact: this.program.facts[i]!.name, question: explainer.question(i) })),
    };
    return {
      ...decision,
      ...(undetermined ? { undetermined } : {}),
      assumed,
      explanation: `${decision.explanation} Assuming ${list(assumed.map((a) => a.text))} — say otherwise to change this.`,
    };
  }
}

/** The facts the decision on `values` still needs (docs/semantics.md §6.1); empty if decided. */
function neededFacts(program: Program, values: Values): Set<number> {
  const tri = program.entries.map((e) => program.flat.tri(e.flat, values));
  let atLeast = 0;
  let holds = false;
  for (const e of program.entries) {
    if (e.kind !== "advice" && tri[e.index] === T) {
      holds = true;
      if (e.strength > atLeast) atLeast = e.strength;
    }
  }
  let unknown = program.entries.filter(
    (e) => e.kind !== "advice" && e.strength > 0 && tri[e.index] === U && e.strength > atLeast,
  );
  // None holds: judged against a layer's default, as `assemble` does.
  if (!holds && unknown.length > 0 && program.defaultOutcome.strength > 0) {
    const all = program.entries
      .filter((e) => e.kind !== "advice" && e.strength > 0 && tri[e.index] === U)
      .sort((a, b) => b.strength - a.strength || a.index - b.index);
    unknown = pendingWithoutTrue(all, program.defaultOutcome.strength).pending;
  }
  const out = new Set<number>();
  for (const e of unknown) relevantFacts(e.root, values, out);
  return out;
}
