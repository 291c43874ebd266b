import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import { memoryHost } from "../host.js";
import { covered, cursor } from "./cursor.js";
import { definition } from "./definition.js";
import { BASELINE, BASELINE_URI, LAYER, LAYER_URI } from "./fixtures.js";
import { hover } from "./hover.js";
import { escapeMarkdown } from "./markdown.js";

/** Puts the cursor before the `nth` occurrence of `word` (after `skip` characters of it). */
function mark(text: string, word: string, nth = 1, skip = 1): string {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`no ${word}`);
  return `${text.slice(0, at + skip)}<|>${text.slice(at + skip)}`;
}

function hoverAt(marked: string, asLayer = false) {
  const { text, offset } = cursor(marked);
  const uri = asLayer ? LAYER_URI : BASELINE_URI;
  const host = memoryHost({ [BASELINE_URI]: BASELINE });
  const result = hover(text, offset, { uri, host });
  return result && { ...result, word: covered(text, result.range) };
}

function definitionAt(marked: string, asLayer = false) {
  const { text, offset } = cursor(marked);
  const uri = asLayer ? LAYER_URI : BASELINE_URI;
  const host = memoryHost({ [BASELINE_URI]: BASELINE });
  const found = definition(text, offset, { uri, host });
  const source = found?.uri === uri ? text : BASELINE;
  return (
    found && { uri: found.uri, word: covered(source, found.range), line: found.range.start.line }
  );
}

