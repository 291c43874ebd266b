/**
 * The first phase of checking: puts every name the document declares into its scope and symbols,
 * so later phases can resolve uses that come before the declaration. Reports reserved names,
 * names declared twice and names that clash with a baseline's.
 */
import type * as A from "./ast.js";
import type { Checking } from "./check-base.js";
import { declareDefault } from "./layer-default.js";
import type { Range } from "./position.js";
import { type OutcomeSymbol, type PolicySymbol, RESERVED_NAMES } from "./symbols.js";

/** Event types json-rules-engine's emitter treats specially; outcomes become event types. */
const EVENT_TYPES: ReadonlySet<string> = new Set(["error", "success", "failure"]);

export function declareAll(cx: Checking, document: A.PolicyDocument): void {
  let outcomesSeen = false;
  const scenarioTitles = new Map<string, Range>();
  const versions = new Map<string, A.RuleDeclaration[]>();
  let ownDefault: A.DefaultDeclaration | undefined;
  for (const d of document.declarations) {
    switch (d.kind) {
      case "Default": {
        declareDefault(cx, d, ownDefault, document.header?.extends !== undefined);
        ownDefault ??= d;
        break;
      }
      case "Source": {
        if (!d.id || reserved(cx, d.id, "a source id")) break;
        if (clash(cx, cx.scope.sources.get(d.id.key), d.id, "source")) break;
        cx.declare(
          cx.scope.sources,
          cx.symbol("source", d.id.key, d.id.text, d.range, d.id.range, d),
        );
        break;
      }
      case "Outcomes": {
        if (cx.base) {
          cx.report(
            "outcomes-in-layer",
            "error",
            "A layer uses its baseline's outcomes and cannot declare its own.",
            d.range,
          );
          break;
        }
        if (outcomesSeen) {
          cx.report(
            "duplicate-declaration",
            "error",
            "A policy has one outcomes list; this is a second one.",
            d.range,
          );
          break;
        }
        outcomesSeen = true;
        declareOutcomes(cx, d);
        if (d.otherwiseReason)
          cx.report(
            "default-without-baseline",
            "error",
            "The outcomes list's default takes no reason: `otherwise … because …` is a layer's own default, in a policy that extends a baseline. Remove `because …` here.",
            d.otherwiseReason.range,
          );
        break;
      }
      case "Fact": {
        if (d.type?.kind === "also") {
          if (d.name) extendFact(cx, d, d.name, d.type);
          break;
        }
        if (!d.name || reserved(cx, d.name, "a fact name")) break;
        const existing = cx.scope.facts.get(d.name.key) ?? cx.scope.terms.get(d.name.key);
        if (clash(cx, existing, d.name, "fact")) break;
        cx.declare(
          cx.scope.facts,
          cx.symbol("fact", d.name.key, d.name.text, d.range, d.name.range, d),
        );
        if (d.type?.kind === "choice" || d.type?.kind === "set") {
          const seen = new Set<string>();
          for (const v of d.type.values) {
            reserved(cx, v, "a value");
            // A scenario gives the empty set as `fact is nothing`.
            if (d.type.kind === "set" && v.key === "nothing")
              cx.report(
                "reserved-name",
                "error",
                "'nothing' cannot be a value of a several-valued fact: `is nothing` gives it no values.",
                v.range,
              );
            if (seen.has(v.key))
              cx.report("duplicate-value", "error", `'${v.text}' is listed twice.`, v.range);
            seen.add(v.key);
          }
        }
        break;
      }
      case "Term": {
        if (!d.name || reserved(cx, d.name, "a term name")) break;
        const existing = cx.scope.terms.get(d.name.key) ?? cx.scope.facts.get(d.name.key);
        if (clash(cx, existing, d.name, "term")) break;
        cx.declare(
          cx.scope.terms,
          cx.symbol("term", d.name.key, d.name.text, d.range, d.name.range, d),
        );
        break;
      }
      case "Rule": {
        if (!d.id || reserved(cx, d.id, "a rule id")) break;
        const existing = cx.scope.rules.get(d.id.text);
        // Versions of one rule, in force on different days, share its id (one symbol: the first).
        if (existing && revision(cx, existing, d, versions)) break;
        if (clash(cx, existing, d.id, "rule")) break;
        versions.set(d.id.text, [d]);
        cx.declare(cx.scope.rules, cx.symbol("rule", d.id.text, d.id.text, d.range, d.id.range, d));
        break;
      }
      case "Scenario": {
        if (!d.title) break;
        const key = d.title.value.trim().toLowerCase();
        const earlier = scenarioTitles.get(key);
        if (earlier) {
          cx.report(
            "duplicate-declaration",
            "error",
            `Two scenarios are called "${d.title.value}".`,
            d.title.range,
            {
              related: [{ message: "the other one", uri: cx.uri, range: earlier }],
            },
          );
          break;
        }
        scenarioTitles.set(key, d.title.range);
        cx.symbols.push(cx.symbol("scenario", key, d.title.value, d.range, d.title.range, d));
        break;
      }
      default:
        break;
    }
  }
  // A policy that names a baseline it cannot read already has its extends-not-found or
  // extends-cycle error; saying it lacks outcomes too would only mislead.
  if (!cx.base && !outcomesSeen && !document.header?.extends) {
    cx.report(
      "missing-outcomes",
      "error",
      "This policy declares no outcomes. Add an `outcomes, strongest first:` list, or `extends` a baseline that has one.",
      document.header?.range ?? {
        start: document.range.start,
        end: document.range.start,
      },
    );
  }
}

