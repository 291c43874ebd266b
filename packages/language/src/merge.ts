/**
 * A layer on several baselines (`extends "a" as a and "b" as b`) sees the union of their scopes
 * (docs/semantics.md §8.1). What a baseline reached through two paths declares is the same
 * declaration, not a clash. What two baselines declare independently must agree: facts, terms and
 * sources the same (else `baseline-conflict`), the outcome scales the same (else
 * `baseline-outcomes-differ`). Rule ids that two baselines declare independently are both kept,
 * qualified by the baselines' names (`programme.3.1`); a bare reference to one is ambiguous.
 * A rule two baselines both reach but changed differently is a conflict unless the layer itself
 * overrides or disables it (the caller drops those once the layer is checked).
 */
import type * as A from "./ast.js";
import { type Diagnostic, diagnostic, type RelatedInformation } from "./diagnostics.js";
import { effectiveDefault } from "./layer-default.js";
import type { Range } from "./position.js";
import {
  type AmbiguousRule,
  type FactSymbol,
  type OutcomeSymbol,
  type PolicySymbol,
  type RuleSymbol,
  ruleIdentity,
  type Scope,
  type SourceSymbol,
  type TermSymbol,
} from "./symbols.js";

/**
 * Every rule known in a file and the baselines below it (by `ruleIdentity`), with the files that
 * changed it (override, disable, amend, exception) and where. A rule known but not in the file's
 * scope is disabled.
 */
export type RuleLedger = ReadonlyMap<string, ReadonlyMap<string, Range>>;

/** One baseline as the layer names it, with what checking it produced. */
export interface NamedBaseline {
  readonly uri: string;
  readonly reference: A.BaselineReference;
  readonly title: string;
  readonly scope: Scope;
  readonly ledger: RuleLedger;
  /**
   * Another of the layer's baselines extends this one (directly or not): all it declares reaches
   * the layer through that one too, possibly added to, so it is not compared with the others.
   */
  readonly covered?: boolean;
}

/**
 * A rule two baselines changed differently: an error unless the layer overrides or disables it.
 * Or (`identity` DEFAULT) baselines whose defaults differ: an error unless the layer sets its own.
 */
export interface RuleConflict {
  readonly identity: string;
  readonly diagnostic: Diagnostic;
}

/** The `identity` of a conflict between the baselines' default outcomes. */
export const DEFAULT = "\u0000default";

export interface MergedBaselines {
  readonly scope: Scope;
  readonly ledger: RuleLedger;
  readonly diagnostics: Diagnostic[];
  readonly ruleConflicts: RuleConflict[];
}

/** Ranges and spellings do not make two declarations different. */
function shape(node: unknown): string {
  return JSON.stringify(node, function (this: unknown, key: string, value: unknown) {
    if (key === "range" || key.endsWith("Range") || key === "raw" || key === "clauses")
      return undefined;
    const holder = this as Record<string, unknown> | null;
    if (key === "text" && holder && typeof holder.key === "string") return undefined;
    return value;
  });
}

/** What a fact decides with: its type, values (in any order) and presumption. */
function factShape(f: FactSymbol): string {
  const t = f.node.type;
  const values = t && "values" in t ? t.values.map((v) => v.key).sort() : [];
  const unit = t?.kind === "number" ? t.unit?.key : undefined;
  const p = f.node.presumption;
  return shape([t?.kind, values, unit, p && [p.value, p.also]]);
}

const valuesOf = (f: FactSymbol): ReadonlySet<string> => {
  const t = f.node.type;
  return new Set(t && "values" in t ? t.values.map((v) => v.key) : []);
};

/**
 * Among versions of one fact, the one that has all the others' values: versions of one baseline
 * fact to which layers added values (`fact X: also …`) agree when one holds every value added.
 */
