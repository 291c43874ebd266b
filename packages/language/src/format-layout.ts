/**
 * The canonical layout, printed from the AST: one line per declaration or clause, clauses in a
 * fixed order, long conditions and lists wrapped, and every comment attached to the line it
 * trails or precedes (see `attachComments`). `format.ts` decides whether it is safe to use.
 */
import type { IToken, TokenType } from "chevrotain";
import type * as A from "./ast.js";
import { firstTokenFrom } from "./lexer.js";
import * as T from "./tokens.js";

/** Lines longer than this are wrapped where the language allows. */
const WIDTH = 100;
const INDENT = "  ";
const CONTINUATION = "    ";
/** Declarations that take several lines are always set apart by a blank line. */
const MULTI_LINE = new Set(["Outcomes", "Rule", "Override", "Exception", "Scenario"]);

/** Whether a blank line always separates two neighbouring declarations. */
function separated(previous: string, next: string): boolean {
  if (previous === "Header") return next !== "Source";
  return previous !== next || MULTI_LINE.has(next) || MULTI_LINE.has(previous);
}

// ---------------------------------------------------------------- printing leaves

/** A text in double quotes, with the escapes the lexer reads back. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

function value(v: A.Value): string {
  return v.kind === "Phrase" ? v.name.text : v.kind === "Text" ? quote(v.value) : v.raw;
}

/** `is [not] on or after 2024-09-01`, `is within 2 years`, `is before 30 days from today`. */
export function dateComparisonText(c: A.DateComparisonCondition, show: (v: A.Value) => string) {
  const o = c.operand;
  const operand =
    o.kind !== "Relative"
      ? show(o)
      : c.operator === "within"
        ? `${o.amount.raw} ${o.unit.text}`
        : `${o.amount.raw} ${o.unit.text} ${o.direction}`;
  return `${c.subject.text} is ${c.negated ? "not " : ""}${c.operator} ${operand}`;
}

/** A condition on one line. Parentheses are printed exactly where the author wrote them. */
function condition(c: A.Condition): string {
  switch (c.kind) {
    case "Or":
      return c.operands.map(condition).join(" or ");
    case "And":
      return c.operands.map(condition).join(" and ");
    case "Not":
      return `not ${condition(c.operand)}`;
    case "Group":
      return `(${condition(c.inner)})`;
    case "Reference":
      return c.name.text;
    case "Comparison":
      return `${c.subject.text} ${c.operator} ${value(c.value)}`;
    case "Membership":
      return `${c.subject.text} is ${c.negated ? "not " : ""}one of ${c.values.map(value).join(", ")}`;
    case "Includes":
      return `${c.subject.text} includes ${c.quantifier === "one" ? "" : `${c.quantifier} of `}${c.values.map(value).join(", ")}`;
    case "DateComparison":
      return dateComparisonText(c, value);
  }
}

/** A condition after `prefix`; when too long, broken before its top-level `and`/`or`. */
function conditionLines(prefix: string, c: A.Condition, suffix: string, cont: string): string[] {
  const flat = prefix + condition(c) + suffix;
  if (flat.length <= WIDTH || (c.kind !== "And" && c.kind !== "Or")) return [flat];
  const word = c.kind === "And" ? "and " : "or ";
  return c.operands.flatMap((operand, i) => {
    const head = i === 0 ? prefix : cont + word;
    const tail = i === c.operands.length - 1 ? suffix : "";
    return c.kind === "Or" && operand.kind === "And"
      ? conditionLines(head, operand, tail, cont + INDENT)
      : [head + condition(operand) + tail];
  });
}

/** `first` followed by comma-separated parts, filling lines up to WIDTH. */
function fill(first: string, parts: readonly string[], cont: string): string[] {
  const lines: string[] = [];
  let line = first;
  parts.forEach((part, i) => {
    const piece = part + (i < parts.length - 1 ? "," : "");
    if (i === 0) line += piece;
    else if (line.length + 1 + piece.length > WIDTH) {
      lines.push(line);
      line = cont + piece;
    } else line += ` ${piece}`;
  });
  lines.push(line);
  return lines;
}

