/**
 * "Try a situation": the decision for the facts in the form, updated at once as they change, and
 * "Save as scenario" to keep the situation as a test in the open policy.
 */
import type { Bundle, DecideResult, Decider } from "@precept/runtime";
import type { Compiled } from "./compiled.js";
import { renderDecision } from "./decision-view.js";
import { h, replaceChildren } from "./dom.js";
import { type Situation, situationForm } from "./form.js";
import { scenarioText } from "./scenario-text.js";
import type { SituationValue } from "./share.js";
import { stateBanner } from "./status-views.js";

export interface TryPanelHost {
  situation(): Situation;
  setSituation(situation: Situation): void;
  showRule(ruleId: string): void;
  /** Appends text to the open policy; false (with a message shown) when it cannot. */
  appendToPolicy(text: string): boolean;
  announce(message: string): void;
  /** Hears each decision shown (undefined: none), e.g. to highlight its rules in the editor. */
  decided(result: DecideResult | undefined): void;
}

export class TryPanel {
  private compiled?: Compiled;
  private formFor?: string;
  private readonly banner = h("div");
  private readonly decisionBox = h("div", { class: "decision-box" });
  private readonly live = h("p", { class: "visually-hidden", "aria-live": "polite" });
  /** Keeps the decision in sight while answering questions far down the form. */
  private readonly summary = h("button", {
    type: "button",
    class: "decision-summary",
    hidden: true,
  });
  private readonly formBox = h("div");
  private readonly titleInput = h("input", {
    id: "scenario-title",
    type: "text",
    placeholder: "A tried situation",
  });
  private readonly saveButton = h(
    "button",
    { type: "button", id: "save-scenario" },
    "Save as scenario",
  );
  private last?: DecideResult;
  /** The decision date (`in force` dates and durations are judged by it); empty means today. */
  private readonly asOfInput = h("input", { id: "decision-date", type: "date" });
  private readonly asOfField = h(
    "p",
    { class: "form-actions", hidden: true },
    h("label", { for: "decision-date" }, "Decision date (empty: today)", this.asOfInput),
  );

  constructor(
    root: HTMLElement,
    private readonly host: TryPanelHost,
  ) {
    const clear = h("button", { type: "button" }, "Clear answers");
    clear.addEventListener("click", () => {
      host.setSituation({});
      this.renderForm(true);
      this.decide();
    });
    this.saveButton.addEventListener("click", () => this.save());
    this.asOfInput.addEventListener("input", () => this.decide());
    this.summary.addEventListener("click", () => {
      const heading = this.decisionBox.querySelector<HTMLElement>("#decision-outcome");
      heading?.scrollIntoView({ block: "start" });
      heading?.focus();
    });
    root.append(
      this.summary,
      this.banner,
      h("h3", { id: "decision-heading" }, "The decision"),
      this.live,
      this.decisionBox,
      h(
        "div",
        { class: "form-actions" },
        h("h3", { id: "situation-heading" }, "The situation"),
        clear,
      ),
      this.asOfField,
      this.formBox,
      h(
        "div",
        { class: "form-actions" },
        h("label", { for: "scenario-title" }, "Scenario title", this.titleInput),
        this.saveButton,
      ),
    );
  }

  update(compiled: Compiled): void {
    this.compiled = compiled;
    replaceChildren(this.banner, stateBanner(compiled, "decisions"));
    this.renderForm(false);
    this.decide();
  }

  /** The decision date chosen (YYYY-MM-DD), if any and if the policy depends on it. */
  get decisionDate(): string | undefined {
    return this.decider?.usesDecisionDate && this.asOfInput.value
      ? this.asOfInput.value
      : undefined;
  }

  /** Sets the decision date field (undefined: empty, today); call refreshForm to decide again. */
  setDecisionDate(asOf: string | undefined): void {
    this.asOfInput.value = asOf ?? "";
  }

  /** Shows the form again from the current situation (after it was replaced from outside). */
  refreshForm(): void {
    this.renderForm(true);
    this.decide();
  }

  private get bundle(): Bundle | undefined {
    return this.compiled?.bundle;
  }

