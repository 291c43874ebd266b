/**
 * What the editor shows about the rules beside their text: the rule(s) and exception deciding the
 * decision on screen, highlighted; and, in the gutter, each rule's scenario coverage — how many of
 * the policy's passing scenarios pin it, as `precept test` counts coverage (a hollow mark: none
 * yet).
 */
import type { Analysis } from "@precept/language";
import { type Bundle, checkScenario, type DecideResult, pinnedEntries } from "@precept/runtime";
import type { monaco } from "./monaco.js";
import { toMonacoRange } from "./ranges.js";
import type { Workspace } from "./workspace.js";

interface Place {
  readonly uri: string;
  readonly range: monaco.IRange;
}

export class RuleMarks {
  private readonly collection: monaco.editor.IEditorDecorationsCollection;
  private deciding: readonly Place[] = [];
  private coverage: readonly (Place & { readonly count: number; readonly id: string })[] = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly editor: monaco.editor.IStandaloneCodeEditor,
  ) {
    this.collection = editor.createDecorationsCollection();
    editor.onDidChangeModel(() => this.render());
  }

  /** Highlights the entries that decided `result` (none when there is no decision). */
  showDecision(
    analysis: Analysis,
    bundle: Bundle | undefined,
    result: DecideResult | undefined,
  ): void {
    const places: Place[] = [];
    if (bundle && result?.ok) {
      for (const id of result.decidingRules) {
        const params = bundle.rules.find((r) => r.name === id)?.event.params;
        if (!params) continue;
        places.push(
          ...(params.exception
            ? exceptionPlaces(analysis, params.rule)
            : rulePlaces(analysis, params.rule)),
        );
      }
    }
    this.deciding = places;
    this.render();
  }

  /** Marks every rule of the policy with the number of passing scenarios that pin it. */
  showCoverage(
    analysis: Analysis,
    bundle: Bundle | undefined,
    results: readonly DecideResult[],
  ): void {
    const counts = new Map<string, number>();
    if (bundle) {
      results.forEach((result, i) => {
        const scenario = bundle.scenarios[i];
        if (!result.ok || !scenario) return;
        if (!checkScenario(scenario, result, bundle.outcomes).passed) return;
        const pinned = new Set<string>();
        for (const id of pinnedEntries(scenario.expect, result)) {
          const params = bundle.rules.find((r) => r.name === id)?.event.params;
          // An exception deciding in its rule's place does not cover the rule.
          if (params?.exception) continue;
          pinned.add(params?.rule ?? id);
        }
        for (const rule of pinned) counts.set(rule, (counts.get(rule) ?? 0) + 1);
      });
    }
    const marks: (Place & { count: number; id: string })[] = [];
    if (bundle && results.length > 0) {
      for (const symbol of analysis.symbols) {
        if (symbol.kind !== "rule") continue;
        const range = toMonacoRange(symbol.nameRange);
        marks.push({ uri: symbol.uri, range, id: symbol.key, count: counts.get(symbol.key) ?? 0 });
      }
    }
    this.coverage = marks;
    this.render();
  }

  private render(): void {
    const model = this.editor.getModel();
    const file = model && this.workspace.fileOfModel(model);
    if (!file) return;
    {
      const decorations: monaco.editor.IModelDeltaDecoration[] = [];
      for (const place of this.deciding) {
        if (place.uri !== file.uri) continue;
        decorations.push({
          range: place.range,
          options: {
            isWholeLine: true,
            className: "deciding-rule",
            linesDecorationsClassName: "deciding-rule-bar",
            hoverMessage: { value: "Decides the situation in the panel" },
          },
        });
      }
      for (const mark of this.coverage) {
        if (mark.uri !== file.uri) continue;
        decorations.push({
          range: { ...mark.range, endLineNumber: mark.range.startLineNumber, endColumn: 1 },
          options: {
            glyphMarginClassName: mark.count > 0 ? "rule-covered" : "rule-uncovered",
            glyphMarginHoverMessage: {
              value:
                mark.count > 0
                  ? `${mark.count} scenario${mark.count === 1 ? " pins" : "s pin"} rule ${mark.id}`
                  : `No scenario pins rule ${mark.id} yet`,
            },
          },
        });
      }
      this.collection.set(decorations);
    }
  }
}

function rulePlaces(analysis: Analysis, id: string): Place[] {
  return analysis.symbols
    .filter((s) => s.kind === "rule" && s.key === id)
    .map((s) => ({ uri: s.uri, range: toMonacoRange(s.range) }));
}

/** The exceptions to rule `id` (an exception has no symbol of its own: found in the documents). */
function exceptionPlaces(analysis: Analysis, id: string): Place[] {
  const places: Place[] = [];
  for (const [uri, document] of analysis.documents) {
    for (const d of document.declarations) {
      if (d.kind === "Exception" && d.target?.text === id) {
        places.push({ uri, range: toMonacoRange(d.range) });
      }
    }
  }
  return places;
}
