/**
 * The policy analysis in a Web Worker, off the keystroke path: the page posts every file's text
 * and the policy to analyse; the worker keeps its own project workspace (so an unchanged baseline
 * is not parsed again) and answers with the panel's report. Typing never waits for it.
 */
import { analyzePolicy, type ProjectHost, Workspace } from "@precept/project";
import { type AnalysisRequest, type PanelReport, panelReport } from "./analysis-report.js";
import { resolveShippedPackage } from "./shipped.js";

const texts = new Map<string, string>();
const host: ProjectHost = {
  readFile: (uri) => texts.get(uri),
  resolvePackage: resolveShippedPackage,
};
const workspace = new Workspace(host);

interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: PanelReport): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  texts.clear();
  for (const [uri, text] of Object.entries(request.files)) texts.set(uri, text);
  const started = performance.now();
  try {
    const options = {
      overlaps: request.overlaps,
      ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
    };
    const report = analyzePolicy(workspace, request.uri, options);
    const layered = (workspace.analyze(request.uri).policy?.layers.length ?? 0) > 1;
    scope.postMessage(panelReport(report, request, layered, performance.now() - started));
  } catch (error) {
    scope.postMessage({
      seq: request.seq,
      uri: request.uri,
      errors: 0,
      layered: false,
      findings: [],
      omitted: {},
      overlaps: 0,
      overlapsListed: request.overlaps,
      limits: [],
      facts: 0,
      situations: 0,
      ms: performance.now() - started,
      failure: error instanceof Error ? error.message : String(error),
    });
  }
};
