/**
 * The one build pipeline: a checked policy → bundle (compiler) → loaded decider (runtime). The CLI,
 * the playground and the tests all build through here; a policy that checks but cannot be compiled
 * or loaded (a defect) comes back as a `problem`, never as an exception.
 */
import { CompileError, compile } from "@precept/compiler";
import type { Analysis, Diagnostic, PolicyModel } from "@precept/language";
import { type Bundle, type Decider, loadBundle } from "@precept/runtime";

export interface Built {
  readonly ok: true;
  readonly bundle: Bundle;
  readonly decider: Decider;
}

export interface NotBuilt {
  readonly ok: false;
  /** Why a checked policy could not be compiled or loaded, in a sentence. */
  readonly problem: string;
}

/** Compiles and loads a checked policy model. */
export function buildModel(policy: PolicyModel): Built | NotBuilt {
  let bundle: Bundle;
  try {
    bundle = compile(policy);
  } catch (error) {
    if (error instanceof CompileError) {
      return {
        ok: false,
        problem: `${policy.uri} cannot be compiled:\n  - ${error.problems.join("\n  - ")}`,
      };
    }
    return {
      ok: false,
      problem: `The compiler failed on ${policy.uri}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const load = loadBundle(bundle);
  if (!load.ok) {
    return { ok: false, problem: `The compiled bundle was rejected: ${load.errors.join(" ")}` };
  }
  return { ok: true, bundle, decider: load.decider };
}

/** An analysis carried through the pipeline as far as it goes. */
export interface Build {
  readonly analysis: Analysis;
  /** The errors of the policy or its baselines (empty when it checked). */
  readonly errors: readonly Diagnostic[];
  /** Set when the policy checked but could not be compiled or loaded. */
  readonly problem?: string;
  readonly policy?: PolicyModel;
  readonly bundle?: Bundle;
  readonly decider?: Decider;
}

export function buildAnalysis(analysis: Analysis): Build {
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (!analysis.policy) return { analysis, errors };
  const built = buildModel(analysis.policy);
  if (!built.ok) return { analysis, errors, policy: analysis.policy, problem: built.problem };
  return {
    analysis,
    errors,
    policy: analysis.policy,
    bundle: built.bundle,
    decider: built.decider,
  };
}
