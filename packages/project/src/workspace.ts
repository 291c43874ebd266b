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

  /**
   * What a layer on several baselines extends: its baselines merged, analysed as a layer that
   * adds nothing to them would be (same baselines, same names). Undefined for a policy with fewer
   * than two baselines. Not cached: it is wanted once per analysis of the layer.
   */
  baselines(uri: string): Analysis | undefined {
    const header = this.analyze(uri).documents.get(uri)?.header;
    if (!header || header.baselines.length < 2) return undefined;
    // Beside the layer, so that its paths and package names resolve as they do from the layer.
    const merged = `${uri}.baselines`;
    const title = `${header.title?.value ?? uri} (baselines)`;
    const list = header.baselines
      .map((b) => `${JSON.stringify(b.target.value)}${b.alias ? ` as ${b.alias.text}` : ""}`)
      .join(" and ");
    const text = `policy ${JSON.stringify(title)} extends ${list}\n`;
    const host = this.host;
    return analyze(
      merged,
      {
        readFile: (u) => (u === merged ? text : host.readFile(u)),
        ...(host.resolvePackage
          ? { resolvePackage: (name: string, from: string) => host.resolvePackage!(name, from) }
          : {}),
      },
      { ...this.options, unusedWarnings: false },
    );
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
