/** Editor language services: pure functions over a text and an offset, used by the playground. */
export { type CodeAction, codeActions, type TextEdit } from "./actions.js";
export { type CompletionItem, type CompletionKind, complete } from "./complete.js";
export type { ServiceContext } from "./context.js";
export { definition, type Location } from "./definition.js";
export { type Hover, hover } from "./hover.js";
export { escapeMarkdown } from "./markdown.js";
export { type OutlineKind, type OutlineSymbol, outline } from "./outline.js";
