/**
 * The defects found by trying the playground as its users would (issue 10), each reproduced the
 * way a person meets it: typing at human speed, with the keyboard, over saved work.
 */
import { describe, expect, it } from "vitest";
import { encodeState } from "../../../playground/src/share.js";
import type { E2E } from "../support/e2e.js";
import { linkBomb } from "../support/link-bomb.js";
import { editorText, gotoEnd, openPlayground, sharedState } from "../support/page.js";
import { choose, form, outcome, packTexts, tryPanel, yesNo } from "../support/panels.js";

/** A person's typing speed: a key every 120 ms. */
const HUMAN = { delay: 120 };

export function defectTests(e2e: () => E2E): void {
  describe("defects found by users (issue 10)", () => {
    it("keeps every keystroke of an answer typed into an inline question", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await choose(page, "activity", "connecting with someone");
      await choose(page, "other person", "former service user");
      await choose(page, "capacity", "personal");
      await yesNo(page, "romantic relationship", "No");
      await yesNo(page, "vulnerable group", "No");
      await choose(page, "employer guidance", "read");
      await choose(page, "open question", "none");
      await expect.poll(() => outcome(page).textContent()).toBe("Undetermined");
      const age = tryPanel(page).locator('.questions li[data-need="age"] input');
      await age.focus();
      await page.keyboard.type("30", HUMAN);
      await page.keyboard.press("Enter");
      await expect.poll(() => outcome(page).textContent()).toBe("Caution");
      expect(await form(page).getByLabel("age (years)", { exact: true }).inputValue()).toBe("30");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("lets arrow keys move through an inline question's choices", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await choose(page, "activity", "connecting with someone");
      await expect.poll(() => outcome(page).textContent()).toBe("Undetermined");
      const who = tryPanel(page).locator('.questions li[data-need="other person"] select');
      await who.focus();
      // Unknown → current service user → former service user → colleague.
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown", HUMAN);
      await page.keyboard.press("Enter");
      await expect
        .poll(() => form(page).getByLabel("other person", { exact: true }).inputValue())
        .toBe("colleague");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("opens a share link as a copy, keeping saved work, and asks before replacing it", async () => {
      const context = await e2e().browser.newContext({ viewport: { width: 1400, height: 900 } });
      const mine = await context.newPage();
      await mine.goto(e2e().url);
      await mine.locator("#tab-layer").click();
      await gotoEnd(mine);
      await mine.keyboard.press("Enter");
      await mine.keyboard.type("# my own work", HUMAN);
      await mine.waitForTimeout(800); // saved after a pause in typing
      await mine.close();

      const link = `#s=${encodeState({
        files: { ...(await packTexts()), layer: "# from a colleague\n" },
        open: "layer",
        baselineEditable: false,
        situation: {},
      })}`;
      const shared = await context.newPage();
      await shared.goto(e2e().url + link);
      await expect.poll(() => editorText(shared)).toContain("# from a colleague");
      await expect.poll(() => shared.locator("#work-note").textContent()).toContain("copy");
      await shared.waitForTimeout(1000); // longer than saving waits
      // Keeping the link's version asks first, saying what would be replaced.
      let asked = "";
      shared.once("dialog", (dialog) => {
        asked = dialog.message();
        void dialog.dismiss();
      });
      await shared.locator("#keep-copy").click();
      await expect.poll(() => asked).toMatch(/replace/i);

      const again = await context.newPage();
      await again.goto(e2e().url);
      await again.locator("#tab-layer").click();
      await gotoEnd(again);
      await expect.poll(() => editorText(again)).toContain("# my own work");
      await context.close();
    });

    it("does not let two open tabs overwrite each other's work", async () => {
      const context = await e2e().browser.newContext({ viewport: { width: 1400, height: 900 } });
      const a = await context.newPage();
      const b = await context.newPage();
      await a.goto(e2e().url);
      await b.goto(e2e().url);
      for (const [page, note] of [
        [a, "# from tab A"],
        [b, "# from tab B"],
      ] as const) {
        await page.locator("#tab-layer").click();
        await gotoEnd(page);
        await page.keyboard.press("Enter");
        await page.keyboard.type(note, HUMAN);
        await page.waitForTimeout(800);
      }
      await expect.poll(() => b.locator("#work-note").textContent()).toContain("another tab");
      const c = await context.newPage();
      await c.goto(e2e().url);
      await c.locator("#tab-layer").click();
      await gotoEnd(c);
      await expect.poll(() => editorText(c)).toContain("# from tab A");
      expect(await editorText(c)).not.toContain("# from tab B");
      await context.close();
    });

    it("lets Tab leave the editor after Ctrl+M (no keyboard trap)", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Control+M");
      await page.keyboard.press("Tab");
      const inEditor = await page.evaluate(
        "document.getElementById('editor').contains(document.activeElement)",
      );
      expect(inEditor).toBe(false);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("refuses a link that inflates past the limit, saying so, and stays responsive", async () => {
      // 150 KB of lz-string codes that stand for about two billion characters.
      const bomb = linkBomb(60_000);
      expect(bomb.length).toBeLessThan(200_000);
      const { page, problems } = await openPlayground(e2e().browser, e2e().url, `#s=${bomb}`);
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/too large/i);
      expect(await editorText(page)).toContain('policy "BPS DCP e-Professionalism"');
      expect(problems).toEqual([]);
      await page.close();
    });

    it("says so when a link is cut short, instead of silently showing the examples", async () => {
      const link = encodeState({
        files: { ...(await packTexts()), layer: "# a colleague's layer\n" },
        open: "layer",
        baselineEditable: false,
        situation: {},
      });
      const cut = link.slice(0, Math.floor(link.length / 2));
      const { page, problems } = await openPlayground(e2e().browser, e2e().url, `#s=${cut}`);
      await expect
        .poll(() => page.locator("#status").textContent())
        .toMatch(/link .*(damaged|incomplete)/i);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("starts a new line on Enter at the end of a line while suggestions are open", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.press("Enter");
      await page.keyboard.type("rule T9: contact with someone and service user", HUMAN);
      await page.locator(".suggest-widget.visible").waitFor();
      await page.keyboard.press("Enter");
      await page.keyboard.type("then decline", HUMAN);
      await page.keyboard.press("Escape");
      const { layer } = (await sharedState(page)).files;
      expect(layer).toMatch(
        /\nrule T9: contact with someone and service user\n\s*then decline\s*$/,
      );
      expect(problems).toEqual([]);
      await page.close();
    });

    it("keeps deciding with the same policy after “Show in editor” on a baseline rule", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await expect.poll(() => page.locator("#deciding-with").textContent()).toContain("Northfield");
      await choose(page, "activity", "joining a professional network");
      await choose(page, "open question", "none");
      await expect.poll(() => outcome(page).textContent()).toBe("Allow");
      await tryPanel(page)
        .locator('.rule-card[data-rule="3.1"]')
        .getByRole("button", { name: /Show/ })
        .click();
      await expect
        .poll(() => page.locator("#tab-baseline").getAttribute("aria-selected"))
        .toBe("true");
      await page.waitForTimeout(300);
      expect(await outcome(page).textContent()).toBe("Allow");
      expect(await page.locator("#deciding-with").textContent()).toContain("Northfield");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("lists failed scenarios first, names the missing facts, and filters to failures", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      await page.keyboard.insertText(
        [
          "",
          'scenario "Not enough said"',
          "  given activity is connecting with someone",
          "  expect allow",
        ].join("\n"),
      );
      await page.keyboard.press("Escape");
      await page.locator("#tab-scenarios").click();
      const first = page.locator("#panel-scenarios .scenario").first();
      await expect.poll(() => first.locator(".title").textContent()).toBe("Not enough said");
      expect(await first.getAttribute("data-pass")).toBe("false");
      expect((await first.locator(".problem").allTextContents()).join(" ")).toMatch(
        /missing.*other person/i,
      );
      await page.getByLabel("Only failed scenarios").check();
      expect(await page.locator("#panel-scenarios .scenario:visible").count()).toBe(1);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("gives each “Try it” button a name that says “Try it”", async () => {
      const { page } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#tab-scenarios").click();
      const rows = page.locator("#panel-scenarios .scenario");
      await rows.first().waitFor();
      const tries = page.getByRole("button", { name: /^Try it/ });
      expect(await tries.count()).toBe(await rows.count());
      await page.close();
    });
  });
}
