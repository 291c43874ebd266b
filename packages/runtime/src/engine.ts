/**
 * json-rules-engine as the evaluator of `decide`. Two traps shape this file (see
 * /docs/embedding.md): concurrent `run()` calls on one Engine share its `status`, so one run's end
 * can make another skip its rules (json-rules-engine issue #303) — hence a pool in which each engine
 * serves one run at a time; and a missing fact rejects the run, while `allowUndefinedFacts` makes
 * `not` succeed on it — hence unknown facts are never left to the engine (see `dualRules`).
 */
import { Engine, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import type { Bundle, Condition, FactValue, TestCondition } from "./bundle.js";
import { NEGATED } from "./explain.js";
import type { Values } from "./program.js";

/** Engines, each running one fact set at a time; extra callers wait their turn. */
export class EnginePool {
  private readonly idle: Engine[] = [];
  private readonly waiting: ((engine: Engine) => void)[] = [];
  private created = 0;

  constructor(
    private readonly rules: readonly RuleProperties[],
    private readonly size = 4,
  ) {}

  /** The names of the rules whose conditions hold. */
  async run(facts: Record<string, FactValue | null>): Promise<Set<string>> {
    const engine = await this.acquire();
    try {
      const { results } = await engine.run(facts);
      return new Set(results.map((r) => String(r.name)));
    } finally {
      this.release(engine);
    }
  }

  private acquire(): Promise<Engine> {
    const engine = this.idle.pop();
    if (engine) return Promise.resolve(engine);
    if (this.created < this.size) {
      this.created++;
      // Rules are copied on the way in; the engine never sees the bundle's own objects.
      return Promise.resolve(new Engine(this.rules.map((r) => ({ ...r }))));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(engine: Engine): void {
    const next = this.waiting.shift();
    if (next) next(engine);
    else this.idle.push(engine);
  }
}

/** The bundle's rules as json-rules-engine takes them. */
export function bundleRules(bundle: Bundle): RuleProperties[] {
  return bundle.rules.map((r) => ({
    name: r.name,
    conditions: r.conditions as TopLevelCondition,
    event: { type: r.event.type },
  }));
}

/**
 * Rules that decide, with unknown facts given as `null`, whether each bundle rule certainly holds
 * (`T:<name>`) or certainly fails (`F:<name>`); neither means unknown. This is Kleene's logic in
 * two-valued form: T(all) = all T, F(all) = any F, T(not c) = F(c), and at a test on a fact,
 * "certainly" adds "the fact is known" wherever `null` would otherwise pass (`notEqual`, `notIn`).
 * Constants fold away; a rule that is certain either way needs no engine rule (`fixed`).
 */
export function dualRules(bundle: Bundle): {
  rules: RuleProperties[];
  fixed: Map<string, boolean>;
} {
  const rules: RuleProperties[] = [];
  const fixed = new Map<string, boolean>();
  for (const r of bundle.rules) {
    for (const want of [true, false]) {
      const c = certainly(r.conditions, want);
      const name = `${want ? "T" : "F"}:${r.name}`;
      if (typeof c === "boolean") {
        if (c) fixed.set(r.name, want);
      } else {
        const root = "fact" in c ? { all: [c] } : c;
        rules.push({ name, conditions: root as TopLevelCondition, event: { type: "certain" } });
      }
    }
  }
  return { rules, fixed };
}

type Out = Condition | boolean;

/** A condition that holds exactly when `c` certainly has the value `want`. */
function certainly(c: Condition, want: boolean): Out {
  if (c.name === "constant:true" || c.name === "constant:false")
    return (c.name === "constant:true") === want;
  if ("not" in c) return certainly(c.not, !want);
  if ("all" in c || "any" in c) {
    const conjunction = "all" in c === want;
    const parts = ("all" in c ? c.all : c.any).map((x) => certainly(x, want));
    return conjunction ? allOf(parts) : anyOf(parts);
  }
  const operator = want ? c.operator : NEGATED[c.operator];
  const test: TestCondition = { fact: c.fact, operator, value: c.value };
  // null equals nothing, is in no list and fails every numeric comparison — but passes these two.
  if (operator === "notEqual" || operator === "notIn") {
    return {
      all: [test, { fact: c.fact, operator: "notEqual", value: null as unknown as FactValue }],
    };
  }
  return test;
}

function allOf(parts: readonly Out[]): Out {
  if (parts.includes(false)) return false;
  const rest = parts.filter((p): p is Condition => p !== true);
  return rest.length === 0 ? true : rest.length === 1 ? rest[0]! : { all: rest };
}

function anyOf(parts: readonly Out[]): Out {
  if (parts.includes(true)) return true;
  const rest = parts.filter((p): p is Condition => p !== false);
  return rest.length === 0 ? false : rest.length === 1 ? rest[0]! : { any: rest };
}

/** The fact set json-rules-engine gets: every declared fact, unknown ones as `null`. */
export function engineFacts(
  names: readonly string[],
  values: Values,
): Record<string, FactValue | null> {
  const facts: Record<string, FactValue | null> = Object.create(null);
  for (let i = 0; i < names.length; i++) facts[names[i]!] = values[i] ?? null;
  return facts;
}
