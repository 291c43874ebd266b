// Writes docs/grammar/index.html (the railroad diagram of the grammar) and copies Chevrotain's
// diagram scripts beside it. Run with `pnpm diagram` after changing the grammar; a test checks
// that the committed page is up to date.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { grammarDiagramHtml } from "../src/diagram.js";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../../docs/grammar");
// The package root: its entry is lib/chevrotain.mjs (or similar) two levels down.
const entry = fileURLToPath(import.meta.resolve("chevrotain"));
const chevrotain = entry.slice(0, entry.lastIndexOf("/lib/"));
for (const file of [
  "diagrams.css",
  "vendor/railroad-diagrams.js",
  "src/diagrams_builder.js",
  "src/diagrams_behavior.js",
  "src/main.js",
]) {
  mkdirSync(dirname(join(out, "diagrams", file)), { recursive: true });
  copyFileSync(join(chevrotain, "diagrams", file), join(out, "diagrams", file));
}
writeFileSync(join(out, "index.html"), grammarDiagramHtml());
console.log(`wrote ${join(out, "index.html")}`);
