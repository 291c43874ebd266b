/** Links that carry only the layer, and .precept files opened from and saved to the disk. */

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { encodeState, readLink } from "../../../playground/src/share.js";
import type { E2E } from "../support/e2e.js";
import { editorText, openPlayground, sharedState } from "../support/page.js";
import { packTexts } from "../support/panels.js";
import { record } from "../support/record.js";

const LZString = createRequire(new URL("../../../playground/package.json", import.meta.url))(
  "lz-string",
) as { compressToEncodedURIComponent(text: string): string };

const LAYER = [
  'policy "Riverside Clinic" version "1" extends "@precept/bps-e-professionalism"',
  "",
  "rule RC-1: sharing material and personal capacity -> caution",
  '  because "the clinic asks for care with personal posts"',
  "",
].join("\n");

export function fileAndLinkTests(e2e: () => E2E): void {
  describe("links and files", () => {
    it("shares only what differs from the shipped baseline (the Northfield layer)", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      const state = await sharedState(page);
      const link = await page.locator("#share-url").inputValue();
      const fragment = link.slice(link.indexOf("#s=") + 3);
      const full = encodeState(state);
      const figures = { northfieldLinkChars: fragment.length, everyFileLinkChars: full.length };
      console.info("Share link:", JSON.stringify(figures));
      await record("share-link", figures);
      expect(fragment.length).toBeLessThan(full.length / 2);
      const read = readLink(fragment, await packTexts());
      expect(read.ok).toBe(true);
      expect(read.ok ? read.otherBaseline : "unread").toBeUndefined();
      expect(problems).toEqual([]);
      await page.close();
    });

    it("says so when a link was made against another baseline version", async () => {
      const link = LZString.compressToEncodedURIComponent(
        JSON.stringify({
          v: 2,
          base: { version: "2011.9", hash: "sha256:0000" },
          files: { layer: "# made on an older site\n" },
          open: "layer",
          baselineEditable: false,
          situation: {},
        }),
      );
      const { page, problems } = await openPlayground(e2e().browser, e2e().url, `#s=${link}`);
      await expect
        .poll(() => page.locator("#status").textContent())
        .toMatch(/made against version 2011\.9 of the BPS baseline.*has version 2012\.1/);
      await expect.poll(() => editorText(page)).toContain("# made on an older site");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("opens a .precept file into the layer and saves it under its name", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "Open .precept…" }).click(),
      ]);
      page.once("dialog", (dialog) => void dialog.accept());
      await chooser.setFiles({
        name: "riverside.precept",
        mimeType: "text/plain",
        buffer: Buffer.from(LAYER),
      });
      await expect
        .poll(() => page.locator("#tab-layer").getAttribute("aria-selected"))
        .toBe("true");
      await expect.poll(() => editorText(page)).toContain('policy "Riverside Clinic"');
      // It extends the baseline by package name, and compiles (a warning: RC-1 cites nothing).
      await page.locator("#problems", { hasText: "1 warning" }).waitFor();
      await expect.poll(() => page.locator("#deciding-with").textContent()).toContain("Riverside");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Save .precept" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("riverside.precept");
      expect(await readFile((await download.path())!, "utf8")).toBe(LAYER);
      // The baseline saves too, read-only as it is.
      await page.locator("#tab-baseline").click();
      const [baseline] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Save .precept" }).click(),
      ]);
      expect(baseline.suggestedFilename()).toBe("bps-e-professionalism.precept");
      expect(await readFile((await baseline.path())!, "utf8")).toBe((await packTexts()).baseline);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("refuses a file that is not UTF-8 text, saying why", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.getByRole("button", { name: "Open .precept…" }).click(),
      ]);
      await chooser.setFiles({
        name: "latin1.precept",
        mimeType: "text/plain",
        buffer: Buffer.from([0x72, 0x75, 0x6c, 0x65, 0x20, 0xe9, 0xff, 0x0a]),
      });
      await expect.poll(() => page.locator("#status").textContent()).toMatch(/not UTF-8/);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
