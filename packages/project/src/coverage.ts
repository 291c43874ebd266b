/**
 * Rule coverage: which rules some scenario's expectation pins (docs/cli.md, `precept test`). A
 * rule is pinned by a scenario that passes when its own entry decided and the scenario expects
 * that exact outcome or names the rule in `by rule`; when `also applies` names it; or when
 * `expect advice` names advice that only this rule gives (or this rule, applying, gives). An
 * exception deciding in the rule's place does not count for it (the rule's own conclusion was never
 * tested), nor do `at least`, `one of`, `undetermined` or `not by rule`, which would still pass if
 * the rule's outcome changed. Rules are identified by the file that wrote them and their id, so a
 * baseline rule and a layer's override of it are counted separately.
 */

export interface CoveredRule {
  readonly file: string;
  readonly rule: string;
  readonly title?: string;
  /** The guidance section of the rule's first citation (`bps §3`), or `no citation`. */
  readonly section: string;
}

export interface Coverage {
  readonly rules: number;
  /** How many rules some scenario pins (the name is older than `pinned`; the meaning is that). */
  readonly decisive: number;
  /** Pinned by no scenario, in the order the rules were added. */
  readonly uncovered: readonly CoveredRule[];
}

export class CoverageCounter {
  private readonly rules = new Map<string, CoveredRule>();
  private readonly decisive = new Set<string>();

  private static key(file: string, rule: string): string {
    return `${file}\u0000${rule}`;
  }

  /** A rule that some scenario should pin. */
  add(rule: CoveredRule): void {
    const key = CoverageCounter.key(rule.file, rule.rule);
    if (!this.rules.has(key)) this.rules.set(key, rule);
  }

  /** Rule `rule`, written in `file`, is pinned by a scenario. */
  decided(file: string, rule: string): void {
    this.decisive.add(CoverageCounter.key(file, rule));
  }

  result(): Coverage {
    const uncovered = [...this.rules].filter(([key]) => !this.decisive.has(key)).map(([, r]) => r);
    return { rules: this.rules.size, decisive: this.rules.size - uncovered.length, uncovered };
  }
}

/** The section a citation names, as a group heading: `bps §3`. */
export function sectionOf(citation: { source: string; section?: string } | undefined): string {
  if (!citation) return "no citation";
  return citation.section ? `${citation.source} §${citation.section}` : citation.source;
}

/** Uncovered rules grouped by section, sections in first-seen order. */
export function bySection(rules: readonly CoveredRule[]): Map<string, CoveredRule[]> {
  const groups = new Map<string, CoveredRule[]>();
  for (const r of rules) {
    const group = groups.get(r.section) ?? [];
    group.push(r);
    groups.set(r.section, group);
  }
  return groups;
}
