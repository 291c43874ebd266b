/**
 * Diagnostics as editor markers. The open file is analysed right after each edit (the delay grows
 * only when analyses get slow) and the other files when typing pauses: editing the baseline
 * re-checks the layer and the scenarios too, but not on every keystroke.
 */
import type { Analysis, Diagnostic } from "@precept/language";
import { monaco } from "./monaco.js";
import { toMonacoRange } from "./ranges.js";
import type { FileId, PolicyFile, Workspace } from "./workspace.js";

const OWNER = "precept";
/** How long typing must pause before files other than the open one are re-checked. */
const REST_DELAY = 600;
/** The longest an edit waits for its markers while typing goes on. */
const MAX_WAIT = 300;

const SEVERITY: Record<Diagnostic["severity"], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

export function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
  return {
    ...toMonacoRange(d.range),
    severity: SEVERITY[d.severity],
    message: d.message,
    code: d.code,
    source: "precept",
    ...(d.code === "unused-fact" || d.code === "unused-term"
      ? { tags: [monaco.MarkerTag.Unnecessary] }
      : {}),
  };
}

export type AnalysedListener = (id: FileId, analysis: Analysis) => void;

export class MarkerSync {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  private panelTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the first edit not yet analysed happened (for the keystroke-to-markers measure). */
  private editStart: number | undefined;
  /** Recent cost of analysing the open file, in milliseconds. */
  private cost = 0;
  private readonly listeners: AnalysedListener[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly openFile: () => FileId,
  ) {
    for (const file of workspace.all) {
      file.model.onDidChangeContent(() => this.schedule());
    }
  }

  /** Called with the open file's analysis after every analysis of it. */
  onAnalysed(listener: AnalysedListener): void {
    this.listeners.push(listener);
  }

  schedule(): void {
    const now = performance.now();
    this.editStart ??= now;
    if (this.openTimer !== undefined) clearTimeout(this.openTimer);
    // Fast analyses run at once (after the keystroke is rendered); slow ones wait for a pause in
    // typing, but never longer than MAX_WAIT after the first edit they have not shown.
    const wanted = this.cost < 50 ? 0 : Math.min(250, this.cost * 2);
    const delay = Math.max(0, Math.min(wanted, MAX_WAIT - (now - this.editStart)));
    this.openTimer = setTimeout(() => this.runOpen(), delay);
    if (this.restTimer !== undefined) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => this.runRest(), REST_DELAY);
  }

  /** Analyses the open file now, updates its markers and tells the listeners. */
  runOpen(): Analysis {
    if (this.openTimer !== undefined) clearTimeout(this.openTimer);
    this.openTimer = undefined;
    const id = this.openFile();
    const started = performance.now();
    const analysis = this.mark(this.workspace.files[id]);
    const ended = performance.now();
    // Smoothed, so that one slow run (a garbage collection) does not slow the next ones down.
    this.cost = (this.cost + (ended - started)) / 2;
    performance.measure("precept:analyse", { start: started, end: ended });
    const editStart = this.editStart;
    this.editStart = undefined;
    if (editStart !== undefined) {
      performance.measure("precept:keystroke-to-markers", { start: editStart, end: ended });
      // Up to the frame that paints them.
      requestAnimationFrame(() =>
        performance.measure("precept:keystroke-to-frame", {
          start: editStart,
          end: performance.now(),
        }),
      );
    }
    // The panels (compiling, scenarios, the decision) update in a task of their own, so that the
    // browser can paint the markers first.
    if (this.panelTimer !== undefined) clearTimeout(this.panelTimer);
    this.panelTimer = setTimeout(() => {
      this.panelTimer = undefined;
      for (const listener of this.listeners) listener(id, analysis);
      if (editStart !== undefined) {
        performance.measure("precept:keystroke-to-panels", {
          start: editStart,
          end: performance.now(),
        });
      }
    }, 0);
    return analysis;
  }

  /** Updates the markers of every file (cached analyses make unchanged files free). */
  runRest(): void {
    if (this.restTimer !== undefined) clearTimeout(this.restTimer);
    this.restTimer = undefined;
    for (const file of this.workspace.all) this.mark(file);
  }

  private mark(file: PolicyFile): Analysis {
    const analysis = this.workspace.analyze(file.id);
    const own = analysis.diagnostics.filter((d) => (d.uri ?? file.uri) === file.uri);
    monaco.editor.setModelMarkers(file.model, OWNER, own.map(toMarker));
    return analysis;
  }
}
