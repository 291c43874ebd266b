/** Keeps the playground's state across reloads (local storage) and in share links (the URL). */
import {
  decodeState,
  encodeState,
  type PlaygroundState,
  stateFromHash,
  validState,
} from "./share.js";

const KEY = "precept-playground/v1";

/** The state a page load starts from: a share link first, then saved work, else none. */
export function initialState(): { state: PlaygroundState; from: "link" | "storage" } | undefined {
  const encoded = stateFromHash(location.hash);
  if (encoded) {
    const state = decodeState(encoded);
    if (state) return { state, from: "link" };
  }
  const saved = loadSaved();
  return saved ? { state: saved, from: "storage" } : undefined;
}

function loadSaved(): PlaygroundState | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? validState(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

export function save(state: PlaygroundState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ v: 1, ...state }));
  } catch {
    // Storage full or disabled: the share link still carries the work.
  }
}

export function clearSaved(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

/** A link that opens this state; also puts it in the address bar without reloading. */
export function shareLink(state: PlaygroundState): string {
  const url = new URL(location.href);
  url.hash = `s=${encodeState(state)}`;
  history.replaceState(null, "", url);
  return url.href;
}

export function clearHash(): void {
  const url = new URL(location.href);
  url.hash = "";
  history.replaceState(null, "", url.pathname + url.search);
}
