import { compile } from "@precept/compiler";
import { analyze, memoryHost } from "@precept/language";
import { describe, expect, it } from "vitest";
import type { Bundle } from "./bundle.js";
import { type Decider, loadBundle } from "./decider.js";
import type { Decision } from "./decision.js";
import { bundleHash } from "./hash.js";

const POLICY = `policy "Test policy" version "1"
source bps: "e-Professionalism: guidance", British Psychological Society, 2012
outcomes, strongest first:
  prohibit "must not"
  decline "should not"
  caution "take care"
  allow "fine"
otherwise no guidance
fact relationship: one of current service user, former service user, colleague
  asks "Who is the other person?"
fact capacity: one of personal, professional
fact identifiable information: yes or no
fact explicit consent: yes or no
fact age: number (years)
term "current service user": relationship is current service user
  means "the other person is a current service user"
term "personal capacity": capacity is personal
  means "you would act in a personal capacity"
rule 1.1 "No identifiable information without consent"
  cites bps §1 "do not transmit identifiable information"
  when identifiable information and not explicit consent
  then prohibit
  advise "Ask for explicit permission."
rule 3.1: current service user and personal capacity → decline
  cites bps §3 "friend requests should be politely declined"
  advise "Decline politely."
rule 3.2 "Former service users": relationship is former service user and personal capacity → caution
  unless age < 18 → prohibit
rule 4.1: relationship is colleague → allow
  advise "Decline politely."
exception to rule 4.1 "Colleague at work" when capacity is professional because "no personal contact" advise "Keep it professional."
`;

export function bundleOf(text = POLICY): Bundle {
  const a = analyze("p.precept", memoryHost({ "p.precept": text }), { unusedWarnings: false });
  if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join("\n"));
  return compile(a.policy);
}

function deciderOf(bundle: unknown = bundleOf()): Decider {
  const loaded = loadBundle(bundle);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.decider;
}

const complete = {
  relationship: "current service user",
  capacity: "personal",
  "identifiable information": false,
  "explicit consent": false,
  age: 30,
};

describe("loadBundle", () => {
  it("accepts a compiled bundle, as an object or as JSON text", () => {
    const bundle = bundleOf();
    expect(loadBundle(bundle).ok).toBe(true);
    expect(loadBundle(JSON.stringify(bundle)).ok).toBe(true);
  });

  it("lists what is wrong with a bad bundle", () => {
    const bundle = JSON.parse(JSON.stringify(bundleOf()));
    bundle.format = "precept-bundle/9";
    bundle.rules[0].conditions.all[0].path = "$.x";
    bundle.rules[1].event.type = "success";
    const loaded = loadBundle(bundle);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors).toEqual([
      'bundle.format: "precept-bundle/9" was compiled by a newer Precept; upgrade @precept/runtime (this one reads "precept-bundle/1" and "precept-bundle/2").',
      "bundle.rules[0].conditions.all[0]: 'path' is not allowed here.",
    ]);
  });

  it("checks meaning once the shape is right", () => {
    const bundle = JSON.parse(JSON.stringify(bundleOf()));
    bundle.rules[1].event.type = "success";
    bundle.rules[2].name = bundle.rules[0].name;
    bundle.rules[0].event.params.strength = 1;
    bundle.rules[0].conditions.all[0].fact = "colour";
    const loaded = loadBundle(bundle);
    expect(loaded.ok ? [] : loaded.errors).toEqual([
      "The rule name '1.1' is declared twice.",
      "rules[0] (1.1): strength 1 does not match 'prohibit' (4).",
      "rules[0] (1.1): tests 'colour', which is not a fact.",
      "rules[1] (3.1): event type 'success' is not an outcome.",
      "rules[2] (1.1): name, rule and exception do not agree with kind 'rule'.",
      "rules[3] (3.2#1): is an exception to '3.2', which is not a rule here.",
      expect.stringMatching(/^The bundle's hash does not match its content/),
    ]);
  });

  it("rejects __proto__ keys, empty conditions and text that is not JSON", () => {
    const text = JSON.stringify(bundleOf()).replace('"all":[', '"__proto__":{"x":1},"all":[');
    const loaded = loadBundle(text);
    expect(loaded.ok ? [] : loaded.errors).toEqual([
      "bundle.rules[0].conditions: '__proto__' is not allowed here.",
    ]);
    const empty = JSON.parse(JSON.stringify(bundleOf()));
    empty.rules[0].conditions = { any: [] };
    const emptyLoaded = loadBundle(empty);
    expect(emptyLoaded.ok ? [] : emptyLoaded.errors).toEqual([
      "bundle.rules[0].conditions.any: must have at least 1 item(s).",
    ]);
    const notJson = loadBundle("{ not json");
    expect(notJson.ok).toBe(false);
    expect(notJson.ok ? "" : notJson.errors[0]).toMatch(/^The bundle is not JSON: /);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(loadBundle(cyclic).ok).toBe(false);
  });

  it("does not see later changes to the object it was given", async () => {
    const bundle = JSON.parse(JSON.stringify(bundleOf()));
    const decider = deciderOf(bundle);
    bundle.rules.length = 0;
    expect((await decider.decide(complete)).ok && (await decider.decide(complete))).toMatchObject({
      outcome: "decline",
    });
  });
});

