// Deciding with plain json-rules-engine in the browser (bundled with Vite, webpack, esbuild…).
import { Engine } from "json-rules-engine";

export async function decideInBrowserWithEngine(
  bundleUrl: string,
  facts: Record<string, string | number | boolean>,
): Promise<{ outcome: string; rules: string[] }> {
  const bundle = JSON.parse(await (await fetch(bundleUrl)).text());
  const engine = new Engine(bundle.rules);
  const { events } = await engine.run(facts);
  const strongest = Math.max(0, ...events.map((e) => e.params?.strength ?? 0));
  const deciding = events.filter(
    (e) => e.params?.strength === strongest && e.params?.kind !== "advice",
  );
  return {
    outcome: deciding[0]?.type ?? bundle.defaultOutcome,
    rules: deciding.map((e) => e.params?.exception ?? e.params?.rule),
  };
}
