/**
 * The rules and exceptions a user names (`--why-not 3.2#1`), checked against the policy before
 * anything is decided or printed: a wrong id is a usage error, not a failure after the decision.
 */
import { closest } from "@precept/language";
import { UsageError } from "./errors.js";

export interface RuleIds {
  /** The ids the decider can explain: rules, and exceptions with an outcome or advice. */
  readonly explainable: readonly string[];
  /** Every exception of the policy, by id, with the id of the rule it belongs to. */
  readonly exceptions: ReadonlyMap<string, string>;
  /** The names a layer gives its baselines (`as programme`): clashing ids go by them. */
  readonly baselineNames?: readonly string[];
}

/** The policy's id that `id` names (case does not matter), or a usage error saying what would do. */
export function findRuleId(ids: RuleIds, id: string): string {
  const wanted = id.trim();
  const lower = wanted.toLowerCase();
  const found =
    ids.explainable.find((i) => i === wanted) ??
    ids.explainable.find((i) => i.toLowerCase() === lower);
  if (found !== undefined) return found;
  const exception = [...ids.exceptions].find(([e]) => e.toLowerCase() === lower);
  if (exception) {
    // An exception without an outcome or advice only stops its rule: the rule is what to ask about.
    const [name, rule] = exception;
    throw new UsageError(
      `The exception ${name} only stops rule ${rule} from applying; it decides nothing itself.`,
      `Ask about the rule instead: --why-not ${rule}`,
    );
  }
  const versions = ids.explainable.filter(
    (i) => i.toLowerCase().startsWith(`${lower}@`) && !i.includes("#"),
  );
  if (versions.length > 0) {
    throw new UsageError(
      `Rule ${wanted} has versions in force on different days: ${versions.join(", ")}.`,
      `Name one: --why-not ${versions.at(-1)}`,
    );
  }
  // A layer on several baselines names clashing ids by baseline: `programme.3.1`, `team.3.1`.
  const names = new Set((ids.baselineNames ?? []).map((n) => `${n.toLowerCase()}.${lower}`));
  const qualified = ids.explainable.filter((i) => names.has(i.toLowerCase()));
  if (qualified.length > 0) {
    throw new UsageError(
      qualified.length === 1
        ? `Rule ${wanted} is called ${qualified[0]} in this policy.`
        : `More than one baseline has a rule ${wanted}: ${qualified.join(", ")}.`,
      `Name one: --why-not ${qualified[0]}`,
    );
  }
  const guess = closest(wanted, [...ids.explainable]);
  throw new UsageError(
    `There is no rule or exception '${id}' in this policy.${guess ? ` Did you mean '${guess}'?` : ""}`,
    `Its rules and exceptions are: ${ids.explainable.join(", ")}.`,
  );
}
