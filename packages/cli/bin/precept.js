#!/usr/bin/env node
// The `precept` command. In the repository (src/ is there) the TypeScript sources run through tsx
// with the `source` export condition, as `pnpm precept` does, so a stale dist/ is never run; the
// published package ships dist/ only and runs dist/main.js.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
if (!existsSync(main)) {
  await import(new URL("../dist/main.js", import.meta.url).href);
} else {
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
