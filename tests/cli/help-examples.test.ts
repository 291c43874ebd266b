/**
 * Every example in the CLI's help that names facts works on the BPS baseline shipped with Precept:
 * each `--fact NAME=VALUE` is a fact of the baseline with a value it reads, and every example
 * policy path under rules/ exists.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { compile } from "@precept/compiler";
import { analyze } from "@precept/language";
import { readFacts } from "@precept/runtime";
import { describe, expect, it } from "vitest";
import { mainHelp } from "../../packages/cli/src/cli.js";
import { exampleFacts } from "../../packages/cli/src/facts-json.js";
import * as specs from "../../packages/cli/src/specs.js";
import { ROOT } from "./helpers.js";

const BPS = path.join(ROOT, "rules/bps-e-professionalism/policy.precept");

describe("help examples", () => {
  const host = { readFile: (uri: string) => readFileSync(uri, "utf8") };
  const analysis = analyze(BPS, host);
  const facts = compile(analysis.policy!).facts;
  const examples = [
    ...Object.values(specs).flatMap((s) => s.examples),
    ...mainHelp(false)
      .split("\n")
      .filter((l) => l.startsWith("  precept ")),
  ];

  it("use facts and values the shipped baseline has", () => {
    const pairs = examples.flatMap((e) =>
      [...e.matchAll(/--fact (?:"([^"]+)"|(\S+))/g)].map((m) => m[1] ?? m[2]!),
    );
    expect(pairs.length).toBeGreaterThan(3);
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      const read = readFacts(facts, { [pair.slice(0, at)]: pair.slice(at + 1) }, { mode: "form" });
      expect({ pair, ok: read.ok }).toEqual({ pair, ok: true });
    }
    const generic = Object.fromEntries(exampleFacts(undefined));
    expect(readFacts(facts, generic).ok).toBe(true);
  });

  it("name policy files that exist", () => {
    for (const e of examples) {
      for (const file of e.match(/rules\/\S+\.precept/g) ?? []) {
        expect(existsSync(path.join(ROOT, file))).toBe(true);
      }
    }
  });
});
