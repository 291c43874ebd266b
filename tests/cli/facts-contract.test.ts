/**
 * One facts contract: the CLI reads a facts file exactly as the runtime's `decide` does (`json`
 * mode) and `--fact` pairs exactly as `readFacts` in `form` mode — it accepts what the runtime
 * accepts, refuses what it refuses, and decides the same. Runs the CLI in-process (`run`).
 */
import { PassThrough } from "node:stream";
import { compile } from "@precept/compiler";
import { analyze, memoryHost } from "@precept/language";
import { type Decider, formKey, loadBundle, readFacts } from "@precept/runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../packages/cli/src/cli.js";
import type { Io } from "../../packages/cli/src/io.js";
import { BASE, Fixtures } from "./helpers.js";

const POLICY = `${BASE}fact platform: text\nrule 9: platform is "TikTok" → caution\n`;

async function cli(args: readonly string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    colour: false,
    colourErr: false,
    interactive: false,
    cwd,
    env: {},
    stdin: new PassThrough(),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe("the CLI and the runtime read facts alike", () => {
  let fx: Fixtures;
  let decider: Decider;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("policy.precept", POLICY);
    const a = analyze("p.precept", memoryHost({ "p.precept": POLICY }), { unusedWarnings: false });
    const loaded = loadBundle(compile(a.policy!));
    if (!loaded.ok) throw new Error(loaded.errors.join());
    decider = loaded.decider;
  });
  afterAll(() => fx.remove());

  const names = ["relationship", "public", "age", "platform", "Age", "PUBLIC", "colour"];
  const jsonValues = fc.constantFrom<unknown>(
    null,
    true,
    false,
    17,
    2.5,
    "6",
    "yes",
    "no",
    "",
    "client",
    "Client",
    "TikTok",
    [1],
    {},
  );

  it("--facts FILE: exit 0 exactly when decide accepts the JSON, with the same decision (property)", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), jsonValues), async (facts) => {
        const file = fx.write(`facts-${n++}.json`, JSON.stringify(facts));
        const r = await cli(["explain", "policy.precept", "--facts", file, "--json"], fx.dir);
        const read = readFacts(decider.bundle.facts, facts);
        expect({ code: r.code, facts }).toEqual({ code: read.ok ? 0 : 2, facts });
        if (read.ok) expect(JSON.parse(r.stdout)).toEqual(await decider.decide(facts));
        else expect(r.stderr).toContain(read.errors[0]!.message);
      }),
      { numRuns: 60 },
    );
  });

  const textValues = fc.constantFrom(
    "6",
    " 2.5 ",
    "six",
    "yes",
    "N",
    "maybe",
    "",
    "client",
    "FRIEND",
    "frend",
    "TikTok",
    "a=b",
  );
  const pairs = fc.uniqueArray(fc.tuple(fc.constantFrom(...names), textValues), {
    selector: ([name]) => formKey(name),
    maxLength: 5,
  });

  it("--fact NAME=VALUE: exit 0 exactly when readFacts accepts it as form input (property)", async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async (given) => {
        const args = given.flatMap(([name, value]) => ["--fact", `${name}=${value}`]);
        const r = await cli(["explain", "policy.precept", ...args, "--json"], fx.dir);
        const read = readFacts(decider.bundle.facts, Object.fromEntries(given), { mode: "form" });
        expect({ code: r.code, given }).toEqual({ code: read.ok ? 0 : 2, given });
        if (read.ok) expect(JSON.parse(r.stdout)).toEqual(await decider.decide(read.facts));
      }),
      { numRuns: 60 },
    );
  });
});
