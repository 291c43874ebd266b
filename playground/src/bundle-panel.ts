/**
 * The compiled bundle of the open policy: read-only JSON, with a download. The JSON editor is
 * created the first time the panel is shown (Monaco measures its container).
 */
import type { Bundle } from "@precept/runtime";
import type { Compiled } from "./compiled.js";
import { h, replaceChildren } from "./dom.js";
import { JSON_ID } from "./language.js";
import { monaco } from "./monaco.js";
import { stateBanner } from "./status-views.js";

export class BundlePanel {
  private readonly banner = h("div");
  private readonly meta = h("p", { class: "meta", id: "bundle-meta" });
  private readonly download = h(
    "button",
    { type: "button", id: "download-bundle", class: "primary" },
    "Download bundle",
  );
  private readonly view = h("div", {
    class: "bundle-view",
    role: "region",
    "aria-label": "Compiled bundle (JSON, read-only)",
  });
  private readonly model = monaco.editor.createModel(
    "",
    JSON_ID,
    monaco.Uri.from({ scheme: "precept", path: "/bundle.json" }),
  );
  private editor?: monaco.editor.IStandaloneCodeEditor;
  private bundle?: Bundle;
  private json = "";

  constructor(private readonly root: HTMLElement) {
    this.download.addEventListener("click", () => this.save());
    root.append(
      this.banner,
      h("div", { class: "bundle-tools" }, this.download, this.meta),
      this.view,
    );
  }

  /** Creates the JSON view when the panel becomes visible. */
  shown(): void {
    if (this.editor || this.root.hidden) return;
    this.editor = monaco.editor.create(this.view, {
      model: this.model,
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordWrap: "on",
      fontSize: 13,
      ariaLabel: "Compiled bundle, read-only JSON",
      folding: true,
    });
  }

  update(compiled: Compiled): void {
    replaceChildren(this.banner, stateBanner(compiled, "bundle"));
    this.bundle = compiled.bundle;
    this.download.disabled = !compiled.bundle || compiled.stale;
    if (!compiled.bundle) {
      this.json = "";
      this.model.setValue("");
      this.meta.textContent = "No bundle: the policy has errors.";
      return;
    }
    const json = `${JSON.stringify(compiled.bundle, null, 2)}\n`;
    if (json !== this.json) {
      this.json = json;
      this.model.setValue(json);
    }
    const kb = (new Blob([json]).size / 1024).toFixed(1);
    this.meta.textContent = `${compiled.bundle.rules.length} rules and exceptions, ${compiled.bundle.scenarios.length} scenarios, ${kb} KB · ${compiled.bundle.hash.slice(0, 19)}…`;
  }

  private save(): void {
    if (!this.bundle) return;
    const slug =
      this.bundle.policy.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 60) || "policy";
    const url = URL.createObjectURL(new Blob([this.json], { type: "application/json" }));
    const link = h("a", { href: url, download: `${slug}.bundle.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
