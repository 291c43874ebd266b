/**
 * Words for generated policies: ordinary words, words with letters beyond ASCII, and soft keywords
 * (which may sit inside a name, never first). No hard keyword and nothing `__proto__`-like.
 */
import fc from "fast-check";

/** Ordinary words, some capitalised. */
// biome-ignore format: a word list reads best filled
export const WORDS = [
  "consent", "client", "photo", "friend", "request", "online", "group", "message", "record",
  "clinic", "staff", "session", "peer", "worker", "review", "public", "private", "personal",
  "former", "current", "colleague", "family", "supervisor", "research", "data", "image", "post",
  "comment", "profile", "account", "contact", "therapy", "risk", "minor", "adult", "team",
  "manager", "student", "trainee", "platform", "forum", "blog", "video", "email", "phone",
  "premises", "service", "user", "member", "care", "health", "report", "story", "media", "network",
  "page", "site", "chat", "Capacity", "Relationship", "NHS", "GP",
];
/** Letters beyond ASCII, apostrophes, hyphens and dots inside words. */
// biome-ignore format: a word list reads best filled
export const UNUSUAL_WORDS = [
  "café", "naïve", "Zoë", "Łódź", "straße", "señora", "δίκτυο", "мир", "社会", "o'brien",
  "well-being", "follow-up", "e-mail", "user’s", "x.y", "A1",
];
/** Soft keywords are ordinary words inside a phrase (never first: `is one of …` starts a list). */
// biome-ignore format: a word list reads best filled
export const INNER_WORDS = [
  "of", "to", "first", "text", "number", "yes", "no", "section", "advice", "needs", "rules",
  "strongest", "one", "date", "on", "before", "after", "within", "ago", "today", "from", "until",
  "in", "as",
];
/** Numbers may sit inside a name after its first word: "stage 2", "over 18s", "the 1st contact". */
export const NUMBER_WORDS = ["2", "12", "18s", "1st", "2.5", "2026-01"];
export const VOCABULARY = new Set([...WORDS, ...UNUSUAL_WORDS, ...INNER_WORDS, ...NUMBER_WORDS]);
export const SOURCE_IDS = ["bps", "hcpc", "nice", "gmc", "nhs", "local", "ico", "dcp"];
// biome-ignore format: a word list reads best filled
export const TEXT_CHARS = [
  ..."abcdefghij klmnop ABC 0123456789 ,.;:!?()-'", '"', "\\", "#", "→", "§", "é", "ß", "—", "\t",
  "\n", "“", "”", "社", "😀",
];
export const COMMENT_CHARS = [..."abcxyz ABC 012 #\"'\\()→:,.", "é", "😀", "\t"];

/** The matching key of a phrase (as the language computes it). */
export function phraseKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

const firstWord = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNUSUAL_WORDS) },
);
const laterWord = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNUSUAL_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...INNER_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_WORDS) },
);
/** A phrase of one to three words. */
export const phraseArbitrary: fc.Arbitrary<string> = fc
  .tuple(firstWord, fc.array(laterWord, { maxLength: 2 }))
  .map(([first, rest]) => [first, ...rest].join(" "));

/** Unique names (by key), shared by everything one policy (and its layer) declares. */
export const namePool = (size: number) =>
  fc.uniqueArray(phraseArbitrary, { minLength: size, maxLength: size, selector: phraseKey });

export const textArbitrary = (maxLength = 24) =>
  fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength }).map((cs) => cs.join(""));
export const sentenceArbitrary = fc
  .tuple(fc.constantFrom(...WORDS), textArbitrary(30))
  .map(([w, t]) => `${w} ${t}`);
