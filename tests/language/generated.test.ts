/**
 * Properties of generated valid policies: they parse and check clean, the parser reads exactly
 * the structure that was generated, and formatting is idempotent and keeps the meaning.
 */
import {
  analyze,
  type Condition,
  declarationsOf,
  format,
  memoryHost,
  parse,
  type Value,
} from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutPositions } from "../support/ast.js";
import {
  type GeneratedCondition,
  type GeneratedLayeredPolicy,
  type GeneratedPolicy,
  type GeneratedValue,
  layeredPolicyArbitrary,
  phraseKey,
  policyArbitrary,
} from "../support/generate.js";

/** Both kinds of condition in one comparable shape: names by key. */
type Shape = string | number | Shape[];
const value = (v: Value): Shape =>
  v.kind === "Phrase"
    ? v.name.key
    : v.kind === "Number"
      ? v.value
      : v.kind === "Date"
        ? `@${v.iso}`
        : `"${v.value}"`;
const generatedValue = (v: GeneratedValue): Shape =>
  v.kind === "phrase"
    ? phraseKey(v.text)
    : v.kind === "number"
      ? v.value
      : v.kind === "date"
        ? `@${v.iso}`
        : `"${v.value}"`;

function parsedShape(c: Condition | undefined): Shape {
  if (!c) return "missing";
  switch (c.kind) {
    case "And":
    case "Or":
      return [c.kind.toLowerCase(), ...c.operands.map(parsedShape)];
    case "Not":
      return ["not", parsedShape(c.operand)];
    case "Group":
      return ["group", parsedShape(c.inner)];
    case "Reference":
      return c.name.key;
    case "Comparison":
      return [c.operator, c.subject.key, value(c.value)];
    case "Membership":
      return [c.negated ? "not in" : "in", c.subject.key, ...c.values.map(value)];
    case "Includes":
      return [`includes ${c.quantifier}`, c.subject.key, ...c.values.map(value)];
    case "DateComparison": {
      const o = c.operand;
      const operand =
        o.kind === "Relative" ? `${o.direction} ${o.amount.value} ${o.unit.key}` : value(o);
      return [`${c.negated ? "not " : ""}${c.operator}`, c.subject.key, operand];
    }
  }
}

function generatedShape(c: GeneratedCondition): Shape {
  switch (c.kind) {
    case "and":
    case "or":
      return [c.kind, ...c.operands.map(generatedShape)];
    case "not":
      return ["not", generatedShape(c.operand)];
    case "group":
      return ["group", generatedShape(c.inner)];
    case "reference":
      return phraseKey(c.name);
    case "comparison":
      return [c.operator, phraseKey(c.fact), generatedValue(c.value)];
    case "membership":
      return [c.negated ? "not in" : "in", phraseKey(c.fact), ...c.values.map(generatedValue)];
    case "includes":
      return [`includes ${c.quantifier}`, phraseKey(c.fact), ...c.values.map(generatedValue)];
    case "date comparison": {
      const o = c.operand;
      const operand =
        o.kind === "relative"
          ? `${o.direction} ${o.amount} ${phraseKey(o.unit)}`
          : o.kind === "today"
            ? "today"
            : generatedValue(o);
      return [`${c.negated ? "not " : ""}${c.operator}`, phraseKey(c.fact), operand];
    }
  }
}

function expectFormatKeepsMeaning(text: string): void {
  const result = format(text);
  expect(result.diagnostics).toEqual([]);
  expect(result.formatted).toBe(true);
  expect(format(result.text).text).toBe(result.text);
  expect(withoutPositions(parse(result.text).document)).toEqual(
    withoutPositions(parse(text).document),
  );
}

