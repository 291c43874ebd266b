/**
 * The Analysis panel: what the panels' policy means as a whole — for a layer, what it changes
 * against its baseline (stricter and looser regions, with the rules on each side and the loosening
 * responsible), then overruled and unsatisfiable rules, overlaps and gaps — from the project tier's
 * `analyzePolicy`, run in a worker once typing pauses. Every witness is one click from the
 * decision panel ("Try it") and from the policy's scenarios ("Save as scenario").
 */
import type { Finding, Witness } from "@precept/project";
import { decided, GROUPS, type Group, type PanelReport, witnessTitle } from "./analysis-report.js";
import { AnalysisRunner } from "./analysis-runner.js";
import type { Compiled } from "./compiled.js";
import { h, replaceChildren } from "./dom.js";
import type { Situation } from "./form.js";
import { scenarioText } from "./scenario-text.js";

export interface AnalysisPanelHost {
  /** Every file's text by uri, and the uri of the panels' policy. */
  files(): Record<string, string>;
  uri(compiled: Compiled): string;
  /** The decision panel's decision date, if set (dated policies are analysed as of it). */
  decisionDate(): string | undefined;
  /** Loads a situation (and the decision date it was found on) into the decision panel. */
  trySituation(situation: Situation, asOf: string | undefined): void;
  /** Appends text to the panels' policy; false (with a message shown) when it cannot. */
  appendToPolicy(text: string): boolean;
  announce(message: string): void;
  /** Selects a finding's place in the editor. */
  show(finding: Finding): void;
  /** Hears each report (e.g. to mark overruled rules in the editor). */
  analysed(report: PanelReport): void;
}

export class AnalysisPanel {
  private compiled?: Compiled;
  private report?: PanelReport;
  private shownSignature?: string;
  private readonly runner = new AnalysisRunner((r) => this.received(r));
  private readonly banner = h("div");
  private readonly summary = h("p", { class: "summary", id: "analysis-summary", role: "status" });
  private readonly listOverlaps = h("input", { type: "checkbox", id: "list-overlaps" });
  private readonly meta = h("p", { class: "meta" });
  private readonly notes = h("div");
  private readonly body = h("div", { class: "analysis-body" });

  constructor(
    root: HTMLElement,
    private readonly host: AnalysisPanelHost,
  ) {
    this.listOverlaps.addEventListener("change", () => this.ask(0));
    root.append(
      this.banner,
      h(
        "div",
        { class: "scenario-tools" },
        this.summary,
        h("label", { class: "filter", for: "list-overlaps" }, this.listOverlaps, "List overlaps"),
      ),
      this.meta,
      this.notes,
      this.body,
    );
    this.summary.textContent = "Analysing…";
  }

  /** Each compiled version: analysed once typing pauses (only a version without errors). */
  update(compiled: Compiled): void {
    this.compiled = compiled;
    if (compiled.errors.length > 0 || compiled.failure) {
      const n = compiled.errors.length;
      replaceChildren(
        this.banner,
        h(
          "div",
          { class: "error-state", role: "status" },
          h(
            "p",
            {},
            compiled.failure ??
              `The policy has ${n} error${n === 1 ? "" : "s"}: the analysis waits for a version without errors${this.report ? " (below: the last one)" : ""}.`,
          ),
        ),
      );
      return;
    }
    this.ask();
  }

  private ask(delay?: number): void {
    const compiled = this.compiled;
    if (!compiled) return;
    const uri = this.host.uri(compiled);
    const overlaps = this.listOverlaps.checked;
    this.runner.request(() => {
      const asOf = this.host.decisionDate();
      return { uri, files: this.host.files(), overlaps, ...(asOf ? { asOf } : {}) };
    }, delay);
  }