  private get decider(): Decider | undefined {
    return this.compiled?.decider;
  }

  /** Rebuilds the form when the vocabulary changed (or when forced), keeping focus otherwise. */
  private renderForm(force: boolean): void {
    const bundle = this.bundle;
    if (!bundle) {
      replaceChildren(this.formBox);
      this.formFor = undefined;
      return;
    }
    const signature = JSON.stringify(bundle.facts);
    if (!force && signature === this.formFor) return;
    this.formFor = signature;
    replaceChildren(
      this.formBox,
      situationForm(bundle.facts, this.host.situation(), (f, v) => this.answer(f, v, false)),
    );
  }

  private answer(fact: string, value: SituationValue | undefined, fromQuestion: boolean): void {
    const next: Situation = { ...this.host.situation() };
    if (value === undefined) delete next[fact];
    else next[fact] = value;
    this.host.setSituation(next);
    if (fromQuestion) this.renderForm(true);
    this.decide(fromQuestion);
  }

  private decide(refocus = false): void {
    const bundle = this.bundle;
    const decider = this.decider;
    this.saveButton.disabled = true;
    if (!bundle || !decider) {
      this.last = undefined;
      this.host.decided(undefined);
      this.summary.hidden = true;
      replaceChildren(
        this.decisionBox,
        h("p", { class: "empty" }, "Decisions appear here once the policy has no errors."),
      );
      return;
    }
    // Only facts this policy declares: the situation may hold answers for other tabs' facts.
    const facts: Situation = {};
    const situation = this.host.situation();
    for (const f of bundle.facts)
      if (Object.hasOwn(situation, f.name)) facts[f.name] = situation[f.name]!;
    // The field shows only for policies whose decisions depend on the decision date.
    this.asOfField.hidden = !decider.usesDecisionDate;
    const asOf =
      decider.usesDecisionDate && this.asOfInput.value ? this.asOfInput.value : undefined;
    const started = performance.now();
    const result = decider.decideSync(facts, asOf ? { asOf } : undefined);
    performance.measure("precept:decide", { start: started, end: performance.now() });
    this.last = result;
    if (Object.keys(facts).length === 0) {
      replaceChildren(
        this.decisionBox,
        h(
          "p",
          { class: "empty", id: "decision-empty" },
          "Describe a situation with the questions below: the decision, its reasons and the guidance it rests on appear here as you answer.",
        ),
      );
      this.live.textContent = "";
      this.summary.hidden = true;
      this.host.decided(undefined);
      return;
    }
    this.host.decided(result);
    replaceChildren(
      this.decisionBox,
      renderDecision(result, {
        bundle,
        situation: facts,
        onAnswer: (f, v) => this.answer(f, v, true),
        showRule: (id) => this.host.showRule(id),
      }),
    );
    const said = result.ok
      ? result.undetermined
        ? `Undetermined: ${result.undetermined.needs.length} question${result.undetermined.needs.length === 1 ? "" : "s"} to answer`
        : `Decision: ${result.outcome}${result.decidingRules.length > 0 ? ` (rule ${result.decidingRules.join(", ")})` : ""}`
      : "These facts cannot be decided";
    this.live.textContent = `${said}.`;
    this.summary.textContent = `${said} — see why`;
    this.summary.hidden = false;
    this.saveButton.disabled = !result.ok || Object.keys(facts).length === 0;
    this.saveButton.title = this.saveButton.disabled ? "Answer at least one question first." : "";
    if (refocus) {
      const next = this.decisionBox.querySelector<HTMLElement>(
        ".questions select, .questions input",
      );
      (next ?? this.decisionBox.querySelector<HTMLElement>("#decision-outcome"))?.focus();
    }
  }

  private save(): void {
    const bundle = this.bundle;
    const result = this.last;
    if (!bundle || !result?.ok) return;
    const text = scenarioText(this.titleInput.value, bundle.facts, this.host.situation(), result);
    if (!text) {
      this.host.announce("Answer at least one question before saving a scenario.");
      return;
    }
    if (this.host.appendToPolicy(text)) {
      this.titleInput.value = "";
      this.host.announce("Saved: the scenario is at the end of the policy text.");
    }
  }
}
