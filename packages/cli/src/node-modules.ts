/**
 * Finding an installed baseline package as Node finds a module: in `node_modules/<name>` of the
 * extending file's folder, then of each folder above it up to the root. Failing that, the packages
 * that come with the precept command itself (the BPS pack, a dependency of @precept/cli), so
 * `precept init` and `check` work in a folder where nothing is installed yet. Folders are returned
 * with symbolic links resolved (as Node identifies modules), so the same package reached through
 * two links is one baseline.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

/** The BPS baseline package, which @precept/cli depends on. */
export const BPS_PACKAGE = "@precept/bps-e-professionalism";

/** Baselines that come with the command. */
const WITH_COMMAND: readonly string[] = [BPS_PACKAGE];

export interface FoundPackage {
  readonly folder: string;
  /** True when it is the command's own copy: nothing above the file installed it. */
  readonly withCommand: boolean;
}

/** Package `name` as seen from `dir`, or undefined when it is not installed. */
export function findPackage(dir: string, name: string): FoundPackage | undefined {
  let current = path.resolve(dir);
  for (;;) {
    if (path.basename(current) !== "node_modules") {
      const candidate = path.join(current, "node_modules", ...name.split("/"));
      if (isFile(path.join(candidate, "package.json"))) {
        return { folder: real(candidate), withCommand: false };
      }
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const own = commandPackage(name);
  return own === undefined ? undefined : { folder: own, withCommand: true };
}

/** The folder of a baseline that comes with the command. */
export function commandPackage(name: string): string | undefined {
  if (!WITH_COMMAND.includes(name)) return undefined;
  try {
    const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
    return real(path.dirname(manifest));
  } catch {
    return undefined;
  }
}

/** The `version` in a package folder's package.json. */
export function packageVersion(folder: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as {
      version?: unknown;
    };
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

function real(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
