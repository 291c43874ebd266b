/**
 * The Ask page's one flow, as `precept explain --ask` runs it: decide with the answers so far; while
 * the decision is undetermined, ask the first question it still needs; then show the decision
 * with its reasons, the guidance it rests on and the advice, ready to print.
 */
import type { Bundle, BundleFact, Decider, Decision, FactValue } from "@precept/runtime";
import { freshId, h } from "../dom.js";

type Answers = Record<string, FactValue>;

export class AskView {
  private answers: Answers = {};
  /** The order the questions were answered in (for "Back" and the summary). */
  private order: string[] = [];
  /** Where the question or the decision is shown. */
  private readonly content = h("div");
  /**
   * The decision date, for policies whose decisions depend on it (`in force` dates, durations
   * such as `within 2 years`): empty means today, as in the playground.
   */
  private readonly asOfInput = h("input", { id: "decision-date", type: "date" });

  constructor(
    root: HTMLElement,
    private readonly decider: Decider,
  ) {
    if (decider.usesDecisionDate) {
      // Re-decides as the date is typed, leaving the focus in the date field.
      this.asOfInput.addEventListener("change", () => this.render(false));
      root.replaceChildren(
        h(
          "p",
          { class: "decision-date no-print" },
          h("label", { for: "decision-date" }, "Decision date (empty: today)"),
          this.asOfInput,
        ),
        this.content,
      );
    } else root.replaceChildren(this.content);
  }

  /** The decision date chosen, if any (the browser's date field gives YYYY-MM-DD). */
  private get asOf(): string | undefined {
    return this.decider.usesDecisionDate && this.asOfInput.value ? this.asOfInput.value : undefined;
  }

  private get bundle(): Bundle {
    return this.decider.bundle;
  }

  start(): void {
    this.answers = {};
    this.order = [];
    this.render();
  }

  private answer(fact: string, value: FactValue): void {
    this.answers = { ...this.answers, [fact]: value };
    this.order = [...this.order.filter((f) => f !== fact), fact];
    this.render();
  }

  private back(): void {
    const last = this.order.at(-1);
    if (last === undefined) return;
    this.order = this.order.slice(0, -1);
    const { [last]: _dropped, ...rest } = this.answers;
    this.answers = rest;
    this.render();
  }

  /** Shows the next question, or the decision (moving the focus to it unless told not to). */
  private render(focus = true): void {
    const asOf = this.asOf;
    const result = this.decider.decideSync(this.answers, asOf ? { asOf } : undefined);
    if (!result.ok) {
      this.content.replaceChildren(
        h(
          "div",
          { class: "problem", role: "alert" },
          ...result.errors.map((e) => h("p", {}, e.message)),
        ),
      );
      return;
    }
    const need = result.undetermined?.needs[0];
    const fact = need && this.bundle.facts.find((f) => f.name === need.fact);
    if (need && fact) this.question(fact, need.question, result, focus);
    else this.decision(result, focus);
  }

  private question(fact: BundleFact, text: string, result: Decision, focus: boolean): void {
    const asked = this.order.length + 1;
    const form = h("form", { class: "question", "aria-labelledby": "question-text" });
    const heading = h("h2", { id: "question-text", tabindex: -1 }, text);
    const control = answerControl(fact);
    const error = h("p", { class: "answer-error", role: "alert" });
    const next = h("button", { type: "submit", class: "primary" }, "Next");
    const back = h("button", { type: "button" }, "Back");
    back.disabled = this.order.length === 0;
    back.addEventListener("click", () => this.back());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = control.read();
      if (value === undefined) {
        error.textContent = control.hint;
        control.focus();
        return;
      }
      this.answer(fact.name, value);
    });
    const meaning = fact.description
      ? h("details", {}, h("summary", {}, "What the answers mean"), h("p", {}, fact.description))
      : null;
    form.append(h("p", { class: "step" }, `Question ${asked}`), heading);
    if (meaning) form.append(meaning);
    form.append(
      control.element,
      error,
      h("div", { class: "buttons" }, back, next),
      h(
        "p",
        { class: "so-far" },
        `Whatever the remaining answers, the outcome is at least “${label(this.bundle, result.undetermined?.atLeast ?? "")}”.`,
      ),
    );
    this.content.replaceChildren(form);
    if (asked === 1) performance.mark("precept:first-question");
    if (focus) control.focus();
  }

  private decision(result: Decision, focus: boolean): void {
    const bundle = this.bundle;
    const outcome = bundle.outcomes.find((o) => o.name === result.outcome);
    const section = h("section", { class: "decision", "aria-labelledby": "outcome" });
    section.append(
      h(
        "h2",
        { id: "outcome", class: "outcome", tabindex: -1 },
        capitalise(outcome?.label ?? result.outcome),
      ),
    );
    if (outcome?.meaning) section.append(h("p", { class: "meaning" }, outcome.meaning));
    if (this.decider.usesDecisionDate && result.asOf) {
      section.append(h("p", { class: "as-of" }, `Decided as of ${longDate(result.asOf)}.`));
    }
    section.append(h("p", { class: "explanation" }, result.explanation));
    for (const id of result.decidingRules) {
      const params = bundle.rules.find((r) => r.name === id)?.event.params;
      if (!params) continue;
      const card = h(
        "div",
        { class: "rule" },
        h(
          "h3",
          {},
          `${params.exception ? "Exception to rule" : "Rule"} ${params.rule}${params.title ? `: ${params.title}` : ""}`,
        ),
      );
      for (const c of params.citations ?? []) {
        const source = bundle.sources.find((s) => s.id === c.source);
        card.append(
          h(
            "p",
            { class: "citation" },
            [source?.title ?? c.source, c.section ? `§${c.section}` : ""]
              .filter(Boolean)
              .join(", "),
          ),
        );
        if (c.quote) card.append(h("blockquote", {}, c.quote));
      }
      if (params.reason) card.append(h("p", {}, `Because ${params.reason.replace(/\.$/, "")}.`));
      section.append(card);
    }
    if (result.advice.length > 0) {
      section.append(
        h("h3", {}, "Advice"),
        h("ul", {}, ...result.advice.map((a) => h("li", {}, a))),
      );
    }
    section.append(this.summary());
    const again = h("button", { type: "button" }, "Start again");
    again.addEventListener("click", () => this.start());
    const back = h("button", { type: "button" }, "Change the last answer");
    back.addEventListener("click", () => this.back());
    back.disabled = this.order.length === 0;
    const print = h("button", { type: "button", class: "primary" }, "Print");
    print.addEventListener("click", () => window.print());
    section.append(h("div", { class: "buttons no-print" }, back, again, print));
    this.content.replaceChildren(section);
    if (focus) section.querySelector<HTMLElement>("#outcome")?.focus();
  }

  /** The answers given, for the record (and the printout). */
  private summary(): HTMLElement {
    const list = h("dl", { class: "answers" });
    for (const name of this.order) {
      const fact = this.bundle.facts.find((f) => f.name === name);
      const value = this.answers[name];
      list.append(h("dt", {}, fact?.question ?? fact?.label ?? name), h("dd", {}, shown(value)));
    }
    return h(
      "div",
      {},
      h("h3", {}, "Your answers"),
      this.order.length ? list : h("p", {}, "None were needed."),
    );
  }
}

