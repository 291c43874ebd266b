/**
 * Breaking valid text a little: deleted, duplicated, swapped or replaced tokens, deleted or
 * inserted characters. Positions wrap around the text, so every mutation applies.
 */
import fc from "fast-check";

/** Words, quoted texts, comments, numbers and single punctuation, as a rough tokeniser. */
const ROUGH_TOKEN = /"(?:[^"\\\n]|\\.)*"?|“[^”\n]*”?|#[^\n]*|->|<=|>=|[\p{L}\p{N}_'’.-]+|\S/gu;
// biome-ignore format: a list reads best filled
const INSERTABLE = [
  '"', "(", ")", ":", ",", "#", "→", "\n", "=", "§", "“", "x", " ", "\\", "not ", "and ", "rule ",
  "\r", "\u2028", "\t",
];
// biome-ignore format: a list reads best filled
const KEYWORDS = [
  "policy", "rule", "when", "then", "unless", "because", "is", "not", "and", "or", "one of",
  "fact", "term", "(", ")", "→", ":",
];

type Mutation =
  | { readonly kind: "delete-token" | "duplicate-token" | "swap-tokens"; readonly at: number }
  | { readonly kind: "replace-token"; readonly at: number; readonly by: string }
  | { readonly kind: "delete-char"; readonly at: number; readonly length: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      "delete-token" as const,
      "duplicate-token" as const,
      "swap-tokens" as const,
    ),
    at: fc.nat(),
  }),
  fc.record({
    kind: fc.constant("replace-token" as const),
    at: fc.nat(),
    by: fc.constantFrom(...KEYWORDS),
  }),
  fc.record({
    kind: fc.constant("delete-char" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(...INSERTABLE),
  }),
);

/** Applies one mutation; positions wrap around the text, so every mutation applies. */
export function applyMutation(text: string, m: Mutation): string {
  if (m.kind === "delete-char" || m.kind === "insert") {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    return m.kind === "insert"
      ? text.slice(0, at) + m.text + text.slice(at)
      : text.slice(0, at) + text.slice(at + m.length);
  }
  const tokens = [...text.matchAll(ROUGH_TOKEN)].map((t) => ({
    start: t.index,
    end: t.index + t[0].length,
  }));
  if (tokens.length === 0) return text;
  const i = m.at % tokens.length;
  const t = tokens[i]!;
  const image = text.slice(t.start, t.end);
  switch (m.kind) {
    case "delete-token":
      return text.slice(0, t.start) + text.slice(t.end);
    case "duplicate-token":
      return `${text.slice(0, t.end)} ${image}${text.slice(t.end)}`;
    case "replace-token":
      return text.slice(0, t.start) + m.by + text.slice(t.end);
    case "swap-tokens": {
      const u = tokens[(i + 1) % tokens.length]!;
      if (u.start <= t.start) return text;
      return (
        text.slice(0, t.start) +
        text.slice(u.start, u.end) +
        text.slice(t.end, u.start) +
        image +
        text.slice(u.end)
      );
    }
  }
}

/** A text with one to `max` random mutations: deleted, duplicated, swapped or replaced tokens, deleted or inserted characters. */
export function mutationsOf(text: string, max = 4): fc.Arbitrary<string> {
  return fc
    .array(mutationArbitrary, { minLength: 1, maxLength: max })
    .map((ms) => ms.reduce(applyMutation, text));
}
