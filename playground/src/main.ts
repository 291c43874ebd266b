/** Wires the playground together: editor, language, panels, sharing. */
import type { Analysis, Range } from "@precept/language";
import { BundlePanel } from "./bundle-panel.js";
import { Compiler } from "./compiled.js";
import { byId } from "./dom.js";
import { PolicyEditor } from "./editor.js";
import { EXAMPLES, URIS } from "./examples.js";
import type { Situation } from "./form.js";
import { registerLanguage } from "./language.js";
import { MarkerSync } from "./markers.js";
import { monaco } from "./monaco.js";
import { toMonacoRange } from "./ranges.js";
import { ScenariosPanel } from "./scenarios-panel.js";
import { registerServices } from "./services.js";
import { encodeState, type FileId, type PlaygroundState, stateFromHash } from "./share.js";
import { renderProblems } from "./status-views.js";
import { clearHash, clearSaved, initialState, save, shareLink } from "./storage.js";
import { Tabs } from "./tabs.js";
import { TryPanel } from "./try-panel.js";
import { Workspace } from "./workspace.js";

type Panel = "try" | "scenarios" | "bundle";

registerLanguage();

const restored = initialState();
const start: PlaygroundState = restored?.state ?? {
  files: EXAMPLES,
  open: "baseline",
  baselineEditable: false,
  situation: {},
};

const workspace = new Workspace(URIS, start.files);
const policyEditor = new PolicyEditor(workspace, start.open, start.baselineEditable);
const markers = new MarkerSync(workspace, () => policyEditor.open);
const compiler = new Compiler();
let situation: Situation = { ...start.situation };

function status(message: string): void {
  byId("status").textContent = message;
}

/** Opens the file at `uri` and selects `range` in it. */
function reveal(uri: string, range: Range): void {
  const file = workspace.fileByUri(uri);
  if (file) policyEditor.openFile(file.id, toMonacoRange(range));
}

const tryPanel = new TryPanel(byId("panel-try"), {
  situation: () => situation,
  setSituation: (next) => {
    situation = next;
    saveSoon();
  },
  showRule: (id) => {
    const symbol = workspace
      .analyze(policyEditor.open)
      .symbols.find((s) => s.kind === "rule" && s.key === id);
    if (symbol) reveal(symbol.uri, symbol.nameRange);
  },
  appendToPolicy: (text) => {
    const file = workspace.files[policyEditor.open];
    if (policyEditor.open !== "layer" && !policyEditor.isBaselineEditable) {
      status(
        "The BPS pack is read-only: choose “Edit the baseline” first, or save scenarios in your local layer.",
      );
      return false;
    }
    const model = file.model;
    const end = model.getFullModelRange().getEndPosition();
    const before = model.getValue().endsWith("\n") ? "\n" : "\n\n";
    model.pushEditOperations(
      [],
      [
        {
          range: {
            startLineNumber: end.lineNumber,
            startColumn: end.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          },
          text: `${before}${text}\n`,
        },
      ],
      () => null,
    );
    const last = model.getLineCount();
    policyEditor.editor.revealLine(last);
    return true;
  },
  announce: status,
});

const scenariosTab = byId("tab-scenarios");
const scenariosPanel = new ScenariosPanel(byId("panel-scenarios"), {
  showScenario: (title) => {
    const symbol = workspace
      .analyze(policyEditor.open)
      .symbols.find((s) => s.kind === "scenario" && s.label === title);
    if (symbol) reveal(symbol.uri, symbol.nameRange);
  },
  trySituation: (next) => {
    situation = next;
    saveSoon();
    sideTabs.select("try");
    tryPanel.refreshForm();
  },
  setCount: (passed, total) => {
    scenariosTab.replaceChildren("Scenarios");
    if (total > 0) {
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = ` ${passed}/${total}`;
      scenariosTab.append(count);
    }
  },
});

const bundlePanel = new BundlePanel(byId("panel-bundle"));

const sideTabs = new Tabs<Panel>(
  byId("side-tabs"),
  {
    try: byId<HTMLButtonElement>("tab-try"),
    scenarios: byId<HTMLButtonElement>("tab-scenarios"),
    bundle: byId<HTMLButtonElement>("tab-bundle"),
  },
  "try",
  (panel) => {
    if (panel === "bundle") bundlePanel.shown();
  },
);

registerServices(
  workspace,
  (file, range) => policyEditor.openFile(file, range),
  (formatted, errors) => {
    if (!formatted) {
      status(
        errors > 0
          ? `Not formatted: the text has ${errors} error${errors === 1 ? "" : "s"} to fix first.`
          : "Not formatted: the formatter could not keep the meaning of this text unchanged.",
      );
    }
  },
);

byId("format").addEventListener("click", () => {
  if (policyEditor.editor.getOption(monaco.editor.EditorOption.readOnly)) {
    status("The BPS pack is read-only: choose “Edit the baseline” to format it.");
    return;
  }
  void policyEditor.editor.getAction("editor.action.formatDocument")?.run();
});

function currentState(): PlaygroundState {
  return {
    files: workspace.texts(),
    open: policyEditor.open,
    baselineEditable: policyEditor.isBaselineEditable,
    situation,
  };
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveSoon(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const state = currentState();
    save(state);
    // A share link in the address bar that no longer matches would win over this work on reload.
    const shared = stateFromHash(location.hash);
    if (shared !== undefined && shared !== encodeState(state)) {
      clearHash();
      byId("share-box").hidden = true;
    }
  }, 400);
}

function refresh(file: FileId, analysis: Analysis): void {
  renderProblems(byId("problems"), workspace.files[file].uri, analysis);
  const compiled = compiler.compile(file, analysis);
  tryPanel.update(compiled);
  scenariosPanel.update(compiled);
  bundlePanel.update(compiled);
  saveSoon();
}

markers.onAnalysed(refresh);
policyEditor.onDidChangeFile(() => {
  markers.runOpen();
  markers.runRest();
});

byId("share").addEventListener("click", async () => {
  const link = shareLink(currentState());
  const box = byId("share-box");
  const input = byId<HTMLInputElement>("share-url");
  box.hidden = false;
  input.value = link;
  input.focus();
  input.select();
  try {
    await navigator.clipboard.writeText(link);
    status("Link copied. Anyone who opens it sees this playground as it is now.");
  } catch {
    status("Copy the link above: it holds this playground as it is now.");
  }
});

byId("reset").addEventListener("click", () => {
  if (!confirm("Replace every file with the examples? Your changes here will be lost.")) return;
  clearSaved();
  clearHash();
  compiler.clear();
  situation = {};
  workspace.setTexts(EXAMPLES);
  policyEditor.setBaselineEditable(false);
  policyEditor.openFile("baseline");
  tryPanel.refreshForm();
  markers.runOpen();
  markers.runRest();
  byId("share-box").hidden = true;
  status("Reset to the example policies.");
});

if (restored?.from === "link") status("Opened from a shared link.");
markers.runOpen();
markers.runRest();