function declareOutcomes(cx: Checking, d: A.OutcomesDeclaration): void {
  const entries = d.outcomes.filter((o) => !reserved(cx, o.name, "an outcome"));
  let strength = entries.length;
  for (const entry of entries) {
    // (`undetermined` cannot get here: it is a keyword, so the parser already refuses it.)
    if (EVENT_TYPES.has(entry.name.key)) {
      cx.report(
        "reserved-name",
        "error",
        `'${entry.name.text}' cannot be an outcome: json-rules-engine reserves it for its own events.`,
        entry.name.range,
      );
    }
    if (clash(cx, cx.scope.outcomes.get(entry.name.key), entry.name, "outcome")) continue;
    const symbol: OutcomeSymbol = {
      ...cx.symbol(
        "outcome",
        entry.name.key,
        entry.name.text,
        entry.range,
        entry.name.range,
        entry,
      ),
      strength: strength--,
      isDefault: false,
    };
    cx.declare(cx.scope.outcomes, symbol);
  }
  const otherwise = d.otherwise;
  if (otherwise && !reserved(cx, otherwise.name, "an outcome")) {
    if (!clash(cx, cx.scope.outcomes.get(otherwise.name.key), otherwise.name, "outcome")) {
      const symbol: OutcomeSymbol = {
        ...cx.symbol(
          "outcome",
          otherwise.name.key,
          otherwise.name.text,
          otherwise.range,
          otherwise.name.range,
          otherwise,
        ),
        strength: 0,
        isDefault: true,
      };
      cx.scope.defaultOutcome = symbol;
      cx.symbols.push(symbol);
    }
  }
}

/**
 * `fact X: also a, b` in a layer: the baseline's fact X, with a and b added to its list, takes its
 * place in this layer's scope (and so in the effective policy). Its baseline rules keep their
 * meaning: `X is not v` is true for the added values. `asks` replaces the question (which may
 * need to mention the new values); `means` is added to the baseline's.
 */
