import { describe, expect, it } from "vitest";
import { format, sameMeaning } from "./format.js";
import { parse } from "./parse.js";

/** Formats text that must format, and checks the two promises every result keeps. */
function formatted(text: string): string {
  const result = format(text);
  expect(result.diagnostics).toEqual([]);
  expect(result.formatted).toBe(true);
  expect(format(result.text).text).toBe(result.text);
  expect(sameMeaning(parse(text).document, parse(result.text).document)).toBe(true);
  return result.text;
}

const lines = (...ls: string[]) => `${ls.join("\n")}\n`;

const SKETCH = lines(
  'POLICY "BPS DCP e-Professionalism" VERSION 2012.1',
  'source bps: "e-Professionalism: guidance on the use of social media by clinical psychologists", British Psychological Society, 2012',
  'outcomes strongest first: prohibit "must not" seek advice “ask first” otherwise no guidance',
  "fact relationship: one of current service user,former service user, colleague",
  '  asks "Who?"',
  "fact explicit consent to publish: Yes Or No",
  "fact age: Number (years)",
  "term current service user: relationship is current service user",
  "term child:age<18",
  'Rule 1.1 "No identifiable information" Then prohibit When identifiable information AND NOT explicit consent to publish',
  '  Because "public" advise "Ask first."   cites bps SECTION 1 "do not transmit"',
  "rule 3.1: current service user AND child -> seek advice",
  'scenario "Friend request" expect seek advice by rule 3.1 given relationship is current service user',
);

