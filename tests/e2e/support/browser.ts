/**
 * Debian's chromium driven by playwright-core: headless, no sandbox, and a fresh empty profile
 * (playwright-core launches with a new temporary user-data dir and deletes it on close). Never a
 * downloaded browser build.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The chromium binary, or a clear error saying how to install it. */
export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const found = execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
    if (found) return found;
  } catch {
    // not on PATH
  }
  throw new Error(
    "Chromium is not installed, and the playground's browser tests need it. " +
      "Install Debian's package with `apt-get install chromium` (CI: .ci/run does this).",
  );
}

/** Starts chromium; each test then opens its own context (its own storage). */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
}
