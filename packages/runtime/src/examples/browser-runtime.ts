// Deciding and explaining with @precept/runtime in the browser (bundled with Vite, webpack…).
import { type Decider, loadBundle } from "../index.js";

let decider: Decider | undefined;

async function load(bundleUrl: string): Promise<Decider> {
  if (!decider) {
    const loaded = loadBundle(await (await fetch(bundleUrl)).text());
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    decider = loaded.decider;
  }
  return decider;
}

export async function decideInBrowser(bundleUrl: string, facts: Record<string, unknown>) {
  // decideSync gives the same answer as decide without a promise: handy on every change to a form.
  const decision = (await load(bundleUrl)).decideSync(facts);
  return {
    text: decision.explanation,
    outcome: decision.ok ? decision.outcome : "invalid",
    ask: decision.ok ? (decision.undetermined?.needs ?? []) : [],
  };
}

/** Why a rule did not apply: the failed conditions, with the values given. */
export async function whyNot(bundleUrl: string, rule: string, facts: Record<string, unknown>) {
  const answer = (await load(bundleUrl)).whyNot(rule, facts);
  return answer.ok ? answer.explanation : answer.errors.map((e) => e.message).join(" ");
}