describe("format", () => {
  it("lays out a policy canonically", () => {
    expect(formatted(SKETCH)).toBe(
      lines(
        'policy "BPS DCP e-Professionalism" version "2012.1"',
        'source bps: "e-Professionalism: guidance on the use of social media by clinical psychologists",',
        "  British Psychological Society, 2012",
        "",
        "outcomes, strongest first:",
        '  prohibit     "must not"',
        '  seek advice  "ask first"',
        "otherwise no guidance",
        "",
        "fact relationship: one of current service user, former service user, colleague",
        '  asks "Who?"',
        "fact explicit consent to publish: yes or no",
        "fact age: number (years)",
        "",
        'term "current service user": relationship is current service user',
        'term "child": age < 18',
        "",
        'rule 1.1 "No identifiable information"',
        '  cites bps §1 "do not transmit"',
        "  when identifiable information and not explicit consent to publish",
        "  then prohibit",
        '  because "public"',
        '  advise "Ask first."',
        "",
        "rule 3.1: current service user and child → seek advice",
        "",
        'scenario "Friend request"',
        "  given relationship is current service user",
        "  expect seek advice by rule 3.1",
      ),
    );
  });

  it("normalises spelling that does not matter and keeps names as written", () => {
    expect(formatted("RULE 3.1:Current Service User AND personal  capacity->decline")).toBe(
      lines("rule 3.1: Current Service User and personal capacity → decline"),
    );
    expect(formatted("term child: age ≤ 17 OR age ≥18")).toBe(
      lines('term "child": age <= 17 or age >= 18'),
    );
    expect(formatted('fact a: text asks “say \\ "hi"”')).toBe(
      lines("fact a: text", '  asks "say \\\\ \\"hi\\""'),
    );
    expect(formatted('disable rule 5.4 BECAUSE "covered"')).toBe(
      lines('disable rule 5.4 because "covered"'),
    );
  });

  it("puts clauses in the canonical order: cites, when, then, unless, because, advise", () => {
    const text = 'rule 1 advise "b" because "r" unless c → y then x when a cites bps §2 advise "c"';
    expect(formatted(text)).toBe(
      lines(
        "rule 1",
        "  cites bps §2",
        "  when a",
        "  then x",
        "  unless c → y",
        '  because "r"',
        '  advise "b"',
        '  advise "c"',
      ),
    );
  });

  it("writes layers: override, disable and exception", () => {
    expect(
      formatted(
        'policy "L" version "1" extends "../b.precept"\noverride rule 5.2 "T" because "why" when a then x\ndisable rule 5.4 because "r"\nexception to rule 3.2 when b then allow because "w" advise "v"',
      ),
    ).toBe(
      lines(
        'policy "L" version "1" extends "../b.precept"',
        "",
        'override rule 5.2 "T"',
        "  when a",
        "  then x",
        '  because "why"',
        "",
        'disable rule 5.4 because "r"',
        "",
        "exception to rule 3.2",
        "  when b",
        "  then allow",
        '  because "w"',
        '  advise "v"',
      ),
    );
  });

  it("keeps parentheses exactly as written", () => {
    expect(formatted("term t: ((a)) and not (b or c) or d")).toBe(
      lines('term "t": ((a)) and not (b or c) or d'),
    );
  });

  it("wraps long conditions before top-level and/or, with extra indentation", () => {
    const a = "aaaaaaaaaa aaaaaaaaaa";
    const b = "bbbbbbbbbbb bbbbbbbbbbb";
    expect(
      formatted(
        `rule 1 when ${a} and ${b} and (cccccccccc or dddddddddd) and not eeeeeeeeee eeeeeeeeee then x`,
      ),
    ).toBe(
      lines(
        "rule 1",
        `  when ${a}`,
        `    and ${b}`,
        "    and (cccccccccc or dddddddddd)",
        "    and not eeeeeeeeee eeeeeeeeee",
        "  then x",
      ),
    );
    const long = "eeeeeeeeeeeeeeeee eeeeeeeeeeeeeeeeee eeeeeeee";
    expect(
      formatted(`rule 1: ${a} and ${b} or cccccccccccccc and ${long} and ${long} or f → x`),
    ).toBe(
      lines(
        `rule 1: ${a} and ${b}`,
        "    or cccccccccccccc",
        `      and ${long}`,
        `      and ${long}`,
        "    or f → x",
      ),
    );
  });

  it("wraps long lists after a comma", () => {
    expect(
      formatted(
        "fact relationship: one of current service user, former service user, colleague, member of the public, supervisor",
      ),
    ).toBe(
      lines(
        "fact relationship: one of current service user, former service user, colleague,",
        "    member of the public, supervisor",
      ),
    );
    expect(
      formatted(
        'scenario "s" given relationship is current service user, capacity is personal, identifiable information, not explicit consent, age is 17 expect decline',
      ),
    ).toBe(
      lines(
        'scenario "s"',
        "  given relationship is current service user, capacity is personal, identifiable information,",
        "    not explicit consent, age is 17",
        "  expect decline",
      ),
    );
  });

  it("merges a scenario's given lines and its advice lines", () => {
    expect(
      formatted(
        'scenario "s"\n given a\n expect advice "x"\n given not b\n expect undetermined needs c, d\n expect advice "y"',
      ),
    ).toBe(
      lines(
        'scenario "s"',
        "  given a, not b",
        "  expect undetermined needs c, d",
        '  expect advice "x", "y"',
      ),
    );
    expect(formatted("scenario expect x by rules 1, 2")).toBe(
      lines("scenario", "  expect x by rules 1, 2"),
    );
  });

  it("separates groups of declarations by one blank line and keeps an author's single blank line", () => {
    expect(
      formatted(
        'policy "p"\n\n\nsource a: "A"\nsource b: "B"\nfact x: text\n\n\n\nfact y: text\nfact z: text\nterm "t": x is "1"',
      ),
    ).toBe(
      lines(
        'policy "p"',
        "",
        'source a: "A"',
        'source b: "B"',
        "",
        "fact x: text",
        "",
        "fact y: text",
        "fact z: text",
        "",
        'term "t": x is "1"',
      ),
    );
  });

  it("handles empty text, whitespace, comments only and Windows line ends", () => {
    expect(formatted("")).toBe("");
    expect(formatted(" \n\t\n")).toBe("");
    expect(formatted("# only\n\n\n# comments   ")).toBe(lines("# only", "", "# comments"));
    expect(formatted("fact a: text\r\n# c\r\nfact b: text\r\n")).toBe(
      lines("fact a: text", "# c", "fact b: text"),
    );
  });
});

describe("format keeps every comment with the code it annotates", () => {
  it("on their own lines, trailing, inside a clause and after a declaration", () => {
    const text = lines(
      "# File comment",
      "",
      "# about the policy",
      'policy "p"   # trailing header',
      "outcomes:",
      '  prohibit "p" # strongest',
      "  # about allow",
      '  allow "a"',
      "otherwise none",
      "rule 1 then prohibit # then",
      "  when a and",
      "    # why b",
      "    b   # b trailing",
      "  # end of rule 1",
      "",
      "# about rule 2",
      "",
      "rule 2: a → allow",
      "# last",
    );
    expect(formatted(text)).toBe(
      lines(
        "# File comment",
        "",
        "# about the policy",
        'policy "p"  # trailing header',
        "",
        "outcomes, strongest first:",
        '  prohibit  "p"  # strongest',
        "  # about allow",
        '  allow     "a"',
        "otherwise none",
        "",
        "rule 1",
        "  # why b",
        "  when a and b  # b trailing",
        "  then prohibit  # then",
        "  # end of rule 1",
        "",
        "# about rule 2",
        "",
        "rule 2: a → allow",
        "# last",
      ),
    );
  });

  it("keeps trailing comments of merged lines, in order", () => {
    expect(formatted('scenario "s"\n  given a  # one\n  given b  # two\n  expect x')).toBe(
      lines('scenario "s"', "  # one", "  given a, b  # two", "  expect x"),
    );
  });

  it("moves a clause's comments with the clause", () => {
    expect(formatted("rule 1\n  then x  # about then\n  # about when\n  when a")).toBe(
      lines("rule 1", "  # about when", "  when a", "  then x  # about then"),
    );
  });
});

