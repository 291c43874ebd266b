import type { Diagnostic } from "@precept/language";
import { bySection, CoverageCounter, sectionOf } from "@precept/project";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paint, useColour } from "./io.js";
import { count, dedupe, formatDiagnostic, reportOrder, summary, toJson } from "./report.js";

const at = (line: number, column: number, offset: number) => ({ line, column, offset });
const diag = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  code: "unknown-fact",
  severity: "error",
  message: "There is no fact called 'relationshp'; did you mean 'relationship'?",
  range: { start: at(2, 9, 19), end: at(2, 20, 30) },
  uri: "p.precept",
  suggestion: "relationship",
  ...over,
});

describe("diagnostic output", () => {
  const texts = new Map([["p.precept", 'policy "P"\nrule 1: relationshp is client → decline\n']]);

  it("prints file:line:col: severity code message and a code frame", () => {
    expect(formatDiagnostic(diag(), texts, paint(false))).toBe(
      [
        "p.precept:2:9: error unknown-fact There is no fact called 'relationshp'; did you mean 'relationship'?",
        " 2 | rule 1: relationshp is client → decline",
        "   |         ^^^^^^^^^^^",
      ].join("\n"),
    );
  });

  it("adds a suggestion the message does not already make, and related places", () => {
    const text = formatDiagnostic(
      diag({
        message: "Unknown.",
        related: [
          {
            message: "declared here",
            uri: "base.precept",
            range: { start: at(4, 1, 40), end: at(4, 5, 44) },
          },
        ],
      }),
      new Map(),
      paint(false),
    );
    expect(text).toBe(
      "p.precept:2:9: error unknown-fact Unknown.\n   suggestion: relationship\n   note: base.precept:4:1: declared here",
    );
  });

  it("keeps the first of repeated diagnostics only", () => {
    const a = diag();
    const b = diag({ message: "another" });
    const elsewhere = diag({ uri: "q.precept" });
    expect(dedupe([a, b, { ...a }, elsewhere, { ...b }])).toEqual([a, b, elsewhere]);
  });

  it("reports file by file in first-reported order, each file in text order, once each", () => {
    const late = diag({
      code: "duplicate-declaration",
      range: { start: at(6, 6, 80), end: at(6, 7, 81) },
    });
    const early = diag({ range: { start: at(1, 1, 0), end: at(1, 7, 6) } });
    const base = diag({ uri: "base.precept", range: { start: at(3, 1, 20), end: at(3, 2, 21) } });
    const baseEarly = diag({ uri: "base.precept" });
    expect(reportOrder([late, base, early, { ...late }, baseEarly])).toEqual([
      early,
      late,
      baseEarly,
      base,
    ]);
  });

  it("orders any list as a sorted permutation of its de-duplicated diagnostics", () => {
    const diagnostic = fc
      .record({
        uri: fc.constantFrom("a", "b", "c"),
        offset: fc.nat(50),
        code: fc.constantFrom("unknown-fact" as const, "unknown-term" as const),
      })
      .map(({ uri, offset, code }) =>
        diag({
          uri,
          code,
          range: { start: at(1, offset + 1, offset), end: at(1, offset + 2, offset + 1) },
        }),
      );
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 30 }), (list) => {
        const ordered = reportOrder(list);
        const unique = dedupe(list);
        expect(ordered).toHaveLength(unique.length);
        expect(new Set(ordered)).toEqual(new Set(unique));
        const files = [...new Set(unique.map((d) => d.uri))];
        const fileIndex = (d: Diagnostic) => files.indexOf(d.uri);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          expect(
            fileIndex(a) < fileIndex(b) ||
              (fileIndex(a) === fileIndex(b) && a.range.start.offset <= b.range.start.offset),
          ).toBe(true);
        }
      }),
    );
  });

  it("gives the JSON shape of check --json", () => {
    expect(toJson(diag())).toEqual({
      file: "p.precept",
      code: "unknown-fact",
      severity: "error",
      message: "There is no fact called 'relationshp'; did you mean 'relationship'?",
      range: { start: { line: 2, column: 9 }, end: { line: 2, column: 20 } },
      suggestion: "relationship",
    });
    expect(toJson(diag({ suggestion: undefined }))).not.toHaveProperty("suggestion");
  });

  it("counts and summarises", () => {
    const counts = count([
      diag(),
      diag({ severity: "warning" }),
      diag({ severity: "warning" }),
      diag({ severity: "info" }),
    ]);
    expect(counts).toEqual({ errors: 1, warnings: 2 });
    expect(summary(counts)).toBe("1 error, 2 warnings");
    expect(summary({ errors: 0, warnings: 1 })).toBe("1 warning");
  });
});

describe("useColour", () => {
  it("colours only a terminal, never with NO_COLOR or TERM=dumb", () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(false, {})).toBe(false);
    expect(useColour(undefined, {})).toBe(false);
    expect(useColour(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColour(true, { NO_COLOR: "" })).toBe(true);
    expect(useColour(true, { TERM: "dumb" })).toBe(false);
  });
});

describe("coverage", () => {
  it("counts rules by file and id, and groups the uncovered by section", () => {
    const counter = new CoverageCounter();
    counter.add({ file: "base", rule: "1", section: "g §1" });
    counter.add({ file: "base", rule: "2", section: "g §2" });
    counter.add({ file: "layer", rule: "2", section: "g §2", title: "Override" });
    counter.add({ file: "base", rule: "3", section: "no citation" });
    counter.add({ file: "base", rule: "1", section: "g §1" });
    counter.decided("base", "1");
    counter.decided("base", "2");
    counter.decided("elsewhere", "3");
    const result = counter.result();
    expect(result).toMatchObject({ rules: 4, decisive: 2 });
    expect(result.uncovered.map((r) => `${r.file}:${r.rule}`)).toEqual(["layer:2", "base:3"]);
    expect([...bySection(result.uncovered).keys()]).toEqual(["g §2", "no citation"]);
  });

  it("names a section by its first citation", () => {
    expect(sectionOf({ source: "bps", section: "3" })).toBe("bps §3");
    expect(sectionOf({ source: "bps" })).toBe("bps");
    expect(sectionOf(undefined)).toBe("no citation");
  });
});
