/** A layer on several baselines: `extends "a" as a and "b" as b` (docs/semantics.md §8.1). */
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { format } from "./format.js";
import { memoryHost } from "./host.js";
import { parse } from "./parse.js";

const BASE = `policy "Base" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  decline "no"
  caution "careful"
  allow "yes"
otherwise no guidance
fact relationship: one of service user, colleague
fact public: yes or no
fact age: number
term adult: age >= 18
rule 1: relationship is service user → decline
  cites bps §1
rule 2: public → caution
  cites bps §2
`;

const PROGRAMME = `policy "Programme" version "1" extends "base.precept"
source prog: "P", Programme, 2024
fact supervised: yes or no
rule 3.1: supervised and public → allow
  cites prog §1
`;

const TEAM = `policy "Team" version "1" extends "base.precept"
source team: "T", Team, 2024
fact on call: yes or no
rule 3.1: on call → caution
  cites team §1
rule T1: on call and adult → caution
  cites team §2
`;

function run(layer: string, files: Record<string, string> = {}) {
  const all = {
    "base.precept": BASE,
    "programme.precept": PROGRAMME,
    "team.precept": TEAM,
    ...files,
    "layer.precept": layer,
  };
  const result = analyze("layer.precept", memoryHost(all));
  const errors = result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const text = all[(d.uri ?? "layer.precept") as keyof typeof all] ?? "";
      return {
        code: d.code,
        uri: d.uri,
        text: text.slice(d.range.start.offset, d.range.end.offset),
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
        ...(d.related ? { related: d.related.map((r) => r.uri) } : {}),
      };
    });
  return { result, errors };
}

const HEADER = `policy "Trainee" version "1" extends "programme.precept" as programme and "team.precept" as team\n`;

describe("the policy line with several baselines", () => {
  it("reads each baseline with its name; `and` or a comma between; over several lines", () => {
    const header = parse(
      'policy "T" version "1"\n  extends "a.precept" as a\n  and "@x/y", "c.precept" as c\n',
    ).document.header!;
    expect(header.baselines.map((b) => [b.target.value, b.alias?.text])).toEqual([
      ["a.precept", "a"],
      ["@x/y", undefined],
      ["c.precept", "c"],
    ]);
    expect(header.extends?.value).toBe("a.precept");
  });

  it("slips in the policy line get one message each, saying what to write", () => {
    const messages = (text: string) =>
      parse(`${text}\nrule 1: a → b\n`).diagnostics.map((d) => d.message);
    expect(messages('policy "T" extends "a.precept" "b.precept"')).toEqual([
      'Separate the baselines with `and`: extends "…" and "b.precept".',
    ]);
    expect(messages('policy "T" extends "a.precept" as "a"')).toEqual([
      "A baseline's name is one word after `as` (as programme), not '\"a\"'.",
    ]);
    expect(messages('policy "T" extends "a.precept" and')).toEqual([
      "Expected a quoted text for a baseline (its path or package name, in quotes), but found 'rule'.",
    ]);
  });

  it("formats one line when it fits, one baseline a line when not", () => {
    expect(format('policy "T" extends "a.precept" as a , "b.precept"\n').text).toBe(
      'policy "T" extends "a.precept" as a and "b.precept"\n',
    );
    const long = `policy "A rather long title for a trainee layer" version "1" extends "../programme/policy.precept" as programme and "@precept/bps-e-professionalism" as bps\n`;
    expect(format(long).text).toBe(
      'policy "A rather long title for a trainee layer" version "1"\n  extends "../programme/policy.precept" as programme\n  and "@precept/bps-e-professionalism" as bps\n',
    );
    // A dated layer: its dates on a line of their own, after the baselines.
    const dated = format(long.replace("\n", " in force until 2026-12-31\n")).text;
    expect(dated.split("\n").slice(-2)).toEqual(["  in force until 2026-12-31", ""]);
    expect(format(dated).text).toBe(dated);
  });
});