function join(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(" ");
}

// ---------------------------------------------------------------- layout model

/** One logical output line (possibly wrapped) and the comments that travel with it. */
interface Item {
  readonly indent: string;
  readonly lines: readonly string[];
  leading: A.Comment[];
  trailing: A.Comment[];
}

/** A declaration (or the header) as printed. `items[0]` is its first line. */
interface Block {
  readonly kind: string;
  /** Before every line of the declaration: a rule in a `provided` block is indented. */
  readonly indent: string;
  readonly start: number;
  readonly end: number;
  readonly items: Item[];
  readonly endComments: A.Comment[];
}

/** A stretch of source, from `start` to the next piece, that prints as `item`. */
interface Piece {
  readonly start: number;
  readonly item: Item;
  readonly block: Block;
  readonly head: boolean;
}

function item(indent: string, lines: readonly string[]): Item {
  return { indent, lines, leading: [], trailing: [] };
}

const at = (c: A.Comment): number => c.range.start.offset;
const end = (c: A.Comment): number => c.range.end.offset;
const hasBlankLine = (text: string): boolean => /\n[^\S\n]*\n/.test(text);

export class Layout {
  private readonly blocks: Block[] = [];
  private readonly pieces: Piece[] = [];
  private readonly fileEnd: A.Comment[] = [];

  constructor(
    private readonly text: string,
    private readonly document: A.PolicyDocument,
    private readonly tokens: readonly IToken[],
  ) {}

  print(): string {
    if (this.document.header) this.header(this.document.header);
    for (const d of this.document.declarations) this.declaration(d);
    this.pieces.sort((a, b) => a.start - b.start);
    this.attachComments();
    return this.render();
  }

  // ------------------------------------------------------------ declarations

  private block(kind: string, range: A.Node["range"], indent = ""): Block {
    const block = {
      kind,
      indent,
      start: range.start.offset,
      end: range.end.offset,
      items: [],
      endComments: [],
    };
    this.blocks.push(block);
    return block;
  }

  /** Adds `it` to the block's output and maps the source stretches at `starts` to it. */
  private add(block: Block, it: Item, ...starts: (number | undefined)[]): Item {
    const head = block.items.length === 0;
    block.items.push(it);
    for (const start of starts) {
      if (start !== undefined) this.pieces.push({ start, item: it, block, head });
    }
    return it;
  }

