/** The content hash is defined once, in the runtime that verifies it (`@precept/runtime`). */
export { bundleHash, canonicalJson, contentHash } from "@precept/runtime";
