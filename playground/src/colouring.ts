/**
 * Syntax colouring for Precept, generated from the language's token list (`ALL_TOKENS`,
 * `KEYWORDS`): the lexer patterns become Monarch rules and the keyword table becomes Monarch's
 * keyword cases. Adding a keyword to the language colours it here with no second list to update.
 */
import { ALL_TOKENS, KEYWORDS } from "@precept/language";
import type { monaco } from "./monaco.js";

/** Monarch token class for each lexed token type, by the token's name in the token list. */
const CLASS_BY_TOKEN: Readonly<Record<string, string>> = {
  WhiteSpace: "white",
  Comment: "comment",
  StringLiteral: "string",
  UnterminatedString: "string.invalid",
  SingleQuoted: "string.invalid",
  ForeignOperator: "invalid",
  NumberLike: "number",
  Arrow: "operator",
  LessEqual: "operator",
  GreaterEqual: "operator",
  Less: "operator",
  Greater: "operator",
  SectionSign: "operator",
  Colon: "delimiter",
  Comma: "delimiter",
  LParen: "delimiter.parenthesis",
  RParen: "delimiter.parenthesis",
};

type Rule = [RegExp, string | { cases: Record<string, string> }];

export function precepMonarch(): monaco.languages.IMonarchLanguage {
  const hard = KEYWORDS.filter((k) => k.kind === "hard").map((k) => k.word);
  const soft = KEYWORDS.filter((k) => k.kind === "soft").map((k) => k.word);
  const rules: Rule[] = [];
  for (const token of ALL_TOKENS) {
    const pattern = token.PATTERN;
    if (!(pattern instanceof RegExp)) continue; // keywords: matched through Word below
    if (token.name === "Word") {
      rules.push([
        pattern,
        { cases: { "@hardKeywords": "keyword", "@softKeywords": "keyword.soft", "@default": "" } },
      ]);
    } else {
      rules.push([pattern, CLASS_BY_TOKEN[token.name] ?? ""]);
    }
  }
  // Anything the lexer would not accept.
  rules.push([/./, "invalid"]);
  return {
    ignoreCase: true,
    defaultToken: "",
    hardKeywords: hard,
    softKeywords: soft,
    tokenizer: { root: rules },
  };
}

/** A small JSON colouring for the read-only bundle view. */
export const jsonMonarch: monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, "type"],
      [/"(?:[^"\\]|\\.)*"/, "string"],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, "number"],
      [/\b(?:true|false|null)\b/, "keyword"],
      [/[{}[\],:]/, "delimiter"],
    ],
  },
};

/** Colours chosen for contrast (WCAG AA on white) rather than taste. */
export const theme: monaco.editor.IStandaloneThemeData = {
  base: "vs",
  inherit: true,
  rules: [
    { token: "keyword", foreground: "7b1fa2", fontStyle: "bold" },
    // Soft keywords are mostly words inside names ("consent to publish"): not highlighted.
    { token: "keyword.soft", foreground: "1d1d1f", fontStyle: "" },
    { token: "string", foreground: "1b5e20" },
    { token: "string.invalid", foreground: "b71c1c" },
    { token: "invalid", foreground: "b71c1c", fontStyle: "underline" },
    { token: "number", foreground: "0d47a1" },
    { token: "comment", foreground: "5f6368", fontStyle: "italic" },
    { token: "operator", foreground: "a14a00" },
    { token: "type", foreground: "0d47a1" },
  ],
  colors: {},
};

/** The same colours for a dark background (WCAG AA on #18181b). */
export const darkTheme: monaco.editor.IStandaloneThemeData = {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "keyword", foreground: "c4a7ff", fontStyle: "bold" },
    { token: "keyword.soft", foreground: "e4e4e7", fontStyle: "" },
    { token: "string", foreground: "86efac" },
    { token: "string.invalid", foreground: "fca5a5" },
    { token: "invalid", foreground: "fca5a5", fontStyle: "underline" },
    { token: "number", foreground: "93c5fd" },
    { token: "comment", foreground: "a1a1aa", fontStyle: "italic" },
    { token: "operator", foreground: "fdba74" },
    { token: "type", foreground: "93c5fd" },
  ],
  colors: { "editor.background": "#18181b" },
};
