/**
 * Decision benchmark (`pnpm bench`): decisions per second for a realistic 32-rule policy and for
 * generated policies of 300 and 3,000 rules, five ways, measured in one run so the ratios are fair:
 *   (a) json-rules-engine rules written by hand for the same logic, with lean params
 *   (a′) the same hand-written rules carrying the bundle's params (citations, advice, …)
 *   (b) the compiled bundle in plain json-rules-engine (highest `params.strength` wins)
 *   (c) `decider.decide()` — validation, json-rules-engine, explanation
 *   (d) the fast evaluator: `decider.outcome()`; (d′) `decider.decideSync()`, the full decision
 *       (its weaker applying rules and explanation made on demand); (d‴) the same with its
 *       `alsoApplies` read; (d″) with its explanation read
 *   (e) a JS function written by hand
 *   (f) the generated module (`precept compile --target js`): `outcomeTrusted`, the caller
 *       vouching for its facts; (f′) `outcome`, facts checked
 * and the time to compile 10,000 rules. Every way is checked against the others first.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { type Bundle, compile, generateModule } from "@precept/compiler";
import { analyze, memoryHost, type PolicyModel } from "@precept/language";
import { type Decider, loadBundle } from "@precept/runtime";
import {
  generateSpec,
  seeded,
  specFacts,
  specFunction,
  specRules,
  specText,
} from "./decide-generated.js";
import { decideByHand, handRules, realisticFacts } from "./decide-realistic.js";

interface Engine {
  run(
    facts: Record<string, unknown>,
  ): Promise<{ events: { type: string; params?: Record<string, unknown> }[] }>;
}
const require = createRequire(new URL("../../packages/runtime/package.json", import.meta.url));
const { Engine } = require("json-rules-engine") as {
  Engine: new (rules: readonly unknown[]) => Engine;
};

type Facts = Record<string, unknown>;

function policyOf(text: string): PolicyModel {
  const a = analyze("bench.precept", memoryHost({ "bench.precept": text }), {
    unusedWarnings: false,
    // The 10,000-rule policy is larger than a file may be; the benchmark measures it all the same.
    maxTextLength: 16 * 1024 * 1024,
  });
  if (!a.policy) throw new Error(a.diagnostics.map((d) => d.message).join("\n"));
  return a.policy;
}

function deciderOf(bundle: Bundle): Decider {
  const loaded = loadBundle(bundle);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.decider;
}

async function strongest(engine: Engine, facts: Facts, fallback: string): Promise<string> {
  const { events } = await engine.run(facts);
  let best: { type: string; strength: number } | undefined;
  for (const e of events) {
    const s = e.params?.strength as number;
    if (!best || s > best.strength) best = { type: e.type, strength: s };
  }
  return best?.type ?? fallback;
}

/** Decisions per second over one round: calls `fn` on the fact sets until `ms` have passed. */
async function round(
  fn: (f: Facts) => unknown,
  facts: readonly Facts[],
  ms: number,
): Promise<number> {
  const isAsync = fn(facts[0]!) instanceof Promise;
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms || n < 3) {
    // Batches keep the clock out of the fast loops.
    const batch = isAsync ? 1 : 1000;
    for (let i = 0; i < batch; i++, n++) {
      const r = fn(facts[n % facts.length]!);
      if (isAsync) await r;
    }
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

/**
 * Decisions per second for each way, measured in interleaved rounds after a warm-up round; each
 * way's best round counts, so that load from other processes (CI runners share cores) affects all
 * ways alike rather than whichever happened to run during a spike.
 */
async function rates<K extends string>(
  ways: Record<K, (f: Facts) => unknown>,
  facts: readonly Facts[],
  ms: number,
  rounds = 5,
): Promise<Record<K, number>> {
  const best = {} as Record<K, number>;
  const names = Object.keys(ways) as K[];
  for (const k of names) await round(ways[k], facts, ms / 4);
  for (let r = 0; r < rounds; r++) {
    for (const k of names) {
      const rate = await round(ways[k], facts, ms / rounds);
      best[k] = Math.max(best[k] ?? 0, rate);
    }
  }
  return best;
}

interface Row {
  readonly name: string;
  readonly rules: number;
  readonly a: number;
  readonly aFull: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly dFull: number;
  readonly dText: number;
  readonly dAlso: number;
  readonly e: number;
  readonly f: number;
  readonly fChecked: number;
}

interface PolicyModule {
  outcome(facts: Facts): string | undefined;
  outcomeTrusted(facts: Facts): string;
}

const folder = mkdtempSync(path.join(tmpdir(), "precept-bench-"));

/** The bundle's generated module, written to a file and imported as an embedder would. */
async function moduleOf(bundle: Bundle, name: string): Promise<PolicyModule> {
  const generated = generateModule(bundle);
  if (!generated.ok) throw new Error(generated.errors.join("\n"));
  const file = path.join(folder, `${name.replace(/\W+/g, "-")}.mjs`);
  writeFileSync(file, generated.js);
  return (await import(pathToFileURL(file).href)) as PolicyModule;
}

async function measure(
  name: string,
  text: string,
  hand: readonly unknown[],
  byHand: (f: Facts) => string,
  facts: readonly Facts[],
  ms: number,
): Promise<Row> {
  const bundle = compile(policyOf(text));
  const decider = deciderOf(bundle);
  const handEngine = new Engine(hand);
  // (a′): the hand-written conditions with the bundle's params, for a like-for-like comparison.
  const params = new Map(bundle.rules.map((r) => [r.name, r.event.params]));
  const handFull = (hand as { name: string; event: { type: string } }[]).map((r) => ({
    ...r,
    event: { type: r.event.type, params: params.get(r.name) },
  }));
  const handFullEngine = new Engine(handFull);
  const bundleEngine = new Engine(bundle.rules);
  const module = await moduleOf(bundle, name);
  // Every way must agree before any is timed.
  for (const f of facts.slice(0, 50)) {
    const expected = byHand(f);
    const got = {
      a: await strongest(handEngine, f, "no guidance"),
      aFull: await strongest(handFullEngine, f, "no guidance"),
      b: await strongest(bundleEngine, f, bundle.defaultOutcome),
      c: ((await decider.decide(f)) as { outcome: string }).outcome,
      d: decider.outcome(f),
      dFull: (decider.decideSync(f) as { outcome: string }).outcome,
      f: module.outcomeTrusted(f),
      fChecked: module.outcome(f),
    };
    for (const [k, v] of Object.entries(got)) {
      if (v !== expected)
        throw new Error(`${name}: (${k}) says ${v}, the hand-written function ${expected}`);
    }
  }
  const measured = await rates(
    {
      a: (f) => strongest(handEngine, f, "no guidance"),
      aFull: (f) => strongest(handFullEngine, f, "no guidance"),
      b: (f) => strongest(bundleEngine, f, bundle.defaultOutcome),
      c: (f) => decider.decide(f),
      d: (f) => decider.outcome(f),
      dFull: (f) => decider.decideSync(f),
      dAlso: (f) => (decider.decideSync(f) as { alsoApplies: unknown }).alsoApplies,
      dText: (f) => decider.decideSync(f).explanation,
      e: byHand,
      f: (f) => module.outcomeTrusted(f),
      fChecked: (f) => module.outcome(f),
    },
    facts,
    ms,
  );
  return { name, rules: bundle.rules.length, ...measured };
}

const fmt = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1);
const x = (n: number): string => (n >= 100 ? `${Math.round(n)}×` : `${n.toFixed(2)}×`);

