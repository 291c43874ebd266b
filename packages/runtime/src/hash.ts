/**
 * Canonical JSON and the bundle's content hash: the one definition, used by the compiler to write
 * `hash` and by `loadBundle` to verify it. Canonical JSON: object keys sorted by UTF-16 code
 * units, no whitespace, `undefined` members dropped — so the same content always gives the same
 * bytes, whatever order the compiler happened to build objects in.
 */
import { sha256Hex } from "./sha256.js";

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    out.push(JSON.stringify(value));
  } else if (typeof value === "number") {
    // JSON has no NaN or Infinity; a bundle never holds them (facts and values are checked).
    out.push(Number.isFinite(value) ? JSON.stringify(value) : "null");
  } else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((v, i) => {
      if (i > 0) out.push(",");
      write(v === undefined ? null : v, out);
    });
    out.push("]");
  } else if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    out.push("{");
    keys.forEach((k, i) => {
      if (i > 0) out.push(",");
      out.push(JSON.stringify(k), ":");
      write(record[k], out);
    });
    out.push("}");
  } else {
    out.push("null");
  }
}

/** `sha256:<hex>` of the canonical JSON of `content`. */
export function contentHash(content: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(content))}`;
}

/** The hash a bundle should carry: of everything in it except `hash`. */
export function bundleHash(bundle: object): string {
  const { hash: _ignored, ...content } = bundle as { hash?: unknown };
  return contentHash(content);
}
