/**
 * axe-core run inside the page: its source is evaluated through the DevTools protocol (the page's
 * Content-Security-Policy allows no inline script), then `axe.run` checks the WCAG 2.1 A and AA
 * rules. Only serious and critical violations are returned.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

let source: string | undefined;

export interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  source ??= await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(source);
  const found = (await page.evaluate(`
    axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }).then((r) =>
      r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })))
  `)) as Violation[];
  return found;
}
