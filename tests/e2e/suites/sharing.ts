import { describe, expect, it } from "vitest";
import { encodeState, type PlaygroundState } from "../../../playground/src/share.js";
import type { E2E } from "../support/e2e.js";
import { editorText, gotoEnd, openPlayground } from "../support/page.js";
import { choose, form, outcome, packTexts, tryPanel } from "../support/panels.js";

export function sharingTests(e2e: () => E2E): void {
  describe("sharing, safety and layout", () => {
    it("round-trips the whole state through a share link", async () => {
      const { page } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("# shared note 42");
      await choose(page, "capacity", "professional");
      await page.locator("#share").click();
      const link = await page.locator("#share-url").inputValue();
      expect(link).toMatch(/#s=[A-Za-z0-9+\-$]+$/);
      await page.close();

      const fragment = link.slice(link.indexOf("#"));
      const opened = await openPlayground(e2e().browser, e2e().url, fragment);
      const p2 = opened.page;
      expect(await p2.locator("#tab-layer").getAttribute("aria-selected")).toBe("true");
      await p2.keyboard.press("Control+End");
      await gotoEnd(p2);
      await expect.poll(() => editorText(p2)).toContain("# shared note 42");
      expect(await form(p2).getByLabel("capacity", { exact: true }).inputValue()).toBe(
        "professional",
      );
      expect(await p2.locator("#status").textContent()).toContain("shared link");
      expect(opened.problems).toEqual([]);
      await p2.close();
    });

    it("keeps work across reloads, and resets to the example", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("# kept across reloads");
      await page.waitForTimeout(700); // saving waits for a pause in typing
      await page.reload();
      await page.locator("#editor .view-lines").waitFor();
      expect(await page.locator("#tab-layer").getAttribute("aria-selected")).toBe("true");
      await gotoEnd(page);
      await expect.poll(() => editorText(page)).toContain("# kept across reloads");
      page.once("dialog", (dialog) => void dialog.accept());
      await page.locator("#reset").click();
      await page.locator("#status", { hasText: "Reset" }).waitFor();
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      expect(await editorText(page)).not.toContain("# kept across reloads");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("never runs script from a hostile share link", async () => {
      const hostile = "<img src=x onerror=window.__pwned=1>";
      const layer = [
        `policy "Hostile ${hostile}" version "1" extends "../../bps-e-professionalism/policy.precept"`,
        `source evil: "${hostile}", Evil, 2024`,
        `rule X1 "${hostile}"`,
        `  cites evil §1 "${hostile}"`,
        "  when sharing material",
        "  then prohibit",
        `  because "${hostile}"`,
        `  advise "${hostile}"`,
        `scenario "${hostile}"`,
        "  given activity is sharing material",
        "  expect allow",
        "",
      ].join("\n");
      const state: PlaygroundState = {
        files: { baseline: "", scenarios: "", layer },
        open: "layer",
        baselineEditable: false,
        situation: { activity: "sharing material", [hostile]: hostile },
      };
      // The real BPS pack, so the layer compiles and every panel renders the hostile text.
      const fragment = `#s=${encodeState({ ...state, files: { ...state.files, ...(await packTexts()) } })}`;
      const { page, problems } = await openPlayground(e2e().browser, e2e().url, fragment);
      await expect.poll(() => outcome(page).textContent()).toBe("Prohibit");
      expect(await tryPanel(page).textContent()).toContain(hostile);
      await page.locator("#tab-scenarios").click();
      expect(await page.locator("#panel-scenarios").textContent()).toContain(hostile);
      await page.locator("#tab-bundle").click();
      await page.locator("#panel-bundle .monaco-editor").waitFor();
      // Hover the rule title in the editor: hovers are untrusted markdown.
      await page.locator("#editor .view-line span", { hasText: "X1" }).first().hover();
      await page.waitForTimeout(800);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("reflows at 200% zoom: one column, no horizontal scrolling", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      // 200% zoom of a 1400 × 900 window: the page gets half the CSS pixels.
      await page.setViewportSize({ width: 700, height: 450 });
      await choose(page, "activity", "sharing material");
      const widths = (await page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]",
      )) as [number, number];
      expect(widths[0]).toBeLessThanOrEqual(widths[1]);
      const editor = await page.locator("#editor").boundingBox();
      const panel = await page.locator("#side").boundingBox();
      expect(panel!.y).toBeGreaterThanOrEqual(editor!.y + editor!.height); // stacked, not side by side
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
