/**
 * The Analysis panel (issue 8 step 4, issue 10): what a layer changes against its baseline, the
 * findings of `precept analyze` grouped by kind, each witness one click from "Try it" and "Save as
 * scenario", overruled rules as editor warnings — and typing never waits for it.
 */
import { analyzePolicy, memoryHost, Workspace } from "@precept/project";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeState, type PlaygroundState } from "../../../playground/src/share.js";
import { seriousViolations } from "../support/axe.js";
import type { E2E } from "../support/e2e.js";
import { LAYER_URI, northfieldText, undatedNorthfield } from "../support/layers.js";
import { gotoEnd, openPlayground, sharedState } from "../support/page.js";
import { outcome, packTexts, tryPanel } from "../support/panels.js";
import { screenshot } from "./accessibility.js";

const BASELINE_URI = "rules/bps-e-professionalism/policy.precept";
export const analysisPanel = (page: Page) => page.locator("#panel-analysis");
const group = (page: Page, id: string) => analysisPanel(page).locator(`[data-group="${id}"]`);

/** The layer rule of issue 8 that baseline rule 1.2 silently overrules, as an author types it. */
const CASE_STUDIES =
  'rule CS-1 "Staff may post anonymised case studies": sharing material and indirectly identifiable and no permission to publish -> allow';

/** What the project tier's analysis (as `precept analyze` runs it) says about a layer. */
export async function layerReport(layer: string) {
  const { baseline } = await packTexts();
  const workspace = new Workspace(memoryHost({ [BASELINE_URI]: baseline, [LAYER_URI]: layer }));
  return analyzePolicy(workspace, LAYER_URI);
}

const count = (report: Awaited<ReturnType<typeof layerReport>>, code: string) =>
  report.findings.filter((f) => f.code === code).length;

/** Northfield's Analysis panel: its looser regions, each with the loosening responsible. */
export async function expectNorthfieldAnalysis(page: Page): Promise<void> {
  const report = await layerReport(await northfieldText());
  const weaker = report.findings.filter((f) => f.code === "impact-weaker");
  expect(weaker.length).toBeGreaterThanOrEqual(3);
  await group(page, "weaker").waitFor();
  const items = group(page, "weaker").locator(".finding");
  expect(await items.count()).toBe(weaker.length);
  const text = (await group(page, "weaker").textContent()) ?? "";
  for (const l of ["override of rule 5.3", "disable of rule I.1", "exception of rule 3.6"]) {
    expect(text).toContain(l);
  }
}

