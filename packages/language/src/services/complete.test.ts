// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` is snippet syntax, not a template.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryHost } from "../host.js";
import { type CompletionItem, complete } from "./complete.js";
import { covered, cursor } from "./cursor.js";
import { BASELINE, BASELINE_URI, LAYER, LAYER_URI } from "./fixtures.js";

/** Completion at the `<|>` of `marked`, as the only file or as a layer on the baseline. */
function completeAt(marked: string, asLayer = false): { items: CompletionItem[]; text: string } {
  const { text, offset } = cursor(marked);
  const uri = asLayer ? LAYER_URI : BASELINE_URI;
  const host = memoryHost(asLayer ? { [BASELINE_URI]: BASELINE } : {});
  return { items: complete(text, offset, { uri, host }), text };
}

function labels(marked: string, kind?: CompletionItem["kind"], asLayer = false): string[] {
  return completeAt(marked, asLayer)
    .items.filter((i) => !kind || i.kind === kind)
    .map((i) => i.label);
}

/** The baseline with `body` appended: a rule being written at the end of a real policy. */
const after = (body: string) => `${BASELINE}\n${body}`;

describe("complete: values of the fact being compared", () => {
  it("offers the fact's values right after `relationship is `", () => {
    const values = labels(after("rule 9: relationship is <|>"), "value");
    expect(values).toEqual(["current service user", "former service user", "colleague"]);
  });

  it("replaces the words of the value typed so far", () => {
    const { items, text } = completeAt(after("rule 9: relationship is former ser<|>"));
    const former = items.find((i) => i.label === "former service user")!;
    expect(covered(text, former.range)).toBe("former ser");
  });

  it("offers the remaining values after `is one of` and after a comma", () => {
    expect(labels(after("rule 9: relationship is one of <|>"), "value")).toContain("colleague");
    expect(labels(after("rule 9: relationship is not one of colleague, <|>"), "value")).toEqual([
      "current service user",
      "former service user",
    ]);
    const { items, text } = completeAt(after("rule 9: capacity is one of pers<|>"));
    const personal = items.find((i) => i.label === "personal")!;
    expect(covered(text, personal.range)).toBe("pers");
  });

  it("offers yes and no for a yes/no fact, in conditions and scenarios", () => {
    expect(labels(after("rule 9 when explicit consent to publish is <|>"), "value")).toEqual([
      "yes",
      "no",
    ]);
    expect(labels(after('scenario "s"\n  given identifiable information is <|>'), "value")).toEqual(
      ["yes", "no"],
    );
  });

  it("offers values in a scenario's given, also after a comma", () => {
    const text = after('scenario "s"\n  given capacity is personal, relationship is <|>');
    expect(labels(text, "value")).toContain("former service user");
  });

  it("offers no values for a number fact or an unknown fact", () => {
    expect(labels(after("rule 9 when age is <|>"), "value")).toEqual([]);
    expect(labels(after("rule 9 when nonsense is <|>"), "value")).toEqual([]);
  });
});