function widest(versions: readonly FactSymbol[]): FactSymbol | undefined {
  const first = versions[0]!;
  const sameFact = versions.every(
    (v) => v.uri === first.uri && v.nameRange.start.offset === first.nameRange.start.offset,
  );
  if (!sameFact) return undefined;
  const sets = versions.map(valuesOf);
  const i = sets.findIndex((s) => sets.every((o) => [...o].every((x) => s.has(x))));
  return i < 0 ? undefined : versions[i];
}

const where = (s: PolicySymbol, title: string): RelatedInformation => ({
  message: `in "${title}"`,
  uri: s.uri,
  range: s.nameRange,
});

export function mergeBaselines(
  layerUri: string,
  baselines: readonly NamedBaseline[],
): MergedBaselines {
  const diagnostics: Diagnostic[] = [];
  const report = (
    code: "baseline-conflict" | "baseline-outcomes-differ" | "ambiguous-rule",
    message: string,
    at: NamedBaseline,
    related: RelatedInformation[],
  ) =>
    diagnostics.push(
      diagnostic(code, "error", message, at.reference.range, { uri: layerUri, related }),
    );
  // What is compared: the baselines no other baseline of the layer extends.
  const leading = baselines.filter((b) => !b.covered);
  const first = leading[0] ?? baselines[0]!;

  // Outcomes: one scale, the same in every baseline.
  const scale = (s: Scope) =>
    [...s.outcomes.keys(), `otherwise ${s.defaultOutcome?.key ?? ""}`].join(", ");
  for (const b of leading.slice(1)) {
    if (scale(b.scope) === scale(first.scope)) continue;
    const at = (s: Scope): OutcomeSymbol | undefined =>
      s.outcomes.values().next().value ?? s.defaultOutcome;
    const mine = at(b.scope);
    const theirs = at(first.scope);
    report(
      "baseline-outcomes-differ",
      `"${b.title}" and "${first.title}" have different outcomes (${scale(b.scope)}; ${scale(first.scope)}): a layer's baselines must share one outcome scale, in the same order with the same default.`,
      b,
      [...(theirs ? [where(theirs, first.title)] : []), ...(mine ? [where(mine, b.title)] : [])],
    );
  }

  // Defaults (a layer's own `otherwise X because …`, else the scale's): the same in every baseline,
  // unless the layer sets its own.
  const defaults: RuleConflict[] = [];
  const decided = (s: Scope) => effectiveDefault(s)?.key;
  const other = leading.find((b) => decided(b.scope) !== decided(first.scope));
  if (other && scale(other.scope) === scale(first.scope)) {
    const place = (b: NamedBaseline): RelatedInformation[] => {
      const d = b.scope.layerDefault;
      const o = effectiveDefault(b.scope);
      if (d) return [{ message: `in "${d.layer}"`, uri: d.uri, range: d.range }];
      return o ? [where(o, b.title)] : [];
    };
    defaults.push({
      identity: DEFAULT,
      diagnostic: diagnostic(
        "baseline-conflict",
        "error",
        `"${first.title}" decides ${decided(first.scope)} where no rule applies, "${other.title}" ${decided(other.scope)}: set this layer's own default (\`otherwise <outcome> because "…"\`).`,
        other.reference.range,
        { uri: layerUri, related: [...place(first), ...place(other)] },
      ),
    });
  }
  // Where they differ, the strongest stands for "the baselines' default": a layer default weaker
  // than it loosens one of them.
  const strongest = (s: Scope) => effectiveDefault(s)?.strength ?? 0;
  const layerDefault = other
    ? leading.reduce((a, b) => (strongest(b.scope) > strongest(a.scope) ? b : a)).scope.layerDefault
    : first.scope.layerDefault;

  const scope: Scope = {
    facts: new Map(),
    terms: new Map(),
    outcomes: new Map(first.scope.outcomes),
    ...(first.scope.defaultOutcome ? { defaultOutcome: first.scope.defaultOutcome } : {}),
    ...(layerDefault ? { layerDefault } : {}),
    sources: new Map(),
    rules: new Map(),
    ambiguousRules: new Map(),
    qualifiedRules: new Map(),
  };

  // Facts and terms share one namespace; sources have their own.
  type Named = { symbol: FactSymbol | TermSymbol | SourceSymbol; from: NamedBaseline };
  const names = new Map<string, Named[]>();
  const sources = new Map<string, Named[]>();
  const add = (table: Map<string, Named[]>, key: string, n: Named) => {
    const list = table.get(key);
    if (!list) table.set(key, [n]);
    else if (!list.some((x) => x.symbol === n.symbol)) list.push(n);
  };
  for (const from of leading) {
    for (const [k, symbol] of from.scope.facts) add(names, k, { symbol, from });
    for (const [k, symbol] of from.scope.terms) add(names, k, { symbol, from });
    for (const [k, symbol] of from.scope.sources) add(sources, k, { symbol, from });
  }
  const put = (s: Named["symbol"]) => {
    if (s.kind === "fact") scope.facts.set(s.key, s);
    else if (s.kind === "term") scope.terms.set(s.key, s);
    else scope.sources.set(s.key, s);
  };
  const differ = (a: Named, b: Named, what: string) =>
    report(
      "baseline-conflict",
      `"${a.from.title}" and "${b.from.title}" both declare ${what} '${a.symbol.label}', differently: a layer's baselines must agree on it (declare it once, in a baseline both extend).`,
      b.from,
      [where(a.symbol, a.from.title), where(b.symbol, b.from.title)],
    );
  for (const versions of names.values()) {
    const [one, ...rest] = versions;
    if (rest.length === 0) {
      put(one!.symbol);
      continue;
    }
    const other = rest.find((r) => r.symbol.kind !== one!.symbol.kind);
    if (other) {
      differ(one!, other, `a fact and a term called`);
      put(one!.symbol);
      continue;
    }
    if (one!.symbol.kind === "fact") {
      const facts = versions.map((v) => v.symbol as FactSymbol);
      const chosen = widest(facts);
      if (chosen) {
        put(chosen);
        continue;
      }
      const differs = facts.findIndex((f) => factShape(f) !== factShape(facts[0]!));
      if (differs >= 0) differ(one!, versions[differs]!, "the fact");
    } else {
      const terms = versions.map((v) => shape((v.symbol as TermSymbol).node.condition));
      const differs = terms.findIndex((t) => t !== terms[0]);
      if (differs >= 0) differ(one!, versions[differs]!, "the term");
    }
    put(one!.symbol);
  }
  for (const versions of sources.values()) {
    const [one, ...rest] = versions;
    const key = (s: Named["symbol"]) => {
      const n = (s as SourceSymbol).node;
      return shape([n.title?.value, n.publisher, n.year?.value]);
    };
    const differs = rest.find((r) => key(r.symbol) !== key(one!.symbol));
    if (differs) differ(one!, differs, "the source");
    put(one!.symbol);
  }

  const { ledger, ruleConflicts } = mergeRules(layerUri, baselines, scope, report);
  return { scope, ledger, diagnostics, ruleConflicts: [...defaults, ...ruleConflicts] };
}

