/**
 * Semantic checks of one document against the scope of its baselines. Produces diagnostics, the
 * document's own symbols, every reference it makes and the scope that later layers see.
 */
import type * as A from "./ast.js";
import { type Diagnostic, type DiagnosticCode, diagnostic, type Severity } from "./diagnostics.js";
import type { Range } from "./position.js";
import { closest } from "./suggest.js";
import {
  copyScope,
  type FactSymbol,
  type OutcomeSymbol,
  type PolicySymbol,
  RESERVED_NAMES,
  type RuleSymbol,
  type Scope,
  type SymbolReference,
} from "./symbols.js";
import { checkValue, describeType } from "./values.js";

export interface CheckContext {
  readonly uri: string;
  /** Title of this policy, used as the layer name. */
  readonly layer: string;
  /** The baselines' scope when this document is a layer. */
  readonly base?: Scope;
  /** Ranges of declarations with syntax errors: "missing clause" checks skip them. */
  readonly syntaxErrors: readonly Range[];
}

export interface DocumentCheck {
  readonly diagnostics: Diagnostic[];
  readonly symbols: PolicySymbol[];
  readonly references: SymbolReference[];
  /** Baselines' scope plus this document's declarations, minus rules it disables. */
  readonly scope: Scope;
  /** Rule ids this document disables. */
  readonly disabled: ReadonlySet<string>;
}

const overlaps = (a: Range, b: Range) =>
  a.start.offset <= b.end.offset && b.start.offset <= a.end.offset;

export function checkDocument(document: A.PolicyDocument, context: CheckContext): DocumentCheck {
  return new DocumentChecker(document, context).run();
}

class DocumentChecker {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly symbols: PolicySymbol[] = [];
  private readonly references: SymbolReference[] = [];
  private readonly scope: Scope;
  private readonly base: Scope | undefined;
  private readonly disabled = new Set<string>();
  private readonly uri: string;

  constructor(
    private readonly document: A.PolicyDocument,
    private readonly context: CheckContext,
  ) {
    this.uri = context.uri;
    this.base = context.base;
    this.scope = context.base ? copyScope(context.base) : copyScope(emptyBase);
  }

  private report(
    code: DiagnosticCode,
    severity: Severity,
    message: string,
    range: Range,
    extra: Parameters<typeof diagnostic>[4] = {},
  ): void {
    this.diagnostics.push(diagnostic(code, severity, message, range, { uri: this.uri, ...extra }));
  }

  private hadSyntaxError(range: Range): boolean {
    return this.context.syntaxErrors.some((r) => overlaps(r, range));
  }

  run(): DocumentCheck {
    const header = this.document.header;
    if (!header) {
      this.report(
        "missing-header",
        "error",
        'A policy file starts with its policy line, e.g. policy "Clinic social media policy" version "1.0".',
        this.document.range.start.offset === this.document.range.end.offset
          ? this.document.range
          : { start: this.document.range.start, end: this.document.range.start },
      );
    }
    this.declareAll();
    for (const d of this.document.declarations) this.checkDeclaration(d);
    this.checkTermCycles();
    for (const id of this.disabled) this.scope.rules.delete(id);
    return {
      diagnostics: this.diagnostics,
      symbols: this.symbols,
      references: this.references,
      scope: this.scope,
      disabled: this.disabled,
    };
  }

  // ------------------------------------------------------------ declaring names

  /** A declaration's entry in the symbol table. */
  private symbol<K extends PolicySymbol["kind"], N>(
    kind: K,
    key: string,
    label: string,
    range: Range,
    nameRange: Range,
    node: N,
  ) {
    return { kind, key, label, uri: this.uri, range, nameRange, layer: this.context.layer, node };
  }

  private reserved(name: A.Name | A.RuleId, what: string): boolean {
    const key = "key" in name ? name.key : name.text.toLowerCase();
    if (!RESERVED_NAMES.has(key)) return false;
    this.report(
      "reserved-name",
      "error",
      `'${name.text}' cannot be used as ${what}: it is reserved.`,
      name.range,
    );
    return true;
  }

