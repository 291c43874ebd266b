import { describe, expect, it } from "vitest";
import type * as A from "./ast.js";
import { declarationsOf } from "./ast.js";
import { MAX_PROBLEMS } from "./diagnostics.js";
import { MAX_NESTING_DEPTH, MAX_TEXT_LENGTH, parse } from "./parse.js";

/** Parses text that must be free of diagnostics. */
function parseClean(text: string): A.PolicyDocument {
  const { document, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  return document;
}

function only<K extends A.Declaration["kind"]>(
  text: string,
  kind: K,
): Extract<A.Declaration, { kind: K }> {
  const found = declarationsOf(parseClean(text), kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** A condition as a compact s-expression, so tests state the tree the parser built. */
function show(c: A.Condition | undefined): string {
  if (!c) return "∅";
  const v = (x: A.Value) =>
    x.kind === "Phrase"
      ? x.name.text
      : x.kind === "Number"
        ? `#${x.raw}`
        : x.kind === "Date"
          ? `@${x.iso ?? "invalid"}`
          : JSON.stringify(x.value);
  switch (c.kind) {
    case "And":
    case "Or":
      return `(${c.kind.toLowerCase()} ${c.operands.map(show).join(" ")})`;
    case "Not":
      return `(not ${show(c.operand)})`;
    case "Group":
      return `[${show(c.inner)}]`;
    case "Reference":
      return c.name.text;
    case "Comparison":
      return `(${c.operator} ${c.subject.text} ${v(c.value)})`;
    case "Membership":
      return `(${c.negated ? "not-in" : "in"} ${c.subject.text} ${c.values.map(v).join(" | ")})`;
    case "Includes":
      return `(includes-${c.quantifier} ${c.subject.text} ${c.values.map(v).join(" | ")})`;
    case "DateComparison": {
      const o = c.operand;
      const operand =
        o.kind === "Relative"
          ? `${o.direction === "ago" ? "-" : "+"}${o.amount.raw}${o.unit.text}`
          : v(o);
      return `(${c.negated ? "not " : ""}${c.operator} ${c.subject.text} ${operand})`;
    }
  }
}

const condition = (text: string) => show(only(`term t: ${text}`, "Term").condition);

describe("declarations", () => {
  it("reads the policy line with title, version and extends", () => {
    const header = parseClean('policy "Local" version "1.0" extends "../bps/policy.precept"')
      .header!;
    expect(header.title?.value).toBe("Local");
    expect(header.version?.value).toBe("1.0");
    expect(header.extends?.value).toBe("../bps/policy.precept");
    expect(parseClean("policy version 2012.1").header?.version?.value).toBe("2012.1");
  });

  it("reads sources with a phrase or quoted publisher and a year", () => {
    const a = only(
      'source bps: "e-Professionalism", British Psychological Society, 2012',
      "Source",
    );
    expect([a.id?.key, a.title?.value, a.publisher && "key" in a.publisher, a.year?.value]).toEqual(
      ["bps", "e-Professionalism", true, 2012],
    );
    expect(a.publisher?.range.start.column).toBe(34);
    const b = only('source nice: "Guideline", "NICE, London"', "Source");
    expect(b.publisher && !("key" in b.publisher) && b.publisher.value).toBe("NICE, London");
    expect(b.year).toBeUndefined();
    expect(only('source x: "T", 1999', "Source").year?.value).toBe(1999);
  });

  it("reads outcomes strongest first, with meanings and the default", () => {
    for (const head of ["outcomes, strongest first:", "OUTCOMES strongest first:", "outcomes:"]) {
      const o = only(
        `${head}\n  prohibit "must not"\n  seek advice "ask first"\notherwise no guidance "none"`,
        "Outcomes",
      );
      expect(o.outcomes.map((e) => [e.name.key, e.meaning?.value])).toEqual([
        ["prohibit", "must not"],
        ["seek advice", "ask first"],
      ]);
      expect([o.otherwise?.name.key, o.otherwise?.meaning?.value]).toEqual(["no guidance", "none"]);
    }
    expect(only('outcomes: allow "ok"', "Outcomes").otherwise).toBeUndefined();
  });

  it("reads facts of all four types with questions and descriptions", () => {
    const doc = parseClean(
      [
        "fact relationship: one of current service user, member of the public",
        '  asks "Who is the other person?"',
        '  means "the relationship"',
        "fact explicit consent: YES OR NO",
        "fact age: number (years)",
        "fact count: number",
        "fact platform: text",
        "fact number of posts: number",
      ].join("\n"),
    );
    const facts = declarationsOf(doc, "Fact");
    const [relationship, consent, age, count, platform, posts] = facts;
    expect(relationship?.type).toMatchObject({ kind: "choice" });
    expect(
      relationship?.type?.kind === "choice" && relationship.type.values.map((v) => v.key),
    ).toEqual(["current service user", "member of the public"]);
    expect(relationship?.question?.value).toBe("Who is the other person?");
    expect(relationship?.description?.value).toBe("the relationship");
    expect(consent?.type?.kind).toBe("yes/no");
    expect(age?.type?.kind === "number" && age.type.unit?.key).toBe("years");
    expect(count?.type).toMatchObject({ kind: "number" });
    expect(count?.type?.kind === "number" && count.type.unit).toBeUndefined();
    expect(platform?.type?.kind).toBe("text");
    // A soft keyword ("number") may start a name.
    expect(posts?.name?.key).toBe("number of posts");
  });

  it("reads terms with quoted or bare names and a meaning", () => {
    const a = only(
      'term "current service user": relationship is current service user\n  means "a client"',
      "Term",
    );
    expect([a.name?.text, a.name?.key, a.description?.value]).toEqual([
      "current service user",
      "current service user",
      "a client",
    ]);
    expect(show(a.condition)).toBe("(is relationship current service user)");
    const b = only("term Personal  Capacity: capacity is personal", "Term");
    expect([b.name?.text, b.name?.key]).toEqual(["Personal Capacity", "personal capacity"]);
  });

  it("reads a full rule with every clause", () => {
    const r = only(
      [
        'rule 1.1 "No identifiable information"',
        '  cites bps §1 "do not transmit"',
        "  cites hcpc section 2.5",
        "  cites nice",
        "  when identifiable and not consent",
        "  then prohibit",
        "  unless anonymised → caution",
        "  unless emergency",
        '  because "public"',
        '  advise "Ask first."',
        '  advise "Remove names."',
      ].join("\n"),
      "Rule",
    );
    expect(r.id?.text).toBe("1.1");
    expect(r.title?.value).toBe("No identifiable information");
    expect(r.compact).toBe(false);
    expect(r.citations.map((c) => [c.source?.key, c.section?.text, c.quote?.value])).toEqual([
      ["bps", "1", "do not transmit"],
      ["hcpc", "2.5", undefined],
      ["nice", undefined, undefined],
    ]);
    expect(show(r.condition)).toBe("(and identifiable (not consent))");
    expect(r.outcome?.key).toBe("prohibit");
    expect(r.exceptions.map((u) => [show(u.condition), u.outcome?.key])).toEqual([
      ["anonymised", "caution"],
      ["emergency", undefined],
    ]);
    expect(r.reason?.value).toBe("public");
    expect(r.advice.map((a) => a.value)).toEqual(["Ask first.", "Remove names."]);
    expect(r.clauses.map((c) => c.clause)).toEqual([
      "cites",
      "cites",
      "cites",
      "when",
      "then",
      "unless",
      "unless",
      "because",
      "advise",
      "advise",
    ]);
  });

  it("reads clauses in any order and on one line", () => {
    const r = only(
      'rule NC-1 because "why" then prohibit when on clinic premises and personal capacity',
      "Rule",
    );
    expect([r.id?.text, r.outcome?.key, r.reason?.value]).toEqual(["NC-1", "prohibit", "why"]);
    expect(show(r.condition)).toBe("(and on clinic premises personal capacity)");
    expect(only("rule 3.2a when x then y", "Rule").id?.text).toBe("3.2a");
  });

  it("reads overrides, disables and exceptions of a layer", () => {
    const doc = parseClean(
      [
        'policy "Clinic" version "1" extends "../bps/policy.precept"',
        'override rule 5.2 "Research office" because "replaced" when research then seek advice',
        'disable rule 5.4 because "covered elsewhere"',
        'exception to rule 3.2 "Peer workers" when peer worker then allow because "moderated" advise "Keep it moderated."',
      ].join("\n"),
    );
    const [o] = declarationsOf(doc, "Override");
    expect([o?.target?.text, o?.title?.value, o?.reason?.value, o?.outcome?.key]).toEqual([
      "5.2",
      "Research office",
      "replaced",
      "seek advice",
    ]);
    const [d] = declarationsOf(doc, "Disable");
    expect([d?.target?.text, d?.reason?.value]).toEqual(["5.4", "covered elsewhere"]);
    const [e] = declarationsOf(doc, "Exception");
    expect([
      e?.target?.text,
      e?.title?.value,
      show(e?.condition),
      e?.outcome?.key,
      e?.reason?.value,
      e?.advice.map((a) => a.value),
    ]).toEqual([
      "3.2",
      "Peer workers",
      "peer worker",
      "allow",
      "moderated",
      ["Keep it moderated."],
    ]);
    expect(only("override rule 3.1: x → allow", "Override").compact).toBe(true);
  });

  it("reads scenarios: given in three forms, expectations and advice", () => {
    const s = only(
      [
        'scenario "Friend request"',
        "  given relationship is current service user, identifiable information, not explicit consent",
        "  given age is 17, platform is “Facebook”",
        "  expect decline by rules 3.1, 3.2",
        '  expect advice "Decline politely.", "Explain why."',
      ].join("\n"),
      "Scenario",
    );
    expect(s.title?.value).toBe("Friend request");
    const value = (v: A.Value) =>
      v.kind === "Phrase"
        ? v.name.key
        : v.kind === "Number"
          ? v.value
          : v.kind === "Date"
            ? v.raw
            : v.value;
    expect(s.given.map((a) => [a.fact.key, a.form, value(a.value)])).toEqual([
      ["relationship", "is", "current service user"],
      ["identifiable information", "bare", "yes"],
      ["explicit consent", "not", "no"],
      ["age", "is", 17],
      ["platform", "is", "Facebook"],
    ]);
    expect([
      s.expect?.outcome?.key,
      s.expect?.undetermined,
      s.expect?.byRules.map((r) => r.text),
    ]).toEqual(["decline", false, ["3.1", "3.2"]]);
    expect(s.advice.map((a) => a.value)).toEqual(["Decline politely.", "Explain why."]);
    const u = only(
      "scenario given age is 3 expect undetermined needs relationship, explicit consent",
      "Scenario",
    );
    expect([u.expect?.undetermined, u.expect?.outcome, u.expect?.needs.map((n) => n.key)]).toEqual([
      true,
      undefined,
      ["relationship", "explicit consent"],
    ]);
    // An outcome may be called "advice": only `advice "…"` is the advice form.
    expect(only("scenario expect advice by rule 1", "Scenario").expect?.outcome?.key).toBe(
      "advice",
    );
  });

  it("keeps comments with their ranges", () => {
    const doc = parseClean('# first\nfact a: text # second\n  asks "q # not a comment"');
    expect(doc.comments.map((c) => [c.text, c.range.start.line, c.range.start.column])).toEqual([
      [" first", 1, 1],
      [" second", 2, 14],
    ]);
    expect(declarationsOf(doc, "Fact")[0]?.question?.value).toBe("q # not a comment");
  });

  it("reads escapes and curly quotes in texts", () => {
    const f = only(
      'fact a: text\n  asks "say \\"hi\\" \\\\ then\\nnext\\tend"\n  means “plain \\ text”',
      "Fact",
    );
    expect(f.question?.value).toBe('say "hi" \\ then\nnext\tend');
    expect(f.description?.value).toBe("plain \\ text");
  });

  it("lets a phrase end in the word `to` before the next rule", () => {
    const doc = parseClean(
      "rule 1 when a then refer to\nrule 2 when b then x\nexception to rule 1 when c",
    );
    expect(declarationsOf(doc, "Rule").map((r) => [r.id?.text, r.outcome?.key])).toEqual([
      ["1", "refer to"],
      ["2", "x"],
    ]);
    expect(declarationsOf(doc, "Exception")[0]?.target?.text).toBe("1");
  });

  it("ends a phrase before `by rule` (a name cannot end in `by` before a rule)", () => {
    const { diagnostics } = parse("rule 1 when a then refer by\nrule 2 when b then x");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "syntax-error", actual: "by" });
  });
});

describe("conditions", () => {
  it("binds not tighter than and, and and tighter than or", () => {
    expect(condition("a or b and not c")).toBe("(or a (and b (not c)))");
    expect(condition("not a and b or c and d")).toBe("(or (and (not a) b) (and c d))");
    expect(condition("not not a")).toBe("(not (not a))");
  });

  it("keeps parentheses as written", () => {
    expect(condition("(a or b) and c")).toBe("(and [(or a b)] c)");
    expect(condition("((a))")).toBe("[[a]]");
    expect(condition("not (a and b)")).toBe("(not [(and a b)])");
  });

  it("reads comparisons, membership and bare names", () => {
    expect(condition("relationship is current service user")).toBe(
      "(is relationship current service user)",
    );
    expect(condition("relationship is not colleague")).toBe("(is not relationship colleague)");
    expect(condition("relationship is one of colleague, member of the public")).toBe(
      "(in relationship colleague | member of the public)",
    );
    expect(condition("relationship IS NOT ONE OF colleague, friend")).toBe(
      "(not-in relationship colleague | friend)",
    );
    expect(condition('platform is "Face book"')).toBe('(is platform "Face book")');
    expect(condition("age < 18 and age <= 17.5 and age > 1 and age >= 2")).toBe(
      "(and (< age #18) (<= age #17.5) (> age #1) (>= age #2))",
    );
    expect(condition("age ≤ 18 or age ≥ 3")).toBe("(or (<= age #18) (>= age #3))");
    expect(condition("explicit consent to publish")).toBe("explicit consent to publish");
  });

  it("reads ≤ and ≥ written without spaces", () => {
    expect(condition("age≤18 or age≥3")).toBe("(or (<= age #18) (>= age #3))");
  });

  it("reads the ranges of a comparison and its operator", () => {
    const c = only("term t: age is not 18", "Term").condition;
    expect(c?.kind).toBe("Comparison");
    if (c?.kind !== "Comparison") return;
    expect([
      c.range.start.column,
      c.range.end.column,
      c.operatorRange.start.column,
      c.operatorRange.end.column,
    ]).toEqual([9, 22, 13, 19]);
    expect(c.value).toMatchObject({ kind: "Number", value: 18, raw: "18" });
  });
});

describe("the compact rule", () => {
  const expected = "(and current service user personal capacity)";

  it("is valid exactly as the guidance writes it", () => {
    const r = only("rule 3.1: current service user AND personal capacity → decline", "Rule");
    expect([r.id?.text, r.compact, show(r.condition), r.outcome?.key]).toEqual([
      "3.1",
      true,
      expected,
      "decline",
    ]);
  });

  it("accepts -> and and/or/not in any case", () => {
    for (const [text, tree] of [
      ["current service user AND personal capacity -> decline", expected],
      ["current service user and personal capacity → decline", expected],
      ["current service user And personal capacity -> decline", expected],
      [
        "current service user aNd NOT personal capacity -> decline",
        "(and current service user (not personal capacity))",
      ],
      [
        "current service user OR Not personal capacity → decline",
        "(or current service user (not personal capacity))",
      ],
    ] as const) {
      const r = only(`rule 3.1: ${text}`, "Rule");
      expect([show(r.condition), r.outcome?.key]).toEqual([tree, "decline"]);
    }
  });

  it("takes a title and further clauses", () => {
    const r = only(
      'rule 3.1 "Friend requests": a → decline\n  cites bps §3 "politely declined"\n  advise "Say no."',
      "Rule",
    );
    expect([r.title?.value, r.citations.length, r.advice.length, r.compact]).toEqual([
      "Friend requests",
      1,
      1,
      true,
    ]);
  });
});

describe("syntax errors", () => {
  it("recover: one mistake does not hide the declarations after it", () => {
    const { document, diagnostics } = parse(
      [
        "fact a: yes or no",
        "rule 1 when (a then prohibit",
        "fact b: maybe",
        "rule 2 when a then allow",
        "fact c: text",
      ].join("\n"),
    );
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(diagnostics.every((d) => d.code === "syntax-error")).toBe(true);
    expect(diagnostics.map((d) => d.range.start.line)).toEqual(expect.arrayContaining([2, 3]));
    const names = document.declarations.map((d) =>
      d.kind === "Fact" ? d.name?.key : d.kind === "Rule" ? d.id?.text : d.kind,
    );
    expect(names).toEqual(expect.arrayContaining(["a", "1", "2", "c"]));
    expect(declarationsOf(document, "Rule").find((r) => r.id?.text === "2")?.outcome?.key).toBe(
      "allow",
    );
  });

  it("report a stray word that cannot start a declaration, and read on", () => {
    const { document, diagnostics } = parse("hello world\nfact a: text");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "syntax-error", actual: "hello" });
    expect(diagnostics[0]?.range.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(diagnostics[0]?.range.end.column).toBe(12);
    expect(document.declarations.map((d) => d.kind)).toEqual(["Fact"]);
  });

  it("at the end of the file point just after the last real token", () => {
    const { diagnostics } = parse("fact a: yes or no\nterm t: a and   \n\n");
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.message).toMatch(/end of the file/);
    expect(d.range.start).toEqual({ line: 2, column: 14, offset: 31 });
    expect(d.range.end).toEqual(d.range.start);
  });

  it("at the end of a declaration name what follows instead of the end of the file", () => {
    const { diagnostics } = parse("outcomes: prohibit\nfact a: text");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/but found 'fact'/);
    expect(diagnostics[0]?.actual).toBe("fact");
    expect(diagnostics[0]?.range.start).toMatchObject({ line: 1, column: 19 });
  });

  it("report an unterminated string and parse on as if it were closed", () => {
    const { document, diagnostics } = parse('rule 1 because "never closed\nrule 2 when a then b');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "unterminated-string",
      suggestion: '"never closed"',
    });
    expect(diagnostics[0]?.range.start.column).toBe(16);
    expect(diagnostics[0]?.range.end.column).toBe(29);
    expect(declarationsOf(document, "Rule").map((r) => r.reason?.value ?? r.outcome?.key)).toEqual([
      "never closed",
      "b",
    ]);
  });

  it("suggest `is` for `=` and the words for other symbols, then read on as if they were written", () => {
    const { document, diagnostics } = parse("term t: age = 18");
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0];
    expect(d).toMatchObject({ code: "unexpected-character", suggestion: "is", actual: "=" });
    expect(d?.message).toMatch(/write 'is'/);
    expect([d?.range.start.column, d?.range.end.column]).toEqual([13, 14]);
    expect(declarationsOf(document, "Term")[0]?.condition).toMatchObject({
      kind: "Comparison",
      operator: "is",
    });
    for (const [text, suggestion] of [
      ["term t: a & b", "and"],
      ["term t: a && b", "and"],
      ["term t: a | b", "or"],
      ["term t: a || b", "or"],
      ["term t: !a", "not"],
      ["term t: age != 3", "is not"],
    ] as const) {
      const result = parse(text);
      expect(result.diagnostics.map((x) => [x.code, x.suggestion])).toEqual([
        ["unexpected-character", suggestion],
      ]);
    }
    const negated = parse("term t: age != 3");
    expect(declarationsOf(negated.document, "Term")[0]?.condition).toMatchObject({
      kind: "Comparison",
      operator: "is not",
    });
  });

  it("reads text in single quotes as quoted text, with a fix to double quotes", () => {
    const { document, diagnostics } = parse("term t: platform is 'Face book'");
    expect(diagnostics.map((x) => [x.code, x.suggestion])).toEqual([
      ["unexpected-character", '"Face book"'],
    ]);
    expect(declarationsOf(document, "Term")[0]?.condition).toMatchObject({
      value: { kind: "Text", value: "Face book" },
    });
  });

  it("allow one policy line, first", () => {
    expect(parse('policy "a"\npolicy "b"').diagnostics[0]?.message).toMatch(/one `policy` line/);
    const late = parse('fact a: text\npolicy "b"');
    expect(late.diagnostics[0]?.message).toMatch(/must come first/);
    expect(late.diagnostics[0]?.range.start.line).toBe(2);
  });
});

