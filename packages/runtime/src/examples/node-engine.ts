// Deciding with plain json-rules-engine (Node): no Precept code at all.
import { readFileSync } from "node:fs";
import { Engine } from "json-rules-engine";

export async function decideWithEngine(
  bundlePath: string,
  facts: Record<string, string | number | boolean>,
): Promise<string> {
  const bundle = JSON.parse(readFileSync(bundlePath, "utf8"));
  // Every declared fact must be given: json-rules-engine rejects a run with a missing fact.
  for (const fact of bundle.facts) {
    if (!(fact.name in facts)) throw new Error(`Missing fact: ${fact.name}`);
  }
  // A new Engine per run: concurrent runs on one Engine can skip rules (json-rules-engine #303).
  const engine = new Engine(bundle.rules);
  const { events } = await engine.run(facts);
  // The event with the highest strength is the decision; no event means the default outcome.
  let outcome: string = bundle.defaultOutcome;
  let strength = -1;
  for (const event of events) {
    if (event.params?.strength > strength) {
      strength = event.params?.strength;
      outcome = event.type;
    }
  }
  return outcome;
}
