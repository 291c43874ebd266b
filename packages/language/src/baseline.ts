/**
 * Where `extends "…"` points: a file path relative to the file that names it, or an installed
 * package. The rule (docs/language.md, "Baselines by package name"):
 *
 * - a text that starts with `@` is a scoped package, `@scope/name`, optionally followed by the path
 *   of a file inside it (`@scope/name/other.precept`);
 * - a text with no `/` that does not end in `.precept` (nor starts with `.`) is an unscoped package;
 * - anything else is a path.
 *
 * A package's policy is the file its package.json names in `"precept"`, else `policy.precept` in
 * its folder. The host says where a package is installed (`AnalysisHost.resolvePackage`).
 */
import { type AnalysisHost, resolveUri } from "./host.js";

export type BaselineTarget =
  | { readonly ok: true; readonly uri: string }
  | { readonly ok: false; readonly message: string };

export interface PackageSpecifier {
  readonly name: string;
  /** A file inside the package, relative to its folder. */
  readonly subpath?: string;
}

/** npm's rule for package names (lower case, URL-safe, at most 214 characters). */
const PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

/** The package an `extends` text names, or undefined when it is a path. */
export function packageSpecifier(text: string): PackageSpecifier | undefined {
  if (text.startsWith("@")) {
    const parts = text.split("/");
    const name = parts.slice(0, 2).join("/");
    const subpath = parts.slice(2).join("/");
    return subpath === "" ? { name } : { name, subpath };
  }
  if (text === "" || text.includes("/") || text.startsWith(".") || text.endsWith(".precept")) {
    return undefined;
  }
  return { name: text };
}

/** Shows at most 80 characters of a user's text in a message. */
const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** A path inside a package: relative, `/`-separated, never climbing out of its folder. */
function insidePath(path: string): boolean {
  return (
    path !== "" &&
    !path.startsWith("/") &&
    !path.includes("\\") &&
    !/^[a-z][a-z0-9+.-]*:/i.test(path) &&
    !path.split("/").includes("..")
  );
}

/** The uri of the baseline that `text` names in the file `from`. */
export function resolveBaseline(from: string, text: string, host: AnalysisHost): BaselineTarget {
  const spec = packageSpecifier(text);
  if (!spec) return { ok: true, uri: resolveUri(from, text) };
  const { name, subpath } = spec;
  if (name.length > 214 || !PACKAGE_NAME.test(name)) {
    return {
      ok: false,
      message: `"${shown(text)}" is neither a file path (start one with ./ or ../) nor a package name such as @precept/bps-e-professionalism.`,
    };
  }
  if (!host.resolvePackage) {
    return {
      ok: false,
      message: `The baseline package "${name}" cannot be looked up here: give the path of its policy file instead.`,
    };
  }
  const folder = host.resolvePackage(name, from);
  if (folder === undefined) {
    return {
      ok: false,
      message: `The baseline package "${name}" is not installed: install it (npm install ${name}) or give the path of its policy file.`,
    };
  }
  const inFolder = `${folder.replace(/\/+$/, "")}/package.json`;
  if (subpath !== undefined) {
    if (!insidePath(subpath)) {
      return {
        ok: false,
        message: `"${shown(text)}" must name a file inside the package ${name}.`,
      };
    }
    return { ok: true, uri: resolveUri(inFolder, subpath) };
  }
  const entry = packageEntry(host.readFile(inFolder));
  if (entry === undefined) {
    return {
      ok: false,
      message: `The package ${name} names its policy wrongly: "precept" in its package.json must be the relative path of a .precept file inside the package.`,
    };
  }
  return { ok: true, uri: resolveUri(inFolder, entry) };
}

/** The policy file a package.json names (`"precept"`), `policy.precept` by default. */
function packageEntry(manifest: string | undefined): string | undefined {
  let declared: unknown;
  try {
    declared = manifest === undefined ? undefined : (JSON.parse(manifest) as { precept?: unknown });
  } catch {
    declared = undefined;
  }
  const field =
    declared !== null && typeof declared === "object" && Object.hasOwn(declared, "precept")
      ? (declared as { precept: unknown }).precept
      : undefined;
  if (field === undefined) return "policy.precept";
  if (typeof field !== "string") return undefined;
  const path = field.replace(/^\.\//, "");
  return insidePath(path) && path.endsWith(".precept") ? path : undefined;
}
