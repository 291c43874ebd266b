/** Opening the playground in a fresh page, watching its console, and reading the editor. */
import type { Browser, Page } from "playwright-core";
import { decodeState, type PlaygroundState } from "../../../playground/src/share.js";
import { packTexts } from "./panels.js";

export interface OpenPage {
  readonly page: Page;
  /** Console errors, page errors and failed requests seen so far. */
  readonly problems: string[];
}

/**
 * Opens the playground in a new browser context — empty storage, nothing shared with other tests —
 * with the given fragment (e.g. a share link). Closing the page closes its context.
 */
export async function openPlayground(
  browser: Browser,
  url: string,
  fragment = "",
): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // Closing the page ends its context; at the end of the run the browser may already be gone.
  page.on("close", () => void context.close().catch(() => undefined));
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(url + fragment);
  await page.locator(".monaco-editor .view-lines").first().waitFor();
  return { page, problems };
}

/**
 * The whole state as the app shares it (every file's full text, the shipped pack filled in), read
 * through the share link: the editor's DOM holds only the visible, wrapped lines.
 */
export async function sharedState(page: Page): Promise<PlaygroundState> {
  await page.locator("#share").click();
  const link = await page.locator("#share-url").inputValue();
  const state = decodeState(link.slice(link.indexOf("#s=") + 3), await packTexts());
  if (!state) throw new Error(`The share link does not decode: ${link.slice(0, 80)}…`);
  return state;
}

/** The visible text of the policy editor, line by line (Monaco renders spaces as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator("#editor .view-line").allTextContents();
  return lines.map((l) => l.replace(/\u00a0/g, " ")).join("\n");
}

/** Puts the cursor at the end of the policy text. */
export async function gotoEnd(page: Page): Promise<void> {
  await page.locator("#editor .view-lines").click();
  await page.keyboard.press("Control+End");
}
