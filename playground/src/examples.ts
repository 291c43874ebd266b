/**
 * The files the playground starts from: the BPS baseline pack (its policy and its scenarios) and
 * the example local layer, bundled from the repository's rule packs so the playground always
 * shows the real ones.
 */
import baselineText from "../../rules/bps-e-professionalism/policy.precept?raw";
import scenariosText from "../../rules/bps-e-professionalism/scenarios.precept?raw";
import layerText from "../../rules/examples/northfield-trust/policy.precept?raw";
import type { FileId } from "./share.js";

/** Where each file lives in the repository; `extends` paths resolve against these. */
export const URIS: Readonly<Record<FileId, string>> = {
  baseline: "rules/bps-e-professionalism/policy.precept",
  scenarios: "rules/bps-e-professionalism/scenarios.precept",
  layer: "rules/examples/northfield-trust/policy.precept",
};

export const EXAMPLES: Readonly<Record<FileId, string>> = {
  baseline: baselineText,
  scenarios: scenariosText,
  layer: layerText,
};

/** Tab labels. */
export const FILE_LABELS: Readonly<Record<FileId, string>> = {
  baseline: "BPS baseline",
  scenarios: "BPS scenarios",
  layer: "Local layer",
};

/** The files of the BPS pack: read-only until the user asks to edit them. */
export const PACK_FILES: readonly FileId[] = ["baseline", "scenarios"];
export const FILE_IDS: readonly FileId[] = ["baseline", "scenarios", "layer"];
