/**
 * A decision, shown the way the runtime explains it: the outcome and its meaning, the explanation
 * in plain English, the deciding rules with their citations and reasons, the advice, and — when
 * the decision is undetermined — the questions still to answer, each answerable in place.
 */
import type { Bundle, BundleFact, BundleRule, DecideResult, Decision } from "@precept/runtime";
import { h } from "./dom.js";
import { factControl, type OnAnswer, type Situation } from "./form.js";
import type { SituationValue } from "./share.js";

export interface DecisionContext {
  readonly bundle: Bundle;
  readonly situation: Situation;
  readonly onAnswer: OnAnswer;
  /** Shows a rule's declaration in the editor. */
  readonly showRule: (ruleId: string) => void;
}

/** Colour band of an outcome, by its strength relative to the strongest. */
function band(bundle: Bundle, outcome: string): string {
  const strength = bundle.outcomes.find((o) => o.name === outcome)?.strength ?? 0;
  const max = Math.max(1, ...bundle.outcomes.map((o) => o.strength));
  if (strength === 0) return "none";
  const ratio = strength / max;
  return ratio > 0.7 ? "high" : ratio > 0.3 ? "mid" : "low";
}

function outcomeLabel(bundle: Bundle, name: string): string {
  return bundle.outcomes.find((o) => o.name === name)?.label ?? name;
}

export function renderDecision(result: DecideResult, ctx: DecisionContext): HTMLElement {
  if (!result.ok) {
    return h(
      "div",
      { class: "error-state", role: "alert" },
      h("p", {}, "These facts cannot be decided:"),
      h("ul", {}, ...result.errors.map((e) => h("li", {}, e.message))),
    );
  }
  const { bundle } = ctx;
  const box = h("section", { class: "decision", "aria-labelledby": "decision-outcome" });
  if (result.undetermined) {
    box.dataset.undetermined = "";
    const atLeast = result.undetermined.atLeast;
    box.append(
      h("h3", { class: "outcome", id: "decision-outcome", tabindex: -1 }, "Undetermined"),
      h(
        "p",
        { class: "meaning" },
        `More answers are needed. Whatever they are, the outcome is at least “${outcomeLabel(bundle, atLeast)}”.`,
      ),
    );
  } else {
    box.dataset.strength = band(bundle, result.outcome);
    const meaning = bundle.outcomes.find((o) => o.name === result.outcome)?.meaning;
    box.append(
      h(
        "h3",
        { class: "outcome", id: "decision-outcome", tabindex: -1 },
        capitalise(outcomeLabel(bundle, result.outcome)),
      ),
    );
    if (meaning) box.append(h("p", { class: "meaning" }, meaning));
  }
  if (result.undetermined) box.append(questions(result, ctx));
  box.append(h("p", { class: "explanation", "data-testid": "explanation" }, result.explanation));
  if (result.decidingRules.length > 0) {
    box.append(h("h4", {}, result.decidingRules.length === 1 ? "Deciding rule" : "Deciding rules"));
    for (const id of result.decidingRules) box.append(ruleCard(id, ctx));
  }
  if (result.alsoApplies.length > 0) {
    box.append(
      h("h4", {}, "Also applies"),
      h(
        "ul",
        { class: "also" },
        ...result.alsoApplies.map((a) =>
          h("li", {}, `${ruleName(bundle, a.rule)} → ${outcomeLabel(bundle, a.outcome)}`),
        ),
      ),
    );
  }
  if (result.advice.length > 0) {
    box.append(
      h("h4", {}, "Advice"),
      h("ul", { class: "advice" }, ...result.advice.map((a) => h("li", {}, a))),
    );
  }
  if (result.warnings.length > 0) {
    box.append(h("div", { class: "warnings" }, ...result.warnings.map((w) => h("p", {}, w))));
  }
  return box;
}

/** Questions answerable in place; the rest are named (all of them are in the form below). */
const INLINE_QUESTIONS = 4;

