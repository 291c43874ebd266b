/**
 * Hover: what a name under the cursor stands for, in plain markdown — a term's definition, a
 * fact's type, values and question, a rule's title, citations, condition (with its `provided`
 * block's), outcome and reason, an outcome's
 * meaning and rank, a source's title, the fact a value belongs to.
 */
import type { Analysis, BaselineLink } from "../analyze.js";
import type { Range } from "../position.js";
import type {
  FactSymbol,
  OutcomeSymbol,
  PolicySymbol,
  RuleSymbol,
  SourceSymbol,
  TermSymbol,
} from "../symbols.js";
import { analysisFor, type ServiceContext } from "./context.js";
import { conditionText, factTypeText, valueText } from "./describe.js";
import { baselineAt, locate } from "./locate.js";
import { codeBlock, escapeMarkdown as esc, quoted } from "./markdown.js";

export interface Hover {
  /** The name the hover is about. */
  readonly range: Range;
  /** Plain markdown; every text from the policy is escaped. Render it untrusted. */
  readonly markdown: string;
}

/** The hover at `offset` (0-based) in `text`, or undefined when the cursor is on no known name. */
export function hover(text: string, offset: number, context: ServiceContext): Hover | undefined {
  const analysis = analysisFor(text, context);
  const found = locate(analysis, context.uri, offset);
  if (!found) {
    const link = baselineAt(analysis, context.uri, offset);
    return link && { range: link.range, markdown: baselineHover(link, analysis) };
  }
  const markdown =
    found.kind === "value"
      ? valueHover(found.fact, found.key)
      : symbolHover(found.symbol, analysis, context.uri);
  return { range: found.range, markdown };
}

function symbolHover(symbol: PolicySymbol, analysis: Analysis, uri: string): string {
  const origin = symbol.uri === uri ? [] : [`*from ${esc(symbol.layer)}*`];
  switch (symbol.kind) {
    case "fact":
      return [...factHover(symbol), ...origin].join("\n\n");
    case "term":
      return [...termHover(symbol), ...origin].join("\n\n");
    case "rule":
      return [...ruleHover(symbol, analysis), ...origin].join("\n\n");
    case "outcome":
      return [...outcomeHover(symbol, analysis), ...origin].join("\n\n");
    case "source":
      return [...sourceHover(symbol), ...origin].join("\n\n");
    case "scenario":
      return [`**scenario** ${quoted(symbol.label)}`, ...origin].join("\n\n");
  }
}

function factHover(f: FactSymbol): string[] {
  const type = f.node.type;
  const lines = [`**fact** ${esc(f.label)}`];
  if (type?.kind === "choice") {
    lines.push(`one of: ${type.values.map((v) => esc(v.text)).join(", ")}`);
  } else if (type?.kind === "set") {
    lines.push(
      `any of (several at once, or none): ${type.values.map((v) => esc(v.text)).join(", ")}`,
    );
    lines.push(`test it with \`${esc(f.label)} includes …\``);
  } else if (type) lines.push(esc(factTypeText(type)));
  if (f.node.question) lines.push(`asks ${quoted(f.node.question.value)}`);
  if (f.node.description) lines.push(esc(f.node.description.value));
  const p = f.node.presumption;
  if (p)
    lines.push(
      `presumed while unknown: ${esc([p.value, ...p.also].map(valueText).join(" and "))}${p.text ? ` (${quoted(p.text.value)})` : ""}`,
    );
  return lines;
}

function termHover(t: TermSymbol): string[] {
  const lines = [`**term** ${esc(t.label)}`];
  if (t.node.condition) lines.push(codeBlock(conditionText(t.node.condition)));
  if (t.node.description) lines.push(`means ${quoted(t.node.description.value)}`);
  return lines;
}

