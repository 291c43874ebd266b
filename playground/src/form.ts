/**
 * Controls generated from a policy's vocabulary: a select for each list fact, yes/no/unknown for
 * each yes/no fact, number and text inputs. Leaving a control at "unknown" leaves the fact out of
 * the situation, which is how a decision becomes undetermined.
 */
import { type BundleFact, readFactValue } from "@precept/runtime";
import { freshId, h } from "./dom.js";
import type { Situation, SituationValue } from "./share.js";

export type { Situation };
export type OnAnswer = (fact: string, value: SituationValue | undefined) => void;

/** A typed field's value by the runtime's facts contract (form input); unknown when unreadable. */
function typed(fact: BundleFact, text: string): SituationValue | undefined {
  const read = readFactValue(fact, text, { mode: "form" });
  return read.ok && read.value !== null ? read.value : undefined;
}

/** A labelled control for one fact, showing `value` (undefined: unknown). */
export function factControl(
  fact: BundleFact,
  value: SituationValue | undefined,
  onAnswer: OnAnswer,
  options: { showQuestion?: boolean } = {},
): HTMLElement {
  const id = freshId("fact");
  const questionId = `${id}-q`;
  const showQuestion = options.showQuestion !== false && fact.question !== undefined;
  const question = showQuestion
    ? h("span", { class: "question", id: questionId }, fact.question)
    : null;
  const described = showQuestion ? questionId : undefined;
  const meaning = fact.description
    ? h("details", {}, h("summary", {}, "What the answers mean"), h("p", {}, fact.description))
    : null;

  if (fact.type === "yes/no") {
    const group = h("fieldset", {
      class: "fact",
      "data-fact": fact.name,
      ...(described ? { "aria-describedby": described } : {}),
    });
    const choices = h("div", { class: "segmented" });
    const current = value === true ? "yes" : value === false ? "no" : "unknown";
    for (const choice of ["yes", "no", "unknown"] as const) {
      const input = h("input", { type: "radio", name: id, value: choice });
      input.checked = choice === current;
      input.addEventListener("change", () => {
        if (input.checked) onAnswer(fact.name, choice === "unknown" ? undefined : choice === "yes");
      });
      choices.append(
        h(
          "label",
          {},
          input,
          h("span", {}, choice === "unknown" ? "Unknown" : choice === "yes" ? "Yes" : "No"),
        ),
      );
    }
    group.append(h("legend", {}, fact.label), question ?? "", choices);
    if (meaning) group.append(meaning);
    return group;
  }

  if (fact.type === "set") {
    // Several answers: a checkbox per value, and "Unknown" (the fact left out). Ticking a value
    // answers the question; with every box clear and Unknown off, the answer is "none of these".
    const group = h("fieldset", {
      class: "fact",
      "data-fact": fact.name,
      ...(described ? { "aria-describedby": described } : {}),
    });
    const chosen = new Set(Array.isArray(value) ? value : []);
    const boxes: HTMLInputElement[] = [];
    const unknown = h("input", { type: "checkbox", value: "" });
    unknown.checked = !Array.isArray(value);
    const send = () =>
      onAnswer(
        fact.name,
        unknown.checked ? undefined : fact.values.filter((_, i) => boxes[i]!.checked),
      );
    const options = h("div", { class: "choices" });
    for (const v of fact.values) {
      const box = h("input", { type: "checkbox", value: v });
      box.checked = chosen.has(v);
      box.addEventListener("change", () => {
        if (box.checked) unknown.checked = false;
        send();
      });
      boxes.push(box);
      options.append(h("label", {}, box, h("span", {}, v)));
    }
    unknown.addEventListener("change", () => {
      if (unknown.checked) for (const b of boxes) b.checked = false;
      send();
    });
    options.append(h("label", {}, unknown, h("span", {}, "Unknown")));
    group.append(h("legend", {}, fact.label), question ?? "", options);
    if (meaning) group.append(meaning);
    return group;
  }

  let control: HTMLSelectElement | HTMLInputElement;
  if (fact.type === "choice") {
    const select = h("select", { id, ...(described ? { "aria-describedby": described } : {}) });
    select.append(h("option", { value: "" }, "Unknown"));
    for (const v of fact.values) select.append(h("option", { value: v }, v));
    select.value = typeof value === "string" && fact.values.includes(value) ? value : "";
    select.addEventListener("change", () => onAnswer(fact.name, select.value || undefined));
    control = select;
  } else if (fact.type === "number") {
    const input = h("input", {
      id,
      type: "number",
      inputmode: "decimal",
      step: "any",
      placeholder: "Unknown",
      ...(described ? { "aria-describedby": described } : {}),
    });
    input.value = typeof value === "number" ? String(value) : "";
    input.addEventListener("input", () => onAnswer(fact.name, typed(fact, input.value)));
    control = input;
  } else if (fact.type === "date") {
    // The browser's date picker gives YYYY-MM-DD, the form the runtime reads; empty is unknown.
    const input = h("input", {
      id,
      type: "date",
      ...(described ? { "aria-describedby": described } : {}),
    });
    input.value = typeof value === "string" ? value : "";
    input.addEventListener("input", () =>
      onAnswer(fact.name, input.value === "" ? undefined : input.value),
    );
    control = input;
  } else {
    const input = h("input", {
      id,
      type: "text",
      placeholder: "Unknown",
      ...(described ? { "aria-describedby": described } : {}),
    });
    input.value = typeof value === "string" ? value : "";
    input.addEventListener("input", () => onAnswer(fact.name, typed(fact, input.value)));
    control = input;
  }
  const unit = fact.type === "number" && fact.unit ? ` (${fact.unit})` : "";
  return h(
    "div",
    { class: "fact", "data-fact": fact.name },
    h("label", { for: id }, fact.label + unit),
    question,
    control,
    meaning,
  );
}

/** The whole situation form: one control per fact, in declaration order. */
export function situationForm(
  facts: readonly BundleFact[],
  situation: Situation,
  onAnswer: OnAnswer,
): HTMLElement {
  const form = h("form", { class: "facts", "aria-label": "The situation" });
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const fact of facts) {
    form.append(
      factControl(
        fact,
        Object.hasOwn(situation, fact.name) ? situation[fact.name] : undefined,
        onAnswer,
      ),
    );
  }
  return form;
}
