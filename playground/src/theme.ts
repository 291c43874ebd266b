/**
 * Light or dark: the system's setting unless the user chose one (kept in local storage). The page's
 * colours follow `data-theme` on <html> (style.css); Monaco's theme is set to match.
 */
import { byId } from "./dom.js";
import { DARK_THEME, THEME } from "./language.js";
import { monaco } from "./monaco.js";

type Choice = "system" | "light" | "dark";
const KEY = "precept-playground/theme";
const system = matchMedia("(prefers-color-scheme: dark)");

function stored(): Choice {
  try {
    const value = localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

function apply(choice: Choice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  const dark = choice === "dark" || (choice === "system" && system.matches);
  monaco.editor.setTheme(dark ? DARK_THEME : THEME);
}

/** Wires the theme switch (a select of System / Light / Dark) and applies the current choice. */
export function setUpTheme(): void {
  const select = byId<HTMLSelectElement>("theme");
  select.value = stored();
  apply(select.value as Choice);
  select.addEventListener("change", () => {
    const choice = select.value as Choice;
    try {
      if (choice === "system") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Not kept: it still applies to this page.
    }
    apply(choice);
  });
  system.addEventListener("change", () => apply(select.value as Choice));
}
