/** Compiling a loaded policy into a bundle and a decider, with compile problems as user errors. */
import { CompileError, compile } from "@precept/compiler";
import type { Bundle } from "@precept/runtime";
import { CliError, EXIT_FINDINGS } from "./errors.js";
import type { LoadedPolicy } from "./policy.js";

export function compileLoaded(loaded: LoadedPolicy): Bundle {
  try {
    return compile(loaded.policy);
  } catch (error) {
    if (error instanceof CompileError) {
      throw new CliError(
        `${loaded.uri} cannot be compiled:\n  - ${error.problems.join("\n  - ")}`,
        EXIT_FINDINGS,
      );
    }
    throw error;
  }
}
