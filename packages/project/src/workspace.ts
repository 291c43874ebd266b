/**
 * A workspace of policy files over a host: analyses and builds, each cached with the versions of
 * the files it read, so that editing a layer re-analyses only that layer (with its baselines) and
 * analysing many layers on one baseline reads the baseline once. The one cache of analyses: the
 * CLI and the playground both keep theirs here.
 */
import { type Analysis, type AnalysisHost, type AnalyzeOptions, analyze } from "@precept/language";
import { type Build, buildAnalysis } from "./build.js";
import { type ProjectHost, versionOf } from "./host.js";

interface Entry {
  readonly versions: ReadonlyMap<string, string | number | undefined>;
  readonly analysis: Analysis;
  build?: Build;
}

export class Workspace {
  private readonly cache = new Map<string, Entry>();

  constructor(
    readonly host: ProjectHost,
    private readonly options: AnalyzeOptions = {},
  ) {}

  /** The analysis of `uri` with the baselines it extends; cached until a file it read changes. */
  analyze(uri: string): Analysis {
    return this.entry(uri).analysis;
  }

  /** The analysis carried through compile and load (cached with the analysis). */
  build(uri: string): Build {
    const entry = this.entry(uri);
    entry.build ??= buildAnalysis(entry.analysis);
    return entry.build;
  }

  /** Forgets every cached analysis (after the host's files were replaced wholesale). */
  clear(): void {
    this.cache.clear();
  }

  private entry(uri: string): Entry {
    const hit = this.cache.get(uri);
    if (hit && [...hit.versions].every(([u, v]) => versionOf(this.host, u) === v)) return hit;
    const versions = new Map<string, string | number | undefined>();
    const host = this.host;
    const recording: AnalysisHost = {
      readFile: (u) => {
        const text = host.readFile(u);
        if (!versions.has(u)) versions.set(u, versionOf(host, u));
        return text;
      },
      // Baselines by package name resolve through the host as they would without the workspace.
      ...(host.resolvePackage
        ? { resolvePackage: (name: string, from: string) => host.resolvePackage!(name, from) }
        : {}),
    };
    const analysis = analyze(uri, recording, this.options);
    const entry: Entry = { versions, analysis };
    this.cache.set(uri, entry);
    return entry;
  }
}
