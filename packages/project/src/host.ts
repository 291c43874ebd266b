/**
 * Where a workspace reads policy files. The language core reads through an `AnalysisHost`; a
 * project host may also say which version of a file it holds, so that the workspace knows when a
 * cached analysis is still current without comparing texts (the playground gives its editor
 * models' version ids). Without `version`, the text itself is the version.
 */
import type { AnalysisHost } from "@precept/language";

export { type AnalysisHost, memoryHost } from "@precept/language";

export interface ProjectHost extends AnalysisHost {
  /** Changes whenever the file's text changes; undefined when the file cannot be read. */
  version?(uri: string): string | number | undefined;
}

/** The version of `uri` on `host`: the host's own, or the text. */
export function versionOf(host: ProjectHost, uri: string): string | number | undefined {
  return host.version ? host.version(uri) : host.readFile(uri);
}
