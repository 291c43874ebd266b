/**
 * Hostile shapes (tests/support/hostile.ts) at sizes fast-check picks, alone and spliced into
 * each other: checking never throws, every range is sound, and what is reported stays in
 * proportion to the text. How long they take is measured by `pnpm bench`, not here.
 */
import { analyze, closest, type Diagnostic, memoryHost, parse } from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rangeProblems } from "../support/ast.js";
import { HOSTILE_SHAPES, type HostileShape, longWord } from "../support/hostile.js";

const shapes = Object.keys(HOSTILE_SHAPES) as HostileShape[];

function check(text: string): readonly Diagnostic[] {
  const analysis = analyze("policy.precept", memoryHost({ "policy.precept": text }));
  for (const d of analysis.diagnostics) {
    const problems = rangeProblems(text, d);
    if (problems.length > 0) expect({ diagnostic: d, problems }).toBeUndefined();
  }
  return analysis.diagnostics;
}

describe("hostile shapes", () => {
  it("each shape, at any size up to 40 KB, checks with sound ranges", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.integer({ min: 0, max: 40_000 }),
        (shape, size) => {
          const text = HOSTILE_SHAPES[shape](size);
          const diagnostics = check(text);
          // Never more problems than lines and tokens: nothing is reported over and over.
          const words = text.split(/\s+/).length;
          expect(diagnostics.length).toBeLessThanOrEqual(words + 2);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("pieces of different shapes spliced together", () => {
    const piece = fc
      .tuple(fc.constantFrom(...shapes), fc.integer({ min: 200, max: 4000 }), fc.nat())
      .map(([shape, size, cut]) => {
        const text = HOSTILE_SHAPES[shape](size);
        return text.slice(cut % Math.max(1, text.length));
      });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        check(pieces.join("\n"));
      }),
      { numRuns: 40 },
    );
  });

  it("150,000 problems: the first 1,000 are reported, then one saying checking stopped", () => {
    // Each `$` is its own problem; spreading that many into a call used to overflow the stack.
    const text = `policy "p" version "1"\n${"$ ".repeat(150_000)}\n`;
    const { diagnostics } = parse(text);
    expect(diagnostics.length).toBe(1_001);
    expect(diagnostics.filter((d) => d.code === "too-many-problems")).toHaveLength(1);
    expect(check(text).length).toBe(1_001);
  });

  it("a misspelt long name gets no guess, and a misspelt short one still does", () => {
    const long = longWord(5_000, 1);
    const policy = (use: string, name: string) =>
      `policy "p" version "1"\noutcomes, strongest first:\n  prohibit "no"\notherwise no guidance\nfact ${name}: yes or no\nrule 1: ${use} → prohibit\n  cites x §1\n`;
    const longProblem = check(policy(`${long}x`, long)).find((d) => d.code === "unknown-term");
    expect(longProblem?.suggestion).toBeUndefined();
    const shortProblem = check(policy("consnet", "consent")).find((d) => d.code === "unknown-term");
    expect(shortProblem?.suggestion).toBe("consent");
  });

  it("did you mean over thousands of names still finds a close one", () => {
    const names = Array.from({ length: 5_000 }, (_, i) => longWord(30, i));
    const target = names[4_321]!;
    expect(closest(`${target.slice(0, 10)}${target.slice(11)}`, names)).toBe(target);
  });
});
