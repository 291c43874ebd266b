/**
 * The playground's whole state as a compact string for the URL fragment (lz-string), and back.
 * Decoding treats the link as hostile: it inflates to a bounded size (see inflate.ts), anything
 * that is not exactly the expected shape is dropped, and nothing from it is ever interpreted as
 * anything but text.
 */
// A CommonJS module: its functions hang off the default export (named imports fail in Node).
import { contentHash } from "@precept/runtime";
import LZString from "lz-string";
import { inflate } from "./inflate.js";

export type FileId = "baseline" | "scenarios" | "layer";
/** A several-valued fact's value is the array of its values that hold. */
export type SituationValue = string | number | boolean | readonly string[];
/** The facts of a situation being tried, by fact key; a fact left out is unknown. */
export type Situation = Record<string, SituationValue>;

export interface PlaygroundState {
  /** The text of each file. */
  readonly files: Readonly<Record<FileId, string>>;
  /** The tab that is open. */
  readonly open: FileId;
  readonly baselineEditable: boolean;
  /** The facts of the situation being tried, by fact key. */
  readonly situation: Readonly<Record<string, SituationValue>>;
}

/** Version 1 carries every file; version 2 only what differs from the baseline the site ships. */
const VERSION = 1;
const DIFF_VERSION = 2;
/** Larger than any policy Precept accepts; keeps a hostile link from exhausting memory. */
const MAX_TEXT = 2_000_000;
const MAX_FACTS = 1_000;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A link with every file (version 1; still read, and used where no baseline is shipped). */
export function encodeState(state: PlaygroundState): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify({ v: VERSION, ...state }));
}

/** The BPS pack this site ships, which links leave out unless it was edited. */
export interface Shipped {
  readonly baseline: string;
  readonly scenarios: string;
}

/** Which baseline a link was made against: its declared version and the hash of its texts. */
export interface BaselineId {
  readonly version: string;
  readonly hash: string;
}

export function baselineId(shipped: Shipped): BaselineId {
  const version = /^policy\s+"(?:[^"\\]|\\.)*"\s+version\s+"([^"]{0,100})"/m.exec(
    shipped.baseline,
  )?.[1];
  return {
    version: version ?? "unknown",
    hash: contentHash({ baseline: shipped.baseline, scenarios: shipped.scenarios }),
  };
}

/**
 * A link with only what differs from the shipped pack: the layer, the pack's files only when they
 * were edited, and the pack's version and hash (so a link opened on a site shipping another
 * version says so).
 */
export function encodeLink(state: PlaygroundState, shipped: Shipped): string {
  const { files, ...rest } = state;
  const payload = {
    v: DIFF_VERSION,
    base: baselineId(shipped),
    files: {
      layer: files.layer,
      ...(files.baseline !== shipped.baseline ? { baseline: files.baseline } : {}),
      ...(files.scenarios !== shipped.scenarios ? { scenarios: files.scenarios } : {}),
    },
    ...rest,
  };
  return LZString.compressToEncodedURIComponent(JSON.stringify(payload));
}

/** The most a link may inflate to (JSON characters): twice the largest file Precept accepts. */
export const MAX_INFLATED = 2 * MAX_TEXT;

/** Why a link could not be opened. */
export type LinkProblem = "too-large" | "damaged" | "not-a-playground";

export type ReadLink =
  | {
      readonly ok: true;
      readonly state: PlaygroundState;
      /** Set when the link was made against a baseline other than the one shipped here. */
      readonly otherBaseline?: { readonly made: BaselineId; readonly here: BaselineId };
    }
  | { readonly ok: false; readonly problem: LinkProblem };

/** The state in an encoded link, or why there is none. */
export function readLink(encoded: string, shipped?: Shipped): ReadLink {
  // Chromium refuses URLs over 2 MB; anything longer did not come from a browser's address bar.
  if (encoded.length > MAX_TEXT) return { ok: false, problem: "too-large" };
  const inflated = inflate(encoded, MAX_INFLATED);
  if (!inflated.ok) return inflated;
  let raw: unknown;
  try {
    raw = JSON.parse(inflated.text);
  } catch {
    return { ok: false, problem: "damaged" };
  }
  const full = shipped ? withShipped(raw, shipped) : { raw };
  const state = validState(full.raw);
  if (!state) return { ok: false, problem: "not-a-playground" };
  return { ok: true, state, ...(full.otherBaseline ? { otherBaseline: full.otherBaseline } : {}) };
}

/** What a link says about another baseline version, for the person opening it. */
export function otherBaselineMessage(made: BaselineId, here: BaselineId): string {
  const which =
    made.version === here.version
      ? `a different copy of version ${made.version} of the BPS baseline`
      : `version ${made.version} of the BPS baseline, and this playground has version ${here.version}`;
  return `This link was made against ${which}: its layer is shown on this playground's baseline, so some decisions may differ from what its author saw.`;
}

/** A version 2 link filled in with the shipped pack's files (and a note when it was another). */
function withShipped(
  raw: unknown,
  shipped: Shipped,
): { raw: unknown; otherBaseline?: { made: BaselineId; here: BaselineId } } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { raw };
  const r = raw as Record<string, unknown>;
  if (r.v !== DIFF_VERSION) return { raw };
  const files = r.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return { raw: null };
  const f = files as Record<string, unknown>;
  const own = (id: FileId) => (Object.hasOwn(f, id) ? f[id] : undefined);
  const here = baselineId(shipped);
  const base = r.base as Record<string, unknown> | null | undefined;
  const made =
    typeof base?.version === "string" && typeof base.hash === "string"
      ? { version: base.version.slice(0, 100), hash: base.hash.slice(0, 100) }
      : undefined;
  const filled = {
    ...r,
    v: VERSION,
    files: {
      baseline: own("baseline") ?? shipped.baseline,
      scenarios: own("scenarios") ?? shipped.scenarios,
      layer: own("layer"),
    },
  };
  const usesShipped = own("baseline") === undefined;
  if (usesShipped && made && made.hash !== here.hash) {
    return { raw: filled, otherBaseline: { made, here } };
  }
  return { raw: filled };
}

