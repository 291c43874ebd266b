/**
 * A policy's id in URLs, from its file: `northfield.bundle.json` → `northfield`,
 * `rules/bps-e-professionalism/policy.precept` → `bps-e-professionalism` (a file named `policy`
 * takes its folder's name). Lower case letters, digits and dashes only.
 */
import * as path from "node:path";

export function policyId(file: string): string {
  let base = path.basename(file).replace(/\.(bundle\.json|json|precept)$/i, "");
  if (base.toLowerCase() === "policy" || base.toLowerCase() === "bundle") {
    base = path.basename(path.dirname(path.resolve(file)));
  }
  const id = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return id === "" ? "policy" : id;
}
