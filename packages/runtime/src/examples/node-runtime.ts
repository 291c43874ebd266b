// Deciding and explaining with @precept/runtime (Node).
import { readFileSync } from "node:fs";
import { loadBundle } from "../index.js";

export async function explain(bundlePath: string, facts: Record<string, unknown>): Promise<string> {
  const loaded = loadBundle(readFileSync(bundlePath, "utf8"));
  if (!loaded.ok) throw new Error(`Not a valid Precept bundle:\n${loaded.errors.join("\n")}`);
  const { decider } = loaded; // load once, then decide as often as you like, concurrently too

  const decision = await decider.decide(facts); // facts left out are unknown
  if (!decision.ok) return decision.explanation; // a value outside a fact's type or list
  if (decision.undetermined) {
    const questions = decision.undetermined.needs.map((need) => need.question);
    return `Not decided yet. Please answer:\n${questions.join("\n")}`;
  }
  return decision.explanation;
}