function questions(result: Decision, ctx: DecisionContext): HTMLElement {
  const needs = result.undetermined?.needs ?? [];
  const list = h("ol", { class: "questions", "aria-label": "Questions to answer" });
  for (const need of needs.slice(0, INLINE_QUESTIONS)) {
    const fact = ctx.bundle.facts.find((f) => f.name === need.fact);
    const item = h("li", { "data-need": need.fact }, h("p", { class: "ask" }, need.question));
    if (fact) inlineQuestion(item, fact, ctx.onAnswer);
    list.append(item);
  }
  const rest = needs.slice(INLINE_QUESTIONS);
  const more =
    rest.length > 0
      ? h(
          "p",
          { class: "meta" },
          `…and ${rest.length} more in the form below: ${rest.map((n) => ctx.bundle.facts.find((f) => f.name === n.fact)?.label ?? n.fact).join(", ")}.`,
        )
      : null;
  return h(
    "div",
    {},
    h("h4", {}, needs.length === 1 ? "To decide, answer" : "To decide, answer these"),
    list,
    more,
  );
}

/**
 * One question answered in place. Answering re-decides, and that replaces the questions, so an
 * answer is taken only when it is complete: on Enter, on "Answer", when the focus leaves the
 * question, or at once for a pointer choice (a click on Yes, an option picked with the mouse).
 * Typing `30` is then 30, not 3, and arrow keys move through a list's choices.
 */
function inlineQuestion(item: HTMLElement, fact: BundleFact, onAnswer: OnAnswer): void {
  let pending: { value: SituationValue | undefined } | undefined;
  let pointer = false;
  // Several answers are ticked one by one: those wait for Enter, "Answer" or leaving the question.
  const immediate = fact.type !== "set";
  const commit = (): void => {
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    onAnswer(fact.name, value);
  };
  const control = factControl(
    fact,
    undefined,
    (_, value) => {
      pending = { value };
      if (pointer && immediate) commit();
    },
    { showQuestion: false },
  );
  const button = h("button", { type: "button", class: "answer" }, "Answer");
  button.setAttribute("aria-label", `Answer: ${fact.label}`);
  button.addEventListener("click", commit);
  item.addEventListener("pointerdown", () => {
    pointer = true;
  });
  item.addEventListener("keydown", (event) => {
    pointer = false;
    if (event.key === "Enter" && event.target !== button) {
      event.preventDefault();
      commit();
    }
  });
  item.addEventListener("focusout", (event) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !item.contains(next)) commit();
  });
  item.append(h("div", { class: "inline-answer" }, control, button));
}

function entry(bundle: Bundle, id: string): BundleRule | undefined {
  return bundle.rules.find((r) => r.name === id);
}

function ruleName(bundle: Bundle, id: string): string {
  const params = entry(bundle, id)?.event.params;
  if (!params) return `Rule ${id}`;
  const base = params.exception ? `Exception to rule ${params.rule}` : `Rule ${params.rule}`;
  return params.title ? `${base}: ${params.title}` : base;
}

function ruleCard(id: string, ctx: DecisionContext): HTMLElement {
  const params = entry(ctx.bundle, id)?.event.params;
  const show = h("button", { type: "button", class: "show-rule" }, "Show in editor");
  show.addEventListener("click", () => ctx.showRule(params?.rule ?? id));
  const card = h(
    "div",
    { class: "rule-card", "data-rule": id },
    h("p", { class: "rule-title" }, ruleName(ctx.bundle, id), " ", show),
  );
  for (const c of params?.citations ?? []) {
    const source = ctx.bundle.sources.find((s) => s.id === c.source);
    const where = [source?.title ?? c.source, c.section ? `§${c.section}` : ""]
      .filter(Boolean)
      .join(", ");
    card.append(h("p", { class: "citation" }, where));
    if (c.quote) card.append(h("blockquote", {}, c.quote));
  }
  if (params?.reason)
    card.append(h("p", { class: "reason" }, `Because ${params.reason.replace(/\.$/, "")}.`));
  if (params && params.layer !== ctx.bundle.layers[0]?.title) {
    card.append(h("p", { class: "meta" }, `From ${params.layer}`));
  }
  return card;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
