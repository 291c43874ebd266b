/**
 * The playground's whole state as a compact string for the URL fragment (lz-string), and back.
 * Decoding treats the link as hostile: it inflates to a bounded size (see inflate.ts), anything
 * that is not exactly the expected shape is dropped, and nothing from it is ever interpreted as
 * anything but text.
 */
// A CommonJS module: its functions hang off the default export (named imports fail in Node).
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

const VERSION = 1;
/** Larger than any policy Precept accepts; keeps a hostile link from exhausting memory. */
const MAX_TEXT = 2_000_000;
const MAX_FACTS = 1_000;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function encodeState(state: PlaygroundState): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify({ v: VERSION, ...state }));
}

/** The most a link may inflate to (JSON characters): twice the largest file Precept accepts. */
export const MAX_INFLATED = 2 * MAX_TEXT;

/** Why a link could not be opened. */
export type LinkProblem = "too-large" | "damaged" | "not-a-playground";

export type ReadLink =
  | { readonly ok: true; readonly state: PlaygroundState }
  | { readonly ok: false; readonly problem: LinkProblem };

/** The state in an encoded link, or why there is none. */
export function readLink(encoded: string): ReadLink {
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
  const state = validState(raw);
  return state ? { ok: true, state } : { ok: false, problem: "not-a-playground" };
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
export function decodeState(encoded: string): PlaygroundState | undefined {
  const read = readLink(encoded);
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
