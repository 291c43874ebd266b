/**
 * The token list: the single source of truth for the lexer, the parser, editor colouring and
 * keyword completion.
 *
 * Keywords are matched case-insensitively. The lexer reads every word with one pattern and then
 * looks the word up in the keyword table (faster than one pattern per keyword, and it makes
 * case-insensitivity free).
 *
 * Hard keywords end a phrase: they cannot appear inside a fact, value, term or outcome name.
 * Soft keywords (categories: Word) are ordinary words inside phrases and keywords only where the
 * grammar expects them, so a fact may be called "explicit consent to publish" and a value
 * "member of the public".
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

// Letters beyond ASCII, minus the punctuation we use ourselves (→ ≤ ≥ “ ” ’ § and friends).
const LETTER =
  "A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u2012\\u2030-\\u218F\\u2200-\\u2263\\u2266-\\uFFEF";

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00A0\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({
  name: "Comment",
  pattern: /#[^\r\n]*/,
  group: "comments",
  label: "a comment",
});
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\.)*"|“[^”\r\n]*”/,
  label: "a quoted text",
});
/** Text in single quotes: reported (Precept quotes with "), then read as the quoted text. */
export const SingleQuoted = createToken({
  name: "SingleQuoted",
  pattern: /'[^'\r\n]*'/,
  label: "a quoted text",
});
/** A quote that is not closed on its line; reported, then parsed as if it were closed. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /["“][^\r\n]*/,
  label: "a quoted text",
});
export const Arrow = createToken({ name: "Arrow", pattern: /→|->/, label: "'→'" });
/**
 * Operators from other languages (`=`, `!=`, `&&`, `||`, `!`): reported with the word to use, and
 * then read as that word, so one habit does not cascade into several errors.
 */