export async function run(): Promise<void> {
  const ms = Number(process.env.BENCH_MS ?? 1500);
  const rows: Row[] = [];
  const realistic = readFileSync(new URL("./realistic.precept", import.meta.url), "utf8");
  rows.push(
    await measure(
      "realistic",
      realistic,
      handRules,
      decideByHand as (f: Facts) => string,
      realisticFacts(1000, seeded(1)) as unknown as Facts[],
      ms,
    ),
  );
  for (const size of [300, 3000]) {
    const spec = generateSpec(size, size);
    rows.push(
      await measure(
        `generated ${size}`,
        specText(spec),
        specRules(spec),
        specFunction(spec),
        specFacts(1000, 7),
        ms,
      ),
    );
  }

  console.log(
    "\n## Decisions (decisions per second; entries = json-rules-engine rules in the bundle)\n",
  );
  console.log(
    "| policy | entries | (a) hand JRE | (a′) hand JRE, bundle params | (b) bundle JRE | (c) decide | (d) outcome | (d′) decideSync | (e) hand JS |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rules} | ${fmt(r.a)} | ${fmt(r.aFull)} | ${fmt(r.b)} | ${fmt(r.c)} | ${fmt(r.d)} | ${fmt(r.dFull)} | ${fmt(r.e)} |`,
    );
  }
  console.log(
    "\n| policy | (b) ÷ (a) speed | (b) ÷ (a′) speed | (c) time ÷ (b) time | (d) ÷ (b) speed | (d) time ÷ (e) time | (d′) ÷ (b) speed |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${x(r.b / r.a)} | ${x(r.b / r.aFull)} | ${x(r.b / r.c)} | ${x(r.d / r.b)} | ${x(r.e / r.d)} | ${x(r.dFull / r.b)} |`,
    );
  }
  const [, g300, g3000] = rows;
  if (g300 && g3000) {
    console.log(
      `\nTime per decision from 300 to 3,000 rules: (a) ${x(g300.a / g3000.a)}, (b) ${x(g300.b / g3000.b)}, (c) ${x(g300.c / g3000.c)}, (d) ${x(g300.d / g3000.d)}, (d′) ${x(g300.dFull / g3000.dFull)}, (e) ${x(g300.e / g3000.e)}.`,
    );
  }

  console.log(
    "\n## The generated module and the full decision (time per decision, as a multiple)\n",
  );
  console.log(
    "| policy | (f) trusted module | (f′) checked module | (e) hand JS | (f) ÷ (e) | (f′) ÷ (e) | (d′) decideSync ÷ (d) outcome | (d‴) with alsoApplies read ÷ (d) | (d″) with its explanation ÷ (d) |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${fmt(r.f)} | ${fmt(r.fChecked)} | ${fmt(r.e)} | ${x(r.e / r.f)} | ${x(r.e / r.fChecked)} | ${x(r.d / r.dFull)} | ${x(r.d / r.dAlso)} | ${x(r.d / r.dText)} |`,
    );
  }
  const spec = generateSpec(10_000, 10_000);
  const text = specText(spec);
  const t0 = performance.now();
  const policy = policyOf(text);
  const t1 = performance.now();
  const bundle = compile(policy);
  const t2 = performance.now();
  deciderOf(bundle);
  const t3 = performance.now();
  rmSync(folder, { recursive: true, force: true });
  console.log(
    `\nCompiling 10,000 rules (${bundle.rules.length} entries): ${(t2 - t1).toFixed(0)} ms (analyze: ${(t1 - t0).toFixed(0)} ms, loadBundle: ${(t3 - t2).toFixed(0)} ms).`,
  );
}