  /** Reports a clash with an earlier declaration; true when the name is already taken. */
  private clash(
    existing: PolicySymbol | undefined,
    name: { text: string; range: Range },
    what: string,
  ): boolean {
    if (!existing) return false;
    const inBaseline = existing.uri !== this.uri;
    this.report(
      inBaseline ? "layer-conflict" : "duplicate-declaration",
      "error",
      inBaseline
        ? `The baseline "${existing.layer}" already declares ${what} '${existing.label}'.`
        : `${what[0]!.toUpperCase()}${what.slice(1)} '${existing.label}' is declared twice.`,
      name.range,
      { related: [{ message: "declared here", uri: existing.uri, range: existing.nameRange }] },
    );
    return true;
  }

  private declareAll(): void {
    let outcomesSeen = false;
    const scenarioTitles = new Map<string, Range>();
    for (const d of this.document.declarations) {
      switch (d.kind) {
        case "Source": {
          if (!d.id || this.reserved(d.id, "a source id")) break;
          if (this.clash(this.scope.sources.get(d.id.key), d.id, "source")) break;
          const symbol = this.symbol("source", d.id.key, d.id.text, d.range, d.id.range, d);
          this.scope.sources.set(d.id.key, symbol);
          this.symbols.push(symbol);
          break;
        }
        case "Outcomes": {
          if (this.base) {
            this.report(
              "outcomes-in-layer",
              "error",
              "A layer uses its baseline's outcomes and cannot declare its own.",
              d.range,
            );
            break;
          }
          if (outcomesSeen) {
            this.report(
              "duplicate-declaration",
              "error",
              "A policy has one outcomes list; this is a second one.",
              d.range,
            );
            break;
          }
          outcomesSeen = true;
          this.declareOutcomes(d);
          break;
        }
        case "Fact": {
          if (!d.name || this.reserved(d.name, "a fact name")) break;
          const existing = this.scope.facts.get(d.name.key) ?? this.scope.terms.get(d.name.key);
          if (this.clash(existing, d.name, existing?.kind === "term" ? "a term" : "the fact"))
            break;
          const symbol = this.symbol("fact", d.name.key, d.name.text, d.range, d.name.range, d);
          this.scope.facts.set(d.name.key, symbol);
          this.symbols.push(symbol);
          if (d.type?.kind === "choice") {
            const seen = new Set<string>();
            for (const v of d.type.values) {
              this.reserved(v, "a value");
              if (seen.has(v.key))
                this.report("duplicate-value", "error", `'${v.text}' is listed twice.`, v.range);
              seen.add(v.key);
            }
          }
          break;
        }
        case "Term": {
          if (!d.name || this.reserved(d.name, "a term name")) break;
          const existing = this.scope.terms.get(d.name.key) ?? this.scope.facts.get(d.name.key);
          if (this.clash(existing, d.name, existing?.kind === "fact" ? "a fact" : "the term"))
            break;
          const symbol = this.symbol("term", d.name.key, d.name.text, d.range, d.name.range, d);
          this.scope.terms.set(d.name.key, symbol);
          this.symbols.push(symbol);
          break;
        }
        case "Rule": {
          if (!d.id || this.reserved(d.id, "a rule id")) break;
          if (this.clash(this.scope.rules.get(d.id.text), d.id, "rule")) break;
          const symbol = this.symbol("rule", d.id.text, d.id.text, d.range, d.id.range, d);
          this.scope.rules.set(d.id.text, symbol);
          this.symbols.push(symbol);
          break;
        }
        case "Scenario": {
          if (!d.title) break;
          const key = d.title.value.trim().toLowerCase();
          const earlier = scenarioTitles.get(key);
          if (earlier) {
            this.report(
              "duplicate-declaration",
              "error",
              `Two scenarios are called "${d.title.value}".`,
              d.title.range,
              {
                related: [{ message: "the other one", uri: this.uri, range: earlier }],
              },
            );
            break;
          }
          scenarioTitles.set(key, d.title.range);
          this.symbols.push(this.symbol("scenario", key, d.title.value, d.range, d.title.range, d));
          break;
        }
        default:
          break;
      }
    }
    if (!this.base && !outcomesSeen) {
      this.report(
        "missing-outcomes",
        "error",
        "This policy declares no outcomes. Add an `outcomes, strongest first:` list, or `extends` a baseline that has one.",
        this.document.header?.range ?? {
          start: this.document.range.start,
          end: this.document.range.start,
        },
      );
    }
  }

