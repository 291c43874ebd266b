/**
 * Reading lz-string's URI-safe format (`compressToEncodedURIComponent`) with a hard limit on what it
 * inflates to. lz-string's own decompressor has none: its dictionary lets a 255 KB link stand for
 * gigabytes, which froze and crashed the tab. This is the same algorithm, stopping as soon as the
 * text would pass `limit` characters — the work done is proportional to the limit, never more.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
/** Each character's 6-bit value by its code (-1: not in the alphabet): a table, not a map, for speed. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export type Inflated =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: "too-large" | "damaged" };

/** The text an lz-string URI component stands for, if it is whole and at most `limit` long. */
export function inflate(encoded: string, limit: number): Inflated {
  const damaged = { ok: false, problem: "damaged" } as const;
  // lz-string turns spaces into `+` when links pass through forms; it reads them back as `+`.
  const input = encoded.replace(/ /g, "+");
  if (input.length === 0) return damaged;
  // The characters' values, checked once (the Ask page inflates tens of thousands of them first).
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const value = code < 128 ? VALUE[code]! : -1;
    if (value < 0) return damaged;
    values[i] = value;
  }

  let index = 1;
  let current = values[0]!;
  let position = 32;
  let exhausted = false;
  const read = (bits: number): number => {
    let out = 0;
    for (let power = 1; power < 1 << bits; power <<= 1) {
      if (position === 0) {
        if (index >= input.length) {
          exhausted = true;
          return 0;
        }
        current = values[index++]!;
        position = 32;
      }
      if (current & position) out |= power;
      position >>= 1;
    }
    return out;
  };

  const dictionary: string[] = ["", "", ""];
  let enlargeIn = 4;
  let numBits = 3;
  const first = read(2);
  if (first === 2) return { ok: true, text: "" };
  if (first !== 0 && first !== 1) return damaged;
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  if (exhausted) return damaged;
  dictionary.push(w);
  const parts = [w];
  let length = w.length;

  for (;;) {
    let code = read(numBits);
    if (exhausted) return damaged; // cut short: the end marker never came
    if (code === 2) return { ok: true, text: parts.join("") };
    if (code === 0 || code === 1) {
      const char = read(code === 0 ? 8 : 16);
      if (exhausted) return damaged;
      dictionary.push(String.fromCharCode(char));
      code = dictionary.length - 1;
      enlargeIn -= 1;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
    let entry: string;
    if (code < dictionary.length) entry = dictionary[code]!;
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return damaged;
    length += entry.length;
    if (length > limit) return { ok: false, problem: "too-large" };
    parts.push(entry);
    dictionary.push(w + entry.charAt(0));
    enlargeIn -= 1;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
    // Past 2^31 codes the shifts in `read` overflow; no link within the limit gets near.
    if (numBits > 30) return damaged;
  }
}
