/** Decisions: scenarios, the bundle, the situation form, undetermined cases, saving scenarios. */
import { loadBundle } from "@precept/runtime";
import { describe, expect, it } from "vitest";
import type { E2E } from "../support/e2e.js";
import { editorText, gotoEnd, openPlayground, sharedState } from "../support/page.js";
import {
  choose,
  chooseFriendRequest,
  explanation,
  form,
  layerScenarioCount,
  outcome,
  tick,
  tryPanel,
  yesNo,
} from "../support/panels.js";

export function decisionTests(e2e: () => E2E): void {
  describe("decisions", () => {
    it("saves a tried situation as a scenario of the open policy", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await choose(page, "activity", "sharing material");
      await yesNo(page, "taken on trust premises", "Yes");
      // A several-valued fact: clearing "Unknown" with no box ticked answers "none of these".
      await tick(page, "trust approvals", "Unknown");
      await expect.poll(() => outcome(page).textContent()).toBe("Prohibit");
      await page.getByLabel("Scenario title").fill('A "saved" photo');
      await page.locator("#save-scenario").click();
      await page.locator("#status", { hasText: "Saved" }).waitFor();
      const { layer } = (await sharedState(page)).files;
      // Northfield depends on the decision date, so the scenario keeps the one it was tried on.
      const asOf = /photo" as of (\d{4}-\d{2}-\d{2})\n/.exec(layer)?.[1];
      const saved = [
        "",
        `scenario "A \\"saved\\" photo" as of ${asOf}`,
        "  given activity is sharing material, taken on trust premises, trust approvals is nothing",
        "  expect prohibit by rule NT-1",
        "",
      ].join("\n");
      expect(layer.slice(-saved.length)).toBe(saved);
      await page.locator("#tab-scenarios").click();
      const item = page.locator("#panel-scenarios .scenario", { hasText: 'A "saved" photo' });
      expect(await item.getAttribute("data-pass")).toBe("true");
      expect(await page.locator("#scenario-summary").textContent()).toMatch(
        `All ${(await layerScenarioCount()) + 1} scenarios pass`,
      );
      expect(problems).toEqual([]);
      await page.close();
    });

    it("shows every scenario of the open policy passing, also when run with json-rules-engine", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-scenarios").click();
      await page.locator("#tab-scenarios-file").click();
      const summary = page.locator("#scenario-summary");
      await expect.poll(() => summary.textContent()).toMatch(/^All \d+ scenarios pass$/);
      const total = await page.locator("#panel-scenarios .scenario").count();
      expect(total).toBeGreaterThanOrEqual(50);
      expect(await page.locator('#panel-scenarios .scenario[data-pass="true"]').count()).toBe(
        total,
      );
      await page.locator("#run-all").click();
      await page.locator("#panel-scenarios .meta", { hasText: "with json-rules-engine" }).waitFor();
      expect(await summary.textContent()).toBe(`All ${total} scenarios pass`);
      await page.locator("#tab-layer").click();
      await expect.poll(() => summary.textContent()).toMatch(/^All \d+ scenarios pass$/);
      expect(await page.locator("#tab-scenarios").textContent()).toMatch(/Scenarios (\d+)\/\1/);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("fails a scenario that no longer holds, saying what differs", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await gotoEnd(page);
      // Inserted as one input, not typed key by key: under load a suggestion list can open after
      // Escape and the next Enter would accept it instead of starting a new line.
      await page.keyboard.insertText(
        [
          "",
          'scenario "Wrongly expected"',
          "given activity is joining a professional network, open question is none",
          "expect prohibit",
        ].join("\n"),
      );
      await page.keyboard.press("Escape");
      await expect.poll(() => editorText(page)).toContain('scenario "Wrongly expected"');
      await page.locator("#tab-scenarios").click();
      const failed = page.locator('#panel-scenarios .scenario[data-pass="false"]');
      await failed.waitFor();
      expect(await failed.locator(".title").textContent()).toBe("Wrongly expected");
      expect(await failed.locator(".problem").first().textContent()).toBe(
        "Expected prohibit; got allow (rule 3.1).",
      );
      const count = await layerScenarioCount();
      expect(await page.locator("#scenario-summary").textContent()).toBe(
        `1 of ${count + 1} scenarios fail`,
      );
      expect(await page.locator("#tab-scenarios").textContent()).toContain(`${count}/${count + 1}`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("downloads the compiled bundle, which the runtime loads", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#tab-bundle").click();
      await page.locator("#panel-bundle .monaco-editor").waitFor();
      expect(await page.locator("#bundle-meta").textContent()).toContain(
        `${await layerScenarioCount()} scenarios`,
      );
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("#download-bundle").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^northfield-nhs-foundation-trust.*\.bundle\.json$/,
      );
      const { readFile } = await import("node:fs/promises");
      const json = await readFile((await download.path())!, "utf8");
      const loaded = loadBundle(json);
      expect(loaded.ok).toBe(true);
      expect(loaded.ok && loaded.decider.bundle.policy.title).toContain("Northfield");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("decides the situation in the form at once, with its explanation, rule and citation", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await chooseFriendRequest(page, "No");
      await expect.poll(() => outcome(page).textContent()).toBe("Decline");
      const before = await explanation(page).textContent();
      expect(before).toContain("rule 3.5");
      const card = tryPanel(page).locator('.rule-card[data-rule="3.5"]');
      expect(await card.locator("blockquote").count()).toBeGreaterThan(0);
      expect(await tryPanel(page).locator(".advice").textContent()).toContain(
        "Decline the request politely.",
      );
      await choose(page, "other person", "personal friend");
      await expect.poll(() => outcome(page).textContent()).not.toBe("Decline");
      expect(await explanation(page).textContent()).not.toBe(before);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("asks the question an undetermined case needs, and answering it decides", async () => {
      const { page } = await openPlayground(e2e().browser, e2e().url);
      await chooseFriendRequest(page);
      await expect.poll(() => outcome(page).textContent()).toBe("Undetermined");
      const question = tryPanel(page).locator('.questions li[data-need="romantic relationship"]');
      expect(await question.textContent()).toContain("romantic relationship?");
      await question.locator("label", { hasText: /^No$/ }).click();
      await expect.poll(() => outcome(page).textContent()).toBe("Decline");
      // The form shows the answer given in the question.
      expect(
        await form(page)
          .locator('fieldset[data-fact="romantic relationship"] input[value="no"]')
          .isChecked(),
      ).toBe(true);
      await page.close();
    });
  });
}
