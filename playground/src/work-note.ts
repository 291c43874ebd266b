/**
 * The note under the header when the work on screen is not "my work" — a copy opened from a link,
 * or a tab whose saves were detached because another tab saved meanwhile — with the ways on:
 * keep it as my work (asking first when that replaces saved work), or open my saved work.
 */
import { h } from "./dom.js";
import type { PlaygroundState } from "./share.js";
import type { WorkStore } from "./storage.js";

export class WorkNote {
  constructor(
    private readonly note: HTMLElement,
    private readonly store: WorkStore,
    private readonly currentState: () => PlaygroundState,
    private readonly status: (message: string) => void,
  ) {}

  render(): void {
    const kind = this.store.kind;
    this.note.hidden = kind === "mine";
    if (kind === "mine") {
      this.note.replaceChildren();
      return;
    }
    const text =
      kind === "link"
        ? "You are looking at a copy opened from a link: changes stay in this tab, and your own saved work is kept as it was."
        : "Your saved work was changed in another tab, so this tab's changes are kept in this tab only.";
    const keep = h(
      "button",
      { type: "button", id: "keep-copy" },
      kind === "link" ? "Keep this as my work" : "Keep this tab's version as my work",
    );
    keep.addEventListener("click", () => this.keep());
    const mine = h("button", { type: "button", id: "open-mine" }, "Open my saved work");
    mine.addEventListener("click", () => this.store.openMine());
    this.note.replaceChildren(h("p", {}, text), keep, mine);
  }

  private keep(): void {
    const state = this.currentState();
    if (
      this.store.wouldReplace(state) &&
      !confirm("Replace your saved work with the version on screen? Your saved work will be lost.")
    ) {
      return;
    }
    this.store.keepAsMine(state);
    this.render();
    this.status("Kept as your work.");
  }
}