export function analysisTests(e2e: () => E2E): void {
  describe("the Analysis panel", () => {
    it("shows a layer's impact and findings, marks an overruled rule as it is typed, and tries and saves witnesses", async () => {
      const layer = await undatedNorthfield();
      const state: PlaygroundState = {
        files: { ...(await packTexts()), layer },
        open: "layer",
        baselineEditable: false,
        situation: {},
      };
      const { page, problems } = await openPlayground(
        e2e().browser,
        e2e().url,
        `#s=${encodeState(state)}`,
      );
      await page.locator("#deciding-with", { hasText: "Northfield" }).waitFor();
      await page.locator("#tab-analysis").click();
      // What the layer changes: looser where it declared a loosening, stricter where its rules are.
      await group(page, "weaker").waitFor();
      const weaker = (await group(page, "weaker").textContent()) ?? "";
      expect(weaker).toContain("Declared by: override of rule 5.3");
      expect(weaker).toContain("Declared by: disable of rule I.1");
      expect(weaker).toContain("Declared by: exception of rule 3.6");
      expect(await group(page, "stronger").textContent()).toContain("rule NT-1");
      expect(await group(page, "overruled").count()).toBe(0);
      // The panel shows what `precept analyze` finds.
      const report = await layerReport(layer);
      expect(await page.locator("#analysis-summary").textContent()).toBe(
        `0 warnings, ${count(report, "impact-weaker")} looser and ${count(report, "impact-stronger")} stricter regions, ${count(report, "gap")} gap`,
      );
      expect(await group(page, "weaker").locator(".finding").count()).toBe(
        count(report, "impact-weaker"),
      );

      // An author adds a rule that baseline rule 1.2 overrules everywhere, at human speed.
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type(CASE_STUDIES, { delay: 15 });
      await page.keyboard.press("Escape");
      const overruled = group(page, "overruled");
      await overruled.waitFor();
      expect(await overruled.textContent()).toContain(
        "Rule CS-1 (allow) never decides: wherever it applies, a stronger outcome applies too (prohibit by rule 1.2)",
      );
      expect(await overruled.locator("pre.suggestion").textContent()).toContain(
        "exception to rule 1.2",
      );
      // The same warning in the editor: F8 goes to it and shows its message.
      await page.locator("#editor .view-lines").click();
      let widget = "";
      for (let i = 0; i < 6 && !widget.includes("never decides"); i++) {
        await page.keyboard.press("F8");
        await page.locator("#editor .marker-widget").waitFor();
        widget = (await page.locator("#editor .marker-widget").textContent()) ?? "";
      }
      expect(widget).toContain("Rule CS-1 (allow) never decides");
      await page.keyboard.press("Escape");

      await screenshot(page, "playground-analysis.png");
      // No serious accessibility problem with the findings shown.
      expect(await seriousViolations(page)).toEqual([]);

      // "Try it" decides the witness in the decision panel: prohibit, by rule 1.2.
      await overruled.getByRole("button", { name: /^Try it: Rule CS-1 is overruled here/ }).click();
      expect(await page.locator("#tab-try").getAttribute("aria-selected")).toBe("true");
      await expect.poll(() => outcome(page).textContent()).toBe("Prohibit");
      expect(await tryPanel(page).locator('.rule-card[data-rule="1.2"]').count()).toBe(1);

      // "Save as scenario" keeps a looser region as a scenario of the layer, which passes.
      await page.locator("#tab-analysis").click();
      const save = group(page, "weaker")
        .getByRole("button", { name: /^Save as scenario: Looser than the baseline here/ })
        .first();
      const title = ((await save.getAttribute("aria-label")) ?? "").replace(
        /^Save as scenario: /,
        "",
      );
      await save.press("Enter");
      await page.locator("#status", { hasText: "Saved" }).waitFor();
      const saved = (await sharedState(page)).files.layer;
      expect(saved).toContain(`scenario "${title}"`);
      await page.locator("#tab-scenarios").click();
      const item = page.locator("#panel-scenarios .scenario", { hasText: title });
      expect(await item.getAttribute("data-pass")).toBe("true");
      expect(problems).toEqual([]);
      await page.close();
    }, 120_000);

    it("analyses the dated Northfield layer as of the decision date: a witness tried and saved as of its day", async () => {
      const report = await layerReport(await northfieldText());
      const nt3 = report.findings.find(
        (f) => f.code === "impact-stronger" && f.rules.includes("NT-3"),
      );
      expect(nt3).toBeDefined();
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#tab-analysis").click();
      const asOf = nt3!.witnesses[0]!.asOf!;
      expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const item = group(page, "stronger").locator(".finding", { hasText: "(rule NT-3)" }).first();
      await item.waitFor();
      expect(await item.textContent()).toContain(`(as of ${asOf})`);
      await item.getByRole("button", { name: /^Try it/ }).press("Enter");
      await expect.poll(() => outcome(page).textContent()).toBe("Decline");
      expect(await page.getByLabel("Decision date (empty: today)").inputValue()).toBe(asOf);
      expect(await tryPanel(page).locator('.rule-card[data-rule="NT-3"]').count()).toBe(1);
      await page.locator("#tab-analysis").click();
      await item.getByRole("button", { name: /^Save as scenario/ }).press("Enter");
      await page.locator("#status", { hasText: "Saved" }).waitFor();
      const layer = (await sharedState(page)).files.layer;
      expect(layer).toContain(
        `scenario "Stricter than the baseline here: caution → decline" as of ${asOf}`,
      );
      await page.locator("#tab-scenarios").click();
      const saved = page.locator("#panel-scenarios .scenario", {
        hasText: "Stricter than the baseline here",
      });
      expect(await saved.getAttribute("data-pass")).toBe("true");
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  });
}
