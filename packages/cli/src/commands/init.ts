import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedArgs } from "../args.js";
import { stringOption } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../errors.js";
import { FileHost, fileError, toUri } from "../files.js";
import { type Io, paint } from "../io.js";
import { loadLanguage } from "../language.js";
import { printDiagnostics } from "../policy.js";
import { exampleFacts, starterPolicy } from "../starter.js";

/** The BPS baseline bundled with this repository (packages/cli/{src,dist}/commands → rules/). */
export const BPS_BASELINE = fileURLToPath(
  new URL("../../../../rules/bps-e-professionalism/policy.precept", import.meta.url),
);

const DEFAULT_TITLE = "Our local social media policy";

/** The layer's title from --title: one line of text, not empty (it becomes `policy "…"`). */
export function layerTitle(given: string | undefined): string {
  if (given === undefined) return DEFAULT_TITLE;
  const title = given.trim();
  if (title === "") {
    throw new UsageError(
      "The title cannot be empty.",
      `Give one, e.g. --title "Northfield Trust social media policy", or leave --title out for "${DEFAULT_TITLE}".`,
    );
  }
  if (/[\r\n]/.test(title)) throw new UsageError("The title must be one line.");
  return title;
}

/** Why the baseline is missing. Outside the repository the BPS pack is not there to be found. */
export function missingBaseline(baselineArg: string | undefined): CliError {
  if (baselineArg !== undefined) {
    return new CliError(
      `The baseline ${baselineArg} does not exist.`,
      EXIT_USAGE,
      "Check the path given to --baseline.",
    );
  }
  return new CliError(
    "The BPS baseline is not shipped with the precept command: it comes with the Precept repository (rules/bps-e-professionalism/policy.precept).",
    EXIT_USAGE,
    "Name it with --baseline <path to the BPS policy.precept>, or any other policy to extend.",
  );
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const title = layerTitle(stringOption(args.values, "title"));
  const dir = path.resolve(io.cwd, args.positionals[0]!);
  const target = path.join(dir, "policy.precept");
  const shown = toUri(io.cwd, target);
  const baselineArg = stringOption(args.values, "baseline");
  if (baselineArg?.trim() === "") throw new UsageError("--baseline needs the path of a policy.");
  const baseline = baselineArg ? path.resolve(io.cwd, baselineArg) : BPS_BASELINE;
  if (!existsSync(baseline)) throw missingBaseline(baselineArg);
  if (existsSync(target)) {
    throw new CliError(
      `${shown} already exists; precept init never overwrites a policy.`,
      EXIT_USAGE,
      "Choose another folder.",
    );
  }
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    }
    mkdirSync(dir, { recursive: true });
    const relative = path.relative(dir, baseline).split(path.sep).join("/");
    writeFileSync(
      target,
      starterPolicy({
        title,
        baseline: relative,
        year: new Date().getFullYear(),
        bps: baselineArg === undefined,
      }),
      {
        flag: "wx",
      },
    );
  } catch (error) {
    throw fileError(error, args.positionals[0]!);
  }

  // The starter must check cleanly on the baseline it found; say so at once if it does not.
  const host = new FileHost(io.cwd);
  const { analyze } = await loadLanguage();
  const analysis = analyze(shown, host);
  const p = paint(io.colour);
  if (!analysis.policy) {
    printDiagnostics(
      io,
      analysis.diagnostics.filter((d) => d.severity === "error"),
      host,
    );
    throw new CliError(
      `Wrote ${shown}, but it does not check cleanly against its baseline.`,
      EXIT_FINDINGS,
    );
  }
  const dirShown = toUri(io.cwd, dir);
  io.stdout(
    [
      `${p("green", "✓")} Created ${shown}: a local layer on ${toUri(io.cwd, baseline)}.`,
      "",
      "Next:",
      `  precept check ${dirShown}`,
      `  precept test ${dirShown}`,
      `  precept explain ${shown} ${exampleFacts(baselineArg === undefined)}`,
      "",
      "docs/tutorial.md walks through adding your own facts, rules and scenarios.",
      "",
    ].join("\n"),
  );
  return EXIT_OK;
}
