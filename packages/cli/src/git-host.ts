/**
 * A policy as it was at a git revision: `precept diff HEAD~1:rules/x/policy.precept …`. Every file
 * the policy reads (its baselines too) is read at the same revision with `git show`, so an old
 * layer is compared with the baseline it extended then. Baseline packages resolve as on disk now.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { CliError, EXIT_USAGE } from "./errors.js";
import { FileHost, toPath } from "./files.js";

const MAX_FILE = 16 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: MAX_FILE,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}

/** `REV:path` when `arg` names a git revision and a path (and is not a file on disk). */
export function revisionOf(cwd: string, arg: string): { rev: string; file: string } | undefined {
  const colon = arg.indexOf(":");
  if (colon <= 0 || existsSync(path.resolve(cwd, arg))) return undefined;
  const rev = arg.slice(0, colon);
  const file = arg.slice(colon + 1);
  if (file === "" || rev.startsWith("-")) return undefined;
  if (git(cwd, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]) === undefined) {
    throw new CliError(
      `${rev} is not a git revision here (in ${arg}).`,
      EXIT_USAGE,
      "Write REVISION:PATH, e.g. HEAD~1:rules/my-layer/policy.precept, inside a git checkout.",
    );
  }
  return { rev, file };
}

/** Reads files at `rev` (same uris as on disk), falling back to nothing for files not in it. */
export class GitHost extends FileHost {
  private readonly top: string;

  constructor(
    private readonly dir: string,
    private readonly rev: string,
  ) {
    super(dir);
    this.top = (git(dir, ["rev-parse", "--show-toplevel"]) ?? dir).trim();
  }

  override readFile(uri: string): string | undefined {
    const cached = this.texts.get(uri);
    if (cached !== undefined) return cached;
    const inRepo = path.relative(this.top, toPath(this.dir, uri)).split(path.sep).join("/");
    if (inRepo.startsWith("..")) return undefined;
    const text = git(this.top, ["show", `${this.rev}:${inRepo}`]);
    if (text !== undefined) this.texts.set(uri, text);
    return text;
  }
}