function extendFact(
  cx: Checking,
  d: A.FactDeclaration,
  name: A.Name,
  type: Extract<A.FactType, { kind: "also" }>,
): void {
  const base = cx.base?.facts.get(name.key);
  const own = cx.scope.facts.get(name.key);
  if (!base) {
    if (own) {
      cx.report(
        "extend-own-fact",
        "error",
        `'${own.label}' is declared in this file; list all its values there instead of adding them with 'also'.`,
        name.range,
        { related: [{ message: "declared here", uri: own.uri, range: own.nameRange }] },
      );
    } else cx.unknown("unknown-fact", "baseline fact", name, new Set(cx.base?.facts.keys() ?? []));
    return;
  }
  cx.refer("fact", name.key, name.range, base);
  const current = cx.scope.facts.get(name.key) ?? base;
  const listed = current.node.type;
  if (listed?.kind !== "choice" && listed?.kind !== "set") {
    if (listed)
      cx.report(
        "type-mismatch",
        "error",
        `'${base.label}' ${listed.kind === "yes/no" ? "is a yes/no fact" : `is a ${listed.kind} fact`}; only list facts (one of …, any of …) take more values.`,
        type.range,
      );
    return;
  }
  const seen = new Set(listed.values.map((v) => v.key));
  const added: A.Name[] = [];
  for (const v of type.values) {
    if (reserved(cx, v, "a value")) continue;
    if (seen.has(v.key)) {
      cx.report(
        "duplicate-value",
        "error",
        `'${v.text}' is already a value of '${base.label}'.`,
        v.range,
      );
      continue;
    }
    if (listed.kind === "set" && v.key === "nothing")
      cx.report(
        "reserved-name",
        "error",
        "'nothing' cannot be a value of a several-valued fact: `is nothing` gives it no values.",
        v.range,
      );
    seen.add(v.key);
    added.push(v);
  }
  const description =
    current.node.description && d.description
      ? { ...d.description, value: `${current.node.description.value} ${d.description.value}` }
      : (d.description ?? current.node.description);
  const node: A.FactDeclaration = {
    ...current.node,
    type: { kind: listed.kind, values: [...listed.values, ...added], range: listed.range },
    ...(d.question ? { question: d.question } : {}),
    ...(description ? { description } : {}),
    ...(d.presumption ? { presumption: d.presumption } : {}),
  };
  cx.scope.facts.set(name.key, { ...current, node });
}

/** Reports a name that is unsafe as a key (see RESERVED_NAMES); true when it is one. */
function reserved(cx: Checking, name: A.Name | A.RuleId, what: string): boolean {
  const key = "key" in name ? name.key : name.text.toLowerCase();
  if (!RESERVED_NAMES.has(key)) return false;
  cx.report(
    "reserved-name",
    "error",
    `'${name.text}' cannot be used as ${what}: it is reserved.`,
    name.range,
  );
  return true;
}

type Period = { readonly from?: string; readonly until?: string };

function period(d: A.RuleDeclaration): Period | undefined {
  const f = d.inForce;
  if (!f) return undefined;
  const from = f.from?.kind === "Date" ? f.from.iso : undefined;
  const until = f.until?.kind === "Date" ? f.until.iso : undefined;
  return from || until ? { ...(from ? { from } : {}), ...(until ? { until } : {}) } : undefined;
}

const overlap = (a: Period, b: Period): boolean =>
  (!a.from || !b.until || a.from <= b.until) && (!b.from || !a.until || b.from <= a.until);

/**
 * A rule declared again in the same file, both with `in force` dates: a version of the rule.
 * True when it is one (reported when its dates overlap another version's); false when the second
 * declaration is a plain duplicate, for `clash` to report.
 */
function revision(
  cx: Checking,
  existing: PolicySymbol,
  d: A.RuleDeclaration,
  versions: Map<string, A.RuleDeclaration[]>,
): boolean {
  const earlier = versions.get(d.id!.text);
  const mine = period(d);
  if (existing.uri !== cx.uri || !earlier || !mine || earlier.some((e) => !period(e))) return false;
  const clashing = earlier.find((e) => overlap(period(e)!, mine));
  if (clashing) {
    cx.report(
      "duplicate-declaration",
      "error",
      `Two versions of rule ${d.id!.text} are in force on the same days; give them \`in force\` dates that do not overlap.`,
      d.inForce!.range,
      { related: [{ message: "the other version", uri: cx.uri, range: clashing.inForce!.range }] },
    );
  }
  earlier.push(d);
  return true;
}

/** Reports a clash with an earlier declaration; true when the name is already taken. */
function clash(
  cx: Checking,
  existing: PolicySymbol | undefined,
  name: { text: string; range: Range },
  declaring: PolicySymbol["kind"],
): boolean {
  if (!existing) return false;
  const inBaseline = existing.uri !== cx.uri;
  const message = inBaseline
    ? `The baseline "${existing.layer}" already declares the ${existing.kind} '${existing.label}'${declaring === "rule" ? "; to replace it, write `override rule " + existing.label + "`" : ""}.`
    : existing.kind === declaring
      ? `The ${declaring} '${existing.label}' is declared twice.`
      : `'${existing.label}' is already declared as a ${existing.kind}; this ${declaring} needs another name.`;
  cx.report(inBaseline ? "layer-conflict" : "duplicate-declaration", "error", message, name.range, {
    related: [{ message: "declared here", uri: existing.uri, range: existing.nameRange }],
  });
  return true;
}
