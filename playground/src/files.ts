/**
 * `.precept` files on the user's disk: "Open…" reads one into the local layer (the BPS pack stays
 * the shipped one), "Save" downloads the open file's text — the layer, or the read-only baseline
 * for reference. An opened file is hostile input: size-limited, UTF-8 only, and only ever text.
 */
import { byId, h } from "./dom.js";
import { EXAMPLES, FILE_LABELS } from "./examples.js";
import type { FileId, Workspace } from "./workspace.js";

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

export interface FilesHost {
  /** The file open in the editor. */
  open(): FileId;
  /** Shows the layer, and decides with it. */
  openLayer(): void;
  status(message: string): void;
}

/** Wires "Open .precept…" (into the layer) and "Save .precept" (the open file). */
export function wireFiles(workspace: Workspace, host: FilesHost): void {
  /** The name of the file last opened into the layer, to save it under the same name. */
  let layerFileName: string | undefined;
  const input = byId<HTMLInputElement>("open-file-input");
  byId("open-file").addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const chosen = input.files?.[0];
    input.value = "";
    if (!chosen) return;
    const read = await readPolicyFile(chosen);
    if (!read.ok) {
      host.status(read.message);
      return;
    }
    const model = workspace.files.layer.model;
    const current = model.getValue();
    const changed = current.trim() !== "" && current !== EXAMPLES.layer && current !== read.text;
    if (
      changed &&
      !confirm(
        `Replace the local layer with “${read.name}”? Its current text will be lost unless you save it first (Save .precept).`,
      )
    ) {
      return;
    }
    // An edit, not setValue: Ctrl+Z brings the previous layer back.
    model.pushEditOperations(
      [],
      [{ range: model.getFullModelRange(), text: read.text }],
      () => null,
    );
    layerFileName = read.name;
    host.openLayer();
    host.status(`Opened “${read.name}” as the local layer.`);
  });
  byId("save-file").addEventListener("click", () => {
    const open = host.open();
    const file = workspace.files[open];
    const name = open === "layer" && layerFileName ? layerFileName : policyFileName(file.uri);
    download(name, file.model.getValue());
    host.status(`Saved ${FILE_LABELS[open]} as “${name}” (your browser's downloads).`);
  });
}