export const ForeignOperator = createToken({
  name: "ForeignOperator",
  pattern: /==?|!=|<>|&&?|\|\|?|!/,
  label: "an operator",
});
export const LessEqual = createToken({ name: "LessEqual", pattern: /<=|≤/, label: "'<='" });
export const GreaterEqual = createToken({ name: "GreaterEqual", pattern: />=|≥/, label: "'>='" });
export const Less = createToken({ name: "Less", pattern: /</, label: "'<'" });
export const Greater = createToken({ name: "Greater", pattern: />/, label: "'>'" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "':'" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const SectionSign = createToken({ name: "SectionSign", pattern: /§/, label: "'§'" });
/**
 * What a name (phrase) may continue with after its first word: words and numbers, so a value may
 * be called "stage 2" or a fact "contact in the last 12 months". A name cannot start with a
 * number: there it would be a number.
 */
export const NamePart = createToken({ name: "NamePart", pattern: Lexer.NA, label: "a word" });
/** Numbers and number-like ids: `18`, `2.5`, `-3`, `1.1`, `3.2a`. */
export const NumberLike = createToken({
  name: "NumberLike",
  pattern: /-?\d[\w]*(?:[.-]\w+)*/,
  label: "a number",
  categories: [NamePart],
});
/** Any word; keywords are recognised by looking the word up in KEYWORDS. */
export const Word = createToken({
  name: "Word",
  pattern: new RegExp(`[${LETTER}][${LETTER}0-9'’]*(?:[-.][${LETTER}0-9]+)*`),
  label: "a word",
  categories: [NamePart],
});

export type KeywordKind = "hard" | "soft";

export interface KeywordInfo {
  readonly token: TokenType;
  readonly word: string;
  readonly kind: KeywordKind;
}

const keywordList: KeywordInfo[] = [];

function keyword(word: string, kind: KeywordKind, name?: string): TokenType {
  const token = createToken({
    name: name ?? word[0]!.toUpperCase() + word.slice(1),
    pattern: Lexer.NA,
    label: `'${word}'`,
    ...(kind === "soft" ? { categories: [Word] } : {}),
  });
  keywordList.push({ token, word, kind });
  return token;
}

// Declarations.
export const Policy = keyword("policy", "hard");
export const Version = keyword("version", "hard");
export const Extends = keyword("extends", "hard");
export const Source = keyword("source", "hard");
export const Outcomes = keyword("outcomes", "hard");
export const Otherwise = keyword("otherwise", "hard");
export const Fact = keyword("fact", "hard");
export const Term = keyword("term", "hard");
export const Rule = keyword("rule", "hard");
export const Override = keyword("override", "hard");
export const Disable = keyword("disable", "hard");
export const Amend = keyword("amend", "hard");
export const Provided = keyword("provided", "hard");
export const Exception = keyword("exception", "hard");
export const Scenario = keyword("scenario", "hard");
export const Constraint = keyword("constraint", "hard");
// Clauses.
export const Cites = keyword("cites", "hard");
export const When = keyword("when", "hard");
export const Then = keyword("then", "hard");
export const Unless = keyword("unless", "hard");
export const Because = keyword("because", "hard");
export const Advise = keyword("advise", "hard");
export const Asks = keyword("asks", "hard");
export const Means = keyword("means", "hard");
export const Presume = keyword("presume", "hard");
export const Given = keyword("given", "hard");
export const Expect = keyword("expect", "hard");
export const Undetermined = keyword("undetermined", "hard");
// Conditions.
export const And = keyword("and", "hard");
export const Or = keyword("or", "hard");
export const Not = keyword("not", "hard");
export const Is = keyword("is", "hard");
export const Includes = keyword("includes", "hard");
// Soft keywords: words in phrases, keywords only where the grammar expects them.
export const One = keyword("one", "soft");
export const Of = keyword("of", "soft");
export const Any = keyword("any", "soft");
export const All = keyword("all", "soft");
export const None = keyword("none", "soft");
export const Also = keyword("also", "soft");
export const Yes = keyword("yes", "soft");
export const No = keyword("no", "soft");
export const NumberType = keyword("number", "soft", "NumberType");
export const TextType = keyword("text", "soft", "TextType");
export const Strongest = keyword("strongest", "soft");
export const First = keyword("first", "soft");
export const To = keyword("to", "soft");
export const By = keyword("by", "soft");
export const Rules = keyword("rules", "soft");
export const Advice = keyword("advice", "soft");
export const Needs = keyword("needs", "soft");
export const Section = keyword("section", "soft");
// Dates: `fact x: date`, `x is on or after 2024-09-01`, `x is within 2 years`, `in force from …`.
export const DateType = keyword("date", "soft", "DateType");
export const Before = keyword("before", "soft");
export const After = keyword("after", "soft");
export const On = keyword("on", "soft");
export const Within = keyword("within", "soft");
export const Ago = keyword("ago", "soft");
export const Today = keyword("today", "soft");
export const From = keyword("from", "soft");
export const Until = keyword("until", "soft");
export const In = keyword("in", "soft");
export const Force = keyword("force", "soft");
export const As = keyword("as", "soft");
// Scenario expectations: `expect at least caution`, `undetermined asking age`, `also applies 3.6`.
export const At = keyword("at", "soft");
export const Least = keyword("least", "soft");
export const Asking = keyword("asking", "soft");
export const Applies = keyword("applies", "soft");

/** Every keyword with its spelling and kind (drives completion and colouring). */
export const KEYWORDS: readonly KeywordInfo[] = keywordList;

const keywordByWord = new Map(keywordList.map((k) => [k.word, k.token]));

/** The keyword token type for a word, if it is one. */
export function keywordFor(word: string): TokenType | undefined {
  return keywordByWord.get(word.toLowerCase());
}

/** Token types that the lexer itself matches, in priority order. */
export const LEXED_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  SingleQuoted,
  Arrow,
  ForeignOperator,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Colon,
  Comma,
  LParen,
  RParen,
  SectionSign,
  NumberLike,
  Word,
];

/** Every token type the parser knows. */
export const ALL_TOKENS: readonly TokenType[] = [
  NamePart,
  ...LEXED_TOKENS,
  ...keywordList.map((k) => k.token),
];

/** Keywords that start a top-level declaration. */
export const DECLARATION_STARTS: readonly TokenType[] = [
  Policy,
  Source,
  Outcomes,
  Fact,
  Term,
  Rule,
  Override,
  Disable,
  Amend,
  Provided,
  Exception,
  Scenario,
  Constraint,
];
