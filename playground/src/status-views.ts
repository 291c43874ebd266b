/**
 * How the state of the open policy is shown: the problem count next to the editor, and the panels'
 * banner for errors and for decisions from an earlier version.
 */
import type { Analysis, Diagnostic } from "@precept/language";
import type { Compiled } from "./compiled.js";
import { h } from "./dom.js";

/** A banner saying why the panel shows nothing, or shows an earlier version; null when current. */
export function stateBanner(compiled: Compiled, what: string): HTMLElement | null {
  if (compiled.failure) {
    return h("div", { class: "error-state", role: "alert" }, h("p", {}, compiled.failure));
  }
  if (compiled.errors.length === 0) return null;
  const n = compiled.errors.length;
  const first = compiled.errors[0]!;
  const where = `line ${first.range.start.line}${first.uri && first.uri !== compiled.analysis.uri ? ` of ${first.uri}` : ""}`;
  return h(
    "div",
    { class: "error-state", role: "status" },
    h(
      "p",
      {},
      `The policy has ${n} error${n === 1 ? "" : "s"} (the first: ${first.message} — ${where}). `,
      compiled.stale
        ? `The ${what} below are from the last version without errors.`
        : `Fix ${n === 1 ? "it" : "them"} to see ${what}.`,
    ),
  );
}

function countLabel(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (errors === 0 && warnings === 0) return "No problems";
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}

/** The open file's problem count, and the errors of the baselines it extends. */
export function renderProblems(el: HTMLElement, uri: string, analysis: Analysis): void {
  const own = analysis.diagnostics.filter((d) => (d.uri ?? uri) === uri);
  const elsewhere = analysis.diagnostics.filter((d) => d.uri !== undefined && d.uri !== uri);
  el.textContent =
    countLabel(own) +
    (elsewhere.some((d) => d.severity === "error")
      ? ` (and ${countLabel(elsewhere)} in the baseline)`
      : "");
  el.classList.toggle(
    "errors",
    analysis.diagnostics.some((d) => d.severity === "error"),
  );
}