describe("a layer on two baselines", () => {
  it("sees both; a shared baseline is read once; clashing rule ids are qualified", () => {
    const { result, errors } = run(`${HEADER}rule L1: supervised and on call → caution
  cites prog §2
scenario "both"
  given relationship is colleague, public, supervised, on call, age is 30
  expect caution by rule team.3.1, T1
`);
    expect(errors).toEqual([]);
    const policy = result.policy!;
    expect(policy.layers.map((l) => l.title)).toEqual(["Base", "Programme", "Team", "Trainee"]);
    expect(policy.layers.at(-1)).toMatchObject({
      extends: "programme.precept",
      baselines: [
        { uri: "programme.precept", alias: "programme" },
        { uri: "team.precept", alias: "team" },
      ],
    });
    expect(policy.rules.map((r) => r.id)).toEqual([
      "1",
      "2",
      "programme.3.1",
      "team.3.1",
      "T1",
      "L1",
    ]);
    expect(policy.facts.map((f) => f.name)).toEqual([
      "relationship",
      "public",
      "age",
      "supervised",
      "on call",
    ]);
    expect(policy.scenarios[0]!.expect.byRules).toEqual(["team.3.1", "T1"]);
  });

  it("a bare clashing id is ambiguous, with the qualified ids to choose from", () => {
    const { errors, result } = run(
      `${HEADER}exception to rule 3.1 when age < 18 because "young"\n`,
    );
    expect(errors).toEqual([{ code: "ambiguous-rule", uri: "layer.precept", text: "3.1" }]);
    const d = result.diagnostics.find((x) => x.code === "ambiguous-rule")!;
    expect(d.expected).toEqual(["programme.3.1", "team.3.1"]);
    expect(d.message).toContain("programme.3.1 or team.3.1");
  });

  it("a qualified id works where the id alone is clear too", () => {
    const { errors, result } = run(
      `${HEADER}disable rule team.T1 because "not here"\noverride rule programme.2 when public and not supervised then caution because "supervised posts are fine"\n`,
    );
    expect(errors).toEqual([]);
    const rules = result.policy!.rules;
    expect(rules.map((r) => r.id)).toEqual(["1", "2", "programme.3.1", "team.3.1"]);
    expect(rules[1]!.overrides).toBeDefined();
    expect(result.policy!.loosenings.map((l) => [l.kind, l.rule])).toEqual([
      ["override", "2"],
      ["disable", "T1"],
    ]);
  });

  it("a misspelt qualified id gets its did-you-mean", () => {
    expect(run(`${HEADER}disable rule team.T11 because "no"\n`).errors).toEqual([
      { code: "unknown-rule", uri: "layer.precept", text: "team.T11", suggestion: "team.T1" },
    ]);
    expect(run(`${HEADER}disable rule programe.3.1 because "no"\n`).errors).toEqual([
      {
        code: "unknown-rule",
        uri: "layer.precept",
        text: "programe.3.1",
        suggestion: "programme.3.1",
      },
    ]);
  });

  it("a clash through a baseline without a name asks for one", () => {
    const { errors } = run(
      `policy "Trainee" version "1" extends "programme.precept" and "team.precept" as team\n`,
    );
    expect(errors).toEqual([
      { code: "ambiguous-rule", uri: "layer.precept", text: '"programme.precept"', related: [] },
    ]);
  });

  it("the same baseline twice, or one name twice, is duplicate-baseline", () => {
    expect(
      run(`policy "T" extends "team.precept" as a and "./team.precept" as b\n`).errors,
    ).toEqual([{ code: "duplicate-baseline", uri: "layer.precept", text: '"./team.precept"' }]);
    expect(
      run(`policy "T" extends "team.precept" as a and "programme.precept" as A\n`).errors,
    ).toEqual([{ code: "duplicate-baseline", uri: "layer.precept", text: "A" }]);
  });

  it("a missing baseline is one error; the other is still read", () => {
    const { errors } = run(`policy "T" extends "team.precept" as t and "nope.precept" as n
rule L: on call and nothing known → decline
  cites team §1
`);
    expect(errors.map((e) => [e.code, e.text])).toEqual([["extends-not-found", '"nope.precept"']]);
  });

  it("a circle through a second baseline is extends-cycle", () => {
    const { errors } = run(`policy "T" extends "team.precept" as t and "loop.precept" as l\n`, {
      "loop.precept": `policy "Loop" extends "layer.precept"\n`,
    });
    expect(errors.map((e) => [e.code, e.uri])).toEqual([["extends-cycle", "loop.precept"]]);
  });
});

