/**
 * Loading a policy for the commands that need a checked one (compile, test, explain): analyze and
 * build it through the project workspace over the file system, and stop with its diagnostics when
 * it has errors.
 */

import { statSync } from "node:fs";
import type { Diagnostic, PolicyModel } from "@precept/language";
import type { Build, Workspace } from "@precept/project";
import type { Bundle, Decider } from "@precept/runtime";
import { CliError, EXIT_FINDINGS } from "./errors.js";
import { FileHost, fileError, policyFile, toPath, toUri } from "./files.js";
import { type Io, invoked, paint } from "./io.js";
import { loadProject } from "./language.js";
import { count, formatDiagnostic, plural, reportOrder } from "./report.js";

export interface LoadedPolicy {
  readonly uri: string;
  readonly build: Build;
  readonly policy: PolicyModel;
  readonly host: FileHost;
  readonly workspace: Workspace;
}

export interface BuiltPolicy extends LoadedPolicy {
  readonly bundle: Bundle;
  readonly decider: Decider;
}

/** A workspace over the files under the working directory. */
export async function fileWorkspace(io: Io, host = new FileHost(io.cwd)): Promise<Workspace> {
  const { Workspace } = await loadProject();
  return new Workspace(host);
}

/** Builds one file as far as it goes (analysis, bundle, decider). The file must exist. */
export async function buildFile(io: Io, given: string, host = new FileHost(io.cwd)) {
  const file = policyFile(io.cwd, given);
  const uri = toUri(io.cwd, file);
  try {
    if (statSync(toPath(io.cwd, uri)).isDirectory()) {
      throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    }
  } catch (error) {
    throw fileError(error, file);
  }
  if (host.readFile(uri) === undefined) throw fileError(new Error("unreadable"), file);
  const workspace = await fileWorkspace(io, host);
  return { uri, host, workspace, build: workspace.build(uri) };
}

/** Prints diagnostics as text on stderr, in report order (as `precept check` prints them). */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], host: FileHost): void {
  const p = paint(io.colourErr);
  for (const d of reportOrder(diagnostics)) io.stderr(`${formatDiagnostic(d, host.texts, p)}\n\n`);
}

/** A checked policy, or a CliError (exit 1) after printing its errors. Warnings are not shown. */
export async function loadPolicy(
  io: Io,
  file: string,
  action: string,
  fileHost = new FileHost(io.cwd),
): Promise<LoadedPolicy> {
  const { uri, host, workspace, build } = await buildFile(io, file, fileHost);
  if (!build.policy) {
    printDiagnostics(io, build.errors, host);
    throw new CliError(
      `${uri} has ${plural(count(build.errors).errors, "error")}; ${action}.`,
      EXIT_FINDINGS,
      `Fix them and run \`${invoked(io)} check ${uri}\`.`,
    );
  }
  return { uri, build, policy: build.policy, host, workspace };
}

/** A checked policy compiled and loaded, or a CliError (exit 1) saying why not. */
export async function loadBuiltPolicy(io: Io, file: string, action: string): Promise<BuiltPolicy> {
  const loaded = await loadPolicy(io, file, action);
  const { bundle, decider, problem } = loaded.build;
  if (!bundle || !decider)
    throw new CliError(problem ?? `${loaded.uri}: ${action}.`, EXIT_FINDINGS);
  return { ...loaded, bundle, decider };
}
