import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";
import type { Diagnostic } from "../diagnostics.js";
import { memoryHost } from "../host.js";
import { LineIndex } from "../position.js";
import { type CodeAction, codeActions, type TextEdit } from "./actions.js";
import { cursor } from "./cursor.js";
import { BASELINE, BASELINE_URI, LAYER, LAYER_URI } from "./fixtures.js";

function diagnose(text: string, asLayer = false): Diagnostic[] {
  const uri = asLayer ? LAYER_URI : BASELINE_URI;
  const files = asLayer ? { [BASELINE_URI]: BASELINE, [LAYER_URI]: text } : { [uri]: text };
  return analyze(uri, memoryHost(files)).diagnostics.filter((d) => d.uri === uri);
}

/** The quick fixes offered at the `<|>` of `marked`. */
function actionsAt(marked: string, asLayer = false) {
  const { text, offset } = cursor(marked);
  const at = new LineIndex(text).range(offset, offset);
  const uri = asLayer ? LAYER_URI : BASELINE_URI;
  const host = memoryHost({ [BASELINE_URI]: BASELINE });
  return { text, actions: codeActions(text, at, diagnose(text, asLayer), { uri, host }) };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  return sorted.reduce(
    (t, e) => t.slice(0, e.range.start.offset) + e.newText + t.slice(e.range.end.offset),
    text,
  );
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no "${title}" in ${actions.map((a) => a.title).join(" | ")}`);
  return action;
}

const errors = (text: string, asLayer = false) =>
  diagnose(text, asLayer)
    .filter((d) => d.severity === "error")
    .map((d) => d.code);

describe("code actions", () => {
  it("applies a did-you-mean and the error goes away", () => {
    const { text, actions } = actionsAt(
      `${BASELINE}\nrule 9: curent serv<|>ice user → declin\n  cites bps\n`,
    );
    const fix = titled(actions, "Change to 'current service user'");
    expect(fix).toMatchObject({ kind: "quickfix", code: "unknown-term", isPreferred: true });
    const fixed = apply(text, fix.edits);
    expect(fixed).toContain("rule 9: current service user → declin");
    expect(errors(fixed)).toEqual(["unknown-outcome"]);
  });

  it("offers only fixes for diagnostics at the cursor", () => {
    const marked = `${BASELINE}\nrule 9: curent service user → decl<|>in\n  cites bps\n`;
    expect(actionsAt(marked).actions.map((a) => a.title)).toEqual(["Change to 'decline'"]);
  });

  it("fixes a misspelled value and a quoted list value", () => {
    const correct = actionsAt(
      `${BASELINE}\nrule 9: relationship is collea<|>gue → allow\n  cites bps\n`,
    );
    expect(correct.actions).toEqual([]);
    const typo = actionsAt(
      `${BASELINE}\nrule 9: relationship is colleage<|> → allow\n  cites bps\n`,
    );
    expect(errors(apply(typo.text, titled(typo.actions, "Change to 'colleague'").edits))).toEqual(
      [],
    );
    const quoted = actionsAt(
      `${BASELINE}\nrule 9: relationship is "colleague"<|> → allow\n  cites bps\n`,
    );
    expect(
      errors(apply(quoted.text, titled(quoted.actions, "Change to 'colleague'").edits)),
    ).toEqual([]);
  });

  it("declares a missing yes/no fact after the last fact", () => {
    const { text, actions } = actionsAt(
      `${BASELINE}\nrule 9 when on clinic premi<|>ses then decline\n  cites bps\n`,
    );
    const fix = titled(actions, "Declare the yes/no fact 'on clinic premises'");
    const fixed = apply(text, fix.edits);
    expect(fixed).toContain(
      'fact age: number (years)\nfact on clinic premises: yes or no\n  asks "On clinic premises?"\n',
    );
    expect(errors(fixed)).toEqual([]);
    expect(titled(actions, "Declare the term 'on clinic premises'").code).toBe("unknown-term");
  });

  it("declares a missing fact with the type its use needs", () => {
    const cases: [string, string][] = [
      ["rule 9 when platfor<|>m is facebook then decline", "fact platform: one of facebook"],
      ["rule 9 when platfor<|>m is one of x, y then decline", "fact platform: one of x, y"],
      ["rule 9 when year<|>s > 3 then decline", "fact years: number"],
      ['rule 9 when handl<|>e is "@me" then decline', "fact handle: text"],
    ];
    for (const [rule, declared] of cases) {
      const { text, actions } = actionsAt(`${BASELINE}\n${rule}\n  cites bps\n`);
      const fix = actions.find((a) => a.code === "unknown-fact" && a.title.startsWith("Declare"));
      expect(fix, rule).toBeDefined();
      const fixed = apply(text, fix!.edits);
      expect(fixed, rule).toContain(`\n${declared}\n  asks "What is the `);
      expect(errors(fixed), rule).toEqual([]);
    }
  });

  it("declares a fact given in a scenario", () => {
    const { text, actions } = actionsAt(
      `${BASELINE}\nscenario "s"\n  given on premis<|>es\n  expect allow\n`,
    );
    const fixed = apply(text, titled(actions, "Declare the yes/no fact 'on premises'").edits);
    expect(fixed).toContain("fact on premises: yes or no");
    expect(errors(fixed)).not.toContain("unknown-fact");
  });

  it("declares a missing term after the last term", () => {
    const { text, actions } = actionsAt(
      `${BASELINE}\nrule 9 when vulnerable pers<|>on then decline\n  cites bps\n`,
    );
    const fixed = apply(text, titled(actions, "Declare the term 'vulnerable person'").edits);
    expect(fixed).toContain('term child: age < 18\nterm "vulnerable person": …\n  means "…"\n');
    expect(errors(fixed)).not.toContain("unknown-term");
  });

  it("declares facts in a file that has none yet, before its rules", () => {
    const text =
      'policy "L" extends "../bps/policy.precept"\n\nrule L1 when team<|> then allow\n  cites bps\n';
    const { text: plain, actions } = actionsAt(text, true);
    const fixed = apply(plain, titled(actions, "Declare the yes/no fact 'team'").edits);
    expect(fixed).toContain('\nfact team: yes or no\n  asks "Team?"\n\nrule L1');
    expect(errors(fixed, true)).toEqual([]);
  });

  it("adds a missing reason to a disable, an override and an exception", () => {
    const disable = actionsAt(`${LAYER}\ndisable rule 1.<|>1\n`, true);
    const fixed = apply(disable.text, titled(disable.actions, "Add the reason (because …)").edits);
    expect(fixed).toContain('disable rule 1.1 because "…"');
    expect(errors(fixed, true)).toEqual([]);

    const exception = actionsAt(
      `${LAYER}\nexception to rule 1.<|>1\n  when team member\n  then allow\n`,
      true,
    );
    const fixed2 = apply(
      exception.text,
      titled(exception.actions, "Add the reason (because …)").edits,
    );
    expect(fixed2).toContain('  then allow\n  because "…"\n');
    expect(errors(fixed2, true)).toEqual([]);

    const override = actionsAt(
      `${LAYER}\noverride rule 3.<|>1 "Local"\n  cites bps §3\n  when team member\n  then allow\n`,
      true,
    );
    const fixed3 = apply(
      override.text,
      titled(override.actions, "Add the reason (because …)").edits,
    );
    expect(errors(fixed3, true)).toEqual([]);
  });

  it("repairs an unterminated quote and a character from another language", () => {
    const quote = actionsAt(
      `${BASELINE}\nrule 9 "Unclosed<|>\n  when child then decline\n  cites bps\n`,
    );
    const fixed = apply(quote.text, titled(quote.actions, "Close the quote").edits);
    expect(fixed).toContain('rule 9 "Unclosed"\n');
    const eq = actionsAt(
      `${BASELINE}\nrule 9 when capacity =<|> personal then decline\n  cites bps\n`,
    );
    const fixed2 = apply(eq.text, titled(eq.actions, "Replace '=' with 'is'").edits);
    expect(errors(fixed2)).toEqual([]);
  });

  it("ignores diagnostics of other files", () => {
    const { text, offset } = cursor(`${LAYER}<|>`);
    const at = new LineIndex(text).range(0, offset);
    const other = diagnose(`${BASELINE}\nrule 9 when nope then allow\n`).map((d) => ({
      ...d,
      uri: BASELINE_URI,
    }));
    expect(codeActions(text, at, other, { uri: LAYER_URI })).toEqual([]);
  });
});

describe("code actions on any text", () => {
  it("never throw, and every edit lies within the text", () => {
    const piece = fc.constantFrom(
      "rule 9 ",
      "when ",
      "nope ",
      "is ",
      "colleage ",
      "then ",
      "declin ",
      '"',
      "=",
      "\n",
      "disable rule 1.1 ",
      "exception to rule 3.1 ",
      "given ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = LAYER + parts.join("");
        const all = new LineIndex(text).range(0, text.length);
        const actions = codeActions(text, all, diagnose(text, true), { uri: LAYER_URI });
        for (const edit of actions.flatMap((a) => a.edits)) {
          expect(edit.uri).toBe(LAYER_URI);
          expect(edit.range.start.offset).toBeLessThanOrEqual(edit.range.end.offset);
          expect(edit.range.end.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});
