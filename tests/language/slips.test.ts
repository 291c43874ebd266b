/**
 * The slip corpus (tests/language/slips/): policies written badly on purpose, one slip each, in
 * the words an employer's policy would use. Each layer over `_base.precept` must give exactly its
 * one intended diagnostic — code, place, message and fix — and nothing that follows from it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { analyze, memoryHost } from "@precept/language";
import { describe, expect, it } from "vitest";

const DIR = new URL("./slips/", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, DIR), "utf8");

/** File, code, range (line:column-line:column, end exclusive), message, fix. */
const SLIPS: [string, string, string, string, string | undefined][] = [
  [
    "01-cites-without-section-sign",
    "syntax-error",
    "3:13-3:14",
    "Write § (or `section`) before the section number: bps §3.",
    "§3",
  ],
  [
    "02-if-for-when",
    "syntax-error",
    "4:3-4:5",
    "Precept writes a rule's condition with `when`, not `if`.",
    "when",
  ],
  [
    "03-unit-in-given",
    "syntax-error",
    "3:79-3:84",
    "A value in `given` has no unit: write the number alone, in the fact's own unit (not 'years').",
    "",
  ],
  [
    "04-keyword-in-fact-name",
    "syntax-error",
    "2:6-2:34",
    "'is' is a keyword, so it ends a name: reword the name without it.",
    "approval from comms",
  ],
  [
    "05-keyword-in-condition",
    "syntax-error",
    "4:37-4:65",
    "'given' is a keyword, so it ends a name: reword the name without it (keywords such as is, and, not or given cannot be inside a name).",
    undefined,
  ],
  [
    "06-if-on-one-line",
    "syntax-error",
    "2:28-2:30",
    "Precept writes a rule's condition with `when`, not `if`.",
    "when",
  ],
  [
    "07-months-in-given",
    "syntax-error",
    "4:44-4:50",
    "A value in `given` has no unit: write the number alone, in the fact's own unit (not 'months').",
    "",
  ],
  [
    "08-equals-for-is",
    "unexpected-character",
    "2:25-2:26",
    "'=' is not part of the language; write 'is'.",
    "is",
  ],
  [
    "09-single-quotes",
    "unexpected-character",
    "2:24-2:34",
    'Quoted text takes double quotes (") in Precept.',
    '"LinkedIn"',
  ],
  [
    "10-misspelt-fact",
    "unknown-fact",
    "2:12-2:23",
    "There is no fact called 'relationshp'; did you mean 'relationship'?",
    "relationship",
  ],
  [
    "11-misspelt-value",
    "unknown-value",
    "2:28-2:36",
    "'collegue' is not one of the values of 'relationship'; did you mean 'colleague'?",
    "colleague",
  ],
  [
    "12-unclosed-quote",
    "unterminated-string",
    "2:12-2:25",
    "This quoted text has no closing quote on its line.",
    '"Staff groups"',
  ],
  [
    "13-outcome-not-declared",
    "unknown-outcome",
    "2:63-2:72",
    "There is no outcome called 'permitted'.",
    undefined,
  ],
  [
    "14-otherwise-as-outcome",
    "unknown-outcome",
    "2:41-2:52",
    "'no guidance' is what the policy says when no rule applies; a rule must lead to one of the declared outcomes.",
    undefined,
  ],
  [
    "15-and-operator",
    "unexpected-character",
    "2:34-2:36",
    "'&&' is not part of the language; write 'and'.",
    "and",
  ],
  [
    "16-term-compared",
    "type-mismatch",
    "2:13-2:33",
    "'current service user' is a term, which is either true or false; it has no value to compare.",
    undefined,
  ],
  [
    "17-text-without-quotes",
    "type-mismatch",
    "2:25-2:31",
    "'platform' is a text fact; put the text in quotes.",
    '"TikTok"',
  ],
  [
    "18-number-with-unit-in-rule",
    "syntax-error",
    "2:22-2:27",
    "A number has no unit here: write 18 alone, in the fact's own unit (not 'years').",
    "",
  ],
  [
    "19-override-without-reason",
    "missing-reason",
    "2:15-2:18",
    'Overriding rule 3.3 replaces a baseline rule, so it needs a reason: add `because "…"`. (To add only citations, advice or a reason, use `amend rule 3.3`.)',
    undefined,
  ],
  [
    "20-unknown-rule-in-exception",
    "unknown-rule",
    "2:19-2:22",
    "There is no rule called '3.2'; did you mean '3.1'?",
    "3.1",
  ],
  [
    "21-scenario-without-expect",
    "syntax-error",
    "4:3-4:9",
    "'exepct' does not start a clause; did you mean 'expect'?",
    "expect",
  ],
  [
    "22-given-without-is",
    "unknown-fact",
    "3:9-3:42",
    "There is no fact called 'relationship current service user'; did you mean 'relationship is current service user'?",
    "relationship is current service user",
  ],
  [
    "23-then-twice",
    "duplicate-clause",
    "6:3-6:7",
    "'then' is written twice here; only the first is used.",
    undefined,
  ],
  [
    "24-list-value-quoted",
    "type-mismatch",
    "2:29-2:40",
    "'relationship' takes one of its listed values, written without quotes.",
    "colleague",
  ],
  [
    "25-yes-no-compared",
    "type-mismatch",
    "2:33-2:38",
    "'explicit consent' is a yes/no fact; its value is yes or no.",
    undefined,
  ],
  [
    "26-huge-number",
    "invalid-number",
    "2:19-2:45",
    "'99999999999999999999…' is too large: Precept holds numbers exactly only between -9,007,199,254,740,991 and 9,007,199,254,740,991.",
    undefined,
  ],
  [
    "27-negative-age-typo",
    "unexpected-character",
    "2:19-2:20",
    "'-' is not part of the language.",
    undefined,
  ],
  [
    "28-section-word-missing",
    "syntax-error",
    "3:20-3:20",
    "Expected a number or a word in this citation, but found 'when'.",
    undefined,
  ],
  [
    "29-because-without-quotes",
    "syntax-error",
    "6:11-6:43",
    "Text after 'because' is written in double quotes.",
    '"colleagues are not service users"',
  ],
  [
    "30-expect-by-missing-rule",
    "unknown-rule",
    "4:26-4:29",
    "There is no rule called '3.4'; did you mean '3.1'?",
    "3.1",
  ],
  [
    "31-advice-for-advise",
    "syntax-error",
    "6:3-6:9",
    "'advice' does not start a clause; did you mean 'advise'?",
    "advise",
  ],
  [
    "32-misspelt-when",
    "syntax-error",
    "4:3-4:7",
    "'wehn' does not start a clause; did you mean 'when'?",
    "when",
  ],
  [
    "33-contains-for-includes",
    "unknown-term",
    "2:13-2:34",
    "There is no term or yes/no fact called 'content contains work'; did you mean 'content includes work'?",
    "content includes work",
  ],
  [
    "34-is-for-includes",
    "type-mismatch",
    "2:24-2:28",
    "'content' is a several-valued fact (any of personal, work, patient area), which may hold several values at once; test it with 'includes': content includes …",
    "includes",
  ],
  [
    "35-none-for-nothing",
    "unknown-value",
    "6:20-6:24",
    "'none' is not one of the values of 'content'; did you mean 'nothing'?",
    "nothing",
  ],
  [
    "36-condition-without-is",
    "unknown-term",
    "4:8-4:30",
    "There is no term or yes/no fact called 'relationship colleague'; did you mean 'relationship is colleague'?",
    "relationship is colleague",
  ],
  [
    "37-atleast",
    "syntax-error",
    "4:10-4:25",
    "Write `at least caution` (two words) for caution or a stronger outcome.",
    "at least caution",
  ],
  [
    "38-one-of-without-commas",
    "unknown-outcome",
    "4:17-4:30",
    "'caution allow' is not an outcome: separate the outcomes with commas (caution, allow).",
    "caution, allow",
  ],
  [
    "39-outcomes-without-one-of",
    "syntax-error",
    "4:10-4:24",
    "A scenario expects one outcome here; for any of several, write `one of caution, allow`.",
    "one of caution, allow",
  ],
  [
    "40-oneof-one-word",
    "syntax-error",
    "4:10-4:30",
    "Write `one of caution, allow` (two words) for any of these outcomes.",
    "one of caution, allow",
  ],
  [
    "41-not-rule-without-by",
    "syntax-error",
    "4:22-4:30",
    "`by` is missing: write `not by rule` before the rules that must not decide.",
    "not by rule",
  ],
  [
    "42-also-apply",
    "syntax-error",
    "4:10-4:24",
    "Write `also applies rule 3.3` for a rule that applies without deciding.",
    "also applies rule 3.3",
  ],
  [
    "43-advice-misspelt",
    "unknown-advice",
    "8:17-8:57",
    'No rule of this policy gives the advice "Keep the account strictly profesional.", so the scenario cannot pass; did you mean "Keep the account strictly professional."?',
    '"Keep the account strictly professional."',
  ],
  [
    "44-asking-misspelt-fact",
    "unknown-fact",
    "4:30-4:41",
    "There is no fact called 'relationshp'; did you mean 'relationship'?",
    "relationship",
  ],
  [
    "45-at-least-misspelt-outcome",
    "unknown-outcome",
    "4:19-4:26",
    "There is no outcome called 'cuation'; did you mean 'caution'?",
    "caution",
  ],
  [
    "46-by-and-not-by",
    "contradictory-expectation",
    "4:42-4:45",
    "Rule 3.1 is expected both to decide (`by rule`) and not to decide (`not by rule`).",
    undefined,
  ],
  [
    "47-by-without-rule",
    "syntax-error",
    "4:10-4:24",
    "Write `decline by rule 3.1`: the deciding rules follow `by rule`.",
    "decline by rule 3.1",
  ],
  [
    "48-reminder-also-applies",
    "reminder-expected-to-apply",
    "8:10-8:32",
    'Rule NC-2 is a reminder: it gives advice and never decides, so it is never among the rules that also apply. To expect its advice, write `expect advice "Consider whether the material is appropriate before you post it."`.',
    'advice "Consider whether the material is appropriate before you post it."',
  ],
  [
    "49-reminder-by-rule",
    "reminder-expected-to-decide",
    "8:32-8:36",
    'Rule NC-2 is a reminder: it gives advice and never decides, so `by rule NC-2` cannot pass. To expect its advice, write `expect advice "Consider whether the material is appropriate before you post it."` on a line of its own.',
    undefined,
  ],
  [
    "50-default-outcome-misspelt",
    "unknown-outcome",
    "2:11-2:18",
    "There is no outcome called 'cuation'; did you mean 'caution'?",
    "caution",
  ],
  [
    "51-default-twice",
    "duplicate-declaration",
    "3:1-3:67",
    "A layer has one default outcome; this is a second one.",
    undefined,
  ],
];

describe("one mistake, one diagnostic", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".precept") && !f.startsWith("_"));

  it("every slip in the folder has its expectation, and there are at least 24", () => {
    expect(files.map((f) => f.replace(".precept", "")).sort()).toEqual(
      SLIPS.map(([f]) => f).sort(),
    );
    expect(SLIPS.length).toBeGreaterThanOrEqual(24);
  });

  it("the baseline itself is clean", () => {
    const analysis = analyze(
      "_base.precept",
      memoryHost({ "_base.precept": read("_base.precept") }),
    );
    expect(analysis.diagnostics).toEqual([]);
  });

  it.each(SLIPS)("%s", (name, code, range, message, fix) => {
    const file = `${name}.precept`;
    const analysis = analyze(
      file,
      memoryHost({ [file]: read(file), "_base.precept": read("_base.precept") }),
    );
    const found = analysis.diagnostics.map((d) => ({
      code: d.code,
      range: `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`,
      message: d.message,
      fix: d.suggestion,
    }));
    expect(found).toEqual([{ code, range, message, fix }]);
  });
});
