/**
 * The open policy compiled and loaded: a bundle and a decider for the panels. When the text has
 * errors, the last version without errors keeps the panels working (marked as out of date). The
 * pipeline itself (compile → load) is the project tier's.
 */
import type { Analysis, Diagnostic } from "@precept/language";
import { buildAnalysis } from "@precept/project";
import type { Bundle, Decider } from "@precept/runtime";
import type { FileId } from "./share.js";

export interface Compiled {
  readonly file: FileId;
  readonly analysis: Analysis;
  /** Errors in the open policy or its baseline (empty when it compiled). */
  readonly errors: readonly Diagnostic[];
  /** Why compiling or loading failed although the policy checked (a defect, shown as is). */
  readonly failure?: string;
  /** The bundle and decider of this text, or of the last text without errors. */
  readonly bundle?: Bundle;
  readonly decider?: Decider;
  /** True when `bundle` is from an earlier version of the text. */
  readonly stale: boolean;
}

export class Compiler {
  private readonly lastGood = new Map<FileId, { bundle: Bundle; decider: Decider }>();
  private last?: Compiled;

  /** Compiles the analysis (once per analysis: the same object gives the same result). */
  compile(file: FileId, analysis: Analysis): Compiled {
    if (this.last?.analysis === analysis) return this.last;
    const errors = analysis.diagnostics.filter((d) => d.severity === "error");
    const started = performance.now();
    const built = buildAnalysis(analysis);
    const failure = built.problem;
    if (built.bundle && built.decider) {
      performance.measure("precept:compile", { start: started, end: performance.now() });
      const { bundle, decider } = built;
      this.lastGood.set(file, { bundle, decider });
      this.last = { file, analysis, errors, bundle, decider, stale: false };
      return this.last;
    }
    const good = this.lastGood.get(file);
    this.last = {
      file,
      analysis,
      errors,
      ...(failure ? { failure } : {}),
      ...(good ?? {}),
      stale: good !== undefined,
    };
    return this.last;
  }

  /** Forgets every earlier version (after "reset to example" or opening a link). */
  clear(): void {
    this.lastGood.clear();
    this.last = undefined;
  }
}
