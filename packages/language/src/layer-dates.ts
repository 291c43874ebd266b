/**
 * A dated layer (`policy … in force from … until …`): its rules, overrides, disables, exceptions
 * and amendments are part of the policy only on the layer's days, and outside them the baseline
 * stands as it was (docs/semantics.md §8). The model has no dated layers: each change is written
 * out as dated versions of the rules it touches, which every implementation already decides.
 */
import { addToDate } from "./dates.js";
import type { ExceptionModel, InForceModel, RuleModel } from "./model.js";

/** A version of a rule with its exceptions, as the model is built. */
export interface Entry {
  rule: RuleModel;
  exceptions: ExceptionModel[];
}

/** How a layer's dates apply to what it declares and changes; with no dates, nothing changes. */
export interface Dating {
  /** A rule or override the layer declares, limited to its days; undefined when none are left. */
  entry(made: Entry): Entry | undefined;
  /** The versions of a baseline rule on the days outside the layer's (all of them for no dates). */
  outside(versions: readonly Entry[]): Entry[];
  /** An exception's own dates limited to the layer's; `null` when they share no day. */
  clip(own: InForceModel | undefined): InForceModel | undefined | null;
  /** Each version split at the layer's days, `change` applied to the part within them. */
  amend(versions: readonly Entry[], change: (rule: RuleModel) => RuleModel): Entry[];
}

export function datedBy(period: InForceModel | undefined): Dating {
  if (!period) {
    return {
      entry: (made) => made,
      outside: () => [],
      clip: (own) => own,
      amend: (versions, change) => versions.map((v) => ({ ...v, rule: change(v.rule) })),
    };
  }
  const at = (v: Entry, when: InForceModel | undefined): Entry => {
    const { inForce: _, ...rule } = v.rule;
    return { rule: when ? { ...rule, inForce: when } : rule, exceptions: [...v.exceptions] };
  };
  const outsideOf = (versions: readonly Entry[]) =>
    versions.flatMap((v) => outside(v.rule.inForce, period).map((when) => at(v, when)));
  return {
    entry(made) {
      const when = within(made.rule.inForce, period);
      return when === null ? undefined : at(made, when);
    },
    outside: outsideOf,
    clip: (own) => within(own, period),
    amend(versions, change) {
      const inside = versions.flatMap((v) => {
        const when = within(v.rule.inForce, period);
        if (when === null) return [];
        const e = at(v, when);
        return [{ ...e, rule: change(e.rule) }];
      });
      return chronological([...outsideOf(versions), ...inside]);
    },
  };
}

/** Versions in the order they come into force (the one with no start first). */
export function chronological(versions: Entry[]): Entry[] {
  const start = (v: Entry) => v.rule.inForce?.from ?? "";
  return versions.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0));
}

/** The days common to both periods (absent = always); `null` when they share none. */
export function within(
  own: InForceModel | undefined,
  period: InForceModel,
): InForceModel | undefined | null {
  const from = later(own?.from, period.from);
  const until = earlier(own?.until, period.until);
  if (from !== undefined && until !== undefined && until < from) return null;
  if (from === undefined && until === undefined) return undefined;
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

/** The days of `own` outside `period`: none, one or two periods, earliest first. */
export function outside(own: InForceModel | undefined, period: InForceModel): InForceModel[] {
  const pieces: (InForceModel | undefined | null)[] = [];
  // The calendar's first and last days have nothing before or after them.
  if (period.from !== undefined && period.from > FIRST_DAY) {
    pieces.push(within(own, { until: addToDate(period.from, -1, "day") }));
  }
  if (period.until !== undefined && period.until < LAST_DAY) {
    pieces.push(within(own, { from: addToDate(period.until, 1, "day") }));
  }
  return pieces.filter((p): p is InForceModel => p !== null && p !== undefined);
}

const FIRST_DAY = "0001-01-01";
const LAST_DAY = "9999-12-31";

/** Whether two periods share a day. */
export function overlaps(a: InForceModel | undefined, b: InForceModel | undefined): boolean {
  return b === undefined || within(a, b) !== null;
}

const later = (a?: string, b?: string) => (a === undefined ? b : b === undefined || a > b ? a : b);
const earlier = (a?: string, b?: string) =>
  a === undefined ? b : b === undefined || a < b ? a : b;