interface Control {
  readonly element: HTMLElement;
  /** The answer, or undefined when none (or no valid one) is given yet. */
  read(): FactValue | undefined;
  readonly hint: string;
  focus(): void;
}

/**
 * Radio buttons for yes/no and short lists, a list box for long ones, checkboxes for several
 * answers, a field for the rest.
 */
function answerControl(fact: BundleFact): Control {
  const name = freshId("answer");
  if (fact.type === "set") {
    const boxes = fact.values.map((v) => h("input", { type: "checkbox", name, value: v }));
    const group = h(
      "fieldset",
      { class: "choices" },
      h("legend", {}, "Tick every one that applies (none: leave them all clear)."),
      ...boxes.map((box, i) => h("label", {}, box, h("span", {}, fact.values[i]!))),
    );
    return {
      element: group,
      read: () => fact.values.filter((_, i) => boxes[i]!.checked),
      hint: "",
      focus: () => boxes[0]?.focus(),
    };
  }
  if (fact.type === "yes/no" || (fact.type === "choice" && fact.values.length <= 12)) {
    const choices: [string, FactValue][] =
      fact.type === "yes/no"
        ? [
            ["Yes", true],
            ["No", false],
          ]
        : fact.values.map((v) => [v, v]);
    const inputs: HTMLInputElement[] = [];
    const group = h(
      "fieldset",
      { class: "choices" },
      h("legend", { class: "visually-hidden" }, fact.label),
    );
    for (const [text] of choices) {
      const input = h("input", { type: "radio", name, value: text });
      inputs.push(input);
      group.append(h("label", {}, input, h("span", {}, text)));
    }
    return {
      element: group,
      read: () => {
        const at = inputs.findIndex((i) => i.checked);
        return at < 0 ? undefined : choices[at]![1];
      },
      hint: "Choose one of the answers.",
      focus: () => inputs[0]?.focus(),
    };
  }
  if (fact.type === "choice") {
    const select = h("select", { "aria-label": fact.label });
    select.append(h("option", { value: "" }, "Choose…"));
    for (const v of fact.values) select.append(h("option", { value: v }, v));
    return {
      element: select,
      read: () => select.value || undefined,
      hint: "Choose one of the answers.",
      focus: () => select.focus(),
    };
  }
  if (fact.type === "date") {
    // The browser's date picker (typed or chosen) gives YYYY-MM-DD, the form the runtime reads.
    const input = h("input", { type: "date", "aria-label": fact.label });
    return {
      element: h("label", { class: "field" }, input),
      read: () => (/^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : undefined),
      hint: "Give a date (day, month and year).",
      focus: () => input.focus(),
    };
  }
  const unit = fact.type === "number" && fact.unit ? ` (${fact.unit})` : "";
  const input = h("input", {
    type: fact.type === "number" ? "number" : "text",
    "aria-label": `${fact.label}${unit}`,
    ...(fact.type === "number" ? { inputmode: "decimal", step: "any" } : {}),
  });
  return {
    element: h("label", { class: "field" }, input, unit ? h("span", {}, unit.trim()) : null),
    read: () => {
      if (input.value.trim() === "") return undefined;
      if (fact.type !== "number") return input.value;
      const n = Number(input.value);
      return Number.isFinite(n) ? n : undefined;
    },
    hint: fact.type === "number" ? "Answer with a number." : "Please answer the question.",
    focus: () => input.focus(),
  };
}

/** 2024-03-15 as "15 March 2024" (the calendar date itself, whatever the time zone). */
function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** An answer as a person reads it. */
function shown(value: FactValue | undefined): string {
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (Array.isArray(value)) return value.length === 0 ? "None of these" : value.join(", ");
  return String(value);
}

function label(bundle: Bundle, outcome: string): string {
  return bundle.outcomes.find((o) => o.name === outcome)?.label ?? outcome;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
