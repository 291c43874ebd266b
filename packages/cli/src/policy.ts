/**
 * Loading a policy for the commands that need a checked one (compile, test, explain): analyze it
 * over the file system and stop with its diagnostics when it has errors.
 */

import { statSync } from "node:fs";
import type { Analysis, Diagnostic, PolicyModel } from "@precept/language";
import { CliError, EXIT_FINDINGS } from "./errors.js";
import { FileHost, fileError, toPath, toUri } from "./files.js";
import { type Io, invoked, paint } from "./io.js";
import { loadLanguage } from "./language.js";
import { count, formatDiagnostic, plural, reportOrder } from "./report.js";

export interface LoadedPolicy {
  readonly uri: string;
  readonly analysis: Analysis;
  readonly policy: PolicyModel;
  readonly host: FileHost;
}

/** Analyzes one file; `undefined` policy when it has errors. The file must exist. */
export async function analyzeFile(io: Io, file: string, host = new FileHost(io.cwd)) {
  const uri = toUri(io.cwd, file);
  try {
    if (statSync(toPath(io.cwd, uri)).isDirectory()) {
      throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    }
  } catch (error) {
    throw fileError(error, file);
  }
  if (host.readFile(uri) === undefined) throw fileError(new Error("unreadable"), file);
  const { analyze } = await loadLanguage();
  return { uri, host, analysis: analyze(uri, host) };
}

/** Prints diagnostics as text on stderr, in report order (as `precept check` prints them). */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], host: FileHost): void {
  const p = paint(io.colourErr);
  for (const d of reportOrder(diagnostics)) io.stderr(`${formatDiagnostic(d, host.texts, p)}\n\n`);
}

/** A checked policy, or a CliError (exit 1) after printing its errors. Warnings are not shown. */
export async function loadPolicy(io: Io, file: string, action: string): Promise<LoadedPolicy> {
  const { uri, host, analysis } = await analyzeFile(io, file);
  if (!analysis.policy) {
    const errors = analysis.diagnostics.filter((d) => d.severity === "error");
    printDiagnostics(io, errors, host);
    throw new CliError(
      `${uri} has ${plural(count(errors).errors, "error")}; ${action}.`,
      EXIT_FINDINGS,
      `Fix them and run \`${invoked(io)} check ${uri}\`.`,
    );
  }
  return { uri, analysis, policy: analysis.policy, host };
}
