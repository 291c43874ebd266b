/**
 * Hostile policy texts of a given size, one function per shape: what a shared link, a pasted file
 * or a careless generator could hand Precept. The benchmark checks that checking them costs time
 * linear in their size; the robustness tests check that they get sound diagnostics.
 */

const HEADER = 'policy "Hostile" version "1"\n';
const OUTCOMES =
  'outcomes, strongest first:\n  prohibit "no"\n  allow "yes"\notherwise no guidance\n';

/** Repeats `piece(i)` until the text reaches `size` characters. */
function fill(start: string, size: number, piece: (i: number) => string): string {
  const parts = [start];
  let length = start.length;
  for (let i = 0; length < size; i++) {
    const p = piece(i);
    parts.push(p);
    length += p.length;
  }
  return parts.join("");
}

/** A word of `length` letters, different for each `seed`. */
export function longWord(length: number, seed: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let i = 0; i < length; i++) out += letters[(seed * 7 + i * 13 + ((i * seed) % 5)) % 26];
  return out;
}

export const HOSTILE_SHAPES = {
  /** Facts with very long names, each used misspelt (did-you-mean over long names). */
  "long names": (size: number) =>
    fill(HEADER + OUTCOMES, size, (i) => {
      const name = longWord(1500, i);
      return `fact ${name}: yes or no\nrule R${i}: ${name}x and ${name.slice(1)} → prohibit\n`;
    }),
  /** Thousands of broken rules (syntax errors everywhere, unknown names everywhere). */
  "broken rules": (size: number) =>
    fill(HEADER + OUTCOMES, size, (i) => `rule ${i} when relationshp${i} is is then\n`),
  /** Rules with the same id and unknown references: the symbol lookup on many names. */
  "duplicate names": (size: number) =>
    fill(HEADER + OUTCOMES, size, (i) => `rule 1: fact${i % 1000} → prohibit\nterm t: x${i}\n`),
  /** Parentheses and `not` nested to the limit, again and again. */
  "deep nesting": (size: number) =>
    fill(HEADER + OUTCOMES, size, (i) => {
      const depth = 190;
      return `rule N${i}: ${"(".repeat(depth / 2)}${"not ".repeat(depth / 2)}x${")".repeat(depth / 2)} → prohibit\n`;
    }),
  /** Parentheses never closed: nesting beyond the limit. */
  "unclosed nesting": (size: number) =>
    fill(HEADER + OUTCOMES, size, (i) => `rule U${i}: ${"(".repeat(300)} x → prohibit\n`),
  /** Number literals of thousands of digits. */
  "huge literals": (size: number) =>
    fill(
      `${HEADER + OUTCOMES}fact age: number\n`,
      size,
      (i) => `rule H${i}: age > ${"9".repeat(4000)} → prohibit\n`,
    ),
  /** One enormous line of words. */
  "long line": (size: number) =>
    fill(`${HEADER + OUTCOMES}rule L: `, size, (i) => `word${i % 10} and `),
  /** Comments, most of the file. */
  "many comments": (size: number) =>
    fill(
      HEADER + OUTCOMES,
      size,
      (i) => `# comment ${i} ${"x".repeat(60)}\nrule C${i}: a → allow\n`,
    ),
  /** Quoted texts never closed. */
  "unterminated quotes": (size: number) =>
    fill(HEADER + OUTCOMES, size, (i) => `rule Q${i} "open title\n  because "no end ${i}\n`),
  /** Stray words between declarations, no keyword anywhere. */
  "stray words": (size: number) => fill(HEADER, size, (i) => `lorem ipsum ${i} dolor sit amet\n`),
  /** Long lists of values, and a scenario naming each. */
  "long lists": (size: number) =>
    fill(`${HEADER + OUTCOMES}fact f: one of v0`, size, (i) => `, v${i + 1} w${i}`),
} as const satisfies Record<string, (size: number) => string>;

export type HostileShape = keyof typeof HOSTILE_SHAPES;
