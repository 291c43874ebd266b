/**
 * The open policy compiled and loaded: a bundle and a decider for the panels. When the text has
 * errors, the last version without errors keeps the panels working (marked as out of date).
 */
import { CompileError, compile } from "@precept/compiler";
import type { Analysis, Diagnostic } from "@precept/language";
import { type Bundle, type Decider, loadBundle } from "@precept/runtime";
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
    let failure: string | undefined;
    if (analysis.policy) {
      try {
        const started = performance.now();
        const bundle = compile(analysis.policy);
        const loaded = loadBundle(bundle);
        performance.measure("precept:compile", { start: started, end: performance.now() });
        if (loaded.ok) {
          this.lastGood.set(file, { bundle, decider: loaded.decider });
          this.last = { file, analysis, errors, bundle, decider: loaded.decider, stale: false };
          return this.last;
        }
        failure = `The compiled bundle did not load: ${loaded.errors.join(" ")}`;
      } catch (error) {
        failure =
          error instanceof CompileError
            ? error.problems.join(" ")
            : `The compiler failed: ${error instanceof Error ? error.message : String(error)}`;
      }
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