describe("format refuses to lose text", () => {
  it("returns text with syntax errors unchanged, with the errors", () => {
    for (const text of [
      "rule 1 when (a then x",
      'fact a: text asks "open',
      "term t: age = 18",
      'policy "a"\npolicy "b"',
    ]) {
      const result = format(text);
      expect(result.text).toBe(text);
      expect(result.formatted).toBe(false);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
  });

  it.each([
    ["a second `when`", "rule 1 when a then x when b", "when", 2],
    ["a second `then`", "rule 1 when a then x then y", "then", 2],
    ["a `when` after the compact form", "rule 1: a → x when b", "when", 1],
    [
      "a second `because`",
      'disable rule 1 because "a"\noverride rule 2 when a then x because "a" because "b"',
      "because",
      3,
    ],
    ["a second `asks`", 'fact a: text asks "q1" asks "q2"', "asks", 2],
    ["a second `means`", 'fact a: text means "q1" means "q2"', "means", 2],
    ["a second decision", "scenario expect x expect y", "expect", 2],
    ["`cites` in an exception", "exception to rule 1 when a cites bps", "cites", 1],
    ["`unless` in an exception", "exception to rule 1 when a unless b", "unless", 1],
  ])("leaves the file unchanged for %s", (_, text, word, occurrence) => {
    const result = format(text);
    expect(result).toMatchObject({ text, formatted: false });
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(d.code).toBe("duplicate-clause");
    expect(text.slice(d.range.start.offset, d.range.end.offset)).toBe(word);
    expect(text.split(word).slice(0, occurrence).join(word).length).toBe(d.range.start.offset);
  });

  it("does not count repeated `expect advice` lines as a second decision", () => {
    expect(formatted('scenario expect x expect advice "a" expect advice "b"')).toBe(
      lines("scenario", "  expect x", '  expect advice "a", "b"'),
    );
  });

  describe("rules in a provided block", () => {
    const head = lines(
      'policy "P" version "1"',
      'source bps: "G", BPS, 2012',
      "outcomes, strongest first:",
      '  decline "no"',
      "otherwise no guidance",
      "fact personal: yes or no",
      "fact work: yes or no",
      "fact alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu: yes or no",
    );
    const fromBlock = (text: string) => text.slice(text.indexOf("provided "));
    const long = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";

    it("are indented one step, comments with them, and the block keeps its place", () => {
      const text = lines(
        "provided personal:",
        "# before rule 1",
        "rule 1: work → decline  # on rule 1",
        "    # after rule 1",
        'override rule 2 when work then decline because "r"',
        "# before the end",
        "end provided",
        "rule 3: work → decline",
      );
      expect(fromBlock(formatted(head + text))).toBe(
        lines(
          "provided personal:",
          "",
          "  # before rule 1",
          "  rule 1: work → decline  # on rule 1",
          "    # after rule 1",
          "",
          "  override rule 2",
          "    when work",
          "    then decline",
          '    because "r"',
          "",
          "  # before the end",
          "end provided",
          "",
          "rule 3: work → decline",
        ),
      );
    });

    it("wrap at the same width as rules outside a block", () => {
      const rule = `rule 1: ${long} and work and personal and not ${long} → decline`;
      const outside = formatted(head + lines(rule))
        .split("\n\n")
        .at(-1)!;
      const inside = formatted(head + lines("provided work:", rule, "end provided"));
      const indented = outside
        .trimEnd()
        .split("\n")
        .map((l) => `  ${l}`);
      expect(fromBlock(inside)).toBe(lines("provided work:", "", ...indented, "", "end provided"));
      for (const l of inside.split("\n")) expect(l.length).toBeLessThanOrEqual(100);
    });
  });
});