type Report = (
  code: "ambiguous-rule" | "baseline-conflict",
  message: string,
  at: NamedBaseline,
  related: RelatedInformation[],
) => void;

/** `b` has every change `a` has (a rule changed along one line of layers, not two). */
const covers = (b: ReadonlyMap<string, Range>, a: ReadonlyMap<string, Range>) =>
  [...a.keys()].every((uri) => b.has(uri));

function mergeRules(
  layerUri: string,
  baselines: readonly NamedBaseline[],
  scope: Scope,
  report: Report,
): { ledger: RuleLedger; ruleConflicts: RuleConflict[] } {
  const ledger = new Map<string, Map<string, Range>>();
  const byIdentity = baselines.map(
    (b) => new Map([...b.scope.rules.values()].map((r) => [ruleIdentity(r), r])),
  );
  const identities = new Set<string>();
  for (const b of baselines) for (const id of b.ledger.keys()) identities.add(id);

  const ruleConflicts: RuleConflict[] = [];
  const chosen: { rule: RuleSymbol; from: number }[] = [];
  for (const identity of identities) {
    const holders = baselines.flatMap((b, i) => {
      const changes = b.ledger.get(identity);
      return changes ? [{ i, changes }] : [];
    });
    const union = new Map<string, Range>();
    for (const h of holders) for (const [uri, r] of h.changes) union.set(uri, r);
    ledger.set(identity, union);
    // The version that has every change any baseline made; none: they changed it differently.
    const winner = holders.find((h) => h.changes.size === union.size);
    if (!winner) {
      const present = holders.find((h) => byIdentity[h.i]!.has(identity)) ?? holders[0]!;
      const rule = byIdentity[present.i]!.get(identity);
      const a = holders.reduce((x, y) => (y.changes.size > x.changes.size ? y : x));
      const b = holders.find((o) => !covers(a.changes, o.changes))!;
      const change = (h: typeof a) => {
        const own = [...h!.changes].find(([uri]) => !holders.every((o) => o.changes.has(uri)));
        return own ? [{ message: "changed here", uri: own[0], range: own[1] }] : [];
      };
      const id = rule?.key ?? identity.split("\u0000").at(-1);
      ruleConflicts.push({
        identity,
        diagnostic: diagnostic(
          "baseline-conflict",
          "error",
          `"${baselines[a!.i]!.title}" and "${baselines[b!.i]!.title}" change rule ${id} in different ways: override or disable it in this layer to say what applies.`,
          baselines[b!.i]!.reference.range,
          { uri: layerUri, related: [...change(a), ...change(b)] },
        ),
      });
      if (rule) chosen.push({ rule, from: present.i });
      continue;
    }
    const rule = byIdentity[winner.i]!.get(identity);
    if (rule) chosen.push({ rule, from: winner.i });
  }

  // Ids that two rules share are qualified by their baselines' names.
  const byKey = new Map<string, typeof chosen>();
  for (const c of chosen) {
    const list = byKey.get(c.rule.key);
    if (list) list.push(c);
    else byKey.set(c.rule.key, [c]);
  }
  const keyOf = new Map<string, string>();
  const unnamed = new Map<number, string[]>();
  for (const [key, list] of byKey) {
    if (list.length === 1) {
      scope.rules.set(key, list[0]!.rule);
      keyOf.set(ruleIdentity(list[0]!.rule), key);
      continue;
    }
    const qualified: string[] = [];
    for (const { rule, from } of list) {
      const alias = baselines[from]!.reference.alias?.text;
      if (!alias) {
        unnamed.set(from, [...(unnamed.get(from) ?? []), key]);
        continue;
      }
      const q = `${alias}.${key}`;
      qualified.push(q);
      scope.rules.set(q, { ...rule, key: q, label: q, declared: ruleIdentity(rule) });
      keyOf.set(ruleIdentity(rule), q);
    }
    const entry: AmbiguousRule = {
      qualified,
      unnamed: qualified.length < list.length,
    };
    scope.ambiguousRules!.set(key, entry);
  }
  for (const [from, ids] of unnamed) {
    const b = baselines[from]!;
    const shown = ids.slice(0, 3).join(", ") + (ids.length > 3 ? ", …" : "");
    report(
      "ambiguous-rule",
      `Another baseline has rules with the same ids as "${b.title}" (${shown}): name this baseline with \`as <name>\` so that its rules can be told apart (<name>.${ids[0]}).`,
      b,
      [],
    );
  }
  // `<name>.<id>` for every baseline rule, even where the id alone is clear.
  for (const b of baselines) {
    const alias = b.reference.alias?.text;
    if (!alias) continue;
    for (const [key, rule] of b.scope.rules) {
      const canonical = keyOf.get(ruleIdentity(rule));
      if (canonical !== undefined && !scope.rules.has(`${alias}.${key}`))
        scope.qualifiedRules!.set(`${alias}.${key}`, canonical);
    }
  }
  return { ledger, ruleConflicts };
}
