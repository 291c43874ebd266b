/**
 * Scenarios: every scenario of the open policy with pass or fail, re-run after every edit (with
 * the runtime's fast evaluator) and on "Run all" with json-rules-engine itself, the way any host
 * running the compiled bundle would decide.
 */
import type { Bundle, BundleScenario, DecideResult } from "@precept/runtime";
// The expectation check is shared with the CLI (a pure module); see the report for its home.
import { checkScenario } from "@precept/runtime";
import type { Compiled } from "./compiled.js";
import { h, replaceChildren } from "./dom.js";
import type { Situation } from "./form.js";
import { stateBanner } from "./status-views.js";

export interface ScenariosHost {
  /** Shows a scenario's declaration in the editor. */
  showScenario(title: string): void;
  /** Loads a scenario's facts into the situation form. */
  trySituation(situation: Situation): void;
  /** Updates the panel's tab label. */
  setCount(passed: number, total: number): void;
  /** Hears the scenarios' results (in the bundle's order), e.g. for coverage in the editor. */
  ran(results: readonly DecideResult[]): void;
}

interface Row {
  readonly scenario: BundleScenario;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
  readonly problems: readonly string[];
}

export class ScenariosPanel {
  private compiled?: Compiled;
  private readonly banner = h("div");
  private readonly summary = h("p", { class: "summary", id: "scenario-summary", role: "status" });
  private readonly runAll = h("button", { type: "button", id: "run-all" }, "Run all");
  private readonly note = h("p", { class: "meta" });
  private readonly onlyFailed = h("input", { type: "checkbox", id: "only-failed" });
  private readonly filter = h(
    "label",
    { class: "filter", for: "only-failed" },
    this.onlyFailed,
    "Only failed scenarios",
  );
  private readonly list = h("ul", { class: "scenarios", "aria-labelledby": "scenario-summary" });

  constructor(
    root: HTMLElement,
    private readonly host: ScenariosHost,
  ) {
    this.runAll.addEventListener("click", () => void this.runWithEngine());
    this.onlyFailed.addEventListener("change", () => this.applyFilter());
    root.append(
      this.banner,
      h("div", { class: "scenario-tools" }, this.summary, this.filter, this.runAll),
      this.note,
      this.list,
    );
  }

  update(compiled: Compiled): void {
    this.compiled = compiled;
    replaceChildren(this.banner, stateBanner(compiled, "results"));
    const decider = compiled.decider;
    if (!compiled.bundle || !decider) {
      this.host.ran([]);
      this.render([]);
      return;
    }
    const started = performance.now();
    const bundle = compiled.bundle;
    const results = bundle.scenarios.map((s) => decider.decideSync(s.given, { asOf: s.asOf }));
    const rows = bundle.scenarios.map((s, i) => row(s, results[i]!, bundle));
    this.host.ran(results);
    performance.measure("precept:scenarios", { start: started, end: performance.now() });
    this.note.textContent = "";
    this.render(rows);
  }

  private async runWithEngine(): Promise<void> {
    const compiled = this.compiled;
    if (!compiled?.decider || !compiled.bundle) return;
    this.runAll.disabled = true;
    this.note.textContent = "Running every scenario with json-rules-engine…";
    const started = performance.now();
    try {
      const results = await compiled.decider.runScenarios();
      if (this.compiled !== compiled) return; // the text changed meanwhile
      const bundle = compiled.bundle;
      this.render(results.map((r, i) => row(bundle.scenarios[i]!, r.result, bundle)));
      const ms = Math.round(performance.now() - started);
      this.note.textContent = `Ran ${results.length} scenario${results.length === 1 ? "" : "s"} with json-rules-engine in ${ms} ms.`;
    } finally {
      this.runAll.disabled = false;
    }
  }

  private render(rows: readonly Row[]): void {
    const passed = rows.filter((r) => r.passed).length;
    this.host.setCount(passed, rows.length);
    this.runAll.disabled = rows.length === 0;
    const compiled = this.compiled;
    if (rows.length === 0) {
      this.summary.textContent = "";
      this.summary.className = "summary";
      const message = !compiled?.bundle
        ? "Scenarios are run once the policy has no errors."
        : compiled.file === "baseline"
          ? "The BPS baseline keeps its scenarios in the “BPS scenarios” tab."
          : 'This policy has no scenarios yet. Write one (`scenario "…"`, `given …`, `expect …`) or use “Save as scenario” after trying a situation.';
      replaceChildren(this.list, h("li", { class: "empty" }, message));
      return;
    }
    this.summary.textContent =
      passed === rows.length
        ? `All ${rows.length} scenarios pass`
        : `${rows.length - passed} of ${rows.length} scenarios fail`;
    this.summary.className = `summary ${passed === rows.length ? "all-pass" : "some-fail"}`;
    // Failures first (each group in policy order): they are what needs attention.
    const ordered = [...rows.filter((r) => !r.passed), ...rows.filter((r) => r.passed)];
    replaceChildren(this.list, ...ordered.map((r) => this.item(r)));
    this.applyFilter();
  }

  private applyFilter(): void {
    const only = this.onlyFailed.checked;
    for (const li of this.list.querySelectorAll<HTMLElement>("li.scenario")) {
      li.hidden = only && li.dataset.pass === "true";
    }
  }

  private item(r: Row): HTMLElement {
    const show = h("button", { type: "button" }, "Show");
    show.setAttribute("aria-label", `Show: the scenario “${r.scenario.title}” in the editor`);
    show.addEventListener("click", () => this.host.showScenario(r.scenario.title));
    const tryIt = h("button", { type: "button" }, "Try it");
    // The visible words first: voice control users say "click Try it".
    tryIt.setAttribute("aria-label", `Try it: the situation of “${r.scenario.title}”`);
    tryIt.addEventListener("click", () => this.host.trySituation({ ...r.scenario.given }));
    const li = h(
      "li",
      { class: "scenario", "data-pass": String(r.passed) },
      h(
        "p",
        { class: "scenario-head" },
        h("span", { class: "verdict" }, r.passed ? "Pass" : "Fail"),
        h("span", { class: "title" }, r.scenario.title),
      ),
    );
    if (r.passed) {
      // `at least caution` passes with `prohibit`: say both when they differ.
      li.append(
        h(
          "p",
          { class: "detail" },
          r.expected === r.actual
            ? `Expected and got: ${r.expected}`
            : `Expected: ${r.expected}. Got: ${r.actual}.`,
        ),
      );
    } else {
      li.append(...r.problems.map((p) => h("p", { class: "detail problem" }, p)));
    }
    li.append(h("p", { class: "scenario-actions" }, show, tryIt));
    return li;
  }
}

function row(scenario: BundleScenario, result: DecideResult, bundle: Bundle): Row {
  const facts = bundle.facts;
  const check = checkScenario(scenario, result, bundle.outcomes);
  const problems = check.differences.map((d) => `Expected ${d.expected}; got ${d.actual}.`);
  // An undetermined result the scenario did not expect: say what its `given` leaves unknown.
  if (
    !check.passed &&
    result.ok &&
    result.undetermined &&
    scenario.expect.outcome !== "undetermined" &&
    scenario.expect.asking === undefined
  ) {
    const missing = result.undetermined.needs.map(
      (n) => facts.find((f) => f.name === n.fact)?.label ?? n.fact,
    );
    problems.push(
      `Missing fact${missing.length === 1 ? "" : "s"} to decide: ${missing.join(", ")}.`,
    );
  }
  return {
    scenario,
    passed: check.passed,
    expected: check.expected,
    actual: check.actual,
    problems,
  };
}
