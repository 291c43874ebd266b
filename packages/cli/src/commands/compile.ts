import { statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { ParsedArgs } from "../args.js";
import { stringOption } from "../args.js";
import { compileLoaded } from "../compiled.js";
import { EXIT_OK } from "../errors.js";
import { fileError } from "../files.js";
import { type Io, paint } from "../io.js";
import { loadPolicy } from "../policy.js";
import { plural } from "../report.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const output = stringOption(args.values, "output");
  // A wrong output path is found before the work of compiling, not after.
  if (output !== undefined) checkOutputFolder(io.cwd, output);
  const loaded = await loadPolicy(io, args.positionals[0]!, "it was not compiled");
  const bundle = compileLoaded(loaded);
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  if (output === undefined) {
    io.stdout(json);
    return EXIT_OK;
  }
  try {
    writeFileSync(path.resolve(io.cwd, output), json);
  } catch (error) {
    throw fileError(error, output);
  }
  const p = paint(io.colour);
  io.stdout(
    `${p("green", "✓")} Wrote ${output}: ${plural(bundle.rules.filter((r) => r.event.params.kind === "rule").length, "rule")}, ${plural(bundle.facts.length, "fact")}, ${plural(bundle.scenarios.length, "scenario")} (${bundle.hash}).\n`,
  );
  return EXIT_OK;
}

function checkOutputFolder(cwd: string, output: string): void {
  const folder = path.dirname(path.resolve(cwd, output));
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
  } catch (error) {
    throw fileError(error, path.dirname(output));
  }
}
