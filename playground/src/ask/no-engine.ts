/**
 * Stands in for json-rules-engine in the Ask page's build (vite.ask.config.ts). The page decides
 * with the runtime's fast evaluator (`decideSync`) only; json-rules-engine and what it pulls in
 * (jsonpath-plus, eventemitter2, hash-it, clone) are over half of the runtime's script, which the
 * page would parse and run before its first question for nothing. The runtime creates an engine
 * only when `decide` or `runScenarios` runs, which the page never calls.
 */
export class Engine {
  constructor() {
    throw new Error(
      "The Ask page decides with the runtime's fast evaluator; json-rules-engine is not part of it.",
    );
  }
}
