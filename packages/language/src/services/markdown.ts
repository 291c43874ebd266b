/**
 * Plain markdown from policy text. Everything a policy author wrote is escaped, so a title or a
 * quote can never become a link, an image or HTML, even in a renderer that trusts its input.
 */

/**
 * Text shown as itself: line breaks folded into spaces and every character that markdown (with
 * GitHub's autolinks) could read as markup backslash-escaped — links, images, HTML, emphasis,
 * code, headings, lists, tables, and bare URLs and e-mail addresses.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\`*_{}[\]()#+\-.!|<>~:/&@=]/g, "\\$&");
}

/** A fenced code block whose fence is longer than any run of backticks inside it. */
export function codeBlock(code: string, language = "precept"): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code.replace(/\r?\n/g, " ")}\n${fence}`;
}

/** A quoted text, in typographic quotes. */
export function quoted(text: string): string {
  return `“${escapeMarkdown(text)}”`;
}
