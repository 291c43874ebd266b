/**
 * The language package, loaded on first use. Importing it builds the parser (Chevrotain), which
 * takes most of a second; help, usage errors and missing files should not wait for that.
 */
export const loadLanguage = () => import("@precept/language");
