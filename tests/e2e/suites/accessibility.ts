/**
 * Accessibility and layout: axe-core in every main state (light and dark, desktop and phone, the
 * Ask page), the theme switch, a phone-sized layout, no keyboard traps — and the screenshots in
 * docs/playground.md, taken in those states.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations, type Violation } from "../support/axe.js";
import type { E2E } from "../support/e2e.js";
import { openPlayground } from "../support/page.js";
import { choose, chooseFriendRequest, outcome, tryPanel } from "../support/panels.js";
import { ROOT } from "../support/site.js";
import { expectNorthfieldAnalysis } from "./analysis.js";

/** Screenshots go to test-results/; with PRECEPT_UPDATE_DOCS=1 also to docs/ (committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const out = join(ROOT, "test-results");
  await mkdir(out, { recursive: true });
  await page.screenshot({ path: join(out, name) });
  if (process.env.PRECEPT_UPDATE_DOCS === "1") {
    await copyFile(join(out, name), join(ROOT, "docs", name));
  }
}

/** Runs axe and remembers what it found in `state`. */
async function audit(page: Page, state: string, found: Record<string, Violation[]>): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) found[state] = violations;
}

const colour = (page: Page, selector: string) =>
  page.evaluate(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color`,
  ) as Promise<string>;

const background = (page: Page, selector: string) =>
  page.evaluate(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).backgroundColor`,
  ) as Promise<string>;

export function accessibilityTests(e2e: () => E2E): void {
  describe("accessibility and layout", () => {
    it("has no serious or critical axe violations in any main state, light or dark", async () => {
      const found: Record<string, Violation[]> = {};
      for (const scheme of ["light", "dark"] as const) {
        const context = await e2e().browser.newContext({
          viewport: { width: 1400, height: 900 },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await page.goto(e2e().url);
        await page.locator(".monaco-editor .view-lines").first().waitFor();
        await audit(page, `${scheme}: the baseline open`, found);
        await chooseFriendRequest(page);
        await expect.poll(() => outcome(page).textContent()).toBe("Undetermined");
        await audit(page, `${scheme}: an undetermined decision with its questions`, found);
        await tryPanel(page).locator(".questions label", { hasText: /^No$/ }).first().click();
        await expect.poll(() => outcome(page).textContent()).toBe("Decline");
        await audit(page, `${scheme}: a decision`, found);
        if (scheme === "light") await screenshot(page, "playground.png");
        else await screenshot(page, "playground-dark.png");
        await page.locator("#tab-layer").click();
        await page.locator("#tab-scenarios").click();
        await page.locator("#panel-scenarios .scenario").first().waitFor();
        await audit(page, `${scheme}: the layer's scenarios`, found);
        await page.locator("#tab-bundle").click();
        await page.locator("#panel-bundle .monaco-editor").waitFor();
        await audit(page, `${scheme}: the compiled bundle`, found);
        // The Analysis panel on the Northfield layer.
        await page.locator("#tab-analysis").click();
        await expect
          .poll(() => page.locator("#analysis-summary").textContent())
          .not.toBe("Analysing…");
        if (scheme === "light") await expectNorthfieldAnalysis(page);
        else expect(await colour(page, "#analysis-summary")).toBe("rgb(228, 228, 231)");
        await audit(page, `${scheme}: the layer's analysis`, found);
        // The Ask page, asking and then deciding.
        await page.locator("#ask-link").focus();
        const href = (await page.locator("#ask-link").getAttribute("href")) ?? "";
        const ask = await context.newPage();
        await ask.goto(href);
        await ask.locator("#question-text").waitFor();
        await audit(ask, `${scheme}: the Ask page's first question`, found);
        if (scheme === "light") await screenshot(ask, "ask.png");
        await context.close();
      }
      expect(found).toEqual({});
    }, 120_000);

    it("follows the system's dark setting, and the theme switch overrides it", async () => {
      const context = await e2e().browser.newContext({ colorScheme: "dark" });
      const page = await context.newPage();
      await page.goto(e2e().url);
      await page.locator(".monaco-editor .view-lines").first().waitFor();
      const dark = "rgb(24, 24, 27)";
      expect(await background(page, "html")).toBe(dark);
      expect(await background(page, "#editor .monaco-editor-background")).toBe(dark);
      await page.getByLabel("Theme").selectOption("light");
      await expect.poll(() => background(page, "html")).toBe("rgb(255, 255, 255)");
      await expect
        .poll(() => background(page, "#editor .monaco-editor-background"))
        .toBe("rgb(255, 255, 254)"); // Monaco's light theme
      await page.reload();
      await page.locator(".monaco-editor .view-lines").first().waitFor();
      expect(await background(page, "html")).toBe("rgb(255, 255, 255)");
      await context.close();
    });

    it("is usable on a 390 px wide phone: the editor gets room, nothing scrolls sideways", async () => {
      const context = await e2e().browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await page.goto(e2e().url);
      await page.locator(".monaco-editor .view-lines").first().waitFor();
      const editor = await page.locator("#editor").boundingBox();
      expect(editor!.height).toBeGreaterThanOrEqual(400);
      const widths = (await page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]",
      )) as [number, number];
      expect(widths[0]).toBeLessThanOrEqual(widths[1]);
      await choose(page, "activity", "sharing material");
      const found: Record<string, Violation[]> = {};
      await audit(page, "phone", found);
      await screenshot(page, "playground-phone.png");
      // The Analysis panel fits too.
      await page.locator("#tab-analysis").click();
      await expect
        .poll(() => page.locator("#analysis-summary").textContent())
        .not.toBe("Analysing…");
      const after = (await page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]",
      )) as [number, number];
      expect(after[0]).toBeLessThanOrEqual(after[1]);
      await audit(page, "phone: the analysis", found);
      expect(found).toEqual({});
      await context.close();
    });

    it("never traps the keyboard: Tab leaves the read-only editors", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      const focusIn = (id: string) =>
        page.evaluate(
          `document.getElementById(${JSON.stringify(id)}).contains(document.activeElement)`,
        );
      await page.locator("#editor .view-lines").click();
      expect(await focusIn("editor")).toBe(true);
      await page.keyboard.press("Tab");
      expect(await focusIn("editor")).toBe(false);
      await page.locator("#tab-bundle").click();
      await page.locator("#panel-bundle .monaco-editor .view-lines").click();
      expect(await focusIn("panel-bundle")).toBe(true);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await focusIn("panel-bundle")).toBe(false);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
