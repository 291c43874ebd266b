/** The playground's link to the Ask page, carrying the compiled bundle of the policy it decides with. */
import type { Bundle } from "@precept/runtime";
import LZString from "lz-string";

/** `ask.html#b=…` for `bundle`, next to this page (any folder of any static host). */
export function askUrl(bundle: Bundle | undefined): string {
  const url = new URL("ask.html", location.href);
  if (bundle) url.hash = `b=${LZString.compressToEncodedURIComponent(JSON.stringify(bundle))}`;
  return url.href;
}