describe("complete: names in context", () => {
  it("offers terms and facts in conditions, not outcomes", () => {
    for (const marked of [
      "rule 9 when <|>",
      "rule 9 when current service user and <|>",
      "rule 9 when not <|>",
      "rule 9 when (<|>",
      "rule 9: age < 18 or <|>",
      "rule 9 when age > 2 then decline unless <|>",
    ]) {
      const all = completeAt(after(marked)).items;
      const names = all.filter((i) => i.kind === "term" || i.kind === "fact").map((i) => i.label);
      expect(names, marked).toEqual([
        "current service user",
        "personal capacity",
        "child",
        "relationship",
        "capacity",
        "identifiable information",
        "explicit consent to publish",
        "age",
      ]);
      expect(
        all.some((i) => i.kind === "outcome"),
        marked,
      ).toBe(false);
    }
  });

  it("describes facts and terms", () => {
    const items = completeAt(after("rule 9 when <|>")).items;
    expect(items.find((i) => i.label === "relationship")).toMatchObject({
      detail: "fact: one of current service user, former service user, colleague",
      documentation: "Who is the other person?",
    });
    expect(items.find((i) => i.label === "current service user")).toMatchObject({
      kind: "term",
      detail: "term: relationship is current service user",
      documentation: "the other person is a current service user",
    });
  });

  it("replaces a multi-word name typed so far", () => {
    const { items, text } = completeAt(after("rule 9 when not explicit con<|>"));
    const fact = items.find((i) => i.label === "explicit consent to publish")!;
    expect(covered(text, fact.range)).toBe("explicit con");
  });

  it("offers only names that begin with the whole words typed, and none once a name is done", () => {
    expect(labels(after("rule 9 when current service <|>"), "term")).toEqual([
      "current service user",
    ]);
    expect(labels(after("rule 9 when relationship is former <|>"), "value")).toEqual([
      "former service user",
    ]);
    const done = completeAt(after("rule 9 when age < 18\n  then decline\n  <|>")).items;
    expect(done.filter((i) => i.kind === "outcome")).toEqual([]);
    expect(done.map((i) => i.label)).toContain("because");
  });

  it("does not offer a term inside its own definition", () => {
    const terms = labels(after('term "minor": <|>'), "term");
    expect(terms).toContain("current service user");
    expect(labels(after('term "adult": not adult or <|>'), "term")).not.toContain("adult");
  });

  it("offers outcomes after then, →, unless … → and expect; the default only in scenarios", () => {
    const strongestFirst = ["prohibit", "decline", "seek advice", "allow"];
    expect(labels(after("rule 9 when age < 18\n  then <|>"), "outcome")).toEqual(strongestFirst);
    expect(labels(after("rule 9: age < 18 → <|>"), "outcome")).toEqual(strongestFirst);
    expect(labels(after("rule 9: age < 18 → decline unless age < 2 → <|>"), "outcome")).toEqual(
      strongestFirst,
    );
    expect(labels(after('scenario "s"\n  given age is 3\n  expect <|>'), "outcome")).toEqual([
      ...strongestFirst,
      "no guidance",
    ]);
    expect(labels(after("rule 9 when age < 18\n  then <|>"), "fact")).toEqual([]);
  });

  it("offers every outcome of the scale after a layer's otherwise, the list's default too", () => {
    const layer = (body: string) => `${LAYER}\n${body}`;
    expect(labels(layer("otherwise <|>"), "outcome", true)).toEqual([
      "prohibit",
      "decline",
      "seek advice",
      "allow",
      "no guidance",
    ]);
  });

  it("offers facts in a scenario's given and needs", () => {
    expect(labels(after('scenario "s"\n  given <|>'), "fact")).toContain("age");
    expect(labels(after('scenario "s"\n  given age is 3, <|>'), "fact")).toContain("capacity");
    const needs = after('scenario "s"\n  given age is 3\n  expect undetermined needs <|>');
    expect(labels(needs, "fact")).toContain("relationship");
    expect(labels(needs, "term")).toEqual([]);
  });

  it("offers rule ids after exception to rule and by rule", () => {
    expect(labels(after("exception to rule <|>"), "rule")).toEqual(["1.1", "3.1"]);
    const text = after('scenario "s"\n  given age is 3\n  expect decline by rule 1.1, <|>');
    expect(labels(text, "rule")).toEqual(["1.1", "3.1"]);
    const item = completeAt(after("exception to rule 3<|>")).items.find((i) => i.label === "3.1");
    expect(item).toMatchObject({ detail: "Friend requests", documentation: "from BPS baseline" });
  });

  it("offers source ids after cites", () => {
    expect(labels(after("rule 9 when age < 2\n  cites <|>"), "source")).toEqual(["bps"]);
    const { items, text } = completeAt(after("rule 9 when age < 2\n  cites bp<|>"));
    expect(covered(text, items.find((i) => i.label === "bps")!.range)).toBe("bp");
  });

  it("offers nothing where a new name is being declared", () => {
    for (const marked of ["fact <|>", "term <|>", "rule <|>", "source <|>", "fact x: one of <|>"]) {
      const kinds = completeAt(after(marked)).items.map((i) => i.kind);
      expect(
        kinds.filter((k) => k !== "keyword" && k !== "snippet"),
        marked,
      ).toEqual([]);
    }
  });
});

