import { compile } from "@precept/compiler";
import { analyze, memoryHost } from "@precept/language";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BundleFact } from "./bundle.js";
import { loadBundle } from "./decider.js";
import { readFacts, readFactValue } from "./fact-input.js";

const facts: BundleFact[] = [
  { name: "relationship", label: "relationship", type: "choice", values: ["client", "colleague"] },
  { name: "explicit consent", label: "explicit consent", type: "yes/no" },
  { name: "age", label: "age", type: "number", unit: "years" },
  { name: "platform", label: "platform", type: "text" },
];

const messages = (r: ReturnType<typeof readFacts>) => (r.ok ? [] : r.errors.map((e) => e.message));

describe("the facts contract, json mode (the default)", () => {
  it("takes exact names and JSON values of each fact's type; null is unknown", () => {
    expect(
      readFacts(facts, {
        relationship: "client",
        "explicit consent": false,
        age: 6.5,
        platform: "",
      }),
    ).toEqual({
      ok: true,
      facts: { relationship: "client", "explicit consent": false, age: 6.5, platform: "" },
      conversions: [],
    });
    expect(readFacts(facts, { age: null })).toMatchObject({ ok: true, facts: {} });
  });

  it("refuses text for numbers and yes/no, and other cases of names and values", () => {
    expect(
      messages(
        readFacts(facts, {
          age: "6",
          "explicit consent": "yes",
          Relationship: "client",
          platform: 3,
        }),
      ),
    ).toEqual([
      `'age' cannot be "6": it must be a number (years).`,
      `'explicit consent' cannot be "yes": it must be true or false.`,
      "'Relationship' is not a fact of this policy. Its facts are: relationship, explicit consent, age, platform.",
      "'platform' cannot be 3: it must be a string.",
    ]);
    expect(messages(readFacts(facts, { relationship: "Client" }))).toEqual([
      `'relationship' cannot be "Client": it must be one of "client", "colleague".`,
    ]);
  });

  it("summarises thousands of problems after 20", () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, i]));
    const errors = messages(readFacts(facts, many));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe("… and 4,980 more problems.");
  });
});

describe("the facts contract, form mode", () => {
  it("reads names in any case and spacing, yes/no words, decimal text and blanks, and reports each", () => {
    const r = readFacts(
      facts,
      { " Relationship ": "COLLEAGUE", explicit_consent: "Yes", AGE: " 6 ", platform: "  " },
      { mode: "form" },
    );
    expect(r).toEqual({
      ok: true,
      facts: { relationship: "colleague", "explicit consent": true, age: 6 },
      conversions: [
        expect.objectContaining({ fact: "relationship", message: expect.stringContaining("name") }),
        {
          fact: "relationship",
          given: '"COLLEAGUE"',
          value: "colleague",
          message: `'relationship': read "COLLEAGUE" as "colleague".`,
        },
        expect.objectContaining({ fact: "explicit consent", given: "explicit_consent" }),
        expect.objectContaining({ fact: "explicit consent", value: true }),
        expect.objectContaining({ fact: "age", given: "AGE" }),
        expect.objectContaining({ fact: "age", value: 6 }),
        {
          fact: "platform",
          given: '"  "',
          value: null,
          message: "'platform': left blank, so unknown.",
        },
      ],
    });
  });

  it("still refuses what cannot be read, and a fact given twice", () => {
    expect(messages(readFacts(facts, { age: "6 years", AGE: 3 }, { mode: "form" }))).toEqual([
      `'age' cannot be "6 years": it must be a number (years).`,
      "'age' is given twice (as 'age' and as 'AGE').",
    ]);
    for (const text of ["0x10", "1,000", "Infinity", "1e999", "six"]) {
      expect(readFactValue(facts[2]!, text, { mode: "form" }).ok).toBe(false);
    }
    expect(readFactValue(facts[1]!, "maybe", { mode: "form" }).ok).toBe(false);
  });
});

describe("decide reads facts by the contract", () => {
  const decider = (() => {
    const text = `policy "Facts" version "1"
outcomes, strongest first:
  decline "should not"
  allow "fine"
otherwise no guidance
fact relationship: one of current service user, colleague
fact capacity: one of personal, professional
fact identifiable information: yes or no
fact age: number (years)
fact platform: text
rule 1: relationship is current service user and capacity is personal → decline
rule 2: identifiable information and age < 18 → decline
rule 3: relationship is colleague and platform is "LinkedIn" → allow
`;
    const a = analyze("f.precept", memoryHost({ "f.precept": text }), { unusedWarnings: false });
    if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join());
    const loaded = loadBundle(compile(a.policy));
    if (!loaded.ok) throw new Error(loaded.errors.join());
    return loaded.decider;
  })();
  const declared = decider.bundle.facts;
  const names = [...declared.map((f) => f.name), "Age", "colour", "__proto__", "age "];
  const values = fc.oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      17,
      -2.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "6",
      "yes",
      "",
      "personal",
      "Personal",
      "current service user",
      "colleague",
      [1],
      {},
    ),
    fc.string({ maxLength: 5 }),
    fc.double(),
  );
  const factSets = fc.dictionary(fc.constantFrom(...names), values, { maxKeys: 7 });

  it("accepts and refuses exactly what readFacts does, with the same messages (property)", () => {
    fc.assert(
      fc.property(factSets, (input) => {
        const read = readFacts(declared, input);
        const result = decider.decideSync(input);
        expect(result.ok).toBe(read.ok);
        if (!read.ok && !result.ok) expect(result.errors).toEqual(read.errors);
        if (read.ok) expect(decider.decideSync(read.facts)).toEqual(result);
      }),
      { numRuns: 1000 },
    );
  });
});
