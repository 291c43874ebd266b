import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { ParsedArgs } from "../args.js";
import { stringOption } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../errors.js";
import { FileHost, fileError, POLICY_FILE, toUri } from "../files.js";
import { type Io, invoked, paint } from "../io.js";
import { loadLanguage } from "../language.js";
import { BPS_PACKAGE, findPackage, packageVersion } from "../node-modules.js";
import { printDiagnostics } from "../policy.js";
import { exampleFacts, starterPolicy } from "../starter.js";

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

/** Why the baseline is missing. */
export function missingBaseline(baselineArg: string | undefined): CliError {
  if (baselineArg !== undefined) {
    return new CliError(
      `The baseline ${baselineArg} does not exist.`,
      EXIT_USAGE,
      "Check the path given to --baseline.",
    );
  }
  return new CliError(
    `The BPS baseline package ${BPS_PACKAGE} is not installed (it comes with @precept/cli).`,
    EXIT_USAGE,
    `Install it next to your policy: npm install --save-dev ${BPS_PACKAGE}, or name another baseline with --baseline <path of a policy>.`,
  );
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const title = layerTitle(stringOption(args.values, "title"));
  const dir = path.resolve(io.cwd, args.positionals[0]!);
  const target = path.join(dir, POLICY_FILE);
  const shown = toUri(io.cwd, target);
  const baselineArg = stringOption(args.values, "baseline");
  if (baselineArg?.trim() === "") throw new UsageError("--baseline needs the path of a policy.");
  const baseline = baselineArg ? path.resolve(io.cwd, baselineArg) : undefined;
  if (baseline ? !existsSync(baseline) : !findPackage(dir, BPS_PACKAGE)) {
    throw missingBaseline(baselineArg);
  }
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
    // The BPS pack by package name (found in node_modules wherever the layer is); another
    // baseline by its path from the layer's folder.
    const extendsText = baseline
      ? path.relative(dir, baseline).split(path.sep).join("/")
      : BPS_PACKAGE;
    writeFileSync(
      target,
      starterPolicy({
        title,
        baseline: extendsText,
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
  const found = baseline ? undefined : findPackage(dir, BPS_PACKAGE);
  const version = found && packageVersion(found.folder);
  const on = baseline
    ? toUri(io.cwd, baseline)
    : `${BPS_PACKAGE}${version ? ` ${version}` : ""} (${toUri(io.cwd, found?.folder ?? dir)})`;
  // Found only as the command's own copy: say how to pin the baseline in the project itself.
  const pin = found?.withCommand
    ? [
        "",
        "The baseline is the copy that comes with the precept command. To pin its version in your project:",
        `  npm install --save-dev --save-exact ${BPS_PACKAGE}${version ? `@${version}` : ""}`,
      ]
    : [];
  io.stdout(
    [
      `${p("green", "✓")} Created ${shown}: a local layer on ${on}.`,
      ...pin,
      "",
      "Next:",
      `  ${invoked(io)} check ${dirShown}`,
      `  ${invoked(io)} test ${dirShown}`,
      `  ${invoked(io)} explain ${shown} ${exampleFacts(baselineArg === undefined)}`,
      "",
      "docs/tutorial.md walks through adding your own facts, rules and scenarios;",
      "docs/own-repository.md keeps the policy in your own repository with a pinned baseline.",
      "",
    ].join("\n"),
  );
  return EXIT_OK;
}