describe("generated policies", () => {
  it("parse with no diagnostics and check with no errors", () => {
    fc.assert(
      fc.property(policyArbitrary(), (p) => {
        expect(parse(p.text).diagnostics).toEqual([]);
        const analysis = analyze("p.precept", memoryHost({ "p.precept": p.text }));
        expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(analysis.policy).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });

  it("are read as the structure they were generated from", () => {
    fc.assert(
      fc.property(policyArbitrary(), (p) => {
        const document = parse(p.text).document;
        const facts = declarationsOf(document, "Fact").map((f) => [
          f.name?.key,
          f.type?.kind,
          f.type?.kind === "choice" || f.type?.kind === "set"
            ? f.type.values.map((v) => v.key)
            : [],
          f.question?.value,
        ]);
        expect(facts).toEqual(
          p.facts.map((f) => [phraseKey(f.name), f.kind, f.values.map(phraseKey), f.question]),
        );
        const terms = declarationsOf(document, "Term").map((t) => [
          t.name?.key,
          parsedShape(t.condition),
        ]);
        expect(terms).toEqual(p.terms.map((t) => [phraseKey(t.name), generatedShape(t.condition)]));
        const rules = declarationsOf(document, "Rule").map((r) => ({
          id: r.id?.text,
          outcome: r.outcome?.key,
          condition: parsedShape(r.condition),
          unless: r.exceptions.map((u) => [parsedShape(u.condition), u.outcome?.key]),
          citations: r.citations.map((c) => [c.source?.key, c.section?.text, c.quote?.value]),
          advice: r.advice.map((a) => a.value),
          inForce: r.inForce && [
            r.inForce.from?.kind === "Date" ? r.inForce.from.iso : undefined,
            r.inForce.until?.kind === "Date" ? r.inForce.until.iso : undefined,
          ],
          provided: r.provided && parsedShape(r.provided.condition),
        }));
        expect(rules).toEqual(
          p.rules.map((r) => ({
            id: r.id,
            outcome: r.outcome && phraseKey(r.outcome),
            condition: generatedShape(r.condition),
            unless: r.unless.map((u) => [
              generatedShape(u.condition),
              u.outcome && phraseKey(u.outcome),
            ]),
            citations: r.citations.map((c) => [c.source, c.section, c.quote]),
            advice: r.advice,
            inForce: r.inForce && [
              r.inForce.from?.kind === "date" ? r.inForce.from.iso : undefined,
              r.inForce.until?.kind === "date" ? r.inForce.until.iso : undefined,
            ],
            provided: r.provided && generatedShape(r.provided.condition),
          })),
        );
        const scenarios = declarationsOf(document, "Scenario").map((s) => ({
          asOf: s.asOf?.kind === "Date" ? s.asOf.iso : undefined,
          expect: s.expect && {
            outcomes: [
              s.expect.outcome,
              s.expect.atLeast,
              ...s.expect.oneOf,
              ...s.expect.alsoOutcomes,
            ].flatMap((o) => (o ? [o.key] : [])),
            form: s.expect.atLeast ? "at least" : s.expect.oneOf.length > 0 ? "one of" : "exactly",
            byRules: s.expect.byRules.map((r) => r.text),
            notByRules: s.expect.notByRules.map((r) => r.text),
            undetermined: s.expect.undetermined,
            needs: s.expect.needs.map((n) => n.key),
            asking: s.expect.asking,
          },
          notByRules: s.notByRules.map((r) => r.text),
          alsoApplies: s.alsoApplies.map((r) => r.text),
          advice: s.advice.map((a) => a.value),
        }));
        expect(scenarios).toEqual(
          p.scenarios.map((s) => ({
            asOf: s.asOf?.kind === "date" ? s.asOf.iso : undefined,
            expect: s.expect && {
              outcomes: s.expect.kind === "outcome" ? s.expect.outcomes.map(phraseKey) : [],
              form: s.expect.kind === "outcome" ? s.expect.form : "exactly",
              byRules: s.expect.kind === "outcome" ? s.expect.byRules : [],
              notByRules: s.expect.kind === "outcome" ? s.expect.notByRules : [],
              undetermined: s.expect.kind === "undetermined",
              needs: s.expect.kind === "undetermined" ? s.expect.needs.map(phraseKey) : [],
              asking: s.expect.kind === "undetermined" && s.expect.asking,
            },
            notByRules: s.notByRules,
            alsoApplies: s.alsoApplies,
            advice: s.advice,
          })),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("format idempotently, keeping what the policy says", () => {
    fc.assert(
      fc.property(policyArbitrary(), (p) => expectFormatKeepsMeaning(p.text)),
      { numRuns: 200 },
    );
  });

  it("format tidy text too (no comments or irregular spacing)", () => {
    fc.assert(
      fc.property(policyArbitrary({ vary: false }), (p) => expectFormatKeepsMeaning(p.text)),
      {
        numRuns: 50,
      },
    );
  });
});

describe("the generators", () => {
  // Each construct the generators can write must turn up often enough for the properties to try it.
  const share = <T>(arbitrary: fc.Arbitrary<T>, has: (x: T) => boolean): number => {
    const sample = fc.sample(arbitrary, { numRuns: 200, seed: 2012 });
    return sample.filter(has).length / sample.length;
  };
  const scenarioLine = (pattern: RegExp) => (p: { text: string }) => pattern.test(p.text);

  it("write reminders, provided blocks and every expectation form", () => {
    const policies = policyArbitrary({ vary: false, scenarios: { min: 1, max: 3 } });
    const constructs: [string, (p: GeneratedPolicy) => boolean][] = [
      ["reminder", (p) => p.rules.some((r) => r.outcome === undefined)],
      ["provided block", scenarioLine(/^provided .*:$(?:.|\n)*^end provided$/m)],
      [
        "expect exactly",
        scenarioLine(/^ {2}expect (?!at least|one of|undetermined|advice|also|not by)\S/m),
      ],
      ["expect at least", scenarioLine(/^ {2}expect at least /m)],
      ["expect one of", scenarioLine(/^ {2}expect one of \S.*, /m)],
      ["expect undetermined needs", scenarioLine(/^ {2}expect undetermined needs /m)],
      ["expect undetermined asking", scenarioLine(/^ {2}expect undetermined asking /m)],
      ["not by rule, in the decision line", scenarioLine(/^ {2}expect \S.* not by rules? /m)],
      ["not by rule, on its own line", scenarioLine(/^ {2}expect not by rules? /m)],
      ["expect also applies", scenarioLine(/^ {2}expect also applies /m)],
      ["expect advice", scenarioLine(/^ {2}expect advice "/m)],
      ["no decision line", (p) => p.scenarios.some((s) => s.expect === undefined)],
      ["as of", scenarioLine(/^scenario .* as of /m)],
    ];
    for (const [name, has] of constructs)
      expect({ name, share: share(policies, has) > 0.05 }).toEqual({ name, share: true });
  });

  it("write amendments, and provided blocks around rules and overrides, in layers", () => {
    const layers = layeredPolicyArbitrary({ vary: false });
    const constructs: [string, (p: GeneratedLayeredPolicy) => boolean][] = [
      ["amend", (p) => p.layer.amendments.length > 0],
      ["provided rules", (p) => p.layer.rules.some((r) => r.provided)],
      ["provided overrides", (p) => p.layer.overrides.some((r) => r.provided)],
      ["reminder override", (p) => p.layer.overrides.some((r) => r.outcome === undefined)],
    ];
    for (const [name, has] of constructs)
      expect({ name, share: share(layers, has) > 0.05 }).toEqual({ name, share: true });
  });
});

describe("generated layers", () => {
  it("parse, check clean with their baseline, and format like any policy", () => {
    fc.assert(
      fc.property(layeredPolicyArbitrary(), (p) => {
        for (const text of Object.values(p.files)) {
          expect(parse(text).diagnostics).toEqual([]);
          expectFormatKeepsMeaning(text);
        }
        const analysis = analyze(p.entry, memoryHost(p.files));
        expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const layer = parse(p.files[p.entry]!).document;
        expect(declarationsOf(layer, "Override").map((o) => o.target?.text)).toEqual(
          p.layer.overrides.map((o) => o.id),
        );
        expect(declarationsOf(layer, "Disable").map((o) => o.target?.text)).toEqual(
          p.layer.disables.map((d) => d.target),
        );
        expect(declarationsOf(layer, "Exception").map((o) => o.target?.text)).toEqual(
          p.layer.exceptions.map((e) => e.target),
        );
        expect(
          declarationsOf(layer, "Amend").map((a) => [
            a.target?.text,
            a.advice.map((t) => t.value),
            a.citations.length,
            a.reason?.value,
          ]),
        ).toEqual(
          p.layer.amendments.map((a) => [a.target, a.advice, a.citations.length, a.reason]),
        );
        const provided = [...declarationsOf(layer, "Rule"), ...declarationsOf(layer, "Override")];
        expect(provided.map((r) => r.provided !== undefined)).toEqual(
          [...p.layer.rules, ...p.layer.overrides].map((r) => r.provided !== undefined),
        );
      }),
      { numRuns: 80 },
    );
  });
});