describe("what two baselines declare must agree", () => {
  const OTHER = (body: string) => `policy "Other" version "1"
source bps: "G", BPS, 2012
outcomes, strongest first:
  decline "no"
  caution "careful"
  allow "yes"
otherwise no guidance
${body}`;

  it("the same fact declared twice the same way is one fact", () => {
    const { errors, result } = run(
      `policy "T" extends "team.precept" as t and "other.precept" as o\nrule L: public and on call → decline\n  cites bps §1\n`,
      { "other.precept": OTHER("fact public: yes or no\nfact age: number\n") },
    );
    expect(errors).toEqual([]);
    expect(result.policy!.facts.filter((f) => f.name === "public")).toHaveLength(1);
  });

  it("a fact declared differently is baseline-conflict, with both places", () => {
    const { errors } = run(`policy "T" extends "team.precept" as t and "other.precept" as o\n`, {
      "other.precept": OTHER("fact age: one of young, old\n"),
    });
    expect(errors).toEqual([
      {
        code: "baseline-conflict",
        uri: "layer.precept",
        text: '"other.precept" as o',
        related: ["base.precept", "other.precept"],
      },
    ]);
  });

  it("a term with another condition is baseline-conflict", () => {
    const { errors } = run(`policy "T" extends "team.precept" as t and "other.precept" as o\n`, {
      "other.precept": OTHER("fact age: number\nterm adult: age >= 21\n"),
    });
    expect(errors.map((e) => e.code)).toEqual(["baseline-conflict"]);
  });

  it("outcome scales that differ are baseline-outcomes-differ", () => {
    const { errors } = run(`policy "T" extends "team.precept" as t and "other.precept" as o\n`, {
      "other.precept": `policy "Other" version "1"
outcomes, strongest first:
  decline "no"
  allow "yes"
otherwise no guidance
`,
    });
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["baseline-outcomes-differ", '"other.precept" as o'],
    ]);
  });

  it("values added to a shared fact by one baseline are kept", () => {
    const { errors, result } = run(
      `policy "T" extends "team.precept" as t and "carers.precept" as c\n`,
      {
        "carers.precept": `policy "Carers" extends "base.precept"\nfact relationship: also carer\n`,
      },
    );
    expect(errors).toEqual([]);
    expect(result.policy!.facts.find((f) => f.name === "relationship")!.type).toEqual({
      kind: "choice",
      values: ["service user", "colleague", "carer"],
    });
  });
});

describe("a shared rule that baselines change", () => {
  const change = (title: string, body: string) =>
    `policy "${title}" version "1" extends "base.precept"\n${body}`;
  const files = {
    "a.precept": change("A", `exception to rule 2 when age < 18 then allow because "young"\n`),
    "b.precept": change("B", `disable rule 2 because "not for us"\n`),
    "c.precept": change("C", `fact other: yes or no\nrule C1: other → caution\n  cites bps §1\n`),
  };

  it("changed by one baseline only: that change stands", () => {
    const { errors, result } = run(
      `policy "T" extends "a.precept" as a and "c.precept" as c\n`,
      files,
    );
    expect(errors).toEqual([]);
    expect(result.policy!.rules.find((r) => r.id === "2")!.exceptions.map((e) => e.id)).toEqual([
      "2#1",
    ]);
    const disabled = run(`policy "T" extends "c.precept" as c and "b.precept" as b\n`, files);
    expect(disabled.errors).toEqual([]);
    expect(disabled.result.policy!.rules.map((r) => r.id)).toEqual(["1", "C1"]);
  });

  it("a baseline listed with a layer that already extends it adds nothing", () => {
    const { errors, result } = run(
      `policy "T" extends "a.precept" as a and "base.precept" as base\n`,
      files,
    );
    expect(errors).toEqual([]);
    expect(result.policy!.rules.find((r) => r.id === "2")!.exceptions).toHaveLength(1);
  });

  it("changed differently by two: baseline-conflict, unless the layer overrides or disables it", () => {
    const { errors } = run(`policy "T" extends "a.precept" as a and "b.precept" as b\n`, files);
    expect(errors).toEqual([
      {
        code: "baseline-conflict",
        uri: "layer.precept",
        text: '"b.precept" as b',
        related: ["a.precept", "b.precept"],
      },
    ]);
    const settled = run(
      `policy "T" extends "a.precept" as a and "b.precept" as b\noverride rule 2 when public and age >= 18 then caution because "adults only"\n`,
      files,
    );
    expect(settled.errors).toEqual([]);
    expect(settled.result.policy!.rules.find((r) => r.id === "2")).toMatchObject({
      exceptions: [],
      overrides: { layer: "T" },
    });
    // A dated layer would settle it on its own days only.
    const dated = run(
      `policy "T" extends "a.precept" as a and "b.precept" as b in force from 2025-01-01\noverride rule 2 when public and age >= 18 then caution because "adults only"\n`,
      files,
    );
    expect(dated.errors.map((e) => e.code)).toEqual(["baseline-conflict"]);
    expect(dated.result.diagnostics.find((d) => d.code === "baseline-conflict")!.message).toContain(
      "settle it in a layer without dates",
    );
  });
});

