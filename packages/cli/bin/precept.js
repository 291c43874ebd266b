#!/usr/bin/env node
// The `precept` command. A built package runs dist/main.js; in the repository (no dist), the
// TypeScript sources run through tsx with the `source` export condition, as `pnpm precept` does.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/main.js", import.meta.url);
if (existsSync(fileURLToPath(dist))) {
  await import(dist.href);
} else {
  const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  const result = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", import.meta.resolve("tsx"), main, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  if (result.error) {
    process.stderr.write(`precept: cannot start: ${result.error.message}\n`);
    process.exit(70);
  }
  process.exit(result.status ?? (result.signal ? 128 : 1));
}
