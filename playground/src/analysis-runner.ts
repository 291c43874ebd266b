/**
 * Runs the policy analysis in its worker once typing pauses: one analysis at a time, and only the
 * newest text waits while one runs (the ones typed past are never analysed). The keystroke path
 * pays for a timer; the texts are read and posted only when the pause is over.
 */
import type { AnalysisRequest, PanelReport } from "./analysis-report.js";

/** How long typing must pause before the analysis starts. */
export const ANALYSIS_DELAY = 300;
/** An analysis running longer than this is abandoned (its worker ended) when a newer one waits. */
const ABANDON_AFTER = 8_000;

type Ask = () => Omit<AnalysisRequest, "seq">;

export class AnalysisRunner {
  private worker?: Worker;
  private seq = 0;
  private running?: { seq: number; started: number };
  private waiting?: Ask;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onReport: (report: PanelReport) => void) {}

  /** Analyses what `ask` gives once typing has paused for `delay` ms. */
  request(ask: Ask, delay = ANALYSIS_DELAY): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.waiting = ask;
      this.next();
    }, delay);
  }

  private next(): void {
    if (!this.waiting) return;
    if (this.running) {
      if (performance.now() - this.running.started < ABANDON_AFTER) return;
      // Too slow, and out of date by now: start again with the newest text.
      this.worker?.terminate();
      this.worker = undefined;
      this.running = undefined;
    }
    const ask = this.waiting;
    this.waiting = undefined;
    this.seq += 1;
    const request: AnalysisRequest = { ...ask(), seq: this.seq };
    this.running = { seq: this.seq, started: performance.now() };
    this.ensureWorker().postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./analysis-worker.ts", import.meta.url), {
      type: "module",
      name: "precept-analysis",
    });
    worker.onmessage = (event: MessageEvent<PanelReport>) => {
      const report = event.data;
      const started = this.running?.seq === report.seq ? this.running.started : undefined;
      this.running = undefined;
      if (started !== undefined) {
        performance.measure("precept:analysis-round-trip", {
          start: started,
          end: performance.now(),
        });
      }
      // Only the newest counts; an older one is out of date when a newer one waits.
      if (!this.waiting && report.seq === this.seq) this.onReport(report);
      this.next();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const seq = this.running?.seq ?? this.seq;
      this.running = undefined;
      this.worker?.terminate();
      this.worker = undefined;
      this.onReport(failed(seq, event.message || "the analysis worker stopped"));
      this.next();
    };
    this.worker = worker;
    return worker;
  }
}

function failed(seq: number, failure: string): PanelReport {
  return {
    seq,
    uri: "",
    errors: 0,
    layered: false,
    findings: [],
    omitted: {},
    overlaps: 0,
    overlapsListed: false,
    limits: [],
    facts: 0,
    situations: 0,
    ms: 0,
    failure,
  };
}
