/**
 * Checking hostile shapes (`pnpm bench`): for each shape of tests/support/hostile.ts, `analyze` of
 * texts of 256 KB and 1,000 KB, just under the 1 MiB a file may be (PRECEPT_BENCH_SIZES for
 * others), median of three runs, and the CPU time of one run at the largest size. Linear cost
 * shows as a ratio near 4 between the two (quadratic would be near 16);
 * the baseline, measured in the same run, is a regex scan of the same text's words.
 */
import { analyze, memoryHost } from "@precept/language";
import { HOSTILE_SHAPES, type HostileShape } from "../support/hostile.js";

const SIZES = (process.env.PRECEPT_BENCH_SIZES ?? "262144,1024000").split(",").map(Number);

function median(fn: () => unknown, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en-GB")} KB`;
const ms = (t: number) => (t < 100 ? t.toFixed(1) : t.toFixed(0));

export async function run(): Promise<void> {
  console.log("\n## Checking hostile shapes\n");
  console.log(
    `analyze, milliseconds (median of 3); ratio = time at ${kb(SIZES.at(-1)!)} ÷ time at ${kb(SIZES[0]!)} (size ratio ${(SIZES.at(-1)! / SIZES[0]!).toFixed(0)}); scan = regex word scan of the largest text.\n`,
  );
  console.log(
    `| shape | ${SIZES.map(kb).join(" | ")} | ratio | ms per MB | CPU ms at ${kb(SIZES.at(-1)!)} | scan | diagnostics |`,
  );
  console.log(
    `| --- | ${SIZES.map(() => "---:").join(" | ")} | ---: | ---: | ---: | ---: | ---: |`,
  );
  for (const shape of Object.keys(HOSTILE_SHAPES) as HostileShape[]) {
    const times: number[] = [];
    let diagnostics = 0;
    let scan = 0;
    let cpu = 0;
    for (const size of SIZES) {
      const text = HOSTILE_SHAPES[shape](size);
      const host = memoryHost({ "bench.precept": text });
      diagnostics = analyze("bench.precept", host).diagnostics.length;
      times.push(median(() => analyze("bench.precept", host)));
      scan = median(() => text.match(/[^\s"#]+|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g));
      // CPU time, unlike wall time, does not count other jobs on a shared machine.
      const before = process.cpuUsage();
      analyze("bench.precept", host);
      const used = process.cpuUsage(before);
      cpu = (used.user + used.system) / 1000;
    }
    const last = times.at(-1)!;
    const perMb = (last / SIZES.at(-1)!) * 1024 * 1024;
    console.log(
      `| ${shape} | ${times.map(ms).join(" | ")} | ${(last / times[0]!).toFixed(1)} | ${ms(perMb)} | ${ms(cpu)} | ${ms(scan)} | ${diagnostics.toLocaleString("en-GB")} |`,
    );
  }
}