describe("integrity and limits", () => {
  it("refuses a rule edited to conclude prohibit with the old hash kept", () => {
    const bundle = JSON.parse(JSON.stringify(bundleOf()));
    const rule = bundle.rules.find((r: { name: string }) => r.name === "4.1");
    rule.event.type = "prohibit";
    rule.event.params.strength = 4;
    const loaded = loadBundle(bundle);
    expect(loaded.ok ? [] : loaded.errors).toEqual([
      expect.stringMatching(
        /^The bundle's hash does not match its content: it was changed after it was compiled \(it says sha256:[0-9a-f]{64}, its content gives sha256:[0-9a-f]{64}\)\. Compile the policy again/,
      ),
    ]);
    // The same edit with the hash recomputed is a valid (different) bundle.
    bundle.hash = bundleHash(bundle);
    expect(loadBundle(bundle).ok).toBe(true);
  });

  it("refuses a bundle over the size limit before parsing it", () => {
    const huge = `{"x":"${"a".repeat(10_000_001)}"}`;
    expect(loadBundle(huge)).toEqual({
      ok: false,
      errors: [
        "The bundle is 10,000,009 characters long; at most 10,000,000 are allowed (limits.maxBundleSize).",
      ],
    });
    const text = JSON.stringify(bundleOf());
    expect(loadBundle(text, { limits: { maxBundleSize: 100 } }).ok).toBe(false);
    expect(loadBundle(text, { limits: { maxBundleSize: text.length } }).ok).toBe(true);
  });

  it("refuses more rules or more work per decision than the limits allow", () => {
    const bundle = bundleOf();
    const rules = loadBundle(bundle, { limits: { maxRules: 3 } });
    expect(rules.ok ? [] : rules.errors).toEqual([
      "The bundle has 6 rules and exceptions; at most 3 are allowed (limits.maxRules).",
    ]);
    const work = loadBundle(bundle, { limits: { maxDecisionWork: 10 } });
    expect(work.ok ? [] : work.errors).toEqual([
      "A decision on this bundle would evaluate more than 10 conditions and listed values (limits.maxDecisionWork).",
    ]);
    expect(loadBundle(bundle, { limits: { maxDecisionWork: 100, maxRules: 6 } }).ok).toBe(true);
  });

  it("reads a bundle that starts with a byte order mark", () => {
    expect(loadBundle(`\uFEFF${JSON.stringify(bundleOf())}`).ok).toBe(true);
  });

  it("says clearly what is wrong with null facts, non-finite numbers and huge values", () => {
    const decider = deciderOf();
    const messages = (facts: unknown) => {
      const result = decider.decideSync(facts as Record<string, unknown>);
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    expect(messages(null)).toEqual([
      "The facts must be an object of fact names and values, not null.",
    ]);
    expect(messages(undefined)).toEqual([
      "The facts must be an object of fact names and values, not undefined.",
    ]);
    expect(messages({ age: Number.NaN })).toEqual([
      "'age' cannot be NaN: it must be a finite number (JSON has no NaN).",
    ]);
    expect(messages({ age: Number.POSITIVE_INFINITY })).toEqual([
      "'age' cannot be Infinity: it must be a finite number (JSON has no Infinity).",
    ]);
    const huge = messages({ relationship: "x".repeat(1_000_000), ["y".repeat(100_000)]: 1 });
    expect(huge).toHaveLength(2);
    expect(huge[0]).toMatch(
      /^'relationship' cannot be "x{60}"… \(1,000,000 characters\): it must be one of/,
    );
    expect(huge[1]).toMatch(/^'y{60}… \(100,000 characters\)' is not a fact of this policy\./);
    for (const m of huge) expect(m.length).toBeLessThan(400);
  });

  it("limits the length of a text fact's value", () => {
    const text = bundleOf(
      `policy "T"\noutcomes, strongest first:\n  no "n"\notherwise yes\nfact note: text\nrule 1: note is "a" → no\n`,
    );
    const loaded = loadBundle(text, { limits: { maxTextLength: 5 } });
    if (!loaded.ok) throw new Error(loaded.errors.join());
    expect(loaded.decider.decideSync({ note: "abcde" }).ok).toBe(true);
    const long = loaded.decider.decideSync({ note: "abcdef" });
    expect(long.ok ? [] : long.errors.map((e) => e.message)).toEqual([
      `'note' cannot be "abcdef": it must be at most 5 characters long.`,
    ]);
  });
});

describe("decide", () => {
  it("decides with every fact known", async () => {
    const d = deciderOf();
    const result = (await d.decide(complete)) as Decision;
    expect(result).toEqual({
      ok: true,
      outcome: "decline",
      decidingRules: ["3.1"],
      alsoApplies: [],
      advice: ["Decline politely."],
      warnings: [],
      explanation:
        'Decline — the other person is a current service user and you would act in a personal capacity (rule 3.1; BPS e-Professionalism §3: "friend requests should be politely declined"). Advice: Decline politely.',
    });
    expect(d.decideSync(complete)).toEqual(result);
    expect(d.outcome(complete)).toBe("decline");
  });

  it("is undetermined while a stronger rule could still apply, and says what to ask", async () => {
    const d = deciderOf();
    const facts = { relationship: "current service user", capacity: "personal" };
    const result = (await d.decide(facts)) as Decision;
    expect(result.outcome).toBe("undetermined");
    expect(result.undetermined).toEqual({
      needs: [
        { fact: "identifiable information", question: "Identifiable information: yes or no?" },
        { fact: "explicit consent", question: "Explicit consent: yes or no?" },
      ],
      atLeast: "decline",
      pending: ["1.1"],
    });
    expect(result.decidingRules).toEqual(["3.1"]);
    expect(d.decideSync(facts)).toEqual(result);
    expect(d.outcome(facts)).toBe("undetermined");
  });

  it("is determined when the unknown facts cannot change the outcome", async () => {
    const d = deciderOf();
    const facts = { ...complete, "identifiable information": true, age: null };
    const result = (await d.decide(facts)) as Decision;
    // 1.1 (prohibit) holds; 3.2's exception (prohibit, on age) cannot make it stronger.
    expect(result).toMatchObject({ outcome: "prohibit", decidingRules: ["1.1"] });
    expect(result.undetermined).toBeUndefined();
    expect(result.alsoApplies).toEqual([{ rule: "3.1", outcome: "decline" }]);
  });

  it("lets an exception's outcome stand, stronger or weaker", async () => {
    const d = deciderOf();
    const young = { ...complete, relationship: "former service user", age: 16 };
    expect(await d.decide(young)).toMatchObject({ outcome: "prohibit", decidingRules: ["3.2#1"] });
    const adult = { ...young, age: 40 };
    expect(await d.decide(adult)).toMatchObject({ outcome: "caution", decidingRules: ["3.2"] });
  });

  it("gives advice of every applicable entry once, in policy order, including advice-only exceptions", async () => {
    const d = deciderOf();
    const colleagueAtWork = { ...complete, relationship: "colleague", capacity: "professional" };
    const result = (await d.decide(colleagueAtWork)) as Decision;
    // 4.1 is suppressed by its exception, which has no outcome but advice.
    expect(result).toMatchObject({
      outcome: "no guidance",
      decidingRules: [],
      advice: ["Keep it professional."],
    });
    expect(result.explanation).toBe(
      "No guidance — no rule decides this. Advice: Keep it professional.",
    );
    const both = { ...complete, "identifiable information": true };
    expect(((await d.decide(both)) as Decision).advice).toEqual([
      "Ask for explicit permission.",
      "Decline politely.",
    ]);
  });

  it("rejects invalid facts with errors naming the fact and the allowed values", async () => {
    const d = deciderOf();
    const result = await d.decide({ relationship: "friend", age: "old", colour: "red" });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          fact: "relationship",
          message:
            '\'relationship\' cannot be "friend": it must be one of "current service user", "former service user", "colleague".',
          allowed: 'one of "current service user", "former service user", "colleague"',
        },
        {
          fact: "age",
          message: "'age' cannot be \"old\": it must be a number (years).",
          allowed: "a number (years)",
        },
        {
          fact: "colour",
          message:
            "'colour' is not a fact of this policy. Its facts are: relationship, capacity, identifiable information, explicit consent, age.",
        },
      ],
      explanation: expect.stringMatching(/^No decision: 'relationship' cannot be "friend"/),
    });
    expect(d.decideSync({ age: Number.NaN })).toMatchObject({ ok: false });
    expect(d.outcome({ age: Number.POSITIVE_INFINITY })).toBeUndefined();
    for (const bad of [null, 3, "facts", [complete]]) {
      expect(await d.decide(bad as never)).toMatchObject({ ok: false, errors: [{ fact: "" }] });
    }
  });

  it("reads facts the same whatever their order, and ignores inherited ones", () => {
    const d = deciderOf();
    const reversed = Object.fromEntries(Object.entries(complete).reverse());
    expect(d.decideSync(reversed)).toEqual(d.decideSync(complete));
    expect(d.decideSync(complete)).toEqual(d.decideSync({ ...complete }));
    const inherited = Object.create({ relationship: "colleague" }) as Record<string, unknown>;
    Object.assign(inherited, { capacity: "personal" });
    const r = d.decideSync(inherited) as Decision;
    expect(r.undetermined?.needs.map((n) => n.fact)).toContain("relationship");
  });

  it("gets 1,000 concurrent decisions right (json-rules-engine issue #303)", async () => {
    const d = deciderOf();
    const cases = Array.from({ length: 1000 }, (_, i) => {
      const facts: Record<string, unknown> = {
        relationship: ["current service user", "former service user", "colleague"][i % 3],
        capacity: ["personal", "professional"][i % 2],
        "identifiable information": i % 5 === 0,
        "explicit consent": i % 7 === 0,
        age: i % 40,
      };
      if (i % 4 === 0) delete facts.age;
      return facts;
    });
    const expected = cases.map((f) => d.decideSync(f));
    // Started at different depths of the microtask queue, as calls from a server would be.
    const results = await Promise.all(
      cases.map(async (f, i) => {
        for (let k = 0; k < (i * 7) % 97; k++) await Promise.resolve();
        return d.decide(f);
      }),
    );
    expect(results).toEqual(expected);
  });
});

