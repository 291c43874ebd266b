/**
 * Accessible tabs (WAI-ARIA tab pattern): buttons with role "tab" in a "tablist"; arrow keys,
 * Home and End move between them; only the selected tab is in the tab order.
 */
export class Tabs<Id extends string> {
  private readonly tabs: Map<Id, HTMLButtonElement>;
  private selectedId: Id;

  constructor(
    list: HTMLElement,
    tabs: Record<Id, HTMLButtonElement>,
    initial: Id,
    private readonly onSelect: (id: Id) => void,
  ) {
    this.tabs = new Map(Object.entries(tabs) as [Id, HTMLButtonElement][]);
    this.selectedId = initial;
    for (const [id, tab] of this.tabs) {
      tab.addEventListener("click", () => this.select(id));
    }
    list.addEventListener("keydown", (event) => this.onKey(event));
    this.render();
  }

  get selected(): Id {
    return this.selectedId;
  }

  select(id: Id, focus = false): void {
    const changed = id !== this.selectedId;
    this.selectedId = id;
    this.render();
    if (focus) this.tabs.get(id)?.focus();
    if (changed) this.onSelect(id);
  }

  private render(): void {
    for (const [id, tab] of this.tabs) {
      const on = id === this.selectedId;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      const panelId = tab.getAttribute("aria-controls");
      const panel = panelId ? document.getElementById(panelId) : null;
      // Tabs that share one panel (the editor) leave it visible.
      if (panel && panel.dataset.shared === undefined) panel.hidden = !on;
    }
  }

  private onKey(event: KeyboardEvent): void {
    const ids = [...this.tabs.keys()];
    const at = ids.indexOf(this.selectedId);
    const next =
      event.key === "ArrowRight"
        ? ids[(at + 1) % ids.length]
        : event.key === "ArrowLeft"
          ? ids[(at - 1 + ids.length) % ids.length]
          : event.key === "Home"
            ? ids[0]
            : event.key === "End"
              ? ids.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.select(next, true);
  }
}
