/**
 * The railroad diagram of the grammar, generated from the parser itself (Chevrotain's diagram
 * builder), with its scripts served from next to the page: no CDN is needed to view it.
 */
import { createSyntaxDiagramsCode } from "chevrotain";
import { parser } from "./parser.js";

/** The diagram page's HTML; the scripts and CSS are expected in `./diagrams/` beside it. */
export function grammarDiagramHtml(): string {
  return createSyntaxDiagramsCode(parser.getSerializedGastProductions(), {
    resourceBase: "./diagrams/",
    css: "./diagrams/diagrams.css",
  });
}