  private received(report: PanelReport): void {
    const started = performance.now();
    this.report = report;
    replaceChildren(this.banner);
    this.host.analysed(report);
    this.meta.textContent = report.failure
      ? ""
      : report.errors > 0 || report.facts === 0
        ? ""
        : `${report.situations.toLocaleString("en-GB")} situations told apart by ${report.facts} facts, every one analysed${report.changes?.length && report.asOf ? ` as of ${report.asOf} (the rules change on ${report.changes.join(", ")}: set the decision date in “Try a situation” to analyse another day)` : ""} (${Math.round(report.ms)} ms, beside the editor).`;
    // Re-render only when what is shown changes (keeps focus on the buttons after saving).
    const signature = JSON.stringify([
      report.uri,
      report.findings,
      report.omitted,
      report.limits,
      report.overlaps,
      report.overlapsListed,
      report.failure,
      report.layered,
      report.asOf,
    ]);
    if (signature !== this.shownSignature) {
      this.shownSignature = signature;
      this.render(report);
    }
    performance.measure("precept:analysis-render", { start: started, end: performance.now() });
  }

  private render(report: PanelReport): void {
    replaceChildren(this.notes);
    if (report.failure) {
      this.summary.textContent = "The analysis failed";
      replaceChildren(
        this.body,
        h("div", { class: "error-state", role: "alert" }, h("p", {}, report.failure)),
      );
      return;
    }
    if (report.errors > 0) {
      this.summary.textContent = "Not analysed: the policy has errors";
      replaceChildren(this.body);
      return;
    }
    for (const limit of report.limits) {
      this.notes.append(h("p", { class: "analysis-note" }, h("strong", {}, "Note: "), limit));
    }
    const count = (g: Group) =>
      report.findings.filter((f) => g.codes.includes(f.code)).length + (report.omitted[g.id] ?? 0);
    const warnings = report.findings.filter((f) => f.severity === "warning").length;
    const impact = GROUPS.filter((g) => g.impact);
    const other = GROUPS.filter((g) => !g.impact);
    const parts = [
      `${warnings} warning${warnings === 1 ? "" : "s"}`,
      ...(report.layered
        ? [
            `${count(impact[0]!)} looser and ${count(impact[1]!)} stricter region${count(impact[0]!) + count(impact[1]!) === 1 ? "" : "s"}`,
          ]
        : []),
      `${count(GROUPS.find((g) => g.id === "gap")!)} gap${count(GROUPS.find((g) => g.id === "gap")!) === 1 ? "" : "s"}`,
    ];
    this.summary.textContent =
      report.facts === 0 && report.limits.length > 0 ? "Not analysed" : parts.join(", ");
    const sections: HTMLElement[] = [];
    if (report.layered && report.facts > 0) {
      const changes = impact.map((g) => this.group(g, report)).filter((e) => e !== null);
      sections.push(
        h(
          "section",
          { class: "analysis-section", "aria-labelledby": "impact-heading" },
          h("h3", { id: "impact-heading" }, "What the layer changes"),
          ...(changes.length > 0
            ? changes
            : [
                h(
                  "p",
                  { class: "empty" },
                  "The layer decides as its baseline does in every situation.",
                ),
              ]),
        ),
      );
    }
    if (report.facts > 0) {
      const found = other.map((g) => this.group(g, report)).filter((e) => e !== null);
      if (!report.overlapsListed && report.overlaps > 0) {
        found.push(
          h(
            "p",
            { class: "meta" },
            `${report.overlaps} overlap${report.overlaps === 1 ? "" : "s"} of rules settled by strength not listed (tick “List overlaps”).`,
          ),
        );
      }
      sections.push(
        h(
          "section",
          { class: "analysis-section", "aria-labelledby": "findings-heading" },
          h("h3", { id: "findings-heading" }, "Findings"),
          ...(found.length > 0
            ? found
            : [
                h(
                  "p",
                  { class: "empty" },
                  "Nothing found: every rule can decide, and some rule applies in every situation.",
                ),
              ]),
        ),
      );
    }
    replaceChildren(this.body, ...sections);
  }