describe("the default outcome of a layer on several baselines", () => {
  const files = {
    "careful.precept": `policy "Careful" version "1" extends "base.precept"\notherwise caution because "ask first"\n`,
    "plain.precept": `policy "Plain" version "1" extends "base.precept"\nfact other: yes or no\nrule P1: other → decline\n  cites bps §1\n`,
  };

  it("baselines that decide differently where no rule applies: baseline-conflict, unless the layer sets its own", () => {
    const { errors } = run(
      `policy "T" extends "careful.precept" as c and "plain.precept" as p\n`,
      files,
    );
    expect(errors).toEqual([
      {
        code: "baseline-conflict",
        uri: "layer.precept",
        text: '"plain.precept" as p',
        related: ["careful.precept", "base.precept"],
      },
    ]);
    const settled = run(
      `policy "T" extends "careful.precept" as c and "plain.precept" as p\notherwise caution\n`,
      files,
    );
    expect(settled.errors).toEqual([]);
    expect(settled.result.policy!.layerDefault?.outcome.name).toBe("caution");
    // Weaker than one baseline's default: a loosening, with its reason.
    const weaker = run(
      `policy "T" extends "careful.precept" as c and "plain.precept" as p\notherwise no guidance\n`,
      files,
    );
    expect(weaker.errors.map((e) => e.code)).toEqual(["missing-reason"]);
  });

  it("the same default through both is kept", () => {
    const { errors, result } = run(
      `policy "T" extends "careful.precept" as c and "team.precept" as t\n`,
      { ...files, "team.precept": `policy "Team" extends "careful.precept"\n` },
    );
    expect(errors).toEqual([]);
    expect(result.policy!.layerDefault?.outcome.name).toBe("caution");
  });
});

describe("reading baselines", () => {
  it("a long chain of baselines is read without running out of stack", () => {
    const files: Record<string, string> = {
      "f0.precept": `policy "F0"\noutcomes, strongest first:\n  decline "no"\notherwise no guidance\n`,
    };
    const n = 10_000;
    for (let i = 1; i <= n; i++)
      files[`f${i}.precept`] = `policy "F${i}" extends "f${i - 1}.precept"\n`;
    const result = analyze(`f${n}.precept`, memoryHost(files));
    expect(result.diagnostics).toEqual([]);
    expect(result.policy!.layers).toHaveLength(n + 1);
  });
});

describe("a baseline named together with a layer that extends it", () => {
  it("adds nothing: that layer's default, added values and changes stand", () => {
    const { errors, result } = run(
      `policy "T" extends "careful.precept" as careful and "base.precept" as base\nrule T1: relationship is carer → decline\n  cites bps §1\n`,
      {
        "careful.precept": `policy "Careful" version "1" extends "base.precept"
otherwise caution because "ask first"
fact relationship: also carer
disable rule 2 because "not ours"
`,
      },
    );
    expect(errors).toEqual([]);
    const policy = result.policy!;
    expect(policy.layerDefault?.outcome.name).toBe("caution");
    expect(policy.facts.find((f) => f.name === "relationship")!.type).toMatchObject({
      values: ["service user", "colleague", "carer"],
    });
    expect(policy.rules.map((r) => r.id)).toEqual(["1", "T1"]);
    expect(policy.layers.map((l) => l.title)).toEqual(["Base", "Careful", "T"]);
  });
});

describe("scenarios of a layer on several baselines", () => {
  it("a reminder named by its qualified id is still reported as one", () => {
    const { errors } = run(
      `${HEADER}scenario "s"\n  given relationship is colleague, public, supervised is no, on call is no, age is 30\n  expect caution by rule team.R\n`,
      {
        "team.precept": `${TEAM}rule R\n  cites team §3\n  when public\n  advise "Think first."\n`,
      },
    );
    expect(errors.map((e) => [e.code, e.text])).toEqual([
      ["reminder-expected-to-decide", "team.R"],
    ]);
  });
});
