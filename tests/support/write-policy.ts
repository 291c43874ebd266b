/**
 * Generated policies as text, in one `Style`: keyword case, `->` or `→`, `section` or `§`, quoted
 * or bare term names, curly quotes — and, with noise, comments, blank lines, odd indentation,
 * clauses in any order and several on one line. None of it changes what the policy says.
 */
import fc from "fast-check";
import type {
  GeneratedAmendment,
  GeneratedCitation,
  GeneratedCondition,
  GeneratedDateOperand,
  GeneratedFact,
  GeneratedLayer,
  GeneratedPolicy,
  GeneratedProvided,
  GeneratedRule,
  GeneratedScenario,
  GeneratedTerm,
  GeneratedValue,
} from "./policy-shape.js";
import { COMMENT_CHARS, VOCABULARY } from "./vocabulary.js";
export interface Style {
  readonly keywordCase: "lower" | "upper" | "title" | "mixed";
  readonly arrow: "→" | "->";
  readonly section: "§" | "section ";
  readonly quoteTermNames: boolean;
  readonly curlyQuotes: boolean;
  /** Probability of a comment on a line, and of other irregular layout. */
  readonly noise: number;
  readonly seed: number;
}

export function styleArbitrary(vary: boolean): fc.Arbitrary<Style> {
  if (!vary) {
    return fc.constant({
      keywordCase: "lower",
      arrow: "→",
      section: "§",
      quoteTermNames: true,
      curlyQuotes: false,
      noise: 0,
      seed: 1,
    });
  }
  return fc.record({
    keywordCase: fc.constantFrom("lower", "upper", "title", "mixed"),
    arrow: fc.constantFrom("→", "->"),
    section: fc.constantFrom("§", "section "),
    quoteTermNames: fc.boolean(),
    curlyQuotes: fc.boolean(),
    noise: fc.constantFrom(0, 0.1, 0.3),
    seed: fc.integer(),
  });
}

