/** Editing: colouring, markers and quick fixes, completion, formatting, go to definition. */
import { describe, expect, it } from "vitest";
import type { E2E } from "../support/e2e.js";
import { editorText, gotoEnd, openPlayground, sharedState } from "../support/page.js";
import { form } from "../support/panels.js";

export function editingTests(e2e: () => E2E): void {
  describe("editing", () => {
    it("loads with the BPS baseline and no console errors", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      expect(await page.locator("#tab-baseline").getAttribute("aria-selected")).toBe("true");
      expect(await editorText(page)).toContain('policy "BPS DCP e-Professionalism"');
      expect(await page.locator("#file-note").textContent()).toContain("read-only");
      await page.locator("#problems", { hasText: "No problems" }).waitFor();
      // Colouring comes from the token list: `policy` and `source` are keywords, in one colour.
      const word = (w: string) =>
        page.locator("#editor .view-line span", { hasText: new RegExp(`^${w}$`) }).first();
      const policyClass = await word("policy").getAttribute("class");
      expect(policyClass).toMatch(/mtk\d+/);
      expect(await word("source").getAttribute("class")).toBe(policyClass);
      // The form is generated from the vocabulary: a select for a list fact, yes/no/unknown radios.
      const options = form(page).getByLabel("other person", { exact: true }).locator("option");
      expect(await options.allTextContents()).toEqual([
        "Unknown",
        "current service user",
        "former service user",
        "colleague",
        "manager",
        "supervisor",
        "trainee",
        "member of the public",
        "personal friend",
      ]);
      expect(
        await form(page)
          .locator('fieldset[data-fact="romantic relationship"] input[type=radio]')
          .count(),
      ).toBe(3);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("marks a misspelled term with the suggestion, and the quick fix repairs it", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("rule T1: sharing material and personal capacty -> caution");
      await page.keyboard.press("Escape");
      await page.locator("#problems", { hasText: "error" }).waitFor();
      // F8 shows the next problem; markers follow the text a moment after typing.
      const marker = page.locator(".marker-widget");
      await expect
        .poll(async () => {
          await page.keyboard.press("Escape");
          await page.keyboard.press("F8");
          return marker.textContent();
        })
        .toContain("did you mean 'personal capacity'");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+.");
      const fix = page.locator(".action-widget").getByText("personal capacity");
      await fix.waitFor();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => editorText(page))
        .toContain("sharing material and personal capacity -> caution");
      await expect.poll(() => page.locator("#problems").textContent()).not.toContain("error");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("offers the fact's values after `other person is `", async () => {
      const { page } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("rule T2: other person is ");
      await page.keyboard.press("Control+Space");
      const suggestions = page.locator(".suggest-widget .monaco-list-row");
      await suggestions.first().waitFor();
      const labels = await suggestions.allTextContents();
      expect(labels.join("\n")).toContain("current service user");
      expect(labels.join("\n")).toContain("member of the public");
      await page.close();
    });

    it("formats the open file", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("rule   T3:   sharing material->caution");
      await page.keyboard.press("Escape");
      await page.locator("#format").click();
      await expect
        .poll(async () => (await sharedState(page)).files.layer)
        .toMatch(/\n\nrule T3: sharing material → caution\n$/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("goes to a definition in the baseline from the layer", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      // Reveal rule NT-1 through the outline (Ctrl+Shift+O), then Ctrl+click the term its block uses.
      await page.locator("#editor .view-lines").click();
      await page.keyboard.press("Control+Shift+O");
      await page.locator(".quick-input-widget").waitFor();
      await page.keyboard.type("NT-1");
      await page
        .locator(".quick-input-list .monaco-list-row", { hasText: "NT-1" })
        .first()
        .waitFor();
      await page.keyboard.press("Enter");
      // NT-1 is in the layer's `provided sharing material:` block, just above it.
      const line = page.locator("#editor .view-line", {
        hasText: "provided sharing material:",
      });
      const words = line.locator("span span", { hasText: /^\s*sharing\smaterial/ }).first();
      const box = await words.boundingBox();
      if (!box) throw new Error("The rule's condition is not on screen.");
      // Ctrl+click 14 px in: past the leading space, on "sharing" (Monaco's layers cover the text).
      await page.keyboard.down("Control");
      await page.mouse.click(box.x + 14, box.y + box.height / 2);
      await page.keyboard.up("Control");
      await expect
        .poll(() => page.locator("#tab-baseline").getAttribute("aria-selected"))
        .toBe("true");
      expect(await editorText(page)).toContain(
        'term "sharing material": activity is sharing material',
      );
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
