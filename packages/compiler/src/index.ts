/**
 * @precept/compiler — compiles a checked Precept policy into a bundle that json-rules-engine and
 * `@precept/runtime` run (docs/bundle-format.md). The bundle's types belong to the runtime, its
 * consumer, and are re-exported here, as is its JSON Schema
 * (`@precept/compiler/bundle.schema.json`, a copy of `@precept/runtime/bundle.schema.json`).
 */
export type {
  AllCondition,
  AnyCondition,
  Bundle,
  BundleCitation,
  BundleDefaultLoosening,
  BundleDefaultSetBy,
  BundleFact,
  BundleLayer,
  BundleLoosening,
  BundleOutcome,
  BundleRule,
  BundleRuleLoosening,
  BundleScenario,
  BundleSource,
  BundleTerm,
  Condition,
  EntryKind,
  EventParams,
  NotCondition,
  Operator,
  RootCondition,
  TestCondition,
} from "@precept/runtime";
export { CompileError, compile } from "./compile.js";
export { bundleHash, canonicalJson, contentHash } from "./hash.js";
export {
  type GeneratedModule,
  type GenerateResult,
  generateModule,
} from "./js/module.js";
