// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` is snippet syntax, not a template.
/**
 * Snippets for whole declarations, in the snippet syntax Monaco and VS Code share (`${1:default}`,
 * `${1|a,b|}`). Names from the policy fill the choices, escaped so they stay literal.
 */
import type { Scope } from "../symbols.js";

/** Escapes text for a placeholder's default (`${1:…}`). */
export function placeholderText(text: string): string {
  return text.replace(/[$}\\]/g, "\\$&");
}

/** Escapes text for one option of a choice (`${1|…|}`). */
function choiceText(text: string): string {
  return text.replace(/[$}\\,|]/g, "\\$&");
}

/** A tab stop offering the names, or a placeholder when there are none. */
function pick(stop: number, names: readonly string[], fallback: string): string {
  const unique = [...new Set(names)].filter((n) => n.trim() !== "");
  if (unique.length === 0) return `\${${stop}:${placeholderText(fallback)}}`;
  return `\${${stop}|${unique.map(choiceText).join(",")}|}`;
}

export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

/** Snippets for declarations; a layer (with baseline rules) also gets override, exception, disable. */
export function declarationSnippets(scope: Scope, baselineRules: readonly string[]): Snippet[] {
  const outcomes = [...scope.outcomes.values()].map((o) => o.label);
  const sources = [...scope.sources.values()].map((s) => s.label);
  const rules = [...scope.rules.keys()];
  const facts = [...scope.facts.values()].map((f) => f.label);
  const all = [...outcomes, ...(scope.defaultOutcome ? [scope.defaultOutcome.label] : [])];
  const snippets: Snippet[] = [
    {
      label: "rule",
      detail: "a whole rule: citation, condition, outcome, reason",
      body: [
        '${1:id} "${2:title}"',
        `  cites ${pick(3, sources, "source")} §\${4:section} "\${5:short quote}"`,
        "  when ${6:condition}",
        `  then ${pick(7, outcomes, "outcome")}`,
        '  because "${8:reason}"',
      ].join("\n"),
    },
    {
      label: "scenario",
      detail: "a situation and the decision it must get",
      body: [
        '"${1:title}"',
        `  given ${pick(2, facts, "fact")} is \${3:value}`,
        `  expect ${pick(4, all, "outcome")}`,
      ].join("\n"),
    },
    {
      label: "fact",
      detail: "a fact the decision depends on, with its question",
      body: ["${1:name}: ${2|yes or no,one of …,number,text|}", '  asks "${3:question}"'].join(
        "\n",
      ),
    },
    {
      label: "term",
      detail: "a named condition, with its plain-words meaning",
      body: ['"${1:name}": ${2:condition}', '  means "${3:plain words}"'].join("\n"),
    },
  ];
  if (baselineRules.length > 0) {
    snippets.push(
      {
        label: "exception to rule",
        detail: "a local exception to a baseline rule",
        body: [
          `${pick(1, rules, "id")} "\${2:title}"`,
          "  when ${3:condition}",
          `  then ${pick(4, outcomes, "outcome")}`,
          '  because "${5:why this policy differs}"',
        ].join("\n"),
      },
      {
        label: "override rule",
        detail: "replace a baseline rule in this policy",
        body: [
          `${pick(1, baselineRules, "id")} "\${2:title}"`,
          '  because "${3:why this policy differs}"',
          `  cites ${pick(4, sources, "source")} §\${5:section}`,
          "  when ${6:condition}",
          `  then ${pick(7, outcomes, "outcome")}`,
        ].join("\n"),
      },
      {
        label: "disable rule",
        detail: "turn a baseline rule off in this policy",
        body: `${pick(1, baselineRules, "id")} because "\${2:why this policy differs}"`,
      },
    );
  }
  return snippets.map((s) => ({ ...s, body: `${s.label} ${s.body}` }));
}

export const HEADER_SNIPPET: Snippet = {
  label: "policy",
  detail: "the policy line: title, version and the baseline it extends",
  body: 'policy "${1:title}" version "${2:1.0}"',
};
