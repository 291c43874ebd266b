/**
 * `.precept` files on the user's disk: "Open…" reads one into the local layer (the BPS pack stays
 * the shipped one), "Save" downloads the open file's text — the layer, or the read-only baseline
 * for reference. An opened file is hostile input: size-limited, UTF-8 only, and only ever text.
 */
import { h } from "./dom.js";

/** Larger than any policy Precept accepts. */
export const MAX_FILE_BYTES = 2_000_000;

export type ReadFile =
  | { readonly ok: true; readonly name: string; readonly text: string }
  | { readonly ok: false; readonly message: string };

/** Reads a chosen file as UTF-8 text, refusing what is too large or not text. */
export async function readPolicyFile(file: File): Promise<ReadFile> {
  const name = file.name.slice(0, 200);
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `“${name}” was not opened: it is ${(file.size / 1_000_000).toFixed(1)} MB, and a policy file may be at most ${MAX_FILE_BYTES / 1_000_000} MB.`,
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes("\u0000")) {
      return { ok: false, message: `“${name}” was not opened: it is not a text file.` };
    }
    return { ok: true, name, text };
  } catch {
    return {
      ok: false,
      message: `“${name}” was not opened: it is not UTF-8 text (save it as UTF-8 and open it again).`,
    };
  }
}

/** Offers `text` as a download named `name`. */
export function download(name: string, text: string, type = "text/plain"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A download name for a file: its folder's name (`northfield-trust.precept`), or its own name. */
export function policyFileName(uri: string): string {
  const parts = uri.split("/");
  const base = parts.at(-1) ?? "policy.precept";
  const folder = parts.at(-2);
  if (!folder) return base;
  return base === "policy.precept" ? `${folder}.precept` : `${folder}-${base}`;
}
