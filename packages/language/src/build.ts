/**
 * Turns Chevrotain's concrete syntax tree into the AST of `ast.ts`. Tokens inserted by error
 * recovery are skipped: the AST holds only what was written.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import { phraseKey } from "./ast.js";
import { checkDate, isoShaped, monthNumber } from "./dates.js";
import { stringValue } from "./lexer.js";
import type { LineIndex, Range } from "./position.js";

type Children = Record<string, CstElement[] | undefined>;
const NONE: readonly CstElement[] = [];

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function real(t: IToken | undefined): t is IToken {
  return t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

export class AstBuilder {
  constructor(private readonly lines: LineIndex) {}

  // The lookups below run for every clause of every rule: they avoid allocating where they can.
  private tokens(node: CstNode, key: string): IToken[] {
    return (node.children[key] ?? NONE).filter((e): e is IToken => isToken(e) && real(e));
  }
  private token(node: CstNode, key: string): IToken | undefined {
    for (const e of node.children[key] ?? NONE) if (isToken(e) && real(e)) return e;
    return undefined;
  }
  private nodes(node: CstNode, key: string): CstNode[] {
    return (node.children[key] ?? NONE).filter((e): e is CstNode => !isToken(e));
  }
  private node(node: CstNode, key: string): CstNode | undefined {
    for (const e of node.children[key] ?? NONE) if (!isToken(e)) return e;
    return undefined;
  }

  tokenRange(t: IToken): Range {
    return this.lines.range(t.startOffset, t.startOffset + t.image.length);
  }

  /** The range of everything really written inside a node. */
  nodeRange(node: CstNode): Range | undefined {
    const loc = node.location;
    if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset ?? Number.NaN)) {
      return this.lines.range(loc.startOffset, (loc.endOffset as number) + 1);
    }
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    const visit = (children: Children) => {
      for (const list of Object.values(children)) {
        for (const e of list ?? []) {
          if (isToken(e)) {
            if (real(e)) {
              start = Math.min(start, e.startOffset);
              end = Math.max(end, e.startOffset + e.image.length);
            }
          } else visit(e.children);
        }
      }
    };
    visit(node.children);
    return Number.isFinite(start) ? this.lines.range(start, end) : undefined;
  }

  private spanRange(first: Range, last: Range | undefined): Range {
    return { start: first.start, end: (last ?? first).end };
  }

  // ---------------------------------------------------------------- leaves

  phrase(node: CstNode | undefined): A.Name | undefined {
    if (!node) return undefined;
    let first: IToken | undefined;
    let last: IToken | undefined;
    let text = "";
    for (const e of node.children.Word ?? NONE) {
      if (!isToken(e) || !real(e)) continue;
      text = first ? `${text} ${e.image}` : e.image;
      first ??= e;
      last = e;
    }
    if (!first || !last) return undefined;
    const range = this.lines.range(first.startOffset, last.startOffset + last.image.length);
    return { text, key: phraseKey(text), range };
  }

  text(t: IToken | undefined): A.Text | undefined {
    return t ? { value: stringValue(t.image), range: this.tokenRange(t) } : undefined;
  }

  ruleId(node: CstNode | undefined): A.RuleId | undefined {
    if (!node) return undefined;
    const t = this.token(node, "NumberLike") ?? this.token(node, "Word");
    return t ? { text: t.image, range: this.tokenRange(t) } : undefined;
  }

  number(t: IToken): A.NumberValue {
    const value = /^-?\d+(\.\d+)?$/.test(t.image) ? Number(t.image) : Number.NaN;
    return { kind: "Number", value, raw: t.image, range: this.tokenRange(t) };
  }

  /** A date value, valid or not (`iso` absent and `problem` set when the day does not exist). */
  private date(raw: string, range: Range, y: number, m: number, d: number): A.DateValue {
    const checked = checkDate(y, m, d);
    return checked.ok
      ? { kind: "Date", raw, iso: checked.iso, range }
      : { kind: "Date", raw, problem: checked.message, range };
  }

  value(node: CstNode | undefined): A.Value | undefined {
    if (!node) return undefined;
    const day = this.token(node, "day");
    const month = this.token(node, "month");
    const year = this.token(node, "year");
    if (day && month && year) {
      const range = this.lines.range(day.startOffset, year.startOffset + year.image.length);
      const raw = `${day.image} ${month.image} ${year.image}`;
      const y = /^\d{1,4}$/.test(year.image) ? Number(year.image) : Number.NaN;
      const d = /^\d{1,2}$/.test(day.image) ? Number(day.image) : Number.NaN;
      return this.date(raw, range, y, monthNumber(month.image) ?? 0, d);
    }
    const n = this.token(node, "NumberLike");
    if (n) {
      const iso = isoShaped(n.image);
      if (iso) return this.date(n.image, this.tokenRange(n), iso.year, iso.month, iso.day);
      return this.number(n);
    }
    const s = this.token(node, "StringLiteral");
    if (s) return { kind: "Text", value: stringValue(s.image), range: this.tokenRange(s) };
    const name = this.phrase(this.node(node, "phrase"));
    return name ? { kind: "Phrase", name, range: name.range } : undefined;
  }

  private dateOperand(node: CstNode | undefined): A.DateOperand | undefined {
    if (!node) return undefined;
    const amount = this.token(node, "amount");
    const unit = this.token(node, "unit");
    if (amount && unit) {
      const end = this.nodeRange(node)!;
      return {
        kind: "Relative",
        amount: this.number(amount),
        unit: { text: unit.image, key: phraseKey(unit.image), range: this.tokenRange(unit) },
        direction: this.token(node, "From") ? "from today" : "ago",
        range: end,
      };
    }
    return this.value(this.node(node, "value"));
  }

  // ---------------------------------------------------------------- conditions

  condition(node: CstNode | undefined): A.Condition | undefined {
    if (!node) return undefined;
    const operands = this.nodes(node, "conjunction")
      .map((c) => this.conjunction(c))
      .filter((c): c is A.Condition => c !== undefined);
    if (operands.length <= 1) return operands[0];
    return { kind: "Or", operands, range: this.nodeRange(node)! };
  }

  private conjunction(node: CstNode): A.Condition | undefined {
    const operands = this.nodes(node, "unary")
      .map((c) => this.unary(c))
      .filter((c): c is A.Condition => c !== undefined);
    if (operands.length <= 1) return operands[0];
    return { kind: "And", operands, range: this.nodeRange(node)! };
  }

  private unary(node: CstNode): A.Condition | undefined {
    const range = this.nodeRange(node);
    if (!range) return undefined;
    if (this.token(node, "Not")) {
      const operand = this.unary(this.node(node, "unary")!);
      return operand ? { kind: "Not", operand, range } : undefined;
    }
    const inner = this.node(node, "condition");
    if (inner) {
      const condition = this.condition(inner);
      return condition ? { kind: "Group", inner: condition, range } : undefined;
    }
    const test = this.node(node, "test");
    return test ? this.test(test) : undefined;
  }

  private test(node: CstNode): A.Condition | undefined {
    const subject = this.phrase(this.node(node, "subject"));
    const range = this.nodeRange(node);
    if (!subject || !range) return undefined;
    const is = this.token(node, "Is");
    if (is) {
      const not = this.token(node, "Not");
      const dateOperator = this.token(node, "dateOperator");
      const within = this.token(node, "Within");
      if (dateOperator || within) {
        const on = this.token(node, "On");
        const last = within ?? dateOperator!;
        const operatorRange = this.spanRange(
          this.tokenRange(not ?? is),
          this.lines.range(last.startOffset, last.startOffset + last.image.length),
        );
        let operand: A.DateOperand | undefined;
        let operator: A.DateOperator;
        if (within) {
          operator = "within";
          const amount = this.token(node, "amount");
          const unit = this.token(node, "unit");
          if (amount && unit) {
            operand = {
              kind: "Relative",
              amount: this.number(amount),
              unit: { text: unit.image, key: phraseKey(unit.image), range: this.tokenRange(unit) },
              direction: "ago",
              range: this.lines.range(amount.startOffset, unit.startOffset + unit.image.length),
            };
          }
        } else {
          const word = dateOperator!.image.toLowerCase() as "before" | "after";
          operator = on ? `on or ${word}` : word;
          operand = this.dateOperand(this.node(node, "dateOperand"));
        }
        if (!operand) return { kind: "Reference", name: subject, range: subject.range };
        return {
          kind: "DateComparison",
          subject,
          negated: !!not,
          operator,
          operatorRange,
          operand,
          range,
        };
      }
      const members = this.nodes(node, "members");
      if (members.length > 0) {
        const values = members.map((m) => this.value(m)).filter((v): v is A.Value => !!v);
        return { kind: "Membership", subject, negated: !!not, values, range };
      }
      const value = this.value(this.node(node, "value"));
      if (!value) return { kind: "Reference", name: subject, range: subject.range };
      const operatorRange = this.spanRange(this.tokenRange(is), not && this.tokenRange(not));
      const operator = not ? "is not" : "is";
      return { kind: "Comparison", subject, operator, operatorRange, value, range };
    }
    if (this.token(node, "Includes")) {
      const values = this.nodes(node, "included")
        .map((m) => this.value(m))
        .filter((v): v is A.Value => !!v);
      if (values.length === 0) return { kind: "Reference", name: subject, range: subject.range };
      const q = this.token(node, "quantifier");
      const quantifier = q ? (q.image.toLowerCase() as "any" | "all" | "none") : "one";
      return { kind: "Includes", subject, quantifier, values, range };
    }
    const compare = this.token(node, "compare");
    if (compare) {
      const value = this.value(this.node(node, "value"));
      if (!value) return { kind: "Reference", name: subject, range: subject.range };
      const operator = compare.image.replace("≤", "<=").replace("≥", ">=") as A.ComparisonOperator;
      return {
        kind: "Comparison",
        subject,
        operator,
        operatorRange: this.tokenRange(compare),
        value,
        range,
      };
    }
    return { kind: "Reference", name: subject, range: subject.range };
  }

  // ---------------------------------------------------------------- declarations

  comment(c: IToken): A.Comment {
    return { text: c.image.slice(1), range: this.tokenRange(c) };
  }

  header(node: CstNode): A.PolicyHeader | undefined {
    if (!this.nodeRange(node)) return undefined;
    const version = this.token(node, "version");
    const baselines: A.BaselineReference[] = [];
    for (const b of this.nodes(node, "baseline")) {
      const target = this.text(this.token(b, "target"));
      const alias = this.token(b, "alias");
      if (!target) continue;
      baselines.push({
        target,
        ...(alias ? { alias: { text: alias.image, range: this.tokenRange(alias) } } : {}),
        range: this.nodeRange(b)!,
      });
    }
    return {
      kind: "Header",
      range: this.nodeRange(node)!,
      title: this.text(this.token(node, "title")),
      version: version && {
        value: version.tokenType.name === "NumberLike" ? version.image : stringValue(version.image),
        range: this.tokenRange(version),
      },
      extends: baselines[0]?.target,
      baselines,
      ...this.headerInForce(node),
    };
  }

  private headerInForce(node: CstNode): { inForce?: A.InForce } {
    const inForce = this.inForce(this.node(node, "inForce"));
    return inForce ? { inForce } : {};
  }

  /** `in force from … until …`, on the policy line or in a rule's clauses. */
  private inForce(node: CstNode | undefined): A.InForce | undefined {
    const range = node && this.nodeRange(node);
    if (!node || !range) return undefined;
    const from = this.value(this.node(node, "from"));
    const until = this.value(this.node(node, "until"));
    return { range, ...(from ? { from } : {}), ...(until ? { until } : {}) };
  }

  declaration(node: CstNode): A.Declaration | undefined {
    const [name, list] = Object.entries(node.children)[0] ?? [];
    const inner = list?.[0];
    if (!name || !inner || isToken(inner)) return undefined;
    const range = this.nodeRange(inner);
    if (!range) return undefined;
    switch (name) {
      case "source":
        return this.source(inner, range);
      case "outcomes":
        return this.outcomes(inner, range);
      case "fact":
        return this.fact(inner, range);
      case "term":
        return this.term(inner, range);
      case "rule":
        return {
          kind: "Rule",
          range,
          id: this.ruleId(this.node(inner, "ruleId")),
          ...this.body(this.node(inner, "ruleBody") ?? inner),
        };
      case "override":
        return {
          kind: "Override",
          range,
          target: this.ruleId(this.node(inner, "ruleId")),
          ...this.body(this.node(inner, "ruleBody") ?? inner),
        };
      case "disable":
        return {
          kind: "Disable",
          range,
          target: this.ruleId(this.node(inner, "ruleId")),
          reason: this.text(this.token(inner, "reason")),
        };
      case "layerDefault":
        return {
          kind: "Default",
          range,
          outcome: this.phrase(this.node(inner, "outcome")),
          reason: this.text(this.token(inner, "reason")),
        };
      case "provided":
        return {
          kind: "Provided",
          range,
          condition: this.condition(this.node(inner, "condition")),
        };
      case "endProvided":
        return { kind: "EndProvided", range };
      case "amend":
        return {
          kind: "Amend",
          range,
          target: this.ruleId(this.node(inner, "ruleId")),
          ...this.body(inner),
        };
      case "exception": {
        const body = this.body(inner);
        return {
          kind: "Exception",
          range,
          target: this.ruleId(this.node(inner, "ruleId")),
          title: body.title,
          condition: body.condition,
          outcome: body.outcome,
          reason: body.reason,
          advice: body.advice,
          ...(body.inForce ? { inForce: body.inForce } : {}),
          clauses: body.clauses,
        };
      }
      case "scenario":
        return this.scenario(inner, range);
      case "constraint": {
        const consequence = this.condition(this.node(inner, "consequence"));
        return {
          kind: "Constraint",
          range,
          title: this.text(this.token(inner, "title")),
          condition: this.condition(this.node(inner, "condition")),
          ...(consequence ? { consequence } : {}),
        };
      }
      default:
        return undefined;
    }
  }

  private source(node: CstNode, range: Range): A.SourceDeclaration {
    const year = this.token(node, "year");
    return {
      kind: "Source",
      range,
      id: this.phrase(this.node(node, "id")),
      title: this.text(this.token(node, "title")),
      publisher:
        this.phrase(this.node(node, "publisher")) ?? this.text(this.token(node, "publisher")),
      year: year && this.number(year),
    };
  }

  private outcomes(node: CstNode, range: Range): A.OutcomesDeclaration {
    const outcomes: A.OutcomeEntry[] = [];
    for (const entry of this.nodes(node, "outcomeEntry")) {
      const name = this.phrase(this.node(entry, "phrase"));
      if (!name) continue;
      const meaning = this.text(this.token(entry, "StringLiteral"));
      outcomes.push({ name, range: this.nodeRange(entry)!, ...(meaning ? { meaning } : {}) });
    }
    const otherwiseName = this.phrase(this.node(node, "otherwise"));
    const otherwiseMeaning = this.text(this.token(node, "otherwiseMeaning"));
    const otherwise: A.OutcomeEntry | undefined = otherwiseName && {
      name: otherwiseName,
      range: this.spanRange(otherwiseName.range, otherwiseMeaning?.range),
      ...(otherwiseMeaning ? { meaning: otherwiseMeaning } : {}),
    };
    const otherwiseReason = this.text(this.token(node, "otherwiseReason"));
    return {
      kind: "Outcomes",
      range,
      outcomes,
      ...(otherwise ? { otherwise } : {}),
      ...(otherwiseReason ? { otherwiseReason } : {}),
    };
  }

  private fact(node: CstNode, range: Range): A.FactDeclaration {
    const typeNode = this.node(node, "factType");
    let type: A.FactType | undefined;
    const typeRange = typeNode && this.nodeRange(typeNode);
    if (typeNode && typeRange) {
      if (this.token(typeNode, "One")) {
        const values = this.nodes(typeNode, "values")
          .map((v) => this.phrase(v))
          .filter((v): v is A.Name => !!v);
        type = { kind: "choice", values, range: typeRange };
      } else if (this.token(typeNode, "Also")) {
        const values = this.nodes(typeNode, "addedValues")
          .map((v) => this.phrase(v))
          .filter((v): v is A.Name => !!v);
        type = { kind: "also", values, range: typeRange };
      } else if (this.token(typeNode, "Any")) {
        const values = this.nodes(typeNode, "setValues")
          .map((v) => this.phrase(v))
          .filter((v): v is A.Name => !!v);
        type = { kind: "set", values, range: typeRange };
      } else if (this.token(typeNode, "Yes")) type = { kind: "yes/no", range: typeRange };
      else if (this.token(typeNode, "NumberType")) {
        const unit = this.phrase(this.node(typeNode, "unit"));
        type = { kind: "number", range: typeRange, ...(unit ? { unit } : {}) };
      } else if (this.token(typeNode, "TextType")) type = { kind: "text", range: typeRange };
      else if (this.token(typeNode, "DateType")) type = { kind: "date", range: typeRange };
    }
    let question: A.Text | undefined;
    let description: A.Text | undefined;
    const clauses: A.ClauseMark[] = [];
    let presumption: A.Presumption | undefined;
    for (const d of this.nodes(node, "describe")) {
      const presume = this.token(d, "Presume");
      if (presume) {
        clauses.push({ clause: "presume", range: this.tokenRange(presume) });
        const [value, ...also] = this.nodes(d, "presumed")
          .map((v) => this.value(v))
          .filter((v): v is A.Value => !!v);
        const text = this.text(this.token(d, "presumption"));
        const range = this.nodeRange(d);
        if (value && range && !presumption)
          presumption = { value, also, range, ...(text ? { text } : {}) };
        continue;
      }
      const text = this.text(this.token(d, "StringLiteral"));
      const keyword = this.token(d, "Asks") ?? this.token(d, "Means");
      if (keyword)
        clauses.push({
          clause: keyword.tokenType.name === "Asks" ? "asks" : "means",
          range: this.tokenRange(keyword),
        });
      if (this.token(d, "Asks")) question ??= text;
      else description ??= text;
    }
    return {
      kind: "Fact",
      range,
      name: this.phrase(this.node(node, "phrase")),
      type,
      question,
      description,
      ...(presumption ? { presumption } : {}),
      clauses,
    };
  }

  private term(node: CstNode, range: Range): A.TermDeclaration {
    const quoted = this.text(this.token(node, "name"));
    const name: A.Name | undefined = quoted
      ? { text: quoted.value, key: phraseKey(quoted.value), range: quoted.range }
      : this.phrase(this.node(node, "name"));
    return {
      kind: "Term",
      range,
      name,
      condition: this.condition(this.node(node, "condition")),
      description: this.text(this.token(node, "meaning")),
    };
  }

  private mark(
    clauses: A.ClauseMark[],
    clause: A.ClauseMark["clause"],
    keyword: IToken | undefined,
  ): void {
    if (keyword) clauses.push({ clause, range: this.tokenRange(keyword) });
  }

  /** The clauses of a rule, override or exception, in any order. */
  private body(node: CstNode): A.RuleBody {
    const citations: A.Citation[] = [];
    const advice: A.Text[] = [];
    const exceptions: A.UnlessClause[] = [];
    const clauses: A.ClauseMark[] = [];
    let condition: A.Condition | undefined;
    let outcome: A.Name | undefined;
    let reason: A.Text | undefined;
    let inForce: A.InForce | undefined;
    const compact = this.token(node, "Colon") !== undefined;
    if (compact) {
      condition = this.condition(this.node(node, "condition"));
      outcome = this.phrase(this.node(node, "outcome"));
    }
    for (const clause of this.nodes(node, "ruleClause")) {
      const range = this.nodeRange(clause);
      if (!range) continue;
      if (this.token(clause, "Cites")) {
        this.mark(clauses, "cites", this.token(clause, "Cites"));
        const c = this.node(clause, "citation");
        if (!c) continue;
        const source = this.token(c, "source");
        const section = this.token(c, "section");
        citations.push({
          range,
          source: source && {
            text: source.image,
            key: phraseKey(source.image),
            range: this.tokenRange(source),
          },
          section: section && {
            text: section.image,
            key: phraseKey(section.image),
            range: this.tokenRange(section),
          },
          quote: this.text(this.token(c, "quote")),
        });
      } else if (this.token(clause, "When")) {
        this.mark(clauses, "when", this.token(clause, "When"));
        condition ??= this.condition(this.node(clause, "condition"));
      } else if (this.token(clause, "Then")) {
        this.mark(clauses, "then", this.token(clause, "Then"));
        outcome ??= this.phrase(this.node(clause, "outcome"));
      } else if (this.token(clause, "Because")) {
        this.mark(clauses, "because", this.token(clause, "Because"));
        reason ??= this.text(this.token(clause, "reason"));
      } else if (this.token(clause, "Advise")) {
        this.mark(clauses, "advise", this.token(clause, "Advise"));
        const text = this.text(this.token(clause, "advice"));
        if (text) advice.push(text);
      } else if (this.node(clause, "inForce")) {
        const f = this.node(clause, "inForce")!;
        this.mark(clauses, "in force", this.token(f, "In"));
        inForce ??= this.inForce(f);
      } else if (this.token(clause, "Unless")) {
        this.mark(clauses, "unless", this.token(clause, "Unless"));
        const unlessOutcome = this.phrase(this.node(clause, "unlessOutcome"));
        exceptions.push({
          range,
          condition: this.condition(this.node(clause, "unlessCondition")),
          ...(unlessOutcome ? { outcome: unlessOutcome } : {}),
        });
      }
    }
    return {
      title: this.text(this.token(node, "title")),
      compact,
      citations,
      condition,
      outcome,
      reason,
      advice,
      exceptions,
      ...(inForce ? { inForce } : {}),
      clauses,
    };
  }

  private scenario(node: CstNode, range: Range): A.ScenarioDeclaration {
    const given: A.Assignment[] = [];
    for (const a of this.nodes(node, "assignment")) {
      const fact = this.phrase(this.node(a, "fact"));
      const aRange = this.nodeRange(a);
      if (!fact || !aRange) continue;
      const not = this.token(a, "Not");
      const value = this.value(this.node(a, "value"));
      const also = this.nodes(a, "also")
        .map((v) => this.value(v))
        .filter((v): v is A.Value => !!v);
      if (value) given.push({ fact, value, also, form: "is", range: aRange });
      else {
        const word = not ? "no" : "yes";
        const synthetic: A.Value = {
          kind: "Phrase",
          name: { text: word, key: word, range: fact.range },
          range: fact.range,
        };
        given.push({ fact, value: synthetic, also: [], form: not ? "not" : "bare", range: aRange });
      }
    }
    let expect: A.Expectation | undefined;
    const advice: A.Text[] = [];
    const alsoApplies: A.RuleId[] = [];
    const alsoAppliesLines: A.AlsoAppliesLine[] = [];
    const notByRules: A.RuleId[] = [];
    const clauses: A.ClauseMark[] = [];
    const ids = (nodes: CstNode[]) =>
      nodes.map((r) => this.ruleId(r)).filter((r): r is A.RuleId => !!r);
    const phrases = (nodes: CstNode[]) =>
      nodes.map((n) => this.phrase(n)).filter((n): n is A.Name => !!n);
    for (const t of this.tokens(node, "Given"))
      clauses.push({ clause: "given", range: this.tokenRange(t) });
    for (const e of this.nodes(node, "expectation")) {
      const eRange = this.nodeRange(e);
      if (!eRange) continue;
      // Lines of their own, any number of them: advice, rules that also apply, rules that do not decide.
      if (this.token(e, "Advice") && this.tokens(e, "advice").length > 0) {
        for (const t of this.tokens(e, "advice")) advice.push(this.text(t)!);
        continue;
      }
      if (this.token(e, "Applies")) {
        const rules = ids(this.nodes(e, "applies"));
        alsoApplies.push(...rules);
        const also = this.token(e, "Also");
        const last = rules.at(-1);
        if (also && last)
          alsoAppliesLines.push({
            range: { start: this.tokenRange(also).start, end: last.range.end },
            rules,
          });
        continue;
      }
      const alone = this.node(e, "notByRules");
      if (alone) {
        notByRules.push(...ids(this.nodes(alone, "notBy")));
        continue;
      }
      clauses.push({ clause: "expect", range: eRange });
      if (expect) continue; // a second `expect` is reported by the checker
      const by = this.node(e, "decidedBy");
      const not = by && this.node(by, "notByRules");
      const atLeast = this.phrase(this.node(e, "atLeast"));
      expect = {
        range: eRange,
        undetermined: this.token(e, "Undetermined") !== undefined,
        outcome: this.phrase(this.node(e, "outcome")),
        alsoOutcomes: phrases(this.nodes(e, "alsoOutcome")),
        ...(atLeast ? { atLeast } : {}),
        oneOf: phrases(this.nodes(e, "oneOf")),
        byRules: by ? ids(this.nodes(by, "ruleId")) : [],
        notByRules: not ? ids(this.nodes(not, "notBy")) : [],
        needs: phrases(this.nodes(e, "needs")),
        asking: this.token(e, "Asking") !== undefined,
      };
    }
    const asOf = this.value(this.node(node, "asOf"));
    return {
      kind: "Scenario",
      range,
      title: this.text(this.token(node, "title")),
      ...(asOf ? { asOf } : {}),
      given,
      expect,
      advice,
      alsoApplies,
      alsoAppliesLines,
      notByRules,
      clauses,
    };
  }
}
