/**
 * Files on disk: finding `.precept` files under the paths a user names, and the analysis host that
 * lets `analyze` read a policy and its baselines (by path, or installed packages by name). Uris are paths relative to the working directory
 * with `/` separators, so messages show the paths the user typed and baselines reached through
 * different layers get the same uri.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import type { AnalysisHost } from "@precept/language";
import { CliError, EXIT_USAGE } from "./errors.js";
import { findPackage } from "./node-modules.js";

export const EXTENSION = ".precept";
/** The file `precept init` writes in a layer's folder. */
export const POLICY_FILE = "policy.precept";

/** The uri for a path: relative to `cwd` when inside it, else absolute. */
export function toUri(cwd: string, file: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  // Outside the working directory, an absolute path reads better than a climb of `../`.
  const outside =
    relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return (outside ? absolute : relative === "" ? "." : relative).split(path.sep).join("/");
}

/** Where a uri is on disk. */
export function toPath(cwd: string, uri: string): string {
  return path.resolve(cwd, uri.split("/").join(path.sep));
}

/** A host over the file system that remembers every text it read (for code frames). */
export class FileHost implements AnalysisHost {
  readonly texts = new Map<string, string>();
  /** Baseline packages found only as the command's own copy. */
  readonly withCommand = new Set<string>();

  constructor(private readonly cwd: string) {}

  readFile(uri: string): string | undefined {
    const cached = this.texts.get(uri);
    if (cached !== undefined) return cached;
    try {
      const text = readFileSync(toPath(this.cwd, uri), "utf8");
      this.texts.set(uri, text);
      return text;
    } catch {
      return undefined;
    }
  }

  /**
   * A baseline package, looked up in `node_modules` folders from the extending file's folder up,
   * else the command's own copy (remembered in `withCommand`, for a hint to install and pin it).
   */
  resolvePackage(name: string, from: string): string | undefined {
    const found = findPackage(path.dirname(toPath(this.cwd, from)), name);
    if (found === undefined) return undefined;
    if (found.withCommand) this.withCommand.add(name);
    return toUri(this.cwd, found.folder);
  }
}

/**
 * Every `.precept` file named or found under the named directories (recursively, sorted, skipping
 * hidden directories and node_modules), as uris, each once. A path that does not exist or cannot
 * be read is a usage error naming it.
 */
export function collectPolicyFiles(cwd: string, inputs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrFail(absolute, input);
    if (stat.isDirectory()) {
      const before = found.size;
      walk(absolute, input, (file) => found.add(toUri(cwd, file)));
      if (found.size === before) {
        throw new CliError(
          `No ${EXTENSION} files in ${input}.`,
          EXIT_USAGE,
          "Name a policy file or a folder that contains some.",
        );
      }
    } else {
      found.add(toUri(cwd, absolute));
    }
  }
  return [...found];
}

function statOrFail(absolute: string, input: string) {
  try {
    return statSync(absolute);
  } catch (error) {
    throw fileError(error, input);
  }
}

function walk(dir: string, shown: string, visit: (file: string) => void): void {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw fileError(error, shown);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      walk(full, path.join(shown, entry.name), visit);
    } else if (entry.isFile() && entry.name.endsWith(EXTENSION)) {
      visit(full);
    }
  }
}

/**
 * The policy file the user meant: a folder stands for the `policy.precept` in it (the layout
 * `precept init` writes), as it does for `check` and `test`. Other paths are returned as given.
 */
export function policyFile(cwd: string, given: string): string {
  const full = path.resolve(cwd, given);
  let folder = false;
  try {
    folder = statSync(full).isDirectory();
  } catch {
    return given; // a missing path is reported by whoever reads it
  }
  if (!folder) return given;
  const inside = path.join(given, POLICY_FILE);
  if (existsSync(path.resolve(cwd, inside))) return inside;
  throw new CliError(
    `${given} is a folder with no ${POLICY_FILE} in it; a policy file is needed here.`,
    EXIT_USAGE,
    `Name the file, e.g. ${path.join(given, "my-policy.precept")}.`,
  );
}

/** Reads a file the user named, or fails with a message that names it. */
export function readUserFile(cwd: string, file: string): string {
  try {
    return readFileSync(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw fileError(error, file);
  }
}

export function fileError(error: unknown, shown: string): CliError {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") {
    return new CliError(
      `No such file or folder: ${shown}`,
      EXIT_USAGE,
      "Check the path and try again.",
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new CliError(`Permission denied: ${shown}`, EXIT_USAGE);
  }
  if (code === "EISDIR") {
    return new CliError(`${shown} is a folder; a file is needed here.`, EXIT_USAGE);
  }
  if (code === "ENOTDIR") {
    return new CliError(`${shown} is not a folder.`, EXIT_USAGE);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError(`Cannot read ${shown}: ${detail}`, EXIT_USAGE);
}
