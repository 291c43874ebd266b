/**
 * docs/embedding.md shows the example files exactly, and the examples work: plain json-rules-engine
 * and @precept/runtime, in Node and (with `fetch` stubbed) in the browser.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "@precept/compiler";
import { analyze, memoryHost } from "@precept/language";
import { loadBundle } from "@precept/runtime";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decideInBrowserWithEngine } from "../../packages/runtime/src/examples/browser-engine.js";
import { decideInBrowser, whyNot } from "../../packages/runtime/src/examples/browser-runtime.js";
import { decideWithEngine } from "../../packages/runtime/src/examples/node-engine.js";
import { explain } from "../../packages/runtime/src/examples/node-runtime.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

const text = read("tests/fixtures/sketch.precept");
const bundle = compile(analyze("sketch.precept", memoryHost({ "sketch.precept": text })).policy!);
const bundleText = JSON.stringify(bundle, null, 2);
const bundlePath = join(mkdtempSync(join(tmpdir(), "precept-embedding-")), "policy.bundle.json");
writeFileSync(bundlePath, bundleText);

const complete = {
  relationship: "current service user",
  capacity: "personal",
  "identifiable information": false,
  "explicit consent to publish": false,
  age: 30,
};

describe("docs/embedding.md", () => {
  it("shows every example file exactly", () => {
    const doc = read("docs/embedding.md");
    const shown = [...doc.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
    expect(shown.map((m) => m[1])).toEqual([
      "packages/runtime/src/examples/node-engine.ts",
      "packages/runtime/src/examples/browser-engine.ts",
      "packages/runtime/src/examples/node-runtime.ts",
      "packages/runtime/src/examples/browser-runtime.ts",
    ]);
    // The examples import the runtime by path (so the package builds); readers import it by name.
    const asPublished = (code: string) =>
      code.replaceAll('from "../index.js"', 'from "@precept/runtime"');
    for (const [, path, code] of shown) {
      expect({ path, code }).toEqual({ path, code: asPublished(read(path!)) });
    }
  });
});

describe("the embedding examples", () => {
  afterEach(() => vi.unstubAllGlobals());
  const serve = () =>
    vi.stubGlobal("fetch", async (url: string) => {
      expect(url).toBe("/policy.bundle.json");
      return new Response(bundleText);
    });

  it("plain json-rules-engine in Node reaches the runtime's outcome", async () => {
    const decider = (
      loadBundle(bundle) as { ok: true; decider: import("@precept/runtime").Decider }
    ).decider;
    for (const facts of [
      complete,
      { ...complete, "identifiable information": true },
      { ...complete, relationship: "colleague" },
    ]) {
      expect(await decideWithEngine(bundlePath, facts)).toBe(decider.outcome(facts));
    }
    await expect(decideWithEngine(bundlePath, { relationship: "colleague" })).rejects.toThrow(
      "Missing fact: capacity",
    );
  });

  it("plain json-rules-engine in the browser gives the outcome and deciding rules", async () => {
    serve();
    expect(
      await decideInBrowserWithEngine("/policy.bundle.json", {
        ...complete,
        "identifiable information": true,
      }),
    ).toEqual({ outcome: "prohibit", rules: ["1.1"] });
    expect(
      await decideInBrowserWithEngine("/policy.bundle.json", {
        ...complete,
        relationship: "colleague",
      }),
    ).toEqual({ outcome: "no guidance", rules: [] });
  });

  it("the runtime in Node explains, and asks for what is missing", async () => {
    expect(await explain(bundlePath, complete)).toMatch(
      /^Decline — relationship is current service user/,
    );
    expect(
      await explain(bundlePath, { relationship: "current service user", capacity: "personal" }),
    ).toBe(
      "Not decided yet. Please answer:\nCould the material identify a service user, even without a name?\nExplicit consent to publish: yes or no?",
    );
    expect(await explain(bundlePath, { relationship: "friend" })).toMatch(
      /^No decision: 'relationship' cannot be "friend"/,
    );
  });

  it("the runtime in the browser decides synchronously and says why not", async () => {
    serve();
    expect(
      await decideInBrowser("/policy.bundle.json", { ...complete, relationship: "colleague" }),
    ).toEqual({
      text: "No guidance — no rule applies.",
      outcome: "no guidance",
      ask: [],
    });
    expect(await whyNot("/policy.bundle.json", "3.1", { relationship: "colleague" })).toBe(
      "Rule 3.1 does not apply; it needs relationship is current service user (relationship is colleague) and capacity is personal (capacity is not known).",
    );
  });
});

describe("docs/bundle-format.md", () => {
  it("shows the published schema exactly", () => {
    const doc = read("docs/bundle-format.md");
    const shown = /<!-- schema: (\S+) -->\n```json\n([\s\S]*?)```/.exec(doc);
    expect(shown?.[1]).toBe("packages/runtime/src/bundle.schema.json");
    expect(shown?.[2]).toBe(read(shown![1]!));
  });
});
