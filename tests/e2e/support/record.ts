/** Keeps figures measured in the browser as a test artifact (test-results/performance.json). */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./site.js";

export async function record(name: string, figures: Record<string, number>): Promise<void> {
  const file = join(ROOT, "test-results", "performance.json");
  await mkdir(join(ROOT, "test-results"), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch {
    // first figures
  }
  all[name] = { ...figures, at: new Date().toISOString() };
  await writeFile(file, `${JSON.stringify(all, null, 2)}\n`);
}
