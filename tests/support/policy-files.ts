/**
 * Policies read from disk, compiled and loaded, and seeded random fact sets for them: what the
 * decision service's tests and its benchmark both start from.
 */
import { readFileSync } from "node:fs";
import { compile } from "@precept/compiler";
import { type AnalysisHost, analyze } from "@precept/language";
import { type Bundle, type BundleFact, type Decider, loadBundle } from "@precept/runtime";

/** Files as they are on disk; a missing one is missing, not an exception. */
export const diskHost: AnalysisHost = {
  readFile: (uri: string) => {
    try {
      return readFileSync(uri, "utf8");
    } catch {
      return undefined;
    }
  },
};

export function bundleOf(file: string): Bundle {
  const analysis = analyze(file, diskHost);
  if (!analysis.policy) throw new Error(`${file} has errors`);
  return compile(analysis.policy);
}

export function deciderOf(bundle: Bundle): Decider {
  const loaded = loadBundle(bundle);
  if (!loaded.ok) throw new Error(loaded.errors.join());
  return loaded.decider;
}

/** Numbers in [0, 1), the same ones for the same seed (a linear congruential generator). */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A valid value of the fact, chosen by `random`. */
export function factValue(f: BundleFact, random: () => number): unknown {
  return f.type === "choice"
    ? f.values[Math.floor(random() * f.values.length)]
    : f.type === "set"
      ? f.values.filter(() => random() < 0.5)
      : f.type === "yes/no"
        ? random() < 0.5
        : f.type === "number"
          ? Math.floor(random() * 40)
          : "text";
}
