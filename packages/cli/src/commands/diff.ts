import * as path from "node:path";
import type { ParsedArgs } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../errors.js";
import { FileHost, readUserFile, toUri } from "../files.js";
import { GitHost, revisionOf } from "../git-host.js";
import { type Io, paint } from "../io.js";
import { loadProject } from "../language.js";
import { fileWorkspace, loadPolicy, printDiagnostics } from "../policy.js";
import { plural } from "../report.js";
import { asOfOption, asOfText, findingJson, findingText } from "./findings-text.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [oldFile, newFile] = args.positionals as [string, string];
  const given = asOfOption(args.values);
  const [{ diffPolicies, datesIn, inForceChanges }, { today }] = await Promise.all([
    loadProject(),
    import("@precept/runtime"),
  ]);
  const asOf = given ?? today();
  const host = new FileHost(io.cwd);
  const before = await version(io, oldFile, host, asOf);
  const after = await version(io, newFile, host, asOf);
  const dated = datesIn(before.policy) !== undefined || datesIn(after.policy) !== undefined;
  const changes = [
    ...new Set([...inForceChanges(before.policy), ...inForceChanges(after.policy)]),
  ].sort();
  if (
    after.policy.facts.some((f) => {
      const old = before.policy.facts.find((o) => o.name === f.name);
      return (
        old !== undefined && (old.type.kind === "choice" ? "choice" : old.type.kind) !== f.type.kind
      );
    })
  ) {
    throw new CliError(
      "A fact has a different type in the two versions; the versions cannot be compared situation by situation.",
      EXIT_FINDINGS,
    );
  }
  const findings = diffPolicies(before.policy, after.policy, { asOf });
  if (args.values.json === true) {
    io.stdout(
      `${JSON.stringify(
        {
          old: before.uri,
          new: after.uri,
          ...(dated ? { asOf, inForceChanges: changes } : {}),
          changes: findings.map(findingJson),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  const p = paint(io.colour);
  const when = dated ? `${asOfText(asOf, given !== undefined, changes)}\n` : "";
  if (findings.length === 0) {
    io.stdout(
      `${p("green", "✓")} ${before.uri} and ${after.uri} decide every situation alike${dated ? ` as of ${asOf}` : ""}.\n${when}`,
    );
    return EXIT_OK;
  }
  for (const f of findings) io.stdout(`${findingText(f, host.texts, p)}\n\n`);
  const stricter = findings.filter((f) => f.code === "impact-stronger").length;
  io.stdout(
    `${plural(findings.length, "changed region")} from ${before.uri} to ${after.uri}: ${stricter} stricter, ${findings.length - stricter} looser.\n${when}`,
  );
  return EXIT_OK;
}

/**
 * A version: a file on disk, a compiled bundle (`.json`), or `REV:path` — the file and its
 * baselines at a git revision.
 */
async function version(io: Io, arg: string, host: FileHost, asOf: string) {
  const action = "the versions were not compared";
  if (path.extname(arg).toLowerCase() === ".json") return bundleVersion(io, arg, action, asOf);
  const at = revisionOf(io.cwd, arg);
  if (!at) return loadPolicy(io, arg, action, host);
  const gitHost = new GitHost(io.cwd, at.rev);
  const uri = toUri(io.cwd, at.file);
  if (gitHost.readFile(uri) === undefined) {
    throw new CliError(`${at.file} is not in revision ${at.rev}.`, EXIT_USAGE);
  }
  const build = (await fileWorkspace(io, gitHost)).build(uri);
  if (!build.policy) {
    printDiagnostics(io, build.errors, gitHost);
    throw new CliError(`${arg} has errors; ${action}.`, EXIT_FINDINGS);
  }
  for (const [u, t] of gitHost.texts) if (!host.texts.has(u)) host.texts.set(u, t);
  return { uri: arg, policy: build.policy };
}

/** A compiled bundle: checked (shape, limits, hash) before anything is read from it. */
async function bundleVersion(io: Io, arg: string, action: string, asOf: string) {
  const text = readUserFile(io.cwd, arg);
  const [{ checkBundle }, { policyOfBundle }] = await Promise.all([
    import("@precept/runtime"),
    loadProject(),
  ]);
  const checked = checkBundle(text);
  if (!checked.ok) {
    for (const e of checked.errors) io.stderr(`${arg}: ${e}\n`);
    throw new CliError(`${arg} is not a valid bundle; ${action}.`, EXIT_FINDINGS);
  }
  return { uri: arg, policy: policyOfBundle(checked.bundle, arg, asOf) };
}
