/**
 * Reading a fact set for a decision: names → values by fact index, by the facts contract's `json`
 * rules (`fact-input.ts`, which also words every error). `null` and `undefined` mean "not given"
 * (unknown). This runs on every decision, so the common case (only declared facts) avoids allocating.
 */
import type { BundleFact, FactValue } from "./bundle.js";
import { isIsoDate } from "./dates.js";
import { type FactError, readFacts } from "./fact-input.js";
import { DEFAULT_LIMITS } from "./limits.js";
import type { Values } from "./program.js";

export type ReadFacts =
  | {
      readonly ok: true;
      readonly values: Values;
      /** Per fact: the position of a choice value in its list, 0/1 for no/yes, else -1. */
      readonly ordinals: readonly number[];
      readonly known: number;
    }
  | { readonly ok: false; readonly errors: readonly FactError[] };

const INVALID = -2;

/** 0 choice, 1 yes/no, 2 number, 3 text, 4 several-valued, 5 date. */
const TYPE_CODES = { choice: 0, "yes/no": 1, number: 2, text: 3, set: 4, date: 5 } as const;

export class FactReader {
  private readonly names: readonly string[];
  private readonly types: readonly number[];
  private readonly choices: readonly (ReadonlyMap<string, number> | undefined)[];

  constructor(
    private readonly facts: readonly BundleFact[],
    private readonly maxTextLength = DEFAULT_LIMITS.maxTextLength,
  ) {
    this.names = facts.map((f) => f.name);
    this.types = facts.map((f) => TYPE_CODES[f.type]);
    this.choices = facts.map((f) =>
      f.type === "choice" || f.type === "set" ? new Map(f.values.map((v, i) => [v, i])) : undefined,
    );
    this.unknown = this.names.map(() => undefined);
    this.noOrdinals = this.names.map(() => -1);
  }

  /**
   * Reads a fact set. Callers tend to build their fact objects the same way every time, so the
   * key order of the last good fact set is remembered: while it repeats, a `for…in` walk (which
   * V8 runs from the object's own layout) matches values to facts by position, with no lookups by
   * name and no allocation beyond the values themselves.
   */
  read(facts: unknown): ReadFacts {
    if (typeof facts !== "object" || facts === null || Array.isArray(facts)) {
      return { ok: false, errors: this.errors(facts) };
    }
    const record = facts as Record<string, unknown>;
    // for…in also walks inherited keys: only plain objects take the fast path.
    const proto = Object.getPrototypeOf(record);
    if (proto !== Object.prototype && proto !== null)
      return this.readKeys(record, Object.keys(record));
    const order = this.lastKeys;
    const index = this.lastIndex;
    const values = this.unknown.slice();
    const ordinals = this.noOrdinals.slice();
    let j = 0;
    let known = 0;
    for (const k in record) {
      if (j >= order.length || order[j] !== k) return this.readKeys(record, Object.keys(record));
      const v = record[k];
      const i = index[j++]!;
      if (v === undefined || v === null) continue;
      const o = this.ordinal(i, v);
      if (o === INVALID) return { ok: false, errors: this.errors(record) };
      values[i] = v as FactValue;
      ordinals[i] = o;
      known++;
    }
    if (j !== order.length) return this.readKeys(record, Object.keys(record));
    return { ok: true, values, ordinals, known };
  }

  /** Reads by name, and remembers the key order for next time when all keys are facts. */
  private readKeys(record: Record<string, unknown>, keys: readonly string[]): ReadFacts {
    const index: number[] = [];
    for (const k of keys) {
      const i = this.names.indexOf(k);
      if (i < 0) return { ok: false, errors: this.errors(record) };
      index.push(i);
    }
    this.lastKeys = keys;
    this.lastIndex = index;
    const values = this.unknown.slice();
    const ordinals = this.noOrdinals.slice();
    let known = 0;
    for (let j = 0; j < keys.length; j++) {
      const v = record[keys[j]!];
      if (v === undefined || v === null) continue;
      const i = index[j]!;
      const o = this.ordinal(i, v);
      if (o === INVALID) return { ok: false, errors: this.errors(record) };
      values[i] = v as FactValue;
      ordinals[i] = o;
      known++;
    }
    return { ok: true, values, ordinals, known };
  }

  /** Every fact unknown: copied to start each fact set. */
  private readonly unknown: (FactValue | undefined)[];
  private readonly noOrdinals: number[];
  private lastKeys: readonly string[] = [];
  private lastIndex: readonly number[] = [];

  /** The value's ordinal (see `ordinals`), -1 when it has none, INVALID when it does not fit. */
  private ordinal(i: number, v: unknown): number {
    switch (this.types[i]) {
      case 0:
        return typeof v === "string" ? (this.choices[i]!.get(v) ?? INVALID) : INVALID;
      case 1:
        return v === true ? 1 : v === false ? 0 : INVALID;
      case 2:
        return typeof v === "number" && Number.isFinite(v) ? -1 : INVALID;
      case 5:
        return isIsoDate(v) ? -1 : INVALID;
      case 3:
        return typeof v === "string" && v.length <= this.maxTextLength ? -1 : INVALID;
      default:
        return this.isSet(i, v) ? -1 : INVALID;
    }
  }

  /** Distinct listed values; the length bound keeps a hostile array's cost to the list's size. */
  private isSet(i: number, v: unknown): boolean {
    const listed = this.choices[i]!;
    if (!Array.isArray(v) || v.length > listed.size) return false;
    for (let j = 0; j < v.length; j++) {
      const x: unknown = v[j];
      if (typeof x !== "string" || !listed.has(x) || v.indexOf(x) !== j) return false;
    }
    return true;
  }

  /** The errors of an invalid fact set: the facts contract's own, so every surface says the same. */
  private errors(record: unknown): readonly FactError[] {
    const read = readFacts(this.facts, record, { maxTextLength: this.maxTextLength });
    return read.ok ? [] : read.errors;
  }
}