describe("hover", () => {
  it("shows a term's condition as written and its meaning", () => {
    const h = hoverAt(mark(BASELINE, "current service user and personal"));
    expect(h?.word).toBe("current service user");
    expect(h?.markdown).toBe(
      [
        "**term** current service user",
        "```precept\nrelationship is current service user\n```",
        "means “the other person is a current service user”",
      ].join("\n\n"),
    );
  });

  it("shows a fact's type, values and question", () => {
    const h = hoverAt(mark(BASELINE, "relationship is current", 1, 3));
    expect(h?.word).toBe("relationship");
    expect(h?.markdown).toBe(
      [
        "**fact** relationship",
        "one of: current service user, former service user, colleague",
        "asks “Who is the other person?”",
      ].join("\n\n"),
    );
    expect(hoverAt(mark(BASELINE, "age < 18"))?.markdown).toContain("number \\(years\\)");
  });

  it("shows a rule's title, citation with quote, condition, outcome and reason", () => {
    const h = hoverAt(`${BASELINE}\nexception to rule 1<|>.1 when age < 3 then allow\n`);
    expect(h?.word).toBe("1.1");
    const md = h!.markdown;
    expect(md.split("\n\n")[0]).toBe(
      "**rule 1\\.1** — No identifiable information without consent",
    );
    expect(md).toContain(
      "cites bps §1 (e\\-Professionalism): “do not share identifiable information without permission”",
    );
    expect(md).toContain(
      "```precept\nwhen identifiable information and not explicit consent to publish\n```",
    );
    expect(md).toContain("then **prohibit** — must not");
    expect(md).toContain("because “social media are public”");
    expect(md).toContain("advise “Ask for explicit permission\\.”");
  });

  it("shows the condition of a rule's provided block with the rule's own", () => {
    const block = `${BASELINE}\nprovided age < 18:\nrule 9 when identifiable information then prohibit cites bps §1\nend provided\n`;
    const expected =
      "```precept\nprovided age < 18:\n```\n\n```precept\nwhen identifiable information\n```";
    const onId = hoverAt(`${block.replace("rule 9", "rule <|>9")}`);
    expect(onId?.word).toBe("9");
    expect(onId?.markdown).toContain(expected);
    const inScenario = `${block}scenario "t"\n  given age is 3\n  expect prohibit by rule <|>9\n`;
    expect(hoverAt(inScenario)?.markdown).toContain(expected);
    // A rule outside a block shows its own condition only.
    expect(hoverAt(mark(BASELINE, "rule 1.1", 1, 5))?.markdown).not.toContain("provided");
  });

  it("shows an outcome's meaning and rank", () => {
    expect(hoverAt(mark(BASELINE, "then prohibit", 1, 6))?.markdown).toBe(
      "**outcome** prohibit — must not\n\nthe strongest of 4 outcomes (the strongest outcome of the rules that apply wins)",
    );
    expect(hoverAt(mark(BASELINE, "→ decline", 1, 3))?.markdown).toContain(
      "number 2 of 4 outcomes",
    );
    const scenario = `${BASELINE}\nscenario "t"\n  given age is 3\n  expect no guid<|>ance\n`;
    expect(hoverAt(scenario)?.markdown).toContain("when no rule applies");
  });

  it("shows a source's title and a value's fact, also on declarations", () => {
    expect(hoverAt(mark(BASELINE, "bps §1"))?.markdown).toBe(
      "**source** bps — e\\-Professionalism, British Psychological Society, 2012",
    );
    const value = hoverAt(mark(BASELINE, "is current service user", 1, 5));
    expect(value?.word).toBe("current service user");
    expect(value?.markdown.split("\n\n")[0]).toBe(
      "**value** current service user of the fact **relationship**",
    );
    expect(hoverAt(mark(BASELINE, "colleague"))?.markdown).toContain(
      "of the fact **relationship**",
    );
    expect(hoverAt(mark(BASELINE, "fact capacity", 1, 6))?.markdown).toContain("**fact** capacity");
  });

  it("says where a baseline's declaration comes from, in a layer", () => {
    const h = hoverAt(mark(LAYER, "3.1"), true);
    expect(h?.markdown).toContain("**rule 3\\.1** — Friend requests");
    expect(h?.markdown).toContain("*from BPS baseline*");
    expect(hoverAt(mark(LAYER, "when team member", 1, 6), true)?.markdown).toBe(
      "**fact** team member\n\nyes or no",
    );
  });

  it("answers at the end of a word, and nothing on keywords, texts or blank space", () => {
    expect(hoverAt(mark(BASELINE, " and personal capacity", 1, 0))?.word).toBe(
      "current service user",
    );
    expect(hoverAt(mark(BASELINE, "then prohibit", 1, 2))).toBeUndefined();
    expect(hoverAt(mark(BASELINE, "social media are public"))).toBeUndefined();
    expect(hoverAt(`${BASELINE}\n<|>`)).toBeUndefined();
  });

  it("escapes what the author wrote, so it cannot become a link or HTML", () => {
    const text = BASELINE.replace(
      '"Who is the other person?"',
      '"<img src=x onerror=alert(1)> [click](javascript:alert(1)) https://evil.example ```"',
    );
    const md = hoverAt(mark(text, "relationship is current", 1, 3))!.markdown;
    expect(md).not.toMatch(/(^|[^\\])[<>]|\]\(|https:\/\//);
    expect(md).toContain("\\<img src\\=x onerror\\=alert\\(1\\)\\>");
    expect(escapeMarkdown("a\n# b")).toBe("a \\# b");
  });

  it("keeps a fenced condition closed whatever the text compared", () => {
    const text = BASELINE.replace(
      "fact age: number (years)",
      'fact age: number (years)\nfact platform: text\nterm odd: platform is "```<b>"',
    );
    const md = hoverAt(`${text}rule 9 when od<|>d then allow\n`)!.markdown;
    expect(md).toContain('````precept\nplatform is "```<b>"\n````');
  });
});

describe("definition", () => {
  it("goes from a use to the declaration of a term, fact, outcome, source and value", () => {
    expect(definitionAt(mark(BASELINE, "current service user and personal"))).toMatchObject({
      uri: BASELINE_URI,
      word: '"current service user"',
      line: 19,
    });
    expect(definitionAt(mark(BASELINE, "capacity is personal"))).toMatchObject({
      word: "capacity",
      line: 13,
    });
    expect(definitionAt(mark(BASELINE, "then prohibit", 1, 6))).toMatchObject({
      word: "prohibit",
      line: 5,
    });
    expect(definitionAt(mark(BASELINE, "bps §3"))).toMatchObject({ word: "bps", line: 2 });
    expect(definitionAt(mark(BASELINE, "is personal", 1, 4))).toMatchObject({
      word: "personal",
      line: 13,
    });
  });

  it("goes from a layer into the baseline", () => {
    expect(definitionAt(mark(LAYER, "3.1"), true)).toMatchObject({
      uri: BASELINE_URI,
      word: "3.1",
      line: 31,
    });
    expect(
      definitionAt(`${LAYER}\nrule 9 when age < 2 then allow cites bp<|>s\n`, true),
    ).toMatchObject({
      uri: BASELINE_URI,
      word: "bps",
    });
    expect(definitionAt(mark(LAYER, "when team member", 1, 6), true)).toMatchObject({
      uri: LAYER_URI,
      word: "team member",
    });
  });

  it("goes from an overriding rule id to the baseline rule, and from by rule to the override", () => {
    const layer = `${LAYER}\noverride rule 1.1 because "local"\n  cites bps §1\n  when identifiable information\n  then decline\n\nscenario "s"\n  given identifiable information\n  expect decline by rule 1.1\n`;
    expect(definitionAt(mark(layer, "1.1"), true)).toMatchObject({ uri: BASELINE_URI, line: 24 });
    expect(definitionAt(mark(layer, "1.1", 2), true)).toMatchObject({
      uri: LAYER_URI,
      word: "1.1",
    });
  });

  it("answers nothing for an unknown name, and uses a given analysis as is", () => {
    expect(definitionAt(`${BASELINE}\nrule 9 when nonsen<|>se then allow\n`)).toBeUndefined();
    const text = BASELINE;
    const analysis = analyze(BASELINE_URI, memoryHost({ [BASELINE_URI]: text }));
    const { offset } = cursor(mark(text, "capacity is personal"));
    expect(definition(text, offset, { uri: BASELINE_URI, analysis })?.range.start.line).toBe(13);
  });
});

describe("hover and definition at any offset", () => {
  it("answer about a name that covers the offset, and definitions point at that name", () => {
    const host = memoryHost({ [BASELINE_URI]: BASELINE });
    const layer = `${LAYER}\nrule 9 when team member and child then allow\n  cites clinic\n`;
    for (const [uri, text] of [
      [BASELINE_URI, BASELINE],
      [LAYER_URI, layer],
    ] as const) {
      let answered = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        const h = hover(text, offset, { uri, host });
        const d = definition(text, offset, { uri, host });
        expect(h === undefined, `offset ${offset}`).toBe(d === undefined);
        if (!h || !d) continue;
        // A baseline in the policy line leads to its file, not to a name (services/baselines.test.ts).
        if (h.markdown.startsWith("**baseline**")) continue;
        answered++;
        expect(h.range.start.offset).toBeLessThanOrEqual(offset);
        expect(h.range.end.offset).toBeGreaterThanOrEqual(offset);
        const target = d.uri === uri ? text : BASELINE;
        const name = covered(target, d.range).replace(/^"|"$/g, "").toLowerCase();
        expect(name).toBe(covered(text, h.range).toLowerCase().replace(/^"|"$/g, ""));
      }
      // Names are a good part of a policy's text.
      expect(answered).toBeGreaterThan(text.length / 5);
    }
  });

  it("never throw on broken text", () => {
    const piece = fc.constantFrom("rule ", "when ", "is ", "x ", "(", '"', "#", "\n", "→ ", "1.1 ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.nat(), (parts, n) => {
        const text = BASELINE + parts.join("");
        const offset = n % (text.length + 1);
        hover(text, offset, { uri: BASELINE_URI });
        definition(text, offset, { uri: BASELINE_URI });
      }),
      { numRuns: 100 },
    );
  });
});