describe("whyNot", () => {
  it("names the failed conditions with the actual values", () => {
    const d = deciderOf();
    expect(d.whyNot("3.1", { relationship: "colleague", capacity: "personal" })).toEqual({
      ok: true,
      rule: "3.1",
      applies: "no",
      failed: [
        {
          condition: "relationship is current service user",
          fact: "relationship",
          actual: "colleague",
          term: "current service user",
        },
      ],
      suppressedBy: [],
      explanation:
        "Rule 3.1 does not apply; it needs relationship is current service user (relationship is colleague).",
    });
  });

  it("says when facts are missing and when an exception suppresses the rule", () => {
    const d = deciderOf();
    const why = d.whyNot("1.1", { "explicit consent": false });
    expect(why).toMatchObject({
      applies: "unknown",
      failed: [{ fact: "identifiable information", actual: null }],
    });
    const suppressed = d.whyNot("3.2", {
      ...complete,
      relationship: "former service user",
      age: 12,
    });
    expect(suppressed).toMatchObject({ applies: "no", failed: [], suppressedBy: ["3.2#1"] });
    expect(suppressed.ok && suppressed.explanation).toBe(
      "Rule 3.2 does not apply; it is suppressed by exception 3.2#1.",
    );
    expect(d.whyNot("3.1", complete)).toMatchObject({ applies: "yes", failed: [] });
  });

  it("answers errors, not throws, for unknown rules and bad facts", () => {
    const d = deciderOf();
    expect(d.whyNot("9.9", {})).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^There is no rule '9.9'/) }],
    });
    expect(d.whyNot("3.1", { age: "x" })).toMatchObject({ ok: false, errors: [{ fact: "age" }] });
  });
});

