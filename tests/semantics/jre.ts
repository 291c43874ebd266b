/**
 * Plain json-rules-engine for the tests (as an embedder would use it), with just the types the
 * tests use.
 */
import { createRequire } from "node:module";

export interface PlainEngine {
  run(facts: Record<string, unknown>): Promise<{
    events: { type: string; params?: Record<string, unknown> }[];
  }>;
}

const require = createRequire(import.meta.url);
const jre = require("json-rules-engine") as {
  Engine: new (rules?: readonly unknown[], options?: Record<string, unknown>) => PlainEngine;
};

export const Engine = jre.Engine;
