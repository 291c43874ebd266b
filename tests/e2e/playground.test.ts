/**
 * The playground in a real browser: Debian's chromium, driven by playwright-core, against the
 * production build served on 127.0.0.1 — what a user of any static host gets. The site is built
 * and the browser started once; the suites (one file per area) share them.
 */

import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { accessibilityTests } from "./suites/accessibility.js";
import { analysisTests } from "./suites/analysis.js";
import { askTests } from "./suites/ask.js";
import { decisionTests } from "./suites/decisions.js";
import { defectTests } from "./suites/defects.js";
import { editingTests } from "./suites/editing.js";
import { fileAndLinkTests } from "./suites/files-links.js";
import { performanceTests } from "./suites/performance.js";
import { sharingTests } from "./suites/sharing.js";
import { understandingTests } from "./suites/understanding.js";
import { launch } from "./support/browser.js";
import type { E2E } from "./support/e2e.js";
import { buildSite, type Site, serve } from "./support/site.js";

let site: Site | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launch(); // first: a missing chromium fails at once, saying how to install it
  await buildSite();
  site = await serve();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const e2e = (): E2E => {
  if (!site || !browser) throw new Error("The site or the browser did not start (see beforeAll).");
  return { url: site.url, browser };
};

editingTests(e2e);
decisionTests(e2e);
sharingTests(e2e);
performanceTests(e2e);
defectTests(e2e);
fileAndLinkTests(e2e);
askTests(e2e);
understandingTests(e2e);
analysisTests(e2e);
accessibilityTests(e2e);
