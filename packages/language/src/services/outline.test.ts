import { describe, expect, it } from "vitest";
import { parse } from "../parse.js";
import { BASELINE, LAYER } from "./fixtures.js";
import { type OutlineSymbol, outline } from "./outline.js";

/** name (detail) with children indented: the outline as a reader sees it. */
function show(symbols: readonly OutlineSymbol[], indent = ""): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.kind}: ${s.name}${s.detail ? ` (${s.detail})` : ""}`,
    ...show(s.children, `${indent}  `),
  ]);
}

describe("outline", () => {
  it("lists declarations in order with outcomes, values and inline exceptions nested", () => {
    const text = BASELINE.replace(
      "  then prohibit\n",
      "  then prohibit\n  unless explicit consent to publish → allow\n",
    );
    expect(show(outline(parse(text).document))).toEqual([
      "policy: BPS baseline (version 1.0)",
      "source: bps (e-Professionalism)",
      "outcomes: outcomes (strongest first)",
      "  outcome: prohibit (must not)",
      "  outcome: decline (should not be done)",
      "  outcome: seek advice (ask first)",
      "  outcome: allow (consistent with the guidance)",
      "  outcome: no guidance (otherwise: the guidance says nothing here)",
      "fact: relationship (one of)",
      "  value: current service user",
      "  value: former service user",
      "  value: colleague",
      "fact: capacity (one of)",
      "  value: personal",
      "  value: professional",
      "fact: identifiable information (yes or no)",
      "fact: explicit consent to publish (yes or no)",
      "fact: age (number (years))",
      "term: current service user (relationship is current service user)",
      "term: personal capacity (capacity is personal)",
      "term: child (age < 18)",
      "rule: rule 1.1 (No identifiable information without consent)",
      "  exception: unless (explicit consent to publish → allow)",
      "rule: rule 3.1 (Friend requests)",
      "scenario: Friend request (expect decline)",
    ]);
  });

  it("names a layer's changes to its baseline", () => {
    const text = `${LAYER}\noverride rule 1.1 because "x"\n  when team member\n  then allow\ndisable rule 3.1 because "y"\n`;
    expect(show(outline(parse(text).document)).slice(-3)).toEqual([
      "exception: exception to rule 3.1 (Team events)",
      "override: override rule 1.1 (→ allow)",
      "disable: disable rule 3.1 (y)",
    ]);
  });

  it("selects each name inside its declaration, also in text with errors", () => {
    const text = `${BASELINE}\nrule 9 when when x\nfact : yes or no\nscenario\n`;
    const check = (symbols: readonly OutlineSymbol[]): void => {
      for (const s of symbols) {
        expect(s.selectionRange.start.offset).toBeGreaterThanOrEqual(s.range.start.offset);
        expect(s.selectionRange.end.offset).toBeLessThanOrEqual(s.range.end.offset);
        check(s.children);
      }
    };
    const symbols = outline(parse(text).document);
    check(symbols);
    const rule = symbols.find((s) => s.name === "rule 1.1")!;
    expect(text.slice(rule.selectionRange.start.offset, rule.selectionRange.end.offset)).toBe(
      "1.1",
    );
    expect(symbols.at(-1)).toMatchObject({ kind: "scenario", name: "scenario" });
  });
});
