// The documentation is part of the product: its examples must be valid and its lists complete.
import { readFileSync } from "node:fs";
import { analyze, diagnosticCodes, memoryHost, parse } from "@precept/language";
// The project tier registers its own codes (the analysis findings) when it loads.
import "@precept/project";
import { describe, expect, it } from "vitest";
import { grammarDiagramHtml } from "../../packages/language/src/diagram.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const codeBlocks = (markdown: string) =>
  [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

describe("docs", () => {
  it("the README example is a clean policy", () => {
    const example = codeBlocks(read("README.md")).find((b) => b.startsWith("policy"))!;
    const result = analyze("readme.precept", memoryHost({ "readme.precept": example }));
    expect(result.diagnostics).toEqual([]);
    expect(result.policy?.scenarios).toHaveLength(1);
  });

  it("every example in the language reference is valid syntax", () => {
    const blocks = codeBlocks(read("docs/language.md"));
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      expect({ block, diagnostics: parse(block).diagnostics }).toEqual({ block, diagnostics: [] });
    }
  });

  it("every diagnostic code is documented, and only real codes are", () => {
    const doc = read("docs/diagnostics.md");
    const documented = new Set(
      [...doc.matchAll(/^###.*$/gm)].flatMap((m) =>
        [...m[0].matchAll(/`([a-z-]+)`/g)].map((c) => c[1]!),
      ),
    );
    expect([...documented].sort()).toEqual([...diagnosticCodes().keys()].sort());
  });

  it("the railroad diagram is up to date with the grammar (run `pnpm diagram`)", () => {
    expect(read("docs/grammar/index.html")).toBe(grammarDiagramHtml());
  });
});
