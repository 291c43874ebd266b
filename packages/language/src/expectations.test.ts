/** Scenario expectations beyond one exact outcome: parsed, checked, modelled and formatted. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format, sameMeaning } from "./format.js";
import { memoryHost } from "./host.js";
import { parse } from "./parse.js";
import { complete } from "./services/complete.js";

const HEAD = `policy "Test" version "1"
source bps: "Guidance", BPS, 2012
outcomes, strongest first:
  prohibit "must not"
  decline "should not"
  seek advice "ask first"
  allow "fine"
otherwise no guidance
fact relationship: one of current service user, colleague
fact consent: yes or no
rule 1: relationship is current service user → decline
  cites bps §1
  advise "Decline politely."
rule 2: consent → allow
  cites bps §2
`;

function check(body: string) {
  const text = HEAD + body;
  const result = analyze("p.precept", memoryHost({ "p.precept": text }));
  return {
    result,
    errors: result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => [d.code, text.slice(d.range.start.offset, d.range.end.offset), d.suggestion]),
  };
}

describe("expectations", () => {
  it("reads every form into the model, standalone lines merged", () => {
    const { result, errors } = check(`
scenario "a"
  given relationship is current service user, consent
  expect at least seek advice by rule 1 not by rule 2
  expect also applies rule 2
  expect advice "Decline politely."
scenario "b"
  given consent
  expect one of allow, no guidance not by rules 1
  expect not by rule 2
scenario "c"
  expect undetermined asking relationship
scenario "d"
  expect undetermined needs relationship, consent
scenario "e"
  given relationship is current service user
  expect advice "Decline politely."
`);
    expect(errors).toEqual([]);
    expect(result.policy?.scenarios.map((s) => s.expect)).toEqual([
      {
        atLeast: "seek advice",
        undetermined: false,
        byRules: ["1"],
        notByRules: ["2"],
        alsoApplies: ["2"],
        advice: ["Decline politely."],
      },
      { oneOf: ["allow", "no guidance"], undetermined: false, notByRules: ["1", "2"], advice: [] },
      { undetermined: true, asking: ["relationship"], advice: [] },
      { undetermined: true, needs: ["relationship", "consent"], advice: [] },
      { undetermined: false, advice: ["Decline politely."] },
    ]);
  });

  it("words of the forms stay ordinary words in names", () => {
    const { errors } = check(`fact seen at least once: yes or no
fact also applies here: yes or no
rule 3: seen at least once and also applies here → seek advice
  cites bps §3
scenario "words"
  given seen at least once, also applies here
  expect seek advice by rule 3
`);
    expect(errors).toEqual([]);
  });

  it("checks names with did-you-mean, and one message per slip", () => {
    expect(check(`scenario "s"\n  expect at least declin\n`).errors).toEqual([
      ["unknown-outcome", "declin", "decline"],
    ]);
    expect(check(`scenario "s"\n  expect one of allow, prohibt\n`).errors).toEqual([
      ["unknown-outcome", "prohibt", "prohibit"],
    ]);
    expect(check(`scenario "s"\n  expect allow not by rule 9\n`).errors).toEqual([
      ["unknown-rule", "9", undefined],
    ]);
    expect(check(`scenario "s"\n  expect undetermined asking consnt\n`).errors).toEqual([
      ["unknown-fact", "consnt", "consent"],
    ]);
    expect(check(`scenario "s"\n  expect one of seek advice allow\n`).errors).toEqual([
      ["unknown-outcome", "seek advice allow", "seek advice, allow"],
    ]);
    expect(check(`scenario "s"\n  expect at-least decline\n`).errors).toEqual([
      ["syntax-error", "at-least decline", "at least decline"],
    ]);
    expect(check(`scenario "s"\n  expect advice "decline  politely."\n`).errors).toEqual([
      ["unknown-advice", '"decline  politely."', '"Decline politely."'],
    ]);
    expect(
      check(
        `scenario "s"\n  expect decline\n  expect also applies 2, 1\n  expect also applies rule 2\n`,
      ).errors,
    ).toEqual([["duplicate-value", "2", undefined]]);
    expect(
      check(`scenario "s"\n  expect decline by rule 1\n  expect also applies rule 1\n`).errors,
    ).toEqual([["contradictory-expectation", "1", undefined]]);
  });

  it("says a reminder never also applies nor decides, with its advice as the fix", () => {
    const reminder = `rule 9 when consent advise "Keep a record." advise "Tell your supervisor."\n  cites bps §9\n`;
    const alone = check(`${reminder}scenario "s"\n  given consent\n  expect also applies 9\n`);
    expect(alone.errors).toEqual([
      [
        "reminder-expected-to-apply",
        "also applies 9",
        'advice "Keep a record.", "Tell your supervisor."',
      ],
    ]);
    expect(alone.result.diagnostics[0]!.message).toBe(
      'Rule 9 is a reminder: it gives advice and never decides, so it is never among the rules that also apply. To expect its advice, write `expect advice "Keep a record.", "Tell your supervisor."`.',
    );
    // With the fix applied the scenario checks clean (and passes: the advice is given).
    const fixed = check(
      `${reminder}scenario "s"\n  given consent\n  expect advice "Keep a record.", "Tell your supervisor."\n`,
    );
    expect(fixed.errors).toEqual([]);
    // Listed with other rules, only the reminder's id is marked.
    expect(check(`${reminder}scenario "s"\n  expect also applies rules 2, 9\n`).errors).toEqual([
      ["reminder-expected-to-apply", "9", undefined],
    ]);
    // Nor does it decide: `by rule 9` is marked, with the same advice to expect.
    const decides = check(
      `${reminder}scenario "s"\n  given consent\n  expect allow by rules 2, 9\n`,
    );
    expect(decides.errors).toEqual([["reminder-expected-to-decide", "9", undefined]]);
    expect(decides.result.diagnostics[0]!.message).toContain(
      '`by rule 9` cannot pass. To expect its advice, write `expect advice "Keep a record.", "Tell your supervisor."` on a line of its own.',
    );
    // A reminder with an exception that decides can apply: its exception does, under its id.
    const decidingException = `rule 9 when consent advise "Keep a record."\n  unless relationship is colleague → decline\n  cites bps §9\n`;
    expect(check(`${decidingException}scenario "s"\n  expect also applies 9\n`).errors).toEqual([]);
    expect(check(`${decidingException}scenario "s"\n  expect decline by rule 9\n`).errors).toEqual(
      [],
    );
  });

  it("expects something: a scenario with only `given` is reported, one with only advice is not", () => {
    expect(check(`scenario "s"\n  given consent\n`).errors).toEqual([
      ["missing-expectation", '"s"', undefined],
    ]);
    expect(check(`scenario "s"\n  given consent\n  expect not by rule 1\n`).errors).toEqual([]);
  });

  it("formats every form canonically", () => {
    const text = `${HEAD}scenario "a"
  expect  advice "Decline politely."
  given relationship is current service user
  expect AT LEAST seek advice  by rules 1 NOT BY RULE 2
  expect also applies 2
  expect not by rule 2
scenario "b" expect one of allow,no guidance
scenario "c" expect undetermined asking relationship,consent
`;
    const out = format(text);
    expect(out.diagnostics).toEqual([]);
    expect(out.text.slice(out.text.indexOf("\nscenario"))).toBe(`
scenario "a"
  given relationship is current service user
  expect at least seek advice by rule 1 not by rule 2
  expect also applies rule 2
  expect not by rule 2
  expect advice "Decline politely."

scenario "b"
  expect one of allow, no guidance

scenario "c"
  expect undetermined asking relationship, consent
`);
    expect(format(out.text).text).toBe(out.text);
  });

  it("formatting any combination of expectations is idempotent and keeps its meaning", () => {
    const outcome = fc.constantFrom("allow", "decline", "seek advice", "no guidance");
    const rule = fc.constantFrom("1", "2");
    const decision = fc.oneof(
      outcome,
      outcome.map((o) => `at least ${o}`),
      fc.uniqueArray(outcome, { minLength: 1, maxLength: 3 }).map((l) => `one of ${l.join(", ")}`),
    );
    const line = fc.oneof(
      fc
        .tuple(decision, fc.option(rule), fc.option(rule))
        .map(
          ([d, by, not]) =>
            `expect ${d}${by ? ` by rule ${by}` : ""}${not ? ` not by rule ${not}` : ""}`,
        ),
      fc.constantFrom(
        "expect undetermined",
        "expect undetermined asking consent",
        "expect undetermined needs relationship, consent",
      ),
      rule.map((r) => `expect also applies ${r}`),
      rule.map((r) => `expect not by rule ${r}`),
      fc.constant('expect advice "Decline politely."'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const text = `${HEAD}scenario "s"\n  given consent\n${lines.map((l) => `  ${l}\n`).join("")}`;
        const once = format(text);
        // A second decision line is a duplicate-clause the formatter refuses to touch.
        if (once.diagnostics.length > 0) return;
        expect(format(once.text).text).toBe(once.text);
        expect(sameMeaning(parse(text).document, parse(once.text).document)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("completes the forms after `expect`, outcomes after `at least`, rules after `not by rule`", () => {
    const at = (body: string) => {
      const text = HEAD + body;
      return complete(text, text.length, { uri: "p.precept", host: memoryHost({}) }).map(
        (i) => i.label,
      );
    };
    expect(at(`scenario "s"\n  expect `)).toEqual(
      expect.arrayContaining([
        "at least",
        "one of",
        "undetermined",
        "also applies rule",
        "not by rule",
        "decline",
      ]),
    );
    expect(at(`scenario "s"\n  expect at least `)).toEqual(
      expect.arrayContaining(["prohibit", "allow", "no guidance"]),
    );
    expect(at(`scenario "s"\n  expect decline not by rule `)).toEqual(
      expect.arrayContaining(["1", "2"]),
    );
  });
});
