/** Registers Precept with Monaco: the language id, its colouring and its editing behaviour. */
import { darkTheme, jsonMonarch, precepMonarch, theme } from "./colouring.js";
import { monaco } from "./monaco.js";
import { LANGUAGE_ID } from "./workspace.js";

export const JSON_ID = "precept-bundle-json";
export const THEME = "precept";
export const DARK_THEME = "precept-dark";

export function registerLanguage(): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: [".precept"], aliases: ["Precept"] });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, precepMonarch());
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: "#" },
    brackets: [["(", ")"]],
    autoClosingPairs: [
      { open: "(", close: ")" },
      { open: '"', close: '"', notIn: ["string", "comment"] },
      { open: "“", close: "”", notIn: ["string", "comment"] },
    ],
    surroundingPairs: [
      { open: "(", close: ")" },
      { open: '"', close: '"' },
    ],
    // Names are phrases of several words; a "word" for the editor is one of them.
    wordPattern: /[\p{L}\p{N}_'’.-]+/u,
    onEnterRules: [
      {
        // Clauses of a declaration are indented under it.
        beforeText: /^(rule|override|exception|scenario|fact|term|outcomes)\b.*$/i,
        action: { indentAction: monaco.languages.IndentAction.Indent },
      },
    ],
  });
  monaco.languages.register({ id: JSON_ID });
  monaco.languages.setMonarchTokensProvider(JSON_ID, jsonMonarch);
  monaco.editor.defineTheme(THEME, theme);
  monaco.editor.defineTheme(DARK_THEME, darkTheme);
}
