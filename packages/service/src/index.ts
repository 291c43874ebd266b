/**
 * @precept/service — a decision service for Precept policies over HTTP + JSON (docs/service.md).
 * `precept serve` runs it from the command line; `createService` embeds it.
 */
export type { CompilePolicy, CompileResult } from "./policies.js";
export { PolicyError } from "./policies.js";
export { policyId } from "./policy-id.js";
export { createService, type Service, type ServiceOptions } from "./service.js";