describe("complete: keywords from the grammar", () => {
  it("offers the clauses of a rule", () => {
    const words = labels(after("rule 9 when age < 18\n  <|>"), "keyword");
    expect(words).toEqual(expect.arrayContaining(["cites", "then", "because", "advise", "unless"]));
  });

  it("offers the connectives after a whole test, with the word being typed as range", () => {
    const { items, text } = completeAt(after("rule 9 when current service user an<|>"));
    const and = items.find((i) => i.label === "and" && i.kind === "keyword")!;
    expect(covered(text, and.range)).toBe("an");
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["or", "is"]));
  });

  it("offers the types after a fact's colon", () => {
    expect(labels(after("fact platform: <|>"), "keyword")).toEqual([
      "one of",
      "any of",
      "also",
      "yes or no",
      "number",
      "text",
      "date",
    ]);
  });

  it("offers is, not and one of after a fact in a condition, by rule after an expectation", () => {
    expect(labels(after("rule 9 when relationship <|>"), "keyword")).toContain("is");
    expect(labels(after("rule 9 when relationship is <|>"), "keyword")).toEqual(
      expect.arrayContaining(["not", "one of"]),
    );
    const expectation = after('scenario "s"\n  given age is 3\n  expect decline <|>');
    expect(labels(expectation, "keyword")).toContain("by rule");
  });

  it("offers declarations and snippets where a declaration may start", () => {
    const items = completeAt(after("<|>")).items;
    // The baseline ends with a scenario, which may go on: its clauses come first.
    expect(items.filter((i) => i.kind === "keyword").map((i) => i.label)).toEqual([
      "not by rule",
      "given",
      "expect",
      "source",
      "outcomes, strongest first:",
      "fact",
      "term",
      "rule",
      "override rule",
      "disable rule",
      "amend rule",
      "provided",
      "exception to rule",
      "scenario",
      "constraint",
    ]);
    const snippets = items.filter((i) => i.kind === "snippet");
    expect(snippets.map((i) => i.label)).toEqual(["rule", "scenario", "fact", "term"]);
    expect(snippets.every((i) => i.isSnippet)).toBe(true);
    const rule = snippets[0]!.insertText;
    expect(rule).toContain("cites ${3|bps|}");
    expect(rule).toContain("then ${7|prohibit,decline,seek advice,allow|}");
  });

  it("offers declarations after a whole declaration, not inside an unfinished one", () => {
    const words = labels(after("fact platform: text <|>"), "keyword");
    expect(words.slice(0, 4)).toEqual(["asks", "means", "presume", "source"]);
    expect(labels(after("fact platform: text asks <|>"))).toEqual([]);
  });

  it("offers the policy line in an empty file", () => {
    const items = completeAt("<|>").items;
    expect(items[0]).toMatchObject({ label: "policy", kind: "snippet", isSnippet: true });
    expect(items.map((i) => i.label)).toContain("rule");
  });

  it("offers the rest of the policy line", () => {
    expect(labels('policy "x" <|>', "keyword").slice(0, 4)).toEqual([
      "version",
      "extends",
      "in force",
      "source",
    ]);
    expect(labels('policy "x" extends "b.precept" <|>', "keyword")).toContain("in force");
    expect(labels('policy "x" version "1" <|>', "keyword")).not.toContain("version");
  });

  it("offers layer snippets in a layer", () => {
    const items = completeAt(`${LAYER}\n<|>`, true).items;
    const layerSnippets = items.filter((i) => i.kind === "snippet").map((i) => i.label);
    expect(layerSnippets).toEqual(expect.arrayContaining(["override rule", "disable rule"]));
    const disable = items.find((i) => i.label === "disable rule" && i.kind === "snippet")!;
    expect(disable.insertText).toBe(
      'disable rule ${1|1.1,3.1|} because "${2:why this policy differs}"',
    );
  });
});

