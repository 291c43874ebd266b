/**
 * The panels beside the editor, as a list: each has a tab and is told about every compiled version
 * of the policy the panels decide with. The list is the place to add one — the Analysis panel
 * (`analysis-panel.ts`: what the layer changes against its baseline, and the policy analysis) is
 * meant to join it as a fourth entry, with no other change to the page.
 */
import type { Compiled } from "./compiled.js";
import { h } from "./dom.js";

export interface SidePanel {
  /** `tab-<id>` and `panel-<id>` are the tab's and the panel's element ids. */
  readonly id: string;
  /** The tab's label. */
  readonly label: string;
  /** Each compiled version of the panels' policy (also while the panel is hidden). */
  update(compiled: Compiled): void;
  /** Called when the panel becomes visible (e.g. to create an editor that measures its size). */
  shown?(): void;
}

/** Creates the tab buttons and the panel elements for `ids`, in order. */
export function sidePanelElements(
  tabList: HTMLElement,
  container: HTMLElement,
  panels: readonly { readonly id: string; readonly label: string }[],
): { tabs: Record<string, HTMLButtonElement>; panels: Record<string, HTMLElement> } {
  const tabs: Record<string, HTMLButtonElement> = {};
  const elements: Record<string, HTMLElement> = {};
  for (const panel of panels) {
    const tab = h(
      "button",
      { type: "button", role: "tab", id: `tab-${panel.id}`, "aria-controls": `panel-${panel.id}` },
      panel.label,
    );
    const element = h("div", {
      id: `panel-${panel.id}`,
      class: "panel",
      role: "tabpanel",
      "aria-labelledby": `tab-${panel.id}`,
    });
    tabList.append(tab);
    container.append(element);
    tabs[panel.id] = tab;
    elements[panel.id] = element;
  }
  return { tabs, panels: elements };
}
