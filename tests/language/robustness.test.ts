/**
 * Properties over any input at all: parsing, checking and formatting never throw, every
 * diagnostic's range lies inside the text, and formatting either leaves the text alone or gives a
 * stable text with the same meaning.
 */

import {
  analyze,
  type Diagnostic,
  format,
  memoryHost,
  parse,
  sameMeaning,
} from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rangeProblems } from "../support/ast.js";
import {
  layeredPolicyArbitrary,
  mutatedPolicyArbitrary,
  mutationsOf,
} from "../support/generate.js";

function expectSoundRanges(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const problems = rangeProblems(text, d);
    if (problems.length > 0) expect({ diagnostic: d, problems }).toBeUndefined();
  }
}

/** Everything a user's text goes through, with the invariants each step keeps. */
function survives(text: string): void {
  const parsed = parse(text);
  expectSoundRanges(text, parsed.diagnostics);
  const analysis = analyze("policy.precept", memoryHost({ "policy.precept": text }));
  expectSoundRanges(text, analysis.diagnostics);
  if (analysis.diagnostics.some((d) => d.severity === "error"))
    expect(analysis.policy).toBeUndefined();
  const result = format(text);
  expectSoundRanges(text, result.diagnostics);
  if (!result.formatted) expect(result.text).toBe(text);
  else {
    expect(format(result.text).text).toBe(result.text);
    expect(sameMeaning(parsed.document, parse(result.text).document)).toBe(true);
  }
}

/** Words and signs of the language, so random texts get deep into the grammar. */
const FRAGMENTS = [
  ...["policy", "version", "extends", "source", "outcomes", "otherwise", "fact", "term", "rule"],
  ...["override", "disable", "exception", "to", "scenario", "cites", "when", "then", "unless"],
  ...["because", "advise", "asks", "means", "given", "expect", "undetermined", "needs", "advice"],
  ...["and", "or", "not", "is", "one", "of", "yes", "no", "number", "text", "by", "rules"],
  ...["strongest", "first", "section", "§", "§1", "(", ")", ":", ",", "→", "->", "<", "<=", ">="],
  ...['"quoted"', '"open', "“curly”", "# comment\n", "\n", "1.1", "18", "2.5.x", "NC-1", "bps"],
  ...["consent", "current service user", "prohibit", "allow", "__proto__", "=", "&", "'", "\\"],
];
const soup = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(" ", "", "\n", "  ", "\t")), {
    maxLength: 80,
  })
  .map((parts) => parts.map(([f, s]) => f + s).join(""));

describe("any input", () => {
  it("arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), survives), { numRuns: 300 });
  });

  it("arbitrary unicode, lone surrogates included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), survives), {
      numRuns: 300,
    });
  });

  it("random sequences of the language's own words and signs", () => {
    fc.assert(fc.property(soup, survives), { numRuns: 400 });
  });

  it("valid policies with deleted, duplicated, swapped or replaced tokens and characters", () => {
    fc.assert(fc.property(mutatedPolicyArbitrary({ rules: { max: 5 } }), survives), {
      numRuns: 200,
    });
  });

  it("a broken baseline or layer", () => {
    const broken = layeredPolicyArbitrary({ rules: { min: 2, max: 4 } }).chain((p) =>
      fc
        .tuple(fc.constant(p), fc.constantFrom("base.precept", "layer.precept"))
        .chain(([policy, file]) =>
          mutationsOf(policy.files[file]!).map((text) => ({ ...policy.files, [file]: text })),
        ),
    );
    fc.assert(
      fc.property(broken, (files) => {
        const analysis = analyze("layer.precept", memoryHost(files));
        for (const d of analysis.diagnostics) {
          expect(d.uri === "base.precept" || d.uri === "layer.precept").toBe(true);
          expectSoundRanges(files[d.uri!]!, [d]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