/** What to tell the person who opened a link that could not be read. */
export function linkProblemMessage(problem: LinkProblem): string {
  switch (problem) {
    case "too-large":
      return `This link could not be opened: it is too large (it unpacks to more than ${MAX_INFLATED / 1_000_000} million characters).`;
    case "damaged":
      return "This link could not be opened: it is damaged or incomplete (perhaps cut short when it was copied). Ask for the whole link again.";
    case "not-a-playground":
      return "This link could not be opened: it does not hold a playground this version can read.";
  }
}

/** The state in an encoded string, or undefined when it is not a valid state. */
export function decodeState(encoded: string, shipped?: Shipped): PlaygroundState | undefined {
  const read = readLink(encoded, shipped);
  return read.ok ? read.state : undefined;
}

/** Checks a parsed value field by field and keeps only what is expected. */
export function validState(raw: unknown): PlaygroundState | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.v !== VERSION) return undefined;
  const files = r.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
  const f = files as Record<string, unknown>;
  const text = (id: FileId): string | undefined => {
    const value = Object.hasOwn(f, id) ? f[id] : undefined;
    return typeof value === "string" && value.length <= MAX_TEXT ? value : undefined;
  };
  const baseline = text("baseline");
  const scenarios = text("scenarios");
  const layer = text("layer");
  if (baseline === undefined || scenarios === undefined || layer === undefined) return undefined;
  return {
    files: { baseline, scenarios, layer },
    open: r.open === "baseline" || r.open === "scenarios" ? r.open : "layer",
    baselineEditable: r.baselineEditable === true,
    situation: validSituation(r.situation),
  };
}

function validSituation(raw: unknown): Record<string, SituationValue> {
  const out: Record<string, SituationValue> = Object.create(null);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return out;
  let count = 0;
  for (const [key, value] of Object.entries(raw)) {
    if (count >= MAX_FACTS || UNSAFE_KEYS.has(key) || key.length > 500) continue;
    if (typeof value === "string" && value.length <= 10_000) out[key] = value;
    else if (typeof value === "number" && Number.isFinite(value)) out[key] = value;
    else if (typeof value === "boolean") out[key] = value;
    else if (
      Array.isArray(value) &&
      value.length <= 200 &&
      value.every((v) => typeof v === "string" && v.length <= 500)
    )
      out[key] = [...value];
    else continue;
    count += 1;
  }
  return out;
}

/** The encoded state in a location hash (`#s=…`), if any. */
export function stateFromHash(hash: string): string | undefined {
  const match = /^#?s=([A-Za-z0-9+\-$]*)$/.exec(hash);
  return match?.[1] || undefined;
}
