/**
 * Generated benchmark policies of any size, from one seeded description: as Precept text (for the
 * compiler), as json-rules-engine rules written the plain way (flat `all`, an exception as a `not`
 * and a rule of its own), and as a hand-written JS decision loop over the same table.
 */
const NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
const COLOURS = ["red", "green", "blue", "amber", "grey"];
export const OUTCOMES = ["prohibit", "decline", "seek advice", "caution", "allow"];
/** The five BPS outcomes' strengths, as the compiler numbers them (strongest highest). */
export const STRENGTH: Record<string, number> = {
  prohibit: 5,
  decline: 4,
  "seek advice": 3,
  caution: 2,
  allow: 1,
};

type Op = "equal" | "lessThan" | "greaterThanInclusive";
interface Test {
  readonly fact: string;
  readonly operator: Op;
  readonly value: string | number | boolean;
}
interface RuleSpec {
  readonly id: string;
  readonly tests: readonly Test[];
  readonly outcome: string;
  readonly unless?: { readonly test: Test; readonly outcome?: string };
}

/** mulberry32: a small, seeded PRNG, so every run measures the same policies. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACTS = [
  ...NAMES.map((n) => ({ name: `pick ${n}`, kind: "choice" as const })),
  ...NAMES.map((n) => ({ name: `flag ${n}`, kind: "yes/no" as const })),
  ...NAMES.map((n) => ({ name: `count ${n}`, kind: "number" as const })),
];

function randomTest(random: () => number, avoid: Set<string>): Test {
  let f = FACTS[Math.floor(random() * FACTS.length)]!;
  while (avoid.has(f.name)) f = FACTS[Math.floor(random() * FACTS.length)]!;
  avoid.add(f.name);
  if (f.kind === "choice") {
    return {
      fact: f.name,
      operator: "equal",
      value: COLOURS[Math.floor(random() * COLOURS.length)]!,
    };
  }
  if (f.kind === "yes/no") return { fact: f.name, operator: "equal", value: random() < 0.5 };
  const op: Op = random() < 0.5 ? "lessThan" : "greaterThanInclusive";
  return { fact: f.name, operator: op, value: Math.floor(random() * 10) };
}

export function generateSpec(rules: number, seed: number): RuleSpec[] {
  const random = seeded(seed);
  const out: RuleSpec[] = [];
  for (let i = 0; i < rules; i++) {
    const used = new Set<string>();
    const tests = Array.from({ length: 2 + Math.floor(random() * 2) }, () =>
      randomTest(random, used),
    );
    const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)]!;
    const withException = random() < 0.2;
    const unless = withException
      ? {
          test: randomTest(random, used),
          ...(random() < 0.5 ? { outcome: OUTCOMES[Math.floor(random() * OUTCOMES.length)]! } : {}),
        }
      : undefined;
    out.push({ id: `G-${i + 1}`, tests, outcome, ...(unless ? { unless } : {}) });
  }
  return out;
}

const testText = (t: Test): string => {
  if (typeof t.value === "boolean") return t.value ? t.fact : `not ${t.fact}`;
  if (t.operator === "equal") return `${t.fact} is ${t.value}`;
  return `${t.fact} ${t.operator === "lessThan" ? "<" : ">="} ${t.value}`;
};

export function specText(spec: readonly RuleSpec[]): string {
  const lines = [
    `policy "Generated benchmark policy, ${spec.length} rules" version "1"`,
    `source bench: "Benchmark source"`,
    "outcomes, strongest first:",
    ...OUTCOMES.map((o) => `  ${o} "${o}"`),
    "otherwise no guidance",
    ...FACTS.map((f) =>
      f.kind === "choice"
        ? `fact ${f.name}: one of ${COLOURS.join(", ")}`
        : `fact ${f.name}: ${f.kind === "yes/no" ? "yes or no" : "number"}`,
    ),
  ];
  for (const r of spec) {
    lines.push(`rule ${r.id}: ${r.tests.map(testText).join(" and ")} → ${r.outcome}`);
    lines.push(`  cites bench §1 "benchmark"`);
    if (r.unless) {
      lines.push(
        `  unless ${testText(r.unless.test)}${r.unless.outcome ? ` → ${r.unless.outcome}` : ""}`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

const jreTest = (t: Test) => ({ fact: t.fact, operator: t.operator, value: t.value });

/** The rules an embedder would write by hand: flat, with the strength in the params. */
export function specRules(spec: readonly RuleSpec[]) {
  const out = [];
  for (const r of spec) {
    const all: object[] = r.tests.map(jreTest);
    const event = (outcome: string) => ({
      type: outcome,
      params: { rule: r.id, strength: STRENGTH[outcome] },
    });
    out.push({
      name: r.id,
      conditions: { all: r.unless ? [...all, { not: jreTest(r.unless.test) }] : all },
      event: event(r.outcome),
    });
    if (r.unless?.outcome) {
      out.push({
        name: `${r.id}#1`,
        conditions: { all: [...all, jreTest(r.unless.test)] },
        event: event(r.unless.outcome),
      });
    }
  }
  return out;
}

interface Entry {
  readonly strength: number;
  readonly outcome: string;
  readonly tests: readonly Test[];
  readonly unless?: Test;
  readonly when?: Test;
}

/** A hand-written decision loop: entries strongest first, the first that applies decides. */
export function specFunction(
  spec: readonly RuleSpec[],
): (facts: Record<string, unknown>) => string {
  const entries: Entry[] = [];
  for (const r of spec) {
    entries.push({
      strength: STRENGTH[r.outcome]!,
      outcome: r.outcome,
      tests: r.tests,
      ...(r.unless ? { unless: r.unless.test } : {}),
    });
    if (r.unless?.outcome) {
      entries.push({
        strength: STRENGTH[r.unless.outcome]!,
        outcome: r.unless.outcome,
        tests: r.tests,
        when: r.unless.test,
      });
    }
  }
  entries.sort((a, b) => b.strength - a.strength);
  const holds = (t: Test, f: Record<string, unknown>): boolean => {
    const v = f[t.fact];
    return t.operator === "equal"
      ? v === t.value
      : t.operator === "lessThan"
        ? (v as number) < (t.value as number)
        : (v as number) >= (t.value as number);
  };
  return (f) => {
    outer: for (const e of entries) {
      for (const t of e.tests) if (!holds(t, f)) continue outer;
      if (e.unless && holds(e.unless, f)) continue;
      if (e.when && !holds(e.when, f)) continue;
      return e.outcome;
    }
    return "no guidance";
  };
}

export function specFacts(count: number, seed: number): Record<string, unknown>[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const facts: Record<string, unknown> = {};
    for (const f of FACTS) {
      facts[f.name] =
        f.kind === "choice"
          ? COLOURS[Math.floor(random() * COLOURS.length)]
          : f.kind === "yes/no"
            ? random() < 0.5
            : Math.floor(random() * 10);
    }
    return facts;
  });
}