  /** The tokens (of one type) inside a declaration. */
  private tokensOf(block: Block, type?: TokenType): IToken[] {
    const out: IToken[] = [];
    for (let i = firstTokenFrom(this.tokens, block.start); i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.startOffset >= block.end) break;
      if (!type || t.tokenType === type) out.push(t);
    }
    return out;
  }

  private header(h: A.PolicyHeader): void {
    const b = this.block("Header", h.range);
    const baselines = h.baselines.map((x) =>
      join(quote(x.target.value), x.alias && `as ${x.alias.text}`),
    );
    const head = join(
      "policy",
      h.title && quote(h.title.value),
      h.version && `version ${quote(h.version.value)}`,
    );
    const dates =
      h.inForce &&
      join(
        "in force",
        h.inForce.from && `from ${value(h.inForce.from)}`,
        h.inForce.until && `until ${value(h.inForce.until)}`,
      );
    const flat = join(head, baselines.length > 0 && `extends ${baselines.join(" and ")}`, dates);
    // Several baselines that do not fit on one line: one per line, under the title.
    const lines =
      flat.length <= WIDTH || baselines.length < 2
        ? [flat]
        : [
            head,
            ...baselines.map((x, i) => `${INDENT}${i === 0 ? "extends" : "and"} ${x}`),
            ...(dates ? [INDENT + dates] : []),
          ];
    this.add(b, item("", lines), b.start);
  }

  private declaration(d: A.Declaration): void {
    const inBlock = (d.kind === "Rule" || d.kind === "Override") && d.provided !== undefined;
    const b = this.block(d.kind, d.range, inBlock ? INDENT : "");
    switch (d.kind) {
      case "Source": {
        const head = join(`source ${d.id?.text ?? ""}:`, d.title && quote(d.title.value));
        const publisher =
          d.publisher && ("key" in d.publisher ? d.publisher.text : quote(d.publisher.value));
        const tail = [publisher, d.year?.raw].filter((p): p is string => !!p);
        const flat = [head, ...tail].join(", ");
        const lines =
          flat.length <= WIDTH || tail.length === 0
            ? [flat]
            : [`${head},`, INDENT + tail.join(", ")];
        this.add(b, item("", lines), b.start);
        return;
      }
      case "Outcomes": {
        this.add(b, item("", ["outcomes, strongest first:"]), b.start);
        const width = Math.max(0, ...d.outcomes.map((o) => o.name.text.length));
        for (const o of d.outcomes) {
          const line = o.meaning
            ? `${o.name.text.padEnd(width)}  ${quote(o.meaning.value)}`
            : o.name.text;
          this.add(b, item(INDENT, [INDENT + line]), o.range.start.offset);
        }
        if (d.otherwise) {
          const o = d.otherwise;
          const line = join(
            "otherwise",
            o.name.text,
            o.meaning && quote(o.meaning.value),
            d.otherwiseReason && `because ${quote(d.otherwiseReason.value)}`,
          );
          this.add(b, item("", [line]), this.tokensOf(b, T.Otherwise)[0]?.startOffset);
        }
        return;
      }
      case "Fact": {
        this.add(b, item("", this.factLine(d)), b.start);
        if (d.question)
          this.add(
            b,
            item(INDENT, [`${INDENT}asks ${quote(d.question.value)}`]),
            this.tokensOf(b, T.Asks)[0]?.startOffset,
          );
        if (d.description)
          this.add(
            b,
            item(INDENT, [`${INDENT}means ${quote(d.description.value)}`]),
            this.tokensOf(b, T.Means)[0]?.startOffset,
          );
        if (d.presumption) {
          const p = d.presumption;
          const values = [p.value, ...p.also].map(value).join(" and ");
          this.add(
            b,
            item(INDENT, [`${INDENT}${join("presume", values, p.text && quote(p.text.value))}`]),
            this.tokensOf(b, T.Presume)[0]?.startOffset,
          );
        }
        return;
      }
      case "Term": {
        const head = `term ${quote(d.name?.text ?? "")}: `;
        this.add(
          b,
          item(
            "",
            d.condition ? conditionLines(head, d.condition, "", CONTINUATION) : [head.trimEnd()],
          ),
          b.start,
        );
        if (d.description)
          this.add(
            b,
            item(INDENT, [`${INDENT}means ${quote(d.description.value)}`]),
            this.tokensOf(b, T.Means)[0]?.startOffset,
          );
        return;
      }
      case "Rule":
        this.ruleBody(b, d, join("rule", d.id?.text, d.title && quote(d.title.value)));
        return;
      case "Override":
        this.ruleBody(b, d, join("override rule", d.target?.text, d.title && quote(d.title.value)));
        return;
      case "Exception":
        this.ruleBody(
          b,
          { ...d, compact: false, citations: [], exceptions: [] },
          join("exception to rule", d.target?.text, d.title && quote(d.title.value)),
        );
        return;
      case "Provided": {
        const head = "provided ";
        this.add(
          b,
          item(
            "",
            d.condition ? conditionLines(head, d.condition, ":", CONTINUATION) : ["provided:"],
          ),
          b.start,
        );
        return;
      }
      case "EndProvided":
        // Comments just before `end provided` are inside the block, indented like its rules.
        this.add(b, item(INDENT, ["end provided"]), b.start);
        return;
      case "Amend":
        this.ruleBody(b, { ...d, compact: false }, join("amend rule", d.target?.text));
        return;
      case "Disable": {
        const line = join(
          "disable rule",
          d.target?.text,
          d.reason && `because ${quote(d.reason.value)}`,
        );
        this.add(b, item("", [line]), b.start);
        return;
      }
      case "Default": {
        const line = join(
          "otherwise",
          d.outcome?.text,
          d.reason && `because ${quote(d.reason.value)}`,
        );
        this.add(b, item("", [line]), b.start);
        return;
      }
      case "Constraint": {
        const head = `constraint ${quote(d.title?.value ?? "")}: `;
        const text = d.condition
          ? `${condition(d.condition)}${d.consequence ? ` → ${condition(d.consequence)}` : ""}`
          : "";
        this.add(b, item("", [`${head}${text}`.trimEnd()]), b.start);
        return;
      }
      case "Scenario":
        this.scenario(b, d);
        return;
    }
  }

  private factLine(d: A.FactDeclaration): string[] {
    const head = `fact ${d.name?.text ?? ""}: `;
    const type = d.type;
    if (!type) return [head.trimEnd()];
    switch (type.kind) {
      case "choice":
        return fill(
          `${head}one of `,
          type.values.map((v) => v.text),
          CONTINUATION,
        );
      case "also":
        return fill(
          `${head}also `,
          type.values.map((v) => v.text),
          CONTINUATION,
        );
      case "set":
        return fill(
          `${head}any of `,
          type.values.map((v) => v.text),
          CONTINUATION,
        );
      case "yes/no":
        return [`${head}yes or no`];
      case "number":
        return [`${head}number${type.unit ? ` (${type.unit.text})` : ""}`];
      case "text":
        return [`${head}text`];
      case "date":
        return [`${head}date`];
    }
  }

  /**
   * A rule, override or exception: the first line, then clauses in the canonical order, all after
   * the block's indent (wrapped at the same width as anywhere else).
   */
  private ruleBody(b: Block, d: A.RuleBody, written: string): void {
    const outer = b.indent;
    const inner = outer + INDENT;
    const cont = outer + CONTINUATION;
    const clause = (keyword: string, rest: string) => item(inner, [`${inner}${keyword} ${rest}`]);
    const first = outer + written;
    const head =
      d.compact && d.condition
        ? conditionLines(`${first}: `, d.condition, ` → ${d.outcome?.text ?? ""}`, cont)
        : [first];
    this.add(b, item(outer, head), b.start);
    // Clause keywords (hard keywords, so they appear nowhere else in a rule) in source order,
    // matched with the AST parts they introduce.
    const keywords = new Map<TokenType, number[]>();
    for (const t of this.tokensOf(b)) {
      const list = keywords.get(t.tokenType);
      if (list) list.push(t.startOffset);
      else keywords.set(t.tokenType, [t.startOffset]);
    }
    const mark = (type: TokenType, i = 0) => keywords.get(type)?.[i];
    d.citations.forEach((c, i) => {
      const rest = join(
        c.source?.text,
        c.section && `§${c.section.text}`,
        c.quote && quote(c.quote.value),
      );
      this.add(b, clause("cites", rest), mark(T.Cites, i));
    });
    if (!d.compact && d.condition) {
      this.add(
        b,
        item(inner, conditionLines(`${inner}when `, d.condition, "", cont)),
        mark(T.When),
      );
    }
    if (!d.compact && d.outcome) this.add(b, clause("then", d.outcome.text), mark(T.Then));
    d.exceptions.forEach((u, i) => {
      const lines = u.condition
        ? conditionLines(
            `${inner}unless `,
            u.condition,
            u.outcome ? ` → ${u.outcome.text}` : "",
            cont,
          )
        : [`${inner}unless`];
      this.add(b, item(inner, lines), mark(T.Unless, i));
    });
    if (d.inForce) {
      const f = d.inForce;
      const rest = join(f.from && `from ${value(f.from)}`, f.until && `until ${value(f.until)}`);
      // `in` is a soft keyword, also found inside names: the clause is placed by its own range.
      this.add(b, clause("in force", rest), f.range.start.offset);
    }
    if (d.reason) this.add(b, clause("because", quote(d.reason.value)), mark(T.Because));
    d.advice.forEach((a, i) => this.add(b, clause("advise", quote(a.value)), mark(T.Advise, i)));
  }

  private scenario(b: Block, d: A.ScenarioDeclaration): void {
    const head = join(
      "scenario",
      d.title && quote(d.title.value),
      d.asOf && `as of ${value(d.asOf)}`,
    );
    this.add(b, item("", [head]), b.start);
    const marks = (type: TokenType) => this.tokensOf(b, type).map((t) => t.startOffset);
    if (d.given.length > 0) {
      const given = d.given.map((a) =>
        a.form === "bare"
          ? a.fact.text
          : a.form === "not"
            ? `not ${a.fact.text}`
            : `${a.fact.text} is ${[a.value, ...a.also].map(value).join(" and ")}`,
      );
      this.add(b, item(INDENT, fill(`${INDENT}given `, given, CONTINUATION)), ...marks(T.Given));
    }
    // `expect advice "…"`, `expect also applies …` and `expect not by rule …` lines are told apart
    // from the decision by the words after `expect`.
    const expects = marks(T.Expect);
    const lineKind = (offset: number): "advice" | "applies" | "not" | "decision" => {
      const i = firstTokenFrom(this.tokens, offset);
      const next = this.tokens[i + 1]?.tokenType;
      const after = this.tokens[i + 2]?.tokenType;
      if (next === T.Advice && after === T.StringLiteral) return "advice";
      if (next === T.Also && after === T.Applies) return "applies";
      return next === T.Not ? "not" : "decision";
    };
    const of = (kind: ReturnType<typeof lineKind>) => expects.filter((o) => lineKind(o) === kind);
    const rules = (prefix: string, ids: readonly A.RuleId[]) =>
      ids.length > 0 &&
      `${prefix} ${ids.length > 1 ? "rules" : "rule"} ${ids.map((r) => r.text).join(", ")}`;
    const names = (list: readonly A.Name[]) => list.map((n) => n.text).join(", ");
    const e = d.expect;
    if (e) {
      const head = e.undetermined
        ? join(
            `${INDENT}expect undetermined`,
            e.needs.length > 0 && `${e.asking ? "asking" : "needs"} ${names(e.needs)}`,
          )
        : e.atLeast
          ? `${INDENT}expect at least ${names([e.atLeast, ...e.alsoOutcomes])}`
          : e.oneOf.length > 0
            ? `${INDENT}expect one of ${names(e.oneOf)}`
            : `${INDENT}expect ${names([...(e.outcome ? [e.outcome] : []), ...e.alsoOutcomes])}`;
      const line = join(head, rules("by", e.byRules), rules("not by", e.notByRules));
      this.add(b, item(INDENT, [line]), ...of("decision"));
    }
    if (d.alsoApplies.length > 0) {
      const line = `${INDENT}expect ${rules("also applies", d.alsoApplies)}`;
      this.add(b, item(INDENT, [line]), ...of("applies"));
    }
    if (d.notByRules.length > 0) {
      const line = `${INDENT}expect ${rules("not by", d.notByRules)}`;
      this.add(b, item(INDENT, [line]), ...of("not"));
    }
    if (d.advice.length > 0) {
      const lines = fill(
        `${INDENT}expect advice `,
        d.advice.map((a) => quote(a.value)),
        CONTINUATION,
      );
      this.add(b, item(INDENT, lines), ...of("advice"));
    }
  }

  // ------------------------------------------------------------ comments

  /** The piece of source that holds `offset`. */
  private pieceAt(offset: number): Piece {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const piece = this.pieces[lo];
    if (!piece || piece.start > offset) throw new Error("text outside every declaration");
    return piece;
  }

  /**
   * A comment after code on its line trails that line's item; a comment on its own line leads the
   * item of the code after it. A comment inside a stretch that prints as one line leads that line.
   * An indented comment right after a declaration, before the next, stays with the declaration.
   */
  private attachComments(): void {
    const lastEnd = new Map<Piece, number>();
    for (const t of this.tokens)
      lastEnd.set(this.pieceAt(t.startOffset), t.startOffset + t.image.length);
    let next = 0;
    let anchor = -1;
    let anchorToken: IToken | undefined;
    for (const c of this.document.comments) {
      while (next < this.tokens.length && this.tokens[next]!.startOffset < at(c)) next++;
      const before = this.tokens[next - 1];
      const after = this.tokens[next];
      const beforeEnd = before ? before.startOffset + before.image.length : 0;
      if (before !== anchorToken) {
        anchorToken = before;
        anchor = beforeEnd;
      }
      if (before && !this.text.slice(beforeEnd, at(c)).includes("\n")) {
        const piece = this.pieceAt(before.startOffset);
        if ((lastEnd.get(piece) ?? 0) <= at(c)) piece.item.trailing.push(c);
        else piece.item.leading.push(c);
        continue;
      }
      const nextPiece = after && this.pieceAt(after.startOffset);
      const beforeDeclaration =
        !nextPiece || (nextPiece.head && nextPiece.start === after.startOffset);
      if (
        before &&
        beforeDeclaration &&
        c.range.start.column > 1 &&
        !hasBlankLine(this.text.slice(anchor, at(c)))
      ) {
        this.pieceAt(before.startOffset).block.endComments.push(c);
        anchor = end(c);
      } else if (nextPiece) nextPiece.item.leading.push(c);
      else this.fileEnd.push(c);
    }
    // One trailing comment per line: earlier ones of merged lines go above it.
    for (const b of this.blocks) {
      for (const it of b.items) {
        it.leading.push(...it.trailing.splice(0, it.trailing.length - 1));
        it.leading.sort((x, y) => at(x) - at(y));
      }
    }
  }

  // ------------------------------------------------------------ output

  private blankBetween(from: number, to: number): boolean {
    return from < to && hasBlankLine(this.text.slice(from, to));
  }

  /** Comments on their own lines, keeping single blank lines between them where there were some. */
  private comments(
    out: string[],
    comments: readonly A.Comment[],
    indent: string,
    keepBlanks: boolean,
  ): void {
    comments.forEach((c, i) => {
      const previous = comments[i - 1];
      if (keepBlanks && previous && this.blankBetween(end(previous), at(c))) out.push("");
      out.push(`${indent}#${c.text.trimEnd()}`);
    });
  }

  private item(out: string[], it: Item, top: boolean, start: number): void {
    this.comments(out, it.leading, it.indent, top);
    const last = it.leading.at(-1);
    if (top && last && this.blankBetween(end(last), start)) out.push("");
    const lines = [...it.lines];
    const trailing = it.trailing[0];
    if (trailing) lines[lines.length - 1] += `  #${trailing.text.trimEnd()}`;
    for (const line of lines) out.push(line);
  }

  private render(): string {
    const out: string[] = [];
    let previous: Block | undefined;
    let previousEnd = 0;
    for (const b of this.blocks) {
      const head = b.items[0]!;
      const first = Math.min(b.start, ...head.leading.map(at));
      if (previous && (separated(previous.kind, b.kind) || this.blankBetween(previousEnd, first))) {
        out.push("");
      }
      b.items.forEach((it, i) => this.item(out, it, i === 0, b.start));
      this.comments(out, b.endComments, b.indent + INDENT, false);
      previous = b;
      previousEnd = Math.max(b.end, ...b.endComments.map(end));
    }
    const firstEnd = this.fileEnd[0];
    if (firstEnd && previous && this.blankBetween(previousEnd, at(firstEnd))) out.push("");
    this.comments(out, this.fileEnd, "", true);
    return out.length > 0 ? `${out.join("\n")}\n` : "";
  }
}
