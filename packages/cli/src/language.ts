/**
 * The language package and the project tier, loaded on first use. Importing the language builds
 * the parser (Chevrotain), which takes most of a second; help, usage errors and missing files
 * should not wait for that.
 */
export const loadLanguage = () => import("@precept/language");
export const loadProject = () => import("@precept/project");
