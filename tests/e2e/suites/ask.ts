/** The Ask page: one question at a time, the decision printable, and how quickly it is ready. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeState, type PlaygroundState } from "../../../playground/src/share.js";
import { seriousViolations } from "../support/axe.js";
import type { E2E } from "../support/e2e.js";
import { openPlayground } from "../support/page.js";
import { packTexts } from "../support/panels.js";
import { record } from "../support/record.js";
import { DIST } from "../support/site.js";

/** The answers of a psychologist asked about a friend request from a current client. */
const ANSWERS: readonly [RegExp, string][] = [
  [/about to do on social media/, "connecting with someone"],
  [/Who is the other person/, "current service user"],
  [/personal \(social\) capacity/, "personal"],
  [/romantic relationship/, "No"],
];

/** A former client discharged on 15 March 2024 (typed into the date field as its segments read). */
const FORMER_CLIENT: readonly [RegExp, string][] = [
  [/about to do on social media/, "connecting with someone"],
  [/Who is the other person/, "former service user"],
  [/personal \(social\) capacity/, "personal"],
  [/romantic relationship/, "No"],
  [/How old/, "type:34"],
  [/vulnerable/, "No"],
  [/cannot resolve yourself/, "none"],
  [/discharged/, "type:03152024"],
];

/** Answers each question as a person would (pick or type, then Enter), until the decision shows. */
async function answerAll(page: Page, answers = ANSWERS): Promise<string[]> {
  const asked: string[] = [];
  for (let step = 0; step < 10; step++) {
    const question = page.locator("#question-text");
    const outcome = page.locator("#outcome");
    await question.or(outcome).first().waitFor();
    if (await outcome.isVisible()) return asked;
    const text = (await question.textContent()) ?? "";
    asked.push(text);
    const answer = answers.find(([pattern]) => pattern.test(text))?.[1];
    if (!answer) throw new Error(`The test has no answer to: ${text}`);
    // Typed into the field that has the focus (a date's segments — month, day, year — in turn).
    if (answer.startsWith("type:")) await page.keyboard.type(answer.slice(5), { delay: 60 });
    else await page.getByRole("radio", { name: answer, exact: true }).check();
    await page.keyboard.press("Enter");
    await expect.poll(() => question.or(outcome).first().textContent()).not.toBe(text);
  }
  throw new Error(`Still asking after ${asked.length} questions: ${asked.join(" / ")}`);
}

/** The Ask link for the open playground's policy, as the page builds it when followed. */
async function askHref(page: Page): Promise<string> {
  await page.locator("#ask-link").focus();
  return (await page.locator("#ask-link").getAttribute("href")) ?? "";
}

