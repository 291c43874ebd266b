/**
 * A compiled bundle in an Ask page link (`ask.html#b=…`, lz-string's URI-safe format). Reading it
 * treats the link as hostile: it inflates to a bounded size, and the runtime then checks the
 * bundle's shape, hash and limits before anything is decided with it.
 */
import { inflate } from "../inflate.js";

/** The most a bundle link may inflate to: the runtime's own limit on a bundle's size. */
export const MAX_BUNDLE_CHARS = 5_000_000;

/** The encoded bundle in a location hash (`#b=…`), if any. */
export function bundleFromHash(hash: string): string | undefined {
  const match = /^#?b=([A-Za-z0-9+\-$]*)$/.exec(hash);
  return match?.[1] || undefined;
}

export type BundleText =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly message: string };

export function bundleText(encoded: string): BundleText {
  if (encoded.length > MAX_BUNDLE_CHARS) {
    return { ok: false, message: "This link is too large to hold a policy." };
  }
  const inflated = inflate(encoded, MAX_BUNDLE_CHARS);
  if (inflated.ok) return { ok: true, json: inflated.text };
  return {
    ok: false,
    message:
      inflated.problem === "too-large"
        ? "This link is too large: it unpacks to more than a policy may be."
        : "This link is damaged or incomplete (perhaps cut short when it was copied).",
  };
}
