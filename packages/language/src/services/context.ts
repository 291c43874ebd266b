/**
 * What every language service needs besides the text: which file it is and the analysis that gives
 * the names in scope (the baseline's declarations as well as the file's own).
 */
import { type Analysis, analyze } from "../analyze.js";
import type { AnalysisHost } from "../host.js";

/**
 * The document a service works on. Give `analysis` when the caller already has one for exactly
 * this text — the project tier's `Workspace.analyze`, which the playground uses for its markers;
 * otherwise give `host` and the service analyses the text itself (each call: a caller that asks
 * often should pass the workspace's analysis), reading baselines through the host. With neither,
 * the text is analysed on its own, without a baseline.
 */
export interface ServiceContext {
  /** The uri of the document being edited (as `analyze` knows it). */
  readonly uri: string;
  /** The analysis of this text, when the caller has it. Its positions must match `text`. */
  readonly analysis?: Analysis;
  /** Reads the baselines the document extends; the document itself is taken from `text`. */
  readonly host?: AnalysisHost;
}

/** A host that answers `uri` with `text` and every other file from `host`. */
export function overlayHost(uri: string, text: string, host?: AnalysisHost): AnalysisHost {
  return {
    readFile: (u) => (u === uri ? text : host?.readFile(u)),
    ...(host?.resolvePackage ? { resolvePackage: host.resolvePackage.bind(host) } : {}),
  };
}

/**
 * The analysis to use for `text`: the caller's, or an analysis of the text made now. The services
 * keep no cache of their own: the project tier's workspace caches analyses by file version, and
 * its callers (the playground) pass that analysis — one cache, not one per layer.
 */
export function analysisFor(text: string, context: ServiceContext): Analysis {
  if (context.analysis) return context.analysis;
  return analyze(context.uri, overlayHost(context.uri, text, context.host));
}
