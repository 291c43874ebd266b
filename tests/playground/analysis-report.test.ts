/**
 * The Analysis panel's report: the file's own findings from `analyzePolicy`, each group capped at
 * a length a panel can show (the rest counted), and witness titles for saved scenarios.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePolicy, memoryHost, Workspace } from "@precept/project";
import { describe, expect, it } from "vitest";
import { LIST_LIMIT, panelReport, witnessTitle } from "../../playground/src/analysis-report.js";
import { ROOT } from "../e2e/support/site.js";

const BASELINE = "rules/bps-e-professionalism/policy.precept";
const LAYER = "layer.precept";
const baseline = readFileSync(join(ROOT, BASELINE), "utf8");

function report(layer: string, overlaps = false) {
  const workspace = new Workspace(memoryHost({ [BASELINE]: baseline, [LAYER]: layer }));
  return analyzePolicy(workspace, LAYER, { overlaps });
}

describe("the Analysis panel's report", () => {
  it("keeps the layer's own findings (not its baseline's) and titles their witnesses", () => {
    const full = report(
      `policy "L" version "1" extends "${BASELINE}"\nrule CS-1 "Case studies": sharing material and indirectly identifiable and no permission to publish -> allow\n  because "anonymised"\n`,
      true,
    );
    const shown = panelReport(full, { seq: 3, overlaps: true }, true, 12);
    expect(shown.seq).toBe(3);
    expect(shown.findings.every((f) => f.uri === LAYER)).toBe(true);
    expect(full.findings.some((f) => f.uri !== LAYER)).toBe(true);
    const overruled = shown.findings.find((f) => f.code === "overruled-rule");
    expect(overruled?.rules).toEqual(["CS-1"]);
    expect(witnessTitle(overruled!)).toBe("Rule CS-1 is overruled here");
    // What a worker posts must survive structured cloning.
    expect(structuredClone(shown)).toEqual(shown);
  });

  it("lists at most LIST_LIMIT findings of a group and counts the rest", () => {
    const rules = Array.from(
      { length: LIST_LIMIT + 10 },
      (_, i) =>
        `rule X-${i}: sharing material and indirectly identifiable and no permission to publish -> allow`,
    ).join("\n");
    const full = report(`policy "L" version "1" extends "${BASELINE}"\n${rules}\n`);
    const overruled = full.findings.filter((f) => f.code === "overruled-rule").length;
    expect(overruled).toBeGreaterThan(LIST_LIMIT);
    const shown = panelReport(full, { seq: 1, overlaps: false }, false, 1);
    expect(shown.findings.filter((f) => f.code === "overruled-rule")).toHaveLength(LIST_LIMIT);
    expect(shown.omitted.overruled).toBe(overruled - LIST_LIMIT);
  });
});
