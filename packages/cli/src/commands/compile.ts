import { statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Bundle } from "@precept/runtime";
import type { ParsedArgs } from "../args.js";
import { stringOption } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { fileError, readUserFile } from "../files.js";
import { type Io, paint } from "../io.js";
import { loadBuiltPolicy } from "../policy.js";
import { plural } from "../report.js";

const TARGETS = ["bundle", "js"] as const;
/** Module names and the declaration file TypeScript looks for beside each. */
const DECLARATIONS: Readonly<Record<string, string>> = { ".js": ".d.ts", ".mjs": ".d.mts" };

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const output = stringOption(args.values, "output");
  const target = stringOption(args.values, "target") ?? "bundle";
  if (!(TARGETS as readonly string[]).includes(target)) {
    throw new UsageError(`--target must be bundle or js, not '${target}'.`);
  }
  const input = args.positionals[0]!;
  const fromBundle = path.extname(input).toLowerCase() === ".json";
  if (fromBundle && target === "bundle") {
    throw new UsageError(
      `${input} is already a bundle.`,
      "Use --target js to generate a JavaScript module from it.",
    );
  }
  if (target === "js" && output !== undefined && !DECLARATIONS[path.extname(output)]) {
    throw new UsageError(
      `--target js writes an ES module: give -o a file name ending in .js or .mjs, not '${output}'.`,
    );
  }
  // A wrong output path is found before the work of compiling, not after.
  if (output !== undefined) checkOutputFolder(io.cwd, output);
  const bundle: unknown = fromBundle
    ? readUserFile(io.cwd, input)
    : (await loadBuiltPolicy(io, input, "it was not compiled")).bundle;
  if (target === "js") return writeModule(io, input, bundle, output);

  const compiled = bundle as Bundle;
  const json = `${JSON.stringify(compiled, null, 2)}\n`;
  if (output === undefined) {
    io.stdout(json);
    return EXIT_OK;
  }
  write(output, io, json);
  const p = paint(io.colour);
  io.stdout(`${p("green", "✓")} Wrote ${output}: ${summary(compiled)}.\n`);
  return EXIT_OK;
}

async function writeModule(
  io: Io,
  input: string,
  bundle: unknown,
  output: string | undefined,
): Promise<number> {
  const { generateModule } = await import("@precept/compiler");
  const generated = generateModule(bundle);
  if (!generated.ok) {
    throw new CliError(
      `${input} is not a bundle this version of Precept can run:\n  - ${generated.errors.join("\n  - ")}`,
      EXIT_FINDINGS,
      "Compile the policy again with `precept compile`, or compile its .precept file directly.",
    );
  }
  if (output === undefined) {
    io.stdout(generated.js);
    return EXIT_OK;
  }
  const ext = path.extname(output);
  const types = `${output.slice(0, -ext.length)}${DECLARATIONS[ext]}`;
  write(output, io, generated.js);
  write(types, io, generated.dts);
  const p = paint(io.colour);
  io.stdout(`${p("green", "✓")} Wrote ${output} and ${types}: ${summary(generated.bundle)}.\n`);
  return EXIT_OK;
}

function summary(bundle: Bundle): string {
  const rules = bundle.rules.filter((r) => r.event.params.exception === null).length;
  return `${plural(rules, "rule")}, ${plural(bundle.facts.length, "fact")}, ${plural(bundle.scenarios.length, "scenario")} (${bundle.hash})`;
}

function write(file: string, io: Io, text: string): void {
  try {
    writeFileSync(path.resolve(io.cwd, file), text);
  } catch (error) {
    throw fileError(error, file);
  }
}

function checkOutputFolder(cwd: string, output: string): void {
  const folder = path.dirname(path.resolve(cwd, output));
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
  } catch (error) {
    throw fileError(error, path.dirname(output));
  }
}