export function askTests(e2e: () => E2E): void {
  describe("the Ask page", () => {
    it("asks one question at a time from the playground's layer, then decides, printably", async () => {
      const { page, problems } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#deciding-with", { hasText: "Northfield" }).waitFor();
      const [ask] = await Promise.all([
        page.context().waitForEvent("page"),
        page.locator("#ask-link").press("Enter"),
      ]);
      const askProblems: string[] = [];
      ask.on("console", (m) => m.type() === "error" && askProblems.push(m.text()));
      ask.on("pageerror", (e) => askProblems.push(e.message));
      await ask.locator("#ask-policy", { hasText: "Northfield" }).waitFor();
      const asked = await answerAll(ask);
      expect(asked.length).toBeGreaterThanOrEqual(3);
      expect(await ask.locator("#outcome").textContent()).toBe("Decline");
      expect(await ask.locator(".rule h3").first().textContent()).toContain("3.5");
      expect(await ask.locator("blockquote").count()).toBeGreaterThan(0);
      expect(await ask.locator(".decision").textContent()).toContain(
        "Decline the request politely.",
      );
      expect(await ask.locator(".answers dd").allTextContents()).toContain("current service user");
      // Printed: the decision and the answers, without the buttons.
      await ask.emulateMedia({ media: "print" });
      expect(await ask.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
      expect(await ask.locator("#outcome").isVisible()).toBe(true);
      await ask.emulateMedia({ media: "screen" });
      // Back changes the last answer.
      await ask.getByRole("button", { name: "Change the last answer" }).click();
      await ask.locator("#question-text").waitFor();
      // A dated question and the decision date (Northfield's rule NT-3: no personal contact with
      // a former client within two years of discharge), typed with the keyboard.
      await ask.reload();
      await ask.locator("#question-text").waitFor();
      await ask.getByLabel("Decision date (empty: today)").focus();
      await ask.keyboard.type("01152025", { delay: 60 });
      await ask.locator("#question-text").focus();
      const dated = await answerAll(ask, FORMER_CLIENT);
      expect(dated.some((q) => /discharged/.test(q))).toBe(true);
      expect(await ask.locator("#outcome").textContent()).toBe("Decline");
      expect(await ask.locator(".rule h3").first().textContent()).toContain("NT-3");
      expect(await ask.locator(".as-of").textContent()).toBe("Decided as of 15 January 2025.");
      expect(await ask.locator(".answers dd").allTextContents()).toContain("2024-03-15");
      expect(await seriousViolations(ask)).toEqual([]);
      // Three years after discharge the Trust's rule no longer applies.
      await ask.getByLabel("Decision date (empty: today)").focus();
      await ask.keyboard.type("03152027", { delay: 60 });
      await expect
        .poll(() => ask.locator(".as-of").textContent())
        .toBe("Decided as of 15 March 2027.");
      expect(await ask.locator("#outcome").textContent()).not.toBe("Decline");
      expect(await ask.locator(".rule h3").first().textContent()).not.toContain("NT-3");
      expect(askProblems).toEqual([]);
      expect(problems).toEqual([]);
      await ask.close();
      await page.close();
    });

    it("loads only the runtime: under 150 KB of script, first question quickly at 4× CPU slowdown", async () => {
      const { page } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#deciding-with", { hasText: "Northfield" }).waitFor();
      const href = await askHref(page);
      await page.close();

      // The page is one request: its script is in ask.html, and it loads no script file.
      const html = await readFile(join(DIST, "ask.html"), "utf8");
      expect(html).not.toMatch(/<script[^>]*\ssrc=|modulepreload/);
      const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
      expect(scripts).toHaveLength(1);
      const gzip = gzipSync(scripts[0]![1]!, { level: 9 }).length;

      const firstQuestion = async (rate: number): Promise<number> => {
        const context = await e2e().browser.newContext({ viewport: { width: 390, height: 844 } });
        const ask = await context.newPage();
        const loaded: string[] = [];
        ask.on("request", (r) => loaded.push(r.url()));
        const cdp = await context.newCDPSession(ask);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate });
        const problems: string[] = [];
        ask.on("pageerror", (e) => problems.push(e.message));
        ask.on("console", (m) => m.type() === "error" && problems.push(m.text()));
        await ask.goto(href);
        await ask.locator("#question-text").waitFor();
        const at = (await ask.evaluate(
          "performance.getEntriesByName('precept:first-question')[0].startTime",
        )) as number;
        // Nothing but the page itself (the Content-Security-Policy lets its inline script run).
        expect(loaded).toEqual([href.slice(0, href.indexOf("#"))]);
        expect(problems).toEqual([]);
        await context.close();
        return Math.round(at);
      };
      const slowed = [await firstQuestion(4), await firstQuestion(4), await firstQuestion(4)];
      const figures = {
        askScriptGzipBytes: gzip,
        askLinkChars: href.length,
        firstQuestionMs: await firstQuestion(1),
        firstQuestionMsAt4xSlowdownRun1: slowed[0]!,
        firstQuestionMsAt4xSlowdownRun2: slowed[1]!,
        firstQuestionMsAt4xSlowdownRun3: slowed[2]!,
      };
      console.info("Ask page:", JSON.stringify(figures));
      await record("ask-page", figures);
      expect(gzip).toBeLessThan(150_000);
      // The goal is 1 s in every run on a developer machine; shared CI machines are slower and
      // busier, so the test only guards against a page that has become slow by any measure.
      expect(Math.max(...slowed)).toBeLessThan(5_000);
    }, 60_000);

    it("asks a several-valued question with checkboxes", async () => {
      const layer = [
        'policy "Ward rules" version "1" extends "../../bps-e-professionalism/policy.precept"',
        "fact shows: any of patient area, staff, nothing personal",
        '  asks "What does the photo show? Tick every one that applies."',
        'rule W-1 "No patient areas": shows includes patient area -> prohibit',
        '  because "patients can be recognised"',
        'rule W-2 "Otherwise fine": shows includes none of patient area -> allow',
        '  because "nothing identifies a patient"',
        "",
      ].join("\n");
      const state: PlaygroundState = {
        files: { ...(await packTexts()), layer },
        open: "layer",
        baselineEditable: false,
        situation: {},
      };
      const { page } = await openPlayground(e2e().browser, e2e().url, `#s=${encodeState(state)}`);
      await page.locator("#deciding-with", { hasText: "Ward rules" }).waitFor();
      const ask = await page.context().newPage();
      await ask.goto(await askHref(page));
      const question = ask.locator("#question-text");
      await question.waitFor();
      // The layer's question comes after the baseline's: answer until it is asked.
      for (let i = 0; i < 8 && !/Tick every one/.test((await question.textContent()) ?? ""); i++) {
        await ask.getByRole("radio").first().check();
        await ask.keyboard.press("Enter");
        await ask.locator("#question-text").or(ask.locator("#outcome")).first().waitFor();
        if (await ask.locator("#outcome").isVisible()) break;
      }
      expect(await question.textContent()).toContain("Tick every one");
      await ask.getByRole("checkbox", { name: "staff" }).check();
      await ask.getByRole("checkbox", { name: "patient area" }).check();
      await ask.getByRole("button", { name: "Next" }).click();
      await ask.locator("#outcome").waitFor();
      expect(await ask.locator("#outcome").textContent()).toBe("Prohibit");
      expect(await ask.locator(".answers dd").allTextContents()).toContain("patient area, staff");
      await ask.close();
      await page.close();
    });

    it("refuses a damaged link and a tampered bundle, saying so", async () => {
      const { page } = await openPlayground(e2e().browser, e2e().url);
      await page.locator("#tab-layer").click();
      await page.locator("#deciding-with", { hasText: "Northfield" }).waitFor();
      const href = await askHref(page);
      const ask = await page.context().newPage();
      await ask.goto(href.slice(0, Math.floor(href.length * 0.6)));
      await ask
        .getByRole("alert")
        .filter({ hasText: /damaged or incomplete/ })
        .waitFor();
      // The same bundle with one rule's outcome changed: its hash no longer matches.
      const { createRequire } = await import("node:module");
      const LZString = createRequire(new URL("../../../playground/package.json", import.meta.url))(
        "lz-string",
      ) as {
        compressToEncodedURIComponent(t: string): string;
        decompressFromEncodedURIComponent(t: string): string;
      };
      const json = LZString.decompressFromEncodedURIComponent(href.slice(href.indexOf("#b=") + 3));
      const tampered = json.replace('"outcome":"decline"', '"outcome":"allow"');
      expect(tampered).not.toBe(json);
      await ask.goto(`${e2e().url}ask.html#b=${LZString.compressToEncodedURIComponent(tampered)}`);
      await ask
        .getByRole("alert")
        .filter({ hasText: /cannot be used/ })
        .waitFor();
      await ask.close();
      await page.close();
    });
  });
}
