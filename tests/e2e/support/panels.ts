/** Reading and driving the playground's panels in tests. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./site.js";

export const tryPanel = (page: Page) => page.locator("#panel-try");
export const form = (page: Page) => page.locator("#panel-try form.facts");
export const choose = (page: Page, fact: string, value: string) =>
  form(page).getByLabel(fact, { exact: true }).selectOption(value);
export const yesNo = (page: Page, fact: string, answer: "Yes" | "No" | "Unknown") =>
  form(page)
    .locator(`fieldset[data-fact="${fact}"] label`, { hasText: new RegExp(`^${answer}$`) })
    .click();
/** Ticks or clears one box of a several-valued fact ("Unknown" clears the answer). */
export const tick = (page: Page, fact: string, label: string) =>
  form(page)
    .locator(`fieldset[data-fact="${fact}"] label`, { hasText: new RegExp(`^${label}$`) })
    .click();
export const outcome = (page: Page) => tryPanel(page).locator(".decision .outcome");
export const explanation = (page: Page) => tryPanel(page).getByTestId("explanation");

/** Fills the form with a friend request from a current service user, in a personal capacity. */
export async function chooseFriendRequest(page: Page, romantic?: "Yes" | "No"): Promise<void> {
  await choose(page, "activity", "connecting with someone");
  await choose(page, "other person", "current service user");
  await choose(page, "capacity", "personal");
  if (romantic) await yesNo(page, "romantic relationship", romantic);
}

/** The BPS pack's texts, as the repository has them. */
export async function packTexts(): Promise<{ baseline: string; scenarios: string }> {
  const dir = join(ROOT, "rules", "bps-e-professionalism");
  return {
    baseline: await readFile(join(dir, "policy.precept"), "utf8"),
    scenarios: await readFile(join(dir, "scenarios.precept"), "utf8"),
  };
}

/** How many scenarios the example layer has in the repository. */
export async function layerScenarioCount(): Promise<number> {
  const text = await readFile(
    join(ROOT, "rules", "examples", "northfield-trust", "policy.precept"),
    "utf8",
  );
  return text.match(/^scenario\b/gm)?.length ?? 0;
}