/** A text in double quotes with escapes, as the lexer reads it back. */
export function quoteText(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/** Renders structure as text in one `Style`; irregularities come from a seeded generator. */
export class Writer {
  private state: number;
  private readonly lines: string[] = [];
  /** Whether the last line ends in a comment (nothing may be appended to it). */
  private commented = false;
  constructor(private readonly style: Style) {
    this.state = style.seed | 0;
  }

  /** mulberry32: small, fast, deterministic. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  private chance(p = this.style.noise): boolean {
    return p > 0 && this.random() < p;
  }

  private kw(words: string): string {
    switch (this.style.keywordCase) {
      case "lower":
        return words;
      case "upper":
        return words.toUpperCase();
      case "title":
        return words.replace(/\b\w/g, (c) => c.toUpperCase());
      case "mixed":
        return [...words].map((c) => (this.random() < 0.5 ? c.toUpperCase() : c)).join("");
    }
  }
  private text(value: string): string {
    if (this.style.curlyQuotes && !/[”\n\r]/.test(value) && this.chance(0.5)) return `“${value}”`;
    return quoteText(value);
  }
  /** A name as referred to: ASCII names in any case, sometimes with extra spaces. */
  private name(name: string): string {
    let out = name;
    if (/^[\x20-\x7e]*$/.test(name) && this.chance())
      out = this.random() < 0.5 ? name.toUpperCase() : name.toLowerCase();
    if (this.chance()) out = out.replace(/ /g, "  ");
    return out;
  }
  private value(v: GeneratedValue): string {
    return v.kind === "phrase"
      ? this.name(v.text)
      : v.kind === "number" || v.kind === "date"
        ? v.raw
        : this.text(v.value);
  }
  private dateOperand(o: GeneratedDateOperand, within: boolean): string {
    if (o.kind === "today") return this.kw("today");
    if (o.kind !== "relative") return this.value(o);
    const duration = `${o.amount} ${o.unit}`;
    return within ? duration : `${duration} ${this.kw(o.direction)}`;
  }
  private comment(): string {
    let body = "";
    const n = Math.floor(this.random() * 12);
    for (let i = 0; i < n; i++)
      body += COMMENT_CHARS[Math.floor(this.random() * COMMENT_CHARS.length)];
    return `#${body}`;
  }
  /** Adds a line, sometimes with a trailing comment or an own-line comment before it. */
  private line(indent: number, content: string): void {
    if (this.chance()) this.lines.push(" ".repeat(Math.floor(this.random() * 4)) + this.comment());
    if (this.chance()) this.lines.push("");
    const pad = this.chance() ? Math.floor(this.random() * 6) : indent;
    this.commented = this.chance();
    this.lines.push(" ".repeat(pad) + content + (this.commented ? ` ${this.comment()}` : ""));
  }

  condition(c: GeneratedCondition): string {
    switch (c.kind) {
      case "and":
      case "or":
        return c.operands.map((o) => this.condition(o)).join(` ${this.kw(c.kind)} `);
      case "not":
        return `${this.kw("not")} ${this.condition(c.operand)}`;
      case "group":
        return `(${this.condition(c.inner)})`;
      case "reference":
        return this.name(c.name);
      case "comparison":
        return `${this.name(c.fact)} ${/^is/.test(c.operator) ? this.kw(c.operator) : c.operator} ${this.value(c.value)}`;
      case "membership":
        return `${this.name(c.fact)} ${this.kw(c.negated ? "is not one of" : "is one of")} ${c.values.map((v) => this.value(v)).join(", ")}`;
      case "includes":
        return `${this.name(c.fact)} ${this.kw(c.quantifier === "one" ? "includes" : `includes ${c.quantifier} of`)} ${c.values.map((v) => this.value(v)).join(", ")}`;
      case "date comparison":
        return `${this.name(c.fact)} ${this.kw(c.negated ? "is not" : "is")} ${this.kw(c.operator)} ${this.dateOperand(c.operand, c.operator === "within")}`;
    }
  }

  private rule(first: string, r: GeneratedRule): void {
    const title = r.title !== undefined ? ` ${this.text(r.title)}` : "";
    const clauses: string[] = [
      ...r.citations.map((c) => this.citation(c)),
      ...r.unless.map(
        (u) =>
          `${this.kw("unless")} ${this.condition(u.condition)}${u.outcome ? ` ${this.style.arrow} ${this.name(u.outcome)}` : ""}`,
      ),
      ...(r.reason !== undefined ? [`${this.kw("because")} ${this.text(r.reason)}`] : []),
      ...(r.inForce
        ? [
            [
              this.kw("in force"),
              r.inForce.from && `${this.kw("from")} ${this.value(r.inForce.from)}`,
              r.inForce.until && `${this.kw("until")} ${this.value(r.inForce.until)}`,
            ]
              .filter(Boolean)
              .join(" "),
          ]
        : []),
      ...r.advice.map((a) => `${this.kw("advise")} ${this.text(a)}`),
    ];
    let head = `${first} ${r.id}${title}`;
    if (r.compact && r.outcome !== undefined)
      head += `: ${this.condition(r.condition)} ${this.style.arrow} ${this.name(r.outcome)}`;
    else {
      clauses.push(`${this.kw("when")} ${this.condition(r.condition)}`);
      // A reminder has no `then`.
      if (r.outcome !== undefined) clauses.push(`${this.kw("then")} ${this.name(r.outcome)}`);
    }
    // Clauses may come in any order and share lines; clauses of one kind keep their order, which
    // matters (advice is given in source order).
    const order = clauses.map((c) => c.slice(0, c.indexOf(" ")).toLowerCase());
    if (this.style.noise > 0) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    const queues = new Map<string, string[]>();
    for (const c of clauses) {
      const kind = c.slice(0, c.indexOf(" ")).toLowerCase();
      queues.set(kind, [...(queues.get(kind) ?? []), c]);
    }
    this.line(0, head);
    for (const clause of order.map((kind) => queues.get(kind)!.shift()!)) {
      if (!this.commented && this.chance()) this.lines[this.lines.length - 1] += ` ${clause}`;
      else this.line(2, clause);
    }
  }

  /** Rules in order; neighbours in one `provided` block are written inside it. */
  private rules(first: string, rules: readonly GeneratedRule[]): void {
    let open: GeneratedProvided | undefined;
    const close = () => {
      if (open) this.line(0, this.kw("end provided"));
      open = undefined;
    };
    for (const r of rules) {
      if (r.provided !== open) {
        close();
        if (r.provided) {
          this.lines.push("");
          this.line(0, `${this.kw("provided")} ${this.condition(r.provided.condition)}:`);
        }
        open = r.provided;
      }
      this.lines.push("");
      this.rule(first, r);
    }
    close();
  }

  private amendment(a: GeneratedAmendment): void {
    this.line(0, `${this.kw("amend rule")} ${a.target}`);
    for (const c of a.citations) this.line(2, this.citation(c));
    for (const advice of a.advice) this.line(2, `${this.kw("advise")} ${this.text(advice)}`);
    if (a.reason !== undefined) this.line(2, `${this.kw("because")} ${this.text(a.reason)}`);
  }

  private citation(c: GeneratedCitation): string {
    return `${this.kw("cites")} ${c.source}${c.section !== undefined ? ` ${this.style.section === "§" ? "§" : this.kw("section ")}${c.section}` : ""}${c.quote !== undefined ? ` ${this.text(c.quote)}` : ""}`;
  }

  private facts(facts: readonly GeneratedFact[]): void {
    for (const f of facts) {
      const type =
        f.kind === "choice"
          ? `${this.kw("one of")} ${f.values.join(", ")}`
          : f.kind === "set"
            ? `${this.kw("any of")} ${f.values.join(", ")}`
            : f.kind === "yes/no"
              ? this.kw("yes or no")
              : f.kind === "number"
                ? `${this.kw("number")}${f.unit ? ` (${f.unit})` : ""}`
                : f.kind === "date"
                  ? this.kw("date")
                  : this.kw("text");
      this.line(0, `${this.kw("fact")} ${f.name}: ${type}`);
      const lines = [
        ...(f.question !== undefined ? [`${this.kw("asks")} ${this.text(f.question)}`] : []),
        ...(f.description !== undefined ? [`${this.kw("means")} ${this.text(f.description)}`] : []),
        ...(f.presumed
          ? [
              `${this.kw("presume")} ${[f.presumed.value, ...f.presumed.also].map((v) => this.value(v)).join(` ${this.kw("and")} `)}${f.presumed.text !== undefined ? ` ${this.text(f.presumed.text)}` : ""}`,
            ]
          : []),
      ];
      if (this.chance(0.5)) lines.reverse();
      for (const l of lines) this.line(2, l);
    }
  }

  private terms(terms: readonly GeneratedTerm[]): void {
    for (const t of terms) {
      const name = this.style.quoteTermNames ? this.text(t.name) : t.name;
      this.line(0, `${this.kw("term")} ${name}: ${this.condition(t.condition)}`);
      if (t.description !== undefined)
        this.line(2, `${this.kw("means")} ${this.text(t.description)}`);
    }
  }

  policy(p: Omit<GeneratedPolicy, "text">): string {
    const version =
      /^[\d.]+$/.test(p.version) && this.chance(0.5) ? p.version : this.text(p.version);
    this.line(0, `${this.kw("policy")} ${this.text(p.title)} ${this.kw("version")} ${version}`);
    for (const s of p.sources) {
      const bare = s.publisher?.split(" ").every((w) => VOCABULARY.has(w));
      const publisher =
        s.publisher === undefined ? "" : `, ${bare ? s.publisher : this.text(s.publisher)}`;
      this.line(
        0,
        `${this.kw("source")} ${s.id}: ${this.text(s.title)}${publisher}${s.year !== undefined ? `, ${s.year}` : ""}`,
      );
    }
    this.lines.push("");
    this.line(
      0,
      this.kw(
        ["outcomes, strongest first:", "outcomes strongest first:", "outcomes:"][
          Math.floor(this.random() * 3)
        ]!,
      ),
    );
    for (const o of p.outcomes) this.line(2, `${o.name} ${this.text(o.meaning)}`);
    this.line(0, `${this.kw("otherwise")} ${p.otherwise}`);
    this.lines.push("");
    this.facts(p.facts);
    this.terms(p.terms);
    this.rules(this.kw("rule"), p.rules);
    for (const s of p.scenarios) {
      this.lines.push("");
      this.scenario(s);
    }
    return `${this.lines.join("\n")}\n`;
  }

  private scenario(s: GeneratedScenario): void {
    const asOf = s.asOf ? ` ${this.kw("as of")} ${this.value(s.asOf)}` : "";
    this.line(0, `${this.kw("scenario")} ${this.text(s.title)}${asOf}`);
    const given = s.given.map((a) =>
      a.form === "bare"
        ? this.name(a.fact)
        : a.form === "not"
          ? `${this.kw("not")} ${this.name(a.fact)}`
          : `${this.name(a.fact)} ${this.kw("is")} ${[a.value, ...(a.also ?? [])].map((v) => this.value(v)).join(` ${this.kw("and")} `)}`,
    );
    // `given` may be split over several lines.
    const cut = this.chance(0.5) ? Math.floor(given.length / 2) : 0;
    for (const part of [given.slice(0, cut), given.slice(cut)]) {
      if (part.length > 0) this.line(2, `${this.kw("given")} ${part.join(", ")}`);
    }
    const e = s.expect;
    if (e?.kind === "undetermined") {
      const needs = this.kw(e.asking ? "asking" : "needs");
      this.line(
        2,
        `${this.kw("expect undetermined")}${e.needs.length > 0 ? ` ${needs} ${e.needs.map((n) => this.name(n)).join(", ")}` : ""}`,
      );
    } else if (e) {
      const form = e.form === "exactly" ? "" : `${this.kw(e.form)} `;
      const by = this.ruleList("by", e.byRules);
      const notBy = this.ruleList("not by", e.notByRules);
      this.line(
        2,
        `${this.kw("expect")} ${form}${e.outcomes.map((o) => this.name(o)).join(", ")}${by}${notBy}`,
      );
    }
    if (s.notByRules.length > 0)
      this.line(2, `${this.kw("expect")}${this.ruleList("not by", s.notByRules)}`);
    if (s.alsoApplies.length > 0)
      this.line(2, `${this.kw("expect also applies")}${this.ruleList("", s.alsoApplies)}`);
    if (s.advice.length > 0)
      this.line(2, `${this.kw("expect advice")} ${s.advice.map((a) => this.text(a)).join(", ")}`);
  }

  /** ` by rule 3`, ` not by rules 3, 4`; after `also applies`, `rule` may be left out. */
  private ruleList(before: string, ids: readonly string[]): string {
    if (ids.length === 0) return "";
    const rule = ids.length > 1 ? "rules" : "rule";
    const words = before === "" ? (this.chance(0.5) ? "" : rule) : `${before} ${rule}`;
    return ` ${words ? `${this.kw(words)} ` : ""}${ids.join(", ")}`;
  }

  layer(l: Omit<GeneratedLayer, "text">): string {
    this.line(
      0,
      `${this.kw("policy")} ${this.text(l.title)} ${this.kw("version")} "1" ${this.kw("extends")} ${this.text(l.extends)}`,
    );
    this.lines.push("");
    for (const e of l.extensions)
      this.line(0, `${this.kw("fact")} ${e.fact}: ${this.kw("also")} ${e.values.join(", ")}`);
    this.facts(l.facts);
    this.terms(l.terms);
    this.rules(this.kw("rule"), l.rules);
    this.rules(this.kw("override rule"), l.overrides);
    for (const a of l.amendments) {
      this.lines.push("");
      this.amendment(a);
    }
    for (const d of l.disables)
      this.line(
        0,
        `${this.kw("disable rule")} ${d.target} ${this.kw("because")} ${this.text(d.reason)}`,
      );
    for (const e of l.exceptions) {
      this.lines.push("");
      this.line(
        0,
        `${this.kw("exception to rule")} ${e.target}${e.title !== undefined ? ` ${this.text(e.title)}` : ""}`,
      );
      this.line(2, `${this.kw("when")} ${this.condition(e.condition)}`);
      if (e.outcome) this.line(2, `${this.kw("then")} ${this.name(e.outcome)}`);
      this.line(2, `${this.kw("because")} ${this.text(e.reason)}`);
      for (const a of e.advice) this.line(2, `${this.kw("advise")} ${this.text(a)}`);
    }
    return `${this.lines.join("\n")}\n`;
  }
}