describe("runScenarios", () => {
  it("checks outcome, deciding rules, needs and advice", async () => {
    const text = `${POLICY}
scenario "Current client, personal"
  given relationship is current service user, capacity is personal, not identifiable information
  expect decline by rule 3.1
  expect advice "Decline politely."
scenario "Young former client"
  given relationship is former service user, capacity is personal, age is 15, not identifiable information
  expect prohibit by rule 3.2
scenario "Missing facts"
  given relationship is current service user, capacity is personal
  expect undetermined needs identifiable information, explicit consent
scenario "Wrong on purpose"
  given relationship is colleague, capacity is personal, not identifiable information
  expect decline by rule 3.1
`;
    const results = await deciderOf(bundleOf(text)).runScenarios();
    expect(results.map((r) => [r.title, r.passed, r.differences.map((d) => d.aspect)])).toEqual([
      ["Current client, personal", true, []],
      ["Young former client", true, []],
      ["Missing facts", true, []],
      ["Wrong on purpose", false, ["outcome", "rules"]],
    ]);
    expect(results[3]!.differences[0]).toEqual({
      aspect: "outcome",
      expected: "decline",
      actual: "allow (rule 4.1)",
    });
  });
});

describe("the weaker rules and the explanation, made when first read", () => {
  it("read in any order, and through JSON, a spread or structuredClone, they are the same", async () => {
    const d = deciderOf();
    const sets = [
      complete,
      { ...complete, "identifiable information": true },
      { relationship: "former service user", capacity: "personal", age: 12 },
      { relationship: "colleague", capacity: "professional", "identifiable information": true },
      { capacity: "personal" },
    ];
    for (const facts of sets) {
      const expected = await d.decide(facts);
      const a = d.decideSync(facts) as Decision;
      const b = d.decideSync(facts) as Decision;
      // One read first the explanation, the other the weaker rules.
      const textA = a.explanation;
      const alsoB = b.alsoApplies;
      expect([textA, a.alsoApplies]).toEqual([b.explanation, alsoB]);
      expect(a.alsoApplies).toBe(a.alsoApplies);
      for (const copy of [JSON.parse(JSON.stringify(a)), { ...a }, structuredClone(a)]) {
        expect(copy).toEqual(expected);
        expect(Object.keys(copy)).toEqual(Object.keys(expected));
      }
    }
    const strongest = d.decideSync({ ...complete, "identifiable information": true }) as Decision;
    expect(strongest.decidingRules).toEqual(["1.1"]);
    expect(strongest.alsoApplies).toEqual([{ rule: "3.1", outcome: "decline" }]);
  });
});