describe("complete: layers on a baseline", () => {
  it("offers the baseline's names and the layer's own", () => {
    const facts = labels(`${LAYER}\nrule 9 when <|>`, "fact", true);
    expect(facts).toEqual(expect.arrayContaining(["relationship", "team member"]));
    expect(labels(`${LAYER}\nrule 9 when age < 2\n  cites <|>`, "source", true)).toEqual([
      "bps",
      "clinic",
    ]);
  });

  it("offers only baseline rules after override rule and disable rule", () => {
    const text = `${LAYER}\nrule L1 when team member\n  then allow\n  cites clinic\n`;
    expect(labels(`${text}disable rule <|>`, "rule", true)).toEqual(["1.1", "3.1"]);
    expect(labels(`${text}override rule <|>`, "rule", true)).toEqual(["1.1", "3.1"]);
    expect(labels(`${text}exception to rule <|>`, "rule", true)).toEqual(["1.1", "3.1", "L1"]);
  });
});

describe("complete: robustness", () => {
  it("works with syntax errors in other declarations and at the end of the file", () => {
    const broken = BASELINE.replace("then prohibit", "then then ) prohibit");
    const { items } = completeAt(`${broken}rule 9: relationship is <|>`);
    expect(items.filter((i) => i.kind === "value").map((i) => i.label)).toContain("colleague");
  });

  it("restarts at the clause being written when an earlier clause has an error", () => {
    const text = after("rule 9 when age < < 18\n  then <|>");
    expect(labels(text, "outcome")).toContain("prohibit");
    const scenario = after('scenario "s"\n  given age is is 3\n  expect <|>');
    expect(labels(scenario, "outcome")).toContain("decline");
  });

  it("works in the middle of a document, ignoring what follows", () => {
    const text = BASELINE.replace("  then prohibit", "  then pro<|>hibit");
    const { items, text: plain } = completeAt(text);
    const prohibit = items.find((i) => i.label === "prohibit")!;
    expect(covered(plain, prohibit.range)).toBe("prohibit");
  });

  it("offers nothing inside comments and quoted text", () => {
    expect(completeAt(after("# when <|>")).items).toEqual([]);
    expect(completeAt(after('rule 9 "When <|>')).items).toEqual([]);
    expect(completeAt(after('rule 9 "When <|>"')).items).toEqual([]);
  });

  it("never throws, and every range lies within the text and ends at or after the cursor", () => {
    const pieces = fc.constantFrom(
      "rule ",
      "when ",
      "is ",
      "one of ",
      ", ",
      "relationship ",
      "(",
      ")",
      "→ ",
      '"',
      "#",
      "\n",
      "not ",
      "expect ",
      "given ",
      "by rule ",
      "3.1",
      "scenario ",
      "cites ",
      "§",
      "x",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), fc.nat(), (parts, n) => {
        const text = BASELINE + parts.join("");
        const offset = BASELINE.length + (n % (text.length - BASELINE.length + 1));
        for (const item of complete(text, offset, { uri: BASELINE_URI })) {
          // Editors replace text on one line only.
          expect(item.range.start.line).toBe(item.range.end.line);
          expect(item.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(item.range.start.offset).toBeLessThanOrEqual(offset);
          expect(item.range.end.offset).toBeGreaterThanOrEqual(offset);
          expect(item.range.end.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