  private declareOutcomes(d: A.OutcomesDeclaration): void {
    const entries = d.outcomes.filter((o) => !this.reserved(o.name, "an outcome"));
    let strength = entries.length;
    for (const entry of entries) {
      if (entry.name.key === "undetermined") {
        this.report(
          "reserved-name",
          "error",
          "'undetermined' is what Precept answers when facts are missing; it cannot be an outcome.",
          entry.name.range,
        );
      } else if (EVENT_TYPES.has(entry.name.key)) {
        this.report(
          "reserved-name",
          "error",
          `'${entry.name.text}' cannot be an outcome: json-rules-engine reserves it for its own events.`,
          entry.name.range,
        );
      }
      if (this.clash(this.scope.outcomes.get(entry.name.key), entry.name, "the outcome")) continue;
      const symbol: OutcomeSymbol = {
        ...this.symbol(
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
      this.scope.outcomes.set(entry.name.key, symbol);
      this.symbols.push(symbol);
    }
    const otherwise = d.otherwise;
    if (otherwise && !this.reserved(otherwise.name, "an outcome")) {
      if (!this.clash(this.scope.outcomes.get(otherwise.name.key), otherwise.name, "the outcome")) {
        const symbol: OutcomeSymbol = {
          ...this.symbol(
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
        this.scope.defaultOutcome = symbol;
        this.symbols.push(symbol);
      }
    }
  }

  // ------------------------------------------------------------ declarations

  private checkDeclaration(d: A.Declaration): void {
    switch (d.kind) {
      case "Fact":
        this.duplicateClauses(d.clauses, ["asks", "means"], false);
        break;
      case "Term":
        if (d.condition) this.condition(d.condition);
        else if (!this.hadSyntaxError(d.range) && d.name)
          this.report(
            "missing-condition",
            "error",
            `The term '${d.name.text}' has no condition after ':'.`,
            d.name.range,
          );
        break;
      case "Rule":
        this.ruleBody(d, d.id, "rule");
        break;
      case "Override":
        this.override(d);
        break;
      case "Disable":
        this.disable(d);
        break;
      case "Exception":
        this.exception(d);
        break;
      case "Scenario":
        this.scenario(d);
        break;
      default:
        break;
    }
  }

  private duplicateClauses(
    clauses: readonly A.ClauseMark[],
    once: readonly A.ClauseMark["clause"][],
    compact: boolean,
  ): void {
    const seen = new Set<string>(compact ? ["when", "then"] : []);
    for (const c of clauses) {
      if (!once.includes(c.clause)) continue;
      if (seen.has(c.clause)) {
        this.report(
          "duplicate-clause",
          "error",
          compact && (c.clause === "when" || c.clause === "then")
            ? `This rule is written in the one-line form, which already gives its ${c.clause === "when" ? "condition" : "outcome"}.`
            : `'${c.clause}' is written twice here; only the first is used.`,
          c.range,
        );
      }
      seen.add(c.clause);
    }
  }

  private ruleBody(d: A.RuleBody & A.Node, id: A.RuleId | undefined, what: string): void {
    this.duplicateClauses(d.clauses, ["when", "then", "because"], d.compact);
    const anchor = id?.range ?? d.range;
    const broken = this.hadSyntaxError(d.range);
    if (d.condition) this.condition(d.condition);
    else if (!broken)
      this.report("missing-condition", "error", `This ${what} has no \`when\` condition.`, anchor);
    if (d.outcome) this.outcome(d.outcome);
    else if (!broken)
      this.report("missing-outcome", "error", `This ${what} has no \`then\` outcome.`, anchor, {
        expected: [...this.scope.outcomes.values()].map((o) => o.label),
      });
    for (const citation of d.citations) this.citation(citation);
    if (d.citations.length === 0 && !broken && id) {
      this.report(
        "no-citation",
        "warning",
        `Rule ${id.text} cites nothing; add \`cites <source> §<section> "<short quote>"\` so readers can check it.`,
        anchor,
      );
    }
    for (const u of d.exceptions) {
      if (u.condition) this.condition(u.condition);
      if (u.outcome) this.outcome(u.outcome);
    }
  }

  private citation(c: A.Citation): void {
    if (!c.source) return;
    const target = this.scope.sources.get(c.source.key);
    this.references.push({
      kind: "source",
      key: c.source.key,
      uri: this.uri,
      range: c.source.range,
      ...(target ? { target } : {}),
    });
    if (!target) this.unknown("unknown-source", "source", c.source, [...this.scope.sources.keys()]);
  }

  private outcome(name: A.Name): OutcomeSymbol | undefined {
    const target = this.scope.outcomes.get(name.key);
    this.references.push({
      kind: "outcome",
      key: name.key,
      uri: this.uri,
      range: name.range,
      ...(target ? { target } : {}),
    });
    if (!target) {
      if (this.scope.defaultOutcome?.key === name.key) {
        this.report(
          "unknown-outcome",
          "error",
          `'${name.text}' is what the policy says when no rule applies; a rule must lead to one of the declared outcomes.`,
          name.range,
          { expected: [...this.scope.outcomes.values()].map((o) => o.label) },
        );
      } else this.unknown("unknown-outcome", "outcome", name, [...this.scope.outcomes.keys()]);
    }
    return target;
  }

  private unknown(
    code: DiagnosticCode,
    what: string,
    name: { text: string; range: Range },
    candidates: string[],
    hint = "",
  ): void {
    const suggestion = closest(name.text, candidates);
    this.report(
      code,
      "error",
      `There is no ${what} called '${name.text}'${suggestion ? `; did you mean '${suggestion}'?` : "."}${hint}`,
      name.range,
      {
        actual: name.text,
        ...(suggestion ? { suggestion } : {}),
        ...(candidates.length <= 12 ? { expected: candidates } : {}),
      },
    );
  }

  /** A rule of a baseline, for override/disable; reports when there is none. */
  private baselineRule(target: A.RuleId | undefined, verb: string): RuleSymbol | undefined {
    if (!target) return undefined;
    const own = this.scope.rules.get(target.text);
    const inBase = this.base?.rules.get(target.text);
    this.references.push({
      kind: "rule",
      key: target.text,
      uri: this.uri,
      range: target.range,
      ...(own ? { target: own } : {}),
    });
    if (inBase) return inBase;
    if (own) {
      this.report(
        "unknown-rule",
        "error",
        `Rule ${target.text} is in this policy itself; change it directly instead of using \`${verb}\`.`,
        target.range,
      );
      return undefined;
    }
    const candidates = [...(this.base?.rules.keys() ?? [])];
    this.unknown(
      "unknown-rule",
      "baseline rule",
      target,
      candidates,
      this.base ? "" : " This policy has no baseline (`extends`).",
    );
    return undefined;
  }

  private readonly changed = new Map<string, Range>();

  private once(target: A.RuleId, verb: string): boolean {
    const earlier = this.changed.get(target.text);
    if (earlier) {
      this.report(
        "duplicate-declaration",
        "error",
        `Rule ${target.text} is already overridden or disabled in this policy.`,
        target.range,
        {
          related: [{ message: "here", uri: this.uri, range: earlier }],
        },
      );
      return false;
    }
    this.changed.set(target.text, target.range);
    void verb;
    return true;
  }

  private needReason(reason: A.Text | undefined, anchor: Range, what: string): void {
    if (!reason || reason.value.trim() === "") {
      this.report(
        "missing-reason",
        "error",
        `${what} loosens the baseline, so it needs a reason: add \`because "…"\`.`,
        anchor,
        { suggestion: undefined },
      );
    }
  }

  private override(d: A.OverrideDeclaration): void {
    const target = this.baselineRule(d.target, "override");
    if (d.target && target && this.once(d.target, "override")) {
      const symbol = this.symbol("rule", d.target.text, d.target.text, d.range, d.target.range, d);
      this.scope.rules.set(d.target.text, symbol);
      this.symbols.push(symbol);
    }
    if (d.target) this.needReason(d.reason, d.target.range, `Overriding rule ${d.target.text}`);
    this.ruleBody(d, d.target, "override");
  }

  private disable(d: A.DisableDeclaration): void {
    const target = this.baselineRule(d.target, "disable");
    if (d.target && target && this.once(d.target, "disable")) this.disabled.add(d.target.text);
    if (d.target) this.needReason(d.reason, d.target.range, `Disabling rule ${d.target.text}`);
  }

  private exception(d: A.ExceptionDeclaration): void {
    this.duplicateClauses(d.clauses, ["when", "then", "because"], false);
    if (d.target) {
      const target = this.scope.rules.get(d.target.text);
      this.references.push({
        kind: "rule",
        key: d.target.text,
        uri: this.uri,
        range: d.target.range,
        ...(target ? { target } : {}),
      });
      if (!target) this.unknown("unknown-rule", "rule", d.target, [...this.scope.rules.keys()]);
      else if (this.disabled.has(d.target.text))
        this.report(
          "unknown-rule",
          "error",
          `Rule ${d.target.text} is disabled in this policy, so it can have no exception.`,
          d.target.range,
        );
      else if (target.uri !== this.uri)
        this.needReason(d.reason, d.target.range, `An exception to baseline rule ${d.target.text}`);
    }
    const broken = this.hadSyntaxError(d.range);
    if (d.condition) this.condition(d.condition);
    else if (!broken)
      this.report(
        "missing-condition",
        "error",
        "This exception has no `when` condition.",
        d.target?.range ?? d.range,
      );
    if (d.outcome) this.outcome(d.outcome);
    for (const c of d.clauses) {
      if (c.clause === "cites" || c.clause === "unless") {
        this.report(
          "syntax-error",
          "error",
          `An exception cannot have '${c.clause}'; it takes when, then, because and advise.`,
          c.range,
        );
      }
    }
  }

  private scenario(d: A.ScenarioDeclaration): void {
    const seen = new Map<string, Range>();
    for (const a of d.given) {
      const fact = this.fact(a.fact, true);
      const earlier = seen.get(a.fact.key);
      if (earlier) {
        this.report(
          "scenario-fact-twice",
          "error",
          `'${a.fact.text}' is given twice in this scenario.`,
          a.range,
          {
            related: [{ message: "first given here", uri: this.uri, range: earlier }],
          },
        );
      }
      seen.set(a.fact.key, a.range);
      if (!fact) continue;
      if (a.form !== "is" && fact.node.type && fact.node.type.kind !== "yes/no") {
        this.report(
          "type-mismatch",
          "error",
          `'${fact.label}' ${describeType(fact.node.type)}; give its value: ${fact.label} is …`,
          a.range,
          { expected: expectedValues(fact) },
        );
        continue;
      }
      if (a.form === "is") this.value(fact, a.value, "is");
    }
    const expects = d.clauses.filter((c) => c.clause === "expect");
    for (const extra of expects.slice(1)) {
      this.report(
        "duplicate-clause",
        "error",
        "A scenario expects one decision; this is a second `expect`.",
        extra.range,
      );
    }
    const e = d.expect;
    if (!e) {
      if (!this.hadSyntaxError(d.range)) {
        this.report(
          "missing-expectation",
          "error",
          "This scenario has no `expect` line, so it tests nothing.",
          d.title?.range ?? d.range,
        );
      }
      return;
    }
    if (e.outcome && this.scope.defaultOutcome?.key !== e.outcome.key) this.outcome(e.outcome);
    else if (e.outcome)
      this.references.push({
        kind: "outcome",
        key: e.outcome.key,
        uri: this.uri,
        range: e.outcome.range,
        target: this.scope.defaultOutcome!,
      });
    for (const id of e.byRules) {
      const target = this.scope.rules.get(id.text);
      this.references.push({
        kind: "rule",
        key: id.text,
        uri: this.uri,
        range: id.range,
        ...(target ? { target } : {}),
      });
      if (!target || this.disabled.has(id.text))
        this.unknown(
          "unknown-rule",
          "rule",
          id,
          [...this.scope.rules.keys()].filter((k) => !this.disabled.has(k)),
        );
    }
    for (const n of e.needs) this.fact(n, true);
  }

  // ------------------------------------------------------------ conditions

  private fact(name: A.Name, inScenario = false): FactSymbol | undefined {
    const target = this.scope.facts.get(name.key);
    this.references.push({
      kind: "fact",
      key: name.key,
      uri: this.uri,
      range: name.range,
      inScenario,
      ...(target ? { target } : {}),
    });
    if (target) return target;
    const term = this.scope.terms.get(name.key);
    if (term) {
      this.report(
        "type-mismatch",
        "error",
        `'${name.text}' is a term, which is either true or false; it has no value to compare.`,
        name.range,
      );
      return undefined;
    }
    this.unknown("unknown-fact", "fact", name, [...this.scope.facts.keys()]);
    return undefined;
  }

  private value(fact: FactSymbol, value: A.Value, operator: A.ComparisonOperator | "member"): void {
    if (value.kind === "Phrase" && fact.node.type?.kind === "choice") {
      this.references.push({
        kind: "value",
        key: value.name.key,
        uri: this.uri,
        range: value.range,
        fact,
      });
    }
    for (const problem of checkValue(fact, value, operator)) {
      this.report(problem.code, "error", problem.message, problem.range ?? value.range, {
        ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
        ...(problem.expected ? { expected: problem.expected } : {}),
        actual:
          value.kind === "Phrase"
            ? value.name.text
            : value.kind === "Number"
              ? value.raw
              : `"${value.value}"`,
      });
    }
  }

  condition(c: A.Condition): void {
    switch (c.kind) {
      case "And":
      case "Or":
        for (const o of c.operands) this.condition(o);
        return;
      case "Not":
        this.condition(c.operand);
        return;
      case "Group":
        this.condition(c.inner);
        return;
      case "Reference": {
        const term = this.scope.terms.get(c.name.key);
        if (term) {
          this.references.push({
            kind: "term",
            key: c.name.key,
            uri: this.uri,
            range: c.name.range,
            target: term,
          });
          return;
        }
        const fact = this.scope.facts.get(c.name.key);
        if (fact) {
          this.references.push({
            kind: "fact",
            key: c.name.key,
            uri: this.uri,
            range: c.name.range,
            target: fact,
          });
          if (fact.node.type && fact.node.type.kind !== "yes/no") {
            this.report(
              "type-mismatch",
              "error",
              `'${fact.label}' ${describeType(fact.node.type)}, so it cannot stand alone; compare it: ${fact.label} is …`,
              c.name.range,
              { expected: expectedValues(fact) },
            );
          }
          return;
        }
        const candidates = [
          ...this.scope.terms.keys(),
          ...[...this.scope.facts.values()]
            .filter((f) => f.node.type?.kind === "yes/no")
            .map((f) => f.key),
        ];
        this.references.push({ kind: "term", key: c.name.key, uri: this.uri, range: c.name.range });
        this.unknown("unknown-term", "term or yes/no fact", c.name, candidates);
        return;
      }
      case "Comparison": {
        const fact = this.fact(c.subject);
        if (fact) this.value(fact, c.value, c.operator);
        return;
      }
      case "Membership": {
        const fact = this.fact(c.subject);
        if (fact) for (const v of c.values) this.value(fact, v, "member");
        return;
      }
    }
  }

  /** Terms defined through each other in a circle. */
  private checkTermCycles(): void {
    const own = this.symbols.filter((s) => s.kind === "term");
    const state = new Map<string, "visiting" | "done">();
    const uses = (key: string): string[] => {
      const term = this.scope.terms.get(key);
      const out: string[] = [];
      const walk = (c: A.Condition | undefined): void => {
        if (!c) return;
        if (c.kind === "And" || c.kind === "Or") c.operands.forEach(walk);
        else if (c.kind === "Not") walk(c.operand);
        else if (c.kind === "Group") walk(c.inner);
        else if (c.kind === "Reference" && this.scope.terms.has(c.name.key)) out.push(c.name.key);
      };
      walk(term?.node.condition);
      return out;
    };
    const reported = new Set<string>();
    const visit = (key: string, path: string[]): void => {
      if (state.get(key) === "done") return;
      if (state.get(key) === "visiting") {
        const cycle = path.slice(path.indexOf(key));
        for (const member of cycle) {
          const term = this.scope.terms.get(member);
          if (!term || term.uri !== this.uri || reported.has(member)) continue;
          reported.add(member);
          this.report(
            "term-cycle",
            "error",
            `The term '${term.label}' is defined through itself: ${[...cycle, key].map((k) => `'${this.scope.terms.get(k)?.label ?? k}'`).join(" → ")}.`,
            term.nameRange,
          );
        }
        return;
      }
      state.set(key, "visiting");
      for (const next of uses(key)) visit(next, [...path, key]);
      state.set(key, "done");
    };
    for (const t of own) visit(t.key, []);
  }
}

/** Event types json-rules-engine's emitter treats specially; outcomes become event types. */
const EVENT_TYPES: ReadonlySet<string> = new Set(["error", "success", "failure"]);

const emptyBase: Scope = {
  facts: new Map(),
  terms: new Map(),
  outcomes: new Map(),
  sources: new Map(),
  rules: new Map(),
};

function expectedValues(fact: FactSymbol): string[] | undefined {
  const type = fact.node.type;
  if (type?.kind === "choice") return type.values.map((v) => v.text);
  if (type?.kind === "yes/no") return ["yes", "no"];
  return undefined;
}
