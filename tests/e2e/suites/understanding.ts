/** Understanding a layer: the deciding rule highlighted, each rule's scenario coverage in the gutter. */
import { describe, expect, it } from "vitest";
import type { E2E } from "../support/e2e.js";
import { gotoEnd, openPlayground } from "../support/page.js";
import { chooseFriendRequest, outcome, tryPanel } from "../support/panels.js";

export function understandingTests(e2e: () => E2E): void {
  describe("understanding a layer", () => {
    it("highlights the rule that decides the situation in the panel", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await chooseFriendRequest(page, "No");
      await expect.poll(() => outcome(page).textContent()).toBe("Decline");
      await tryPanel(page)
        .locator('.rule-card[data-rule="3.5"]')
        .getByRole("button", { name: /Show/ })
        .click();
      const highlighted = page.locator("#editor .view-overlays .deciding-rule");
      await expect.poll(() => highlighted.count()).toBeGreaterThan(0);
      await tryPanel(page).getByRole("button", { name: "Clear answers" }).click();
      await expect.poll(() => highlighted.count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("marks each rule's scenario coverage in the gutter", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#editor .view-lines").click();
      await page.keyboard.press("Control+Shift+O");
      await page.locator(".quick-input-widget").waitFor();
      await page.keyboard.type("NT-2");
      await page
        .locator(".quick-input-list .monaco-list-row", { hasText: "NT-2" })
        .first()
        .waitFor();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#editor .rule-covered").count()).toBeGreaterThan(0);
      // A new rule no scenario decides yet gets a hollow mark.
      await gotoEnd(page);
      await page.keyboard.insertText(
        "\nrule NT-9: sharing material and personal capacity -> caution\n",
      );
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("#editor .rule-uncovered").count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
