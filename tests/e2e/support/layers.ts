/** Layers for browser tests, made from the repository's example layer. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./site.js";

export const LAYER_URI = "rules/examples/northfield-trust/policy.precept";

export async function northfieldText(): Promise<string> {
  return readFile(join(ROOT, LAYER_URI), "utf8");
}

/**
 * The Northfield layer without its one dated rule (NT-3, the two years since discharge) and the
 * fact, term and scenarios it needs: a realistic layer that analysis handles whether or not it
 * analyses dates (an override, a disable, an exception and three stricter rules).
 */
export async function undatedNorthfield(): Promise<string> {
  return (await northfieldText())
    .replace(/^term "recently discharged".*\n.*\n/m, "")
    .split("\n\n")
    .filter((block) => !/discharge/.test(block))
    .join("\n\n");
}
