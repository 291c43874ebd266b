/**
 * How `analyze` reads files. The language core never touches the file system itself: the CLI
 * passes a host over `fs`, the playground one over its editor models.
 */
export interface AnalysisHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): string | undefined;
  /**
   * The uri of the folder of the installed package `name`, as seen from the file `from` that
   * extends it (a Node host looks in `node_modules` folders from `from`'s folder up, as Node does),
   * or undefined when it is not installed. A host without it cannot resolve package baselines.
   */
  resolvePackage?(name: string, from: string): string | undefined;
}

export interface MemoryHostOptions {
  /** Installed baseline packages: package name → the uri of its folder among `files`. */
  readonly packages?: Readonly<Record<string, string>>;
}

/** A host over an in-memory map of uri → text (and, optionally, of package name → folder). */
export function memoryHost(
  files: Readonly<Record<string, string>>,
  options: MemoryHostOptions = {},
): AnalysisHost {
  const packages = options.packages ?? {};
  return {
    readFile: (uri) => (Object.hasOwn(files, uri) ? files[uri] : undefined),
    resolvePackage: (name) => (Object.hasOwn(packages, name) ? packages[name] : undefined),
  };
}

/**
 * Resolves `relative` against the uri of the file that names it, with `/` separators (URL-like,
 * so it works the same in Node and the browser): `rules/a/policy.precept` + `../b/p.precept` →
 * `rules/b/p.precept`.
 */
export function resolveUri(from: string, relative: string): string {
  if (relative.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(relative)) return normalise(relative);
  const base = from.includes("/") ? from.slice(0, from.lastIndexOf("/") + 1) : "";
  return normalise(base + relative);
}

function normalise(path: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/*/i.exec(path)?.[0] ?? "";
  const rest = path.slice(scheme.length);
  const absolute = rest.startsWith("/");
  const out: string[] = [];
  for (const part of rest.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out.at(-1) !== "..") out.pop();
    else if (part === ".." && absolute) continue;
    else out.push(part);
  }
  return scheme + (absolute ? "/" : "") + out.join("/");
}