function ruleHover(r: RuleSymbol, analysis: Analysis): string[] {
  const d = r.node;
  const verb = d.kind === "Override" ? "rule (overridden here)" : "rule";
  const lines = [`**${verb} ${esc(r.key)}**${d.title ? ` — ${esc(d.title.value)}` : ""}`];
  for (const c of d.citations) {
    const source = c.source ? analysis.scope.sources.get(c.source.key) : undefined;
    const where = [
      c.source ? esc(c.source.text) : "",
      c.section ? `§${esc(c.section.text)}` : "",
    ].join(" ");
    const title = source?.node.title ? ` (${esc(source.node.title.value)})` : "";
    lines.push(`cites ${where.trim()}${title}${c.quote ? `: ${quoted(c.quote.value)}` : ""}`);
  }
  // A rule in a `provided` block applies only where the block's condition holds too.
  const shared = d.provided?.condition;
  if (shared) lines.push(codeBlock(`provided ${conditionText(shared)}:`));
  if (d.condition) lines.push(codeBlock(`when ${conditionText(d.condition)}`));
  if (d.outcome) {
    const meaning = analysis.scope.outcomes.get(d.outcome.key)?.node.meaning?.value;
    lines.push(`then **${esc(d.outcome.text)}**${meaning ? ` — ${esc(meaning)}` : ""}`);
  }
  for (const u of d.exceptions) {
    if (!u.condition) continue;
    const then = u.outcome ? ` → ${u.outcome.text}` : "";
    lines.push(codeBlock(`unless ${conditionText(u.condition)}${then}`));
  }
  if (d.reason) lines.push(`because ${quoted(d.reason.value)}`);
  for (const a of d.advice) lines.push(`advise ${quoted(a.value)}`);
  return lines;
}

function outcomeHover(o: OutcomeSymbol, analysis: Analysis): string[] {
  const lines = [
    `**outcome** ${esc(o.label)}${o.node.meaning ? ` — ${esc(o.node.meaning.value)}` : ""}`,
  ];
  const count = analysis.scope.outcomes.size;
  if (o.isDefault) lines.push("what the policy says when no rule applies");
  else {
    const rank = count - o.strength + 1;
    const where = rank === 1 ? "the strongest" : rank === count ? "the weakest" : `number ${rank}`;
    lines.push(
      `${where} of ${count} outcomes (the strongest outcome of the rules that apply wins)`,
    );
  }
  return lines;
}

function sourceHover(s: SourceSymbol): string[] {
  const d = s.node;
  const publisher = d.publisher
    ? "key" in d.publisher
      ? d.publisher.text
      : d.publisher.value
    : undefined;
  const details = [d.title?.value, publisher, d.year?.raw].filter((x): x is string => !!x);
  return [`**source** ${esc(s.label)}${details.length ? ` — ${esc(details.join(", "))}` : ""}`];
}

function valueHover(fact: FactSymbol, key: string): string {
  const type = fact.node.type;
  const listed = type?.kind === "choice" || type?.kind === "set" ? type.values : undefined;
  const value = listed?.find((v) => v.key === key);
  const others = listed ? listed.map((v) => esc(v.text)).join(", ") : "";
  return [
    `**value** ${esc(value?.text ?? key)} of the fact **${esc(fact.label)}**`,
    ...(others ? [`${type?.kind === "set" ? "any" : "one"} of: ${others}`] : []),
    ...(fact.node.question ? [`asks ${quoted(fact.node.question.value)}`] : []),
  ].join("\n\n");
}

/** A baseline named in the policy line: its title and version, and its rules' qualified ids. */
function baselineHover(link: BaselineLink, analysis: Analysis): string {
  const header = analysis.documents.get(link.uri)?.header;
  const title = header?.title ? quoted(header.title.value) : esc(link.uri);
  const version = header?.version ? ` version ${esc(header.version.value)}` : "";
  const lines = [`**baseline** ${title}${version}`];
  if (link.alias)
    lines.push(
      `Its rules can be named \`${link.alias}.<id>\`; where another baseline has the same id, they must be.`,
    );
  return lines.join("\n\n");
}
