/**
 * Parsing and checking benchmark (`pnpm bench`): parse, analyze (parse + check) and format of
 * (i) the realistic BPS policy, warm (median of many runs; the playground re-checks it on every
 * keystroke), and (ii) a generated policy of 10,000 rules.
 *
 * Each is measured twice: from source, as `pnpm bench` runs it under tsx, and compiled to plain
 * JavaScript, as the playground and the published package run it (tsx wraps every function it
 * creates in a naming helper, which slows Chevrotain's per-call grammar callbacks). Baselines in
 * the same run make the figures comparable across machines: JSON.parse of the same AST as JSON,
 * and a regex scan of the text's words (about the least any reader of the text must do).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as source from "@precept/language";
import fc from "fast-check";
import ts from "typescript";
import * as sourceFormat from "../../packages/language/src/format.js";
import { policyArbitrary } from "../support/generate.js";

const REALISTIC = ["rules/bps-e-professionalism/policy.precept", "tests/fixtures/sketch.precept"];
const root = new URL("../../", import.meta.url);
const GOALS = { realistic: 5, generated: 1000 };

type Language = Pick<typeof source, "parse" | "analyze" | "memoryHost"> &
  Pick<typeof sourceFormat, "format">;

/** @precept/language transpiled to plain JavaScript in a cache folder, then imported. */
async function compiled(): Promise<Language> {
  const out = new URL("packages/language/node_modules/.cache/precept-bench/", root);
  const copy = (from: URL, to: URL) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) copy(new URL(`${entry.name}/`, from), new URL(`${entry.name}/`, to));
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        const { outputText } = ts.transpileModule(readFileSync(new URL(entry.name, from), "utf8"), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        });
        writeFileSync(new URL(entry.name.replace(/\.ts$/, ".js"), to), outputText);
      }
    }
  };
  copy(new URL("packages/language/src/", root), out);
  // Inside node_modules a folder has no package scope of its own: say that these are modules.
  writeFileSync(new URL("package.json", out), '{ "type": "module" }\n');
  const index = (await import(new URL("index.js", out).href)) as typeof source;
  const format = (await import(new URL("format.js", out).href)) as typeof sourceFormat;
  return {
    parse: index.parse,
    analyze: index.analyze,
    memoryHost: index.memoryHost,
    format: format.format,
  };
}

/** Median and fastest wall time of `runs` calls, after `warmup` calls. */
function time(fn: () => unknown, runs: number, warmup: number): { median: number; min: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

const ms = (t: number) => (t < 10 ? t.toFixed(2) : t < 100 ? t.toFixed(1) : t.toFixed(0));
const x = (r: number) => `${r < 10 ? r.toFixed(1) : r.toFixed(0)}×`;

interface Policy {
  readonly name: string;
  readonly text: string;
  readonly runs: number;
  readonly warmup: number;
  readonly goal: number;
}

interface Row {
  readonly policy: Policy;
  readonly runtime: string;
  readonly parse: { median: number; min: number };
  readonly analyze: { median: number; min: number };
  readonly format: number;
  readonly json: number;
  readonly scan: number;
}

/** The 10,000-rule policy is larger than a file may be; the benchmark measures it all the same. */
const LARGE = { maxTextLength: 16 * 1024 * 1024 };

function measure(policy: Policy, runtime: string, language: Language): Row {
  const { text, runs, warmup } = policy;
  const host = language.memoryHost({ "bench.precept": text });
  const errors = language
    .analyze("bench.precept", host, LARGE)
    .diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new Error(`${policy.name}: ${errors.map((d) => d.message).join("\n")}`);
  const json = JSON.stringify(language.parse(text, LARGE).document);
  let formatted = false;
  // Formatting the large policy takes seconds: once is enough.
  const format = time(
    () => (formatted = language.format(text, LARGE).formatted),
    Math.ceil(runs / 4),
    Math.floor(warmup / 4),
  );
  if (!formatted) throw new Error(`${policy.name}: the formatter left it unchanged`);
  return {
    policy,
    runtime,
    parse: time(() => language.parse(text, LARGE), runs, warmup),
    analyze: time(() => language.analyze("bench.precept", host, LARGE), runs, warmup),
    format: format.median,
    json: time(() => JSON.parse(json), runs, warmup).median,
    scan: time(() => text.match(/[^\s"#]+|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g), runs, warmup).median,
  };
}

/** The 10,000-rule policy: tidy generated text, the same every run. */
function generated(): string {
  const arbitrary = policyArbitrary({
    rules: { min: 10_000, max: 10_000 },
    depth: 2,
    vary: false,
    // The same text as measured before several-valued facts existed, so figures compare.
    constructs: false,
  });
  return fc.sample(arbitrary, { numRuns: 1, seed: 2012 })[0]!.text;
}

function size(text: string): string {
  const rules = (text.match(/^\s*(?:rule|override rule)\b/gim) ?? []).length;
  return `${rules.toLocaleString("en-GB")} rules, ${(text.length / 1024).toFixed(0)} KB`;
}

export async function run(): Promise<void> {
  const path = REALISTIC.find((p) => existsSync(new URL(p, root))) ?? REALISTIC.at(-1)!;
  const policies: Policy[] = [
    {
      name: path,
      text: readFileSync(new URL(path, root), "utf8"),
      runs: 200,
      warmup: 50,
      goal: GOALS.realistic,
    },
    { name: "generated", text: generated(), runs: 5, warmup: 1, goal: GOALS.generated },
  ];
  const languages: [string, Language][] = [
    ["source (tsx)", { ...source, format: sourceFormat.format }],
    ["compiled JS", await compiled()],
  ];
  const rows = policies.flatMap((p) =>
    languages.map(([name, language]) => measure(p, name, language)),
  );

  console.log("\n## Parsing and checking\n");
  console.log(
    "Milliseconds: median, fastest in brackets; analyze = parse + check; goal on analyze.\n",
  );
  console.log(
    "| policy | size | runs as | parse | analyze | format | JSON.parse of its AST | regex word scan | goal |",
  );
  console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of rows) {
    const verdict = r.analyze.median <= r.policy.goal ? "met" : "missed";
    console.log(
      `| ${r.policy.name} | ${size(r.policy.text)} | ${r.runtime} | ${ms(r.parse.median)} (${ms(r.parse.min)}) | ${ms(r.analyze.median)} (${ms(r.analyze.min)}) | ${ms(r.format)} | ${ms(r.json)} | ${ms(r.scan)} | < ${r.policy.goal} ms: ${verdict} |`,
    );
  }
  console.log(
    "\n| policy | runs as | parse ÷ JSON.parse | parse ÷ scan | analyze ÷ parse | format ÷ parse |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const p = r.parse.median;
    console.log(
      `| ${r.policy.name} | ${r.runtime} | ${x(p / r.json)} | ${x(p / r.scan)} | ${x(r.analyze.median / p)} | ${x(r.format / p)} |`,
    );
  }
}
