import { describe, expect, it } from "vitest";
import type { AnalysisHost } from "../host.js";
import { analysisFor } from "./context.js";
import { BASELINE, BASELINE_URI, LAYER, LAYER_URI } from "./fixtures.js";

describe("the analysis the services use", () => {
  it("without the caller's analysis, analyses the text given with the host's baselines as they are now", () => {
    const files: Record<string, string> = { [BASELINE_URI]: BASELINE };
    const host: AnalysisHost = { readFile: (uri) => files[uri] };
    const first = analysisFor(LAYER, { uri: LAYER_URI, host });
    expect(first.scope.facts.has("relationship")).toBe(true);

    // An edit to the baseline (the playground's other tab) is seen at once: no stale cache here.
    files[BASELINE_URI] = BASELINE.replace("fact age:", "fact years of age:");
    const second = analysisFor(LAYER, { uri: LAYER_URI, host });
    expect(second.scope.facts.has("years of age")).toBe(true);

    // The document itself is the text given, not the host's copy.
    const third = analysisFor(`${LAYER}fact remote: yes or no\n`, { uri: LAYER_URI, host });
    expect(third.scope.facts.has("remote")).toBe(true);
  });

  it("uses the caller's analysis as is", () => {
    const analysis = analysisFor(BASELINE, { uri: BASELINE_URI });
    expect(analysisFor("anything", { uri: BASELINE_URI, analysis })).toBe(analysis);
  });
});