  private group(g: Group, report: PanelReport): HTMLElement | null {
    const findings = report.findings.filter((f) => g.codes.includes(f.code));
    const omitted = report.omitted[g.id] ?? 0;
    if (findings.length === 0 && omitted === 0) return null;
    const id = `analysis-${g.id}`;
    return h(
      "div",
      { class: "finding-group", "data-group": g.id },
      h("h4", { id }, `${g.heading} (${findings.length + omitted})`),
      h("p", { class: "meta group-about" }, g.about),
      h(
        "ul",
        { class: "findings", "aria-labelledby": id },
        ...findings.map((f, i) => this.item(f, `${id}-${i}`)),
      ),
      omitted > 0
        ? h("p", { class: "meta" }, `… and ${omitted} more (precept analyze lists them all).`)
        : null,
    );
  }

  private item(f: Finding, key: string): HTMLElement {
    const li = h(
      "li",
      { class: "finding", "data-code": f.code, "data-severity": f.severity },
      h("p", { class: "finding-summary" }, f.summary),
    );
    if (f.loosening) {
      li.append(
        h("p", { class: "detail" }, `Declared by: ${f.loosening.kind} of rule ${f.loosening.rule}`),
      );
    }
    if (f.region && f.region.length > 0) {
      li.append(
        h("p", { class: "detail" }, f.region.length > 1 ? "Where one of:" : "Where:"),
        h(
          "ul",
          { class: "region" },
          ...f.region.map((r) => h("li", {}, r)),
          f.regionTruncated ? h("li", {}, "… and other combinations") : null,
        ),
      );
    }
    for (const r of f.related) li.append(h("p", { class: "detail" }, `See ${r.message}`));
    if (f.suggestion) {
      li.append(
        h("p", { class: "detail" }, "Suggestion:"),
        h("pre", { class: "suggestion" }, f.suggestion),
      );
    }
    f.witnesses.forEach((w, i) => li.append(this.witness(f, w, `${key}-${i}`)));
    return li;
  }

  private witness(f: Finding, w: Witness, key: string): HTMLElement {
    // A dated policy's witness is decided as of a day (the analysis's decision date).
    const asOf = w.asOf;
    const decision = `${
      w.before ? `Baseline: ${decided(w.before)} → layer: ${decided(w)}` : `Decision: ${decided(w)}`
    }${asOf ? ` (as of ${asOf})` : ""}`;
    const what = witnessTitle(f);
    const tryIt = h("button", { type: "button", "data-key": `${key}-try` }, "Try it");
    tryIt.setAttribute("aria-label", `Try it: ${what}`);
    tryIt.addEventListener("click", () =>
      this.host.trySituation({ ...(w.facts as Situation) }, asOf),
    );
    const save = h("button", { type: "button", "data-key": `${key}-save` }, "Save as scenario");
    save.setAttribute("aria-label", `Save as scenario: ${what}`);
    save.addEventListener("click", () => this.save(what, w.facts as Situation, asOf));
    const actions = h("p", { class: "scenario-actions" }, tryIt, save);
    if (
      f.range.end.offset > f.range.start.offset &&
      f.code !== "gap" &&
      !f.code.startsWith("impact")
    ) {
      const show = h("button", { type: "button" }, "Show");
      show.setAttribute(
        "aria-label",
        `Show: ${f.rules[0] ? `rule ${f.rules[0]}` : "the finding"} in the editor`,
      );
      show.addEventListener("click", () => this.host.show(f));
      actions.prepend(show);
    }
    return h(
      "div",
      { class: "witness" },
      h("p", { class: "detail" }, `For example: ${w.given}`),
      h("p", { class: "detail" }, decision),
      actions,
    );
  }

  /** Decides the witness with the compiled policy and appends it as a scenario. */
  private save(title: string, facts: Situation, asOf: string | undefined): void {
    const compiled = this.compiled;
    const decider = compiled?.decider;
    const bundle = compiled?.bundle;
    if (!decider || !bundle) return;
    // Decided as of the witness's day, the scenario keeps it (`as of`).
    const result = decider.decideSync(facts, asOf ? { asOf } : undefined);
    if (!result.ok) {
      this.host.announce(
        `Not saved: ${result.errors[0]?.message ?? "the situation cannot be decided"}`,
      );
      return;
    }
    const text = scenarioText(title, bundle.facts, facts, result);
    if (text && this.host.appendToPolicy(text)) {
      this.host.announce("Saved: the scenario is at the end of the policy text.");
    }
  }
}
