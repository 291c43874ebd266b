/**
 * Service benchmark (`pnpm bench`): `precept serve`'s decisions over HTTP on 127.0.0.1, measured
 * with autocannon at 50 and 200 connections (throughput and latency percentiles), against
 * in-process `decide` and `decideSync` on the same fact sets in the same run. The server is
 * `precept serve` in its own process, logging at `warn` (the figures are the service's own cost,
 * not a log sink's); autocannon shares the machine's cores with it.
 */
import { spawn } from "node:child_process";
import type { BundleFact } from "@precept/runtime";
import autocannon from "autocannon";
import { bundleOf, deciderOf, factValue, seeded } from "../support/policy-files.js";

const POLICY = new URL("../../rules/bps-e-professionalism/policy.precept", import.meta.url)
  .pathname;
const SECONDS = 5;
const CLI = new URL("../../packages/cli/src/main.ts", import.meta.url).pathname;
const SERVE = ["--conditions=source", "--import", import.meta.resolve("tsx"), CLI];

/** Fact sets with every fact known, deterministic. */
function factSets(facts: readonly BundleFact[], count: number): Record<string, unknown>[] {
  const random = seeded(7);
  return Array.from({ length: count }, () =>
    Object.fromEntries(facts.map((f) => [f.name, factValue(f, random)])),
  );
}

async function perSecond(
  fn: (f: Record<string, unknown>) => unknown,
  sets: Record<string, unknown>[],
  ms: number,
) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 100; i++, n++) await fn(sets[n % sets.length]!);
  }
  return (n / (performance.now() - start)) * 1000;
}

export async function run(): Promise<void> {
  const bundle = bundleOf(POLICY);
  const decider = deciderOf(bundle);
  const sets = factSets(bundle.facts, 64);

  await perSecond((f) => decider.decide(f), sets, 500);
  const decide = await perSecond((f) => decider.decide(f), sets, 2000);
  const decideSync = await perSecond((f) => decider.decideSync(f), sets, 2000);

  // The server in its own process, as deployed: autocannon must not share its event loop.
  const server = spawn(
    process.execPath,
    [...SERVE, "serve", POLICY, "--port", "0", "--log-level", "warn", "--no-watch"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let stderr = "";
    server.stderr.on("data", (d) => {
      stderr += d;
      const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    server.once("exit", () => reject(new Error(`precept serve exited: ${stderr}`)));
  });
  const url = `${base}/v1/policies/bps-e-professionalism/decisions`;
  const requests = sets.map((facts) => ({
    method: "POST" as const,
    path: new URL(url).pathname,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ facts }),
  }));
  const rows: string[] = [];
  try {
    // Warm-up, then the measured runs.
    await autocannon({ url, connections: 10, duration: 1, requests });
    for (const connections of [50, 200]) {
      const r = await autocannon({ url, connections, duration: SECONDS, requests });
      const errors = r.errors + r.timeouts + r.non2xx;
      rows.push(
        `| HTTP, ${connections} connections | ${Math.round(r.requests.average).toLocaleString("en-GB")} | ${r.latency.p50} | ${r.latency.p99} | ${errors} |`,
      );
    }
  } finally {
    server.kill("SIGTERM");
  }
  console.log(
    `\nDecision service (BPS pack, every fact known, ${SECONDS} s per run, 127.0.0.1, precept serve in its own process, logging at warn):\n`,
  );
  console.log("| way | decisions/s | p50 ms | p99 ms | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  console.log(`| in-process decide() | ${Math.round(decide).toLocaleString("en-GB")} | | | |`);
  console.log(
    `| in-process decideSync() | ${Math.round(decideSync).toLocaleString("en-GB")} | | | |`,
  );
  for (const row of rows) console.log(row);
}
