import { describe, expect, it } from "vitest";
import { type CommandSpec, helpText, listOption, parseCommandArgs, stringOption } from "./args.js";
import { UsageError } from "./errors.js";
import { paint } from "./io.js";

const spec: CommandSpec = {
  name: "explain",
  summary: "s",
  args: "<policy>",
  description: "Explains.",
  options: {
    json: { type: "boolean", description: "JSON." },
    output: { type: "string", short: "o", value: "FILE", description: "Where." },
    fact: { type: "string", multiple: true, value: "NAME=VALUE", description: "One fact." },
  },
  minPositionals: 1,
  maxPositionals: 1,
  examples: ["precept explain p.precept --json"],
};

const usage = (argv: string[]): UsageError => {
  try {
    parseCommandArgs(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a usage error");
};

describe("parseCommandArgs", () => {
  it("reads options, repeated options and positionals", () => {
    const parsed = parseCommandArgs(spec, [
      "p.precept",
      "--json",
      "-o",
      "out.json",
      "--fact",
      "a=1",
      "--fact",
      "b=2",
    ]);
    expect(parsed.positionals).toEqual(["p.precept"]);
    expect(parsed.values.json).toBe(true);
    expect(stringOption(parsed.values, "output")).toBe("out.json");
    expect(listOption(parsed.values, "fact")).toEqual(["a=1", "b=2"]);
    expect(parsed.help).toBe(false);
  });

  it("suggests the option meant", () => {
    const error = usage(["p.precept", "--jsn"]);
    expect(error.message).toBe("Unknown option --jsn for precept explain.");
    expect(error.misspelling?.word).toBe("jsn");
    expect(error.misspelling?.candidates).toEqual(["json", "output", "fact", "help"]);
    expect(error.misspelling?.hint("json")).toBe("Did you mean --json?");
    expect(error.exitCode).toBe(2);
  });

  it("says which option needs a value, and which takes none", () => {
    expect(usage(["p.precept", "--output"]).message).toBe(
      "The option --output needs a value (FILE).",
    );
    expect(usage(["p.precept", "--json=yes"]).message).toBe("The option --json takes no value.");
  });

  it("counts positionals, except for --help", () => {
    expect(usage([]).message).toBe("precept explain needs <policy>.");
    expect(usage(["a", "b"]).message).toContain("unexpected: b");
    expect(parseCommandArgs(spec, ["--help"]).help).toBe(true);
    expect(parseCommandArgs(spec, ["-h"]).help).toBe(true);
  });
});

describe("helpText", () => {
  it("lists usage, every option with its value, and the examples", () => {
    const text = helpText(spec, paint(false));
    expect(text).toContain("Usage: precept explain <policy> [options]");
    expect(text).toMatch(/-o, --output FILE\s+Where\./);
    expect(text).toMatch(/--fact NAME=VALUE\s+One fact\. Repeatable\./);
    expect(text).toMatch(/-h, --help\s+Show this help\./);
    expect(text).toContain("  precept explain p.precept --json");
  });
});
