/**
 * What every language service needs besides the text: which file it is and the analysis that gives
 * the names in scope (the baseline's declarations as well as the file's own).
 */
import { type Analysis, analyze } from "../analyze.js";
import type { AnalysisHost } from "../host.js";

/**
 * The document a service works on. Give `analysis` when the caller already has one for exactly
 * this text (the playground analyses on every edit for its markers); otherwise give `host` and the
 * service analyses the text itself, reading baselines through the host. With neither, the text is
 * analysed on its own, without a baseline.
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

interface CacheEntry {
  readonly uri: string;
  readonly host: AnalysisHost | undefined;
  /** The text of every file in the chain when it was analysed. */
  readonly texts: ReadonlyMap<string, string | undefined>;
  readonly analysis: Analysis;
}

/** The last analysis made here: hover, definition and completion at one text share it. */
let last: CacheEntry | undefined;

function fresh(entry: CacheEntry, uri: string, text: string, host: AnalysisHost | undefined) {
  if (entry.uri !== uri || entry.host !== host) return false;
  for (const [u, t] of entry.texts) {
    if ((u === uri ? text : host?.readFile(u)) !== t) return false;
  }
  return true;
}

/** The analysis to use for `text`: the caller's, or a (cached) analysis of the text. */
export function analysisFor(text: string, context: ServiceContext): Analysis {
  if (context.analysis) return context.analysis;
  const { uri, host } = context;
  if (last && fresh(last, uri, text, host)) return last.analysis;
  const reading = overlayHost(uri, text, host);
  const texts = new Map<string, string | undefined>();
  const recording: AnalysisHost = {
    readFile: (u) => {
      const t = reading.readFile(u);
      texts.set(u, t);
      return t;
    },
    ...(reading.resolvePackage ? { resolvePackage: reading.resolvePackage } : {}),
  };
  const analysis = analyze(uri, recording);
  last = { uri, host, texts, analysis };
  return analysis;
}
