/**
 * Where the playground's work is kept. "My work" is one slot in local storage, shared by every tab;
 * a playground opened from a share link is a copy, kept for its tab only (session storage), so
 * opening a colleague's link never replaces your own work. Saving my work checks a revision
 * number: when another tab saved in between, this tab's changes become a copy of their own
 * instead of overwriting the other tab's.
 */
import {
  type BaselineId,
  type LinkProblem,
  type PlaygroundState,
  readLink,
  type Shipped,
  stateFromHash,
  validState,
} from "./share.js";

const WORK_KEY = "precept-playground/v1";
const TAB_KEY = "precept-playground/tab";

/** Where the playground on screen came from, and so where its changes are kept. */
export type WorkKind =
  /** The saved work every tab shares. */
  | "mine"
  /** A copy opened from a share link, kept for this tab only. */
  | "link"
  /** My work changed in another tab meanwhile: this tab keeps its own version. */
  | "detached";

export interface Start {
  readonly kind: WorkKind;
  /** The state to show; undefined: the examples. */
  readonly state?: PlaygroundState;
  /** A link in the address bar that could not be opened. */
  readonly problem?: LinkProblem;
  /** The link was made against another baseline than the one shipped here. */
  readonly otherBaseline?: { readonly made: BaselineId; readonly here: BaselineId };
}

interface TabCopy {
  readonly kind: "link" | "detached";
  /** The encoded link this copy was opened from (a reload of the same link keeps the edits). */
  readonly link?: string;
  readonly state: PlaygroundState;
}

export type SaveResult = "saved" | "unchanged" | "detached";

export class WorkStore {
  private kindNow: WorkKind = "mine";
  /** The revision of my work this tab last read or wrote. */
  private rev = 0;
  private link?: string;
  private lastSaved?: string;

  constructor(private readonly shipped: Shipped) {}

  get kind(): WorkKind {
    return this.kindNow;
  }

  /** The state a page load starts from: the link in the address bar, this tab's copy, my work. */
  start(): Start {
    const encoded = stateFromHash(location.hash);
    const copy = readTabCopy();
    let problem: LinkProblem | undefined;
    if (encoded !== undefined) {
      if (copy?.link === encoded) return this.begin("link", copy.state, encoded);
      const read = readLink(encoded, this.shipped);
      if (read.ok) {
        const begun = this.begin("link", read.state, encoded);
        return read.otherBaseline ? { ...begun, otherBaseline: read.otherBaseline } : begun;
      }
      problem = read.problem;
    }
    if (copy && !problem) return this.begin(copy.kind, copy.state, copy.link);
    const saved = readWork();
    this.rev = storedRev();
    this.kindNow = "mine";
    if (saved) this.lastSaved = JSON.stringify(saved.state);
    return {
      kind: "mine",
      ...(saved ? { state: saved.state } : {}),
      ...(problem ? { problem } : {}),
    };
  }

  private begin(kind: "link" | "detached", state: PlaygroundState, link?: string): Start {
    this.kindNow = kind;
    this.link = link;
    this.lastSaved = JSON.stringify(state);
    return { kind, state };
  }

  /** Keeps `state` where this tab's work belongs; never overwrites another tab's newer save. */
  save(state: PlaygroundState): SaveResult {
    const json = JSON.stringify(state);
    if (json === this.lastSaved) return "unchanged";
    this.lastSaved = json;
    if (this.kindNow !== "mine") {
      writeTabCopy({ kind: this.kindNow, ...(this.link ? { link: this.link } : {}), state });
      return "saved";
    }
    if (storedRev() !== this.rev) {
      this.kindNow = "detached";
      this.link = undefined;
      writeTabCopy({ kind: "detached", state });
      return "detached";
    }
    this.rev += 1;
    writeWork(state, this.rev);
    return "saved";
  }

  /** Whether keeping `state` as my work would replace saved work that differs from it. */
  wouldReplace(state: PlaygroundState): boolean {
    const stored = readWork();
    return stored !== undefined && JSON.stringify(stored.state) !== JSON.stringify(state);
  }

  /** Makes `state` my work (the caller has asked first when it replaces saved work). */
  keepAsMine(state: PlaygroundState): void {
    this.rev = storedRev() + 1;
    writeWork(state, this.rev);
    this.kindNow = "mine";
    this.link = undefined;
    this.lastSaved = JSON.stringify(state);
    removeTabCopy();
  }

  /** Forgets my saved work ("Reset to example" in the tab that shows it). */
  clearMine(): void {
    this.rev = storedRev() + 1;
    try {
      localStorage.removeItem(WORK_KEY);
      // A tombstone keeps the revision, so another tab's older edits are not saved over the reset.
      localStorage.setItem(`${WORK_KEY}/rev`, String(this.rev));
    } catch {
      // Storage disabled: nothing was kept.
    }
    this.lastSaved = undefined;
  }

  /** Leaves this tab's copy and shows my saved work instead. */
  openMine(): void {
    removeTabCopy();
    history.replaceState(null, "", location.pathname + location.search);
    location.reload();
  }
}

function readWork(): { state: PlaygroundState; rev: number } | undefined {
  try {
    const raw = localStorage.getItem(WORK_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { rev?: unknown };
    const state = validState(parsed);
    if (!state) return undefined;
    const rev = typeof parsed.rev === "number" && Number.isSafeInteger(parsed.rev) ? parsed.rev : 0;
    return { state, rev };
  } catch {
    return undefined;
  }
}

/** The revision of my saved work (kept after a reset too); 0 when nothing was ever saved. */
function storedRev(): number {
  const saved = readWork();
  if (saved) return saved.rev;
  try {
    const tomb = Number(localStorage.getItem(`${WORK_KEY}/rev`));
    return Number.isSafeInteger(tomb) ? tomb : 0;
  } catch {
    return 0;
  }
}

function writeWork(state: PlaygroundState, rev: number): void {
  try {
    localStorage.setItem(WORK_KEY, JSON.stringify({ v: 1, ...state, rev }));
    localStorage.removeItem(`${WORK_KEY}/rev`);
  } catch {
    // Storage full or disabled: a share link still carries the work.
  }
}

function readTabCopy(): TabCopy | undefined {
  try {
    const raw = sessionStorage.getItem(TAB_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { kind?: unknown; link?: unknown; state?: unknown };
    const state = validState(parsed.state);
    if (!state || (parsed.kind !== "link" && parsed.kind !== "detached")) return undefined;
    return {
      kind: parsed.kind,
      ...(typeof parsed.link === "string" ? { link: parsed.link } : {}),
      state,
    };
  } catch {
    return undefined;
  }
}

function writeTabCopy(copy: TabCopy): void {
  try {
    sessionStorage.setItem(TAB_KEY, JSON.stringify({ ...copy, state: { v: 1, ...copy.state } }));
  } catch {
    // Storage full or disabled: the copy lives as long as the page.
  }
}

function removeTabCopy(): void {
  try {
    sessionStorage.removeItem(TAB_KEY);
  } catch {
    // Nothing to remove.
  }
}

/** A link that opens this state (the address bar is left alone: it shows where the work lives). */
export function shareLink(encoded: string): string {
  const url = new URL(location.href);
  url.hash = `s=${encoded}`;
  return url.href;
}