describe("limits", () => {
  it("refuse a file over 1 MiB with a diagnostic, not a crash", () => {
    const text = `fact a: text\n${"#".repeat(MAX_TEXT_LENGTH)}`;
    const { document, diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe("too-large");
    expect(diagnostics[0]?.range.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(document.declarations).toEqual([]);
  });

  it("read a larger file when asked (benchmarks of very large policies)", () => {
    const text = `policy "p"\nfact a: text\n${"#".repeat(MAX_TEXT_LENGTH)}`;
    const { diagnostics } = parse(text, { maxTextLength: 2 * MAX_TEXT_LENGTH });
    expect(diagnostics).toEqual([]);
  });

  it("stop after MAX_PROBLEMS syntax problems with one diagnostic saying so", () => {
    const broken = Array.from({ length: MAX_PROBLEMS + 500 }, (_, i) => `rule R${i} when\n`).join(
      "",
    );
    const { diagnostics } = parse(`policy "p"\n${broken}`);
    expect(diagnostics).toHaveLength(MAX_PROBLEMS + 1);
    const last = diagnostics.at(-1)!;
    expect(last.code).toBe("too-many-problems");
    expect(last.message).toMatch(/stopped here after 1,000 problems/);
    // It points at the first declaration not read: rule R1000 on line 1,002.
    expect(last.range.start.line).toBe(MAX_PROBLEMS + 2);
    expect(diagnostics.filter((d) => d.code === "too-many-problems")).toHaveLength(1);
  });

  it("report at most MAX_PROBLEMS control characters", () => {
    const { diagnostics } = parse(`policy "p"\n${"\u0007 ".repeat(MAX_PROBLEMS * 3)}`);
    expect(diagnostics.filter((d) => d.code === "control-character")).toHaveLength(MAX_PROBLEMS);
    expect(diagnostics.filter((d) => d.code === "too-many-problems")).toHaveLength(1);
  });

  it.each([
    ["parentheses", (n: number) => `term t: ${"(".repeat(n)}a${")".repeat(n)}`, "("],
    ["nots", (n: number) => `term t: ${"not ".repeat(n)}a`, "not"],
    [
      "parentheses and nots",
      (n: number) => `term t: ${"not (".repeat(n / 2)}a${")".repeat(n / 2)}`,
      "not",
    ],
  ])("refuse 10,000 nested %s with a ranged diagnostic and read on", (_, build, token) => {
    const text = `${build(10_000)}\nfact after: text`;
    const { document, diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe("too-deep");
    expect(d.range.start.line).toBe(1);
    expect(text.slice(d.range.start.offset, d.range.end.offset)).toBe(token);
    expect(d.range.start.offset).toBeGreaterThan(MAX_NESTING_DEPTH / 2);
    expect(declarationsOf(document, "Fact").map((f) => f.name?.key)).toEqual(["after"]);
  });

  it("accept nesting up to the limit", () => {
    const n = MAX_NESTING_DEPTH - 1;
    expect(condition(`${"(".repeat(n)}a${")".repeat(n)}`)).toBe(
      `${"[".repeat(n)}a${"]".repeat(n)}`,
    );
  });

  it("read a long flat condition without trouble", () => {
    const c = only(
      `term t: ${Array.from({ length: 20_000 }, (_, i) => `f${i}`).join(" and ")}`,
      "Term",
    ).condition;
    expect(c?.kind === "And" && c.operands.length).toBe(20_000);
  });
});

describe("positions", () => {
  it("are 1-based lines and columns with an exclusive end and a 0-based offset", () => {
    const doc = parseClean("\r\nfact  café visit: yes or no");
    const fact = declarationsOf(doc, "Fact")[0]!;
    expect(fact.name?.range).toEqual({
      start: { line: 2, column: 7, offset: 8 },
      end: { line: 2, column: 17, offset: 18 },
    });
    expect(fact.range.end).toEqual({ line: 2, column: 28, offset: 29 });
  });

  it("match names by key: lower case, single spaces", () => {
    const doc = parseClean("fact Explicit   Consent: yes or no\nterm t: EXPLICIT consent");
    expect(declarationsOf(doc, "Fact")[0]?.name?.key).toBe("explicit consent");
    const c = declarationsOf(doc, "Term")[0]?.condition;
    expect(c?.kind === "Reference" && [c.name.text, c.name.key]).toEqual([
      "EXPLICIT consent",
      "explicit consent",
    ]);
  });
});
