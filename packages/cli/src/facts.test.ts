import type { BundleFact } from "@precept/runtime";
import { describe, expect, it } from "vitest";
import { readAnswer } from "./ask.js";
import { CliError } from "./errors.js";
import { buildFactSet } from "./facts.js";
import { exampleFacts, parseFactArg, parseFactsJson } from "./facts-json.js";

const facts: BundleFact[] = [
  {
    name: "relationship",
    label: "relationship",
    type: "choice",
    values: ["current service user", "colleague"],
  },
  { name: "explicit consent", label: "explicit consent", type: "yes/no" },
  { name: "age", label: "age", type: "number", unit: "years" },
  { name: "platform", label: "platform", type: "text" },
];

const failure = (f: () => unknown): CliError => {
  try {
    f();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a CliError");
};

describe("buildFactSet", () => {
  it("types --fact values by the fact's declared type", () => {
    expect(
      buildFactSet(facts, {}, [
        "Relationship=Current  Service User",
        "explicit consent=yes",
        "age= 17 ",
        "platform=Facebook=Meta",
      ]),
    ).toEqual({
      relationship: "current service user",
      "explicit consent": true,
      age: 17,
      platform: "Facebook=Meta",
    });
  });

  it("takes typed JSON values, skips null, and lets a later --fact win", () => {
    expect(
      buildFactSet(facts, { "explicit consent": false, age: 30, relationship: null }, [
        "age=31",
        "explicit consent=n",
      ]),
    ).toEqual({ "explicit consent": false, age: 31 });
  });

  it("names an unknown fact with a did-you-mean and the facts there are", () => {
    const error = failure(() => buildFactSet(facts, {}, ["relationshp=colleague"]));
    expect(error.message).toBe(
      "'relationshp' is not a fact of this policy. Its facts are: relationship, explicit consent, age, platform.",
    );
    expect(error.hint).toBe("Did you mean 'relationship'?");
    expect(failure(() => buildFactSet(facts, { __proto__x: 1 }, [])).message).toContain(
      "not a fact",
    );
  });

  it("rejects values outside the type, naming what is allowed", () => {
    const colleage = failure(() => buildFactSet(facts, {}, ["relationship=colleage"]));
    expect(colleage.message).toBe(
      '\'relationship\' cannot be "colleage": it must be one of "current service user", "colleague".',
    );
    expect(colleage.hint).toBe("Did you mean 'colleague'?");
    expect(failure(() => buildFactSet(facts, {}, ["age=old"])).message).toContain(
      "it must be a number (years)",
    );
    expect(
      failure(() => buildFactSet(facts, { "explicit consent": "maybe" }, [])).message,
    ).toContain("true or false");
    expect(failure(() => buildFactSet(facts, { platform: 3 }, [])).message).toContain("a string");
    expect(failure(() => buildFactSet(facts, { age: [1] }, [])).message).toContain("a number");
  });

  it("reads a facts file strictly, as the runtime does, and says how to write what it refuses", () => {
    const six = failure(() => buildFactSet(facts, { age: "6" }, [], "f.json"));
    expect(six.message).toBe(`In f.json: 'age' cannot be "6": it must be a number (years).`);
    expect(six.hint).toBe("Write 6 instead.");
    const name = failure(() => buildFactSet(facts, { Age: 6 }, []));
    expect(name.message).toContain("'Age' is not a fact of this policy.");
    expect(name.hint).toBe("Did you mean 'age'?");
    expect(failure(() => buildFactSet(facts, { "explicit consent": "yes" }, [])).hint).toBe(
      "Write true instead.",
    );
  });

  it("reads a blank --fact value as unknown, overriding the file", () => {
    expect(buildFactSet(facts, { age: 3, platform: "x" }, ["age=", "Platform= "])).toEqual({});
  });
});

describe("parseFactArg", () => {
  it("splits at the first =", () => {
    expect(parseFactArg(" explicit consent = yes")).toEqual(["explicit consent", "yes"]);
    expect(failure(() => parseFactArg("age")).message).toBe("--fact needs name=value, not 'age'.");
    expect(failure(() => parseFactArg("=3")).message).toContain("name=value");
  });
});

describe("examples in messages", () => {
  it("name the policy's first list fact and first yes/no fact", () => {
    expect(failure(() => parseFactArg("age", facts)).hint).toBe(
      'Example: --fact "relationship=current service user" --fact "explicit consent=no"',
    );
    expect(failure(() => buildFactSet(facts, {}, ["platform"])).hint).toBe(
      'Example: --fact "relationship=current service user" --fact "explicit consent=no"',
    );
    expect(failure(() => parseFactsJson("{", "f.json", facts.slice(1))).hint).toBe(
      'A facts file is a JSON object of fact names and values, e.g. {"explicit consent": false}.',
    );
  });

  it("use another fact when the policy has no list or yes/no fact", () => {
    const [, , age, platform] = facts as [BundleFact, BundleFact, BundleFact, BundleFact];
    expect(exampleFacts([age, platform])).toEqual([["age", "1"]]);
    expect(failure(() => parseFactsJson("{", "f.json", [age])).hint).toContain('e.g. {"age": 1}.');
    expect(exampleFacts([platform])).toEqual([["platform", "some text"]]);
  });

  it("fall back to the generic example only without the policy's facts", () => {
    const generic = [
      ["other person", "current service user"],
      ["explicit permission to publish", false],
    ];
    expect(exampleFacts(undefined)).toEqual(generic);
    expect(exampleFacts([])).toEqual(generic);
    expect(failure(() => parseFactArg("age")).hint).toContain(
      '--fact "explicit permission to publish=no"',
    );
  });
});

describe("parseFactsJson", () => {
  it("reads an object, ignoring a byte order mark", () => {
    expect(parseFactsJson('\uFEFF{"age": 3}', "f.json")).toEqual({ age: 3 });
  });

  it("says where the JSON is broken, by line and column", () => {
    const error = failure(() =>
      parseFactsJson('{\n  "age": 3,\n  "platform" "x"\n}', "facts.json"),
    );
    expect(error.message).toBe("facts.json:3:14: not valid JSON: expected ':' after the name.");
    expect(error.exitCode).toBe(2);
  });

  it("wants an object", () => {
    expect(failure(() => parseFactsJson("[1]", "f.json")).message).toContain("not a list");
    expect(failure(() => parseFactsJson("3", "f.json")).message).toContain("not 3");
  });
});

describe("readAnswer", () => {
  const [choice, yesNo, number, text] = facts as [BundleFact, BundleFact, BundleFact, BundleFact];

  it("reads choices by number or by value", () => {
    expect(readAnswer(choice, "2")).toEqual({ ok: true, value: "colleague" });
    expect(readAnswer(choice, " Colleague ")).toEqual({ ok: true, value: "colleague" });
    expect(readAnswer(choice, "3")).toMatchObject({ ok: false });
    expect(readAnswer(choice, "coleague")).toEqual({
      ok: false,
      message: "Answer with a number from 1 to 2 (did you mean 'colleague'?)",
    });
  });

  it("reads y/n, numbers and text, and re-asks on an empty answer", () => {
    expect(readAnswer(yesNo, "Y")).toEqual({ ok: true, value: true });
    expect(readAnswer(yesNo, "no")).toEqual({ ok: true, value: false });
    expect(readAnswer(yesNo, "maybe")).toMatchObject({ ok: false });
    expect(readAnswer(number, "12.5")).toEqual({ ok: true, value: 12.5 });
    expect(readAnswer(number, "twelve")).toMatchObject({ ok: false });
    expect(readAnswer(text, " TikTok ")).toEqual({ ok: true, value: "TikTok" });
    expect(readAnswer(text, "  ")).toMatchObject({ ok: false });
  });
});
