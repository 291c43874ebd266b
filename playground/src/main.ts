/** Wires the playground together: editor, language, panels, sharing. */
import type { Analysis, Range } from "@precept/language";
import { AnalysisPanel } from "./analysis-panel.js";
import type { PanelReport } from "./analysis-report.js";
import { askUrl } from "./ask-link.js";
import { BundlePanel } from "./bundle-panel.js";
import type { Compiled } from "./compiled.js";
import { Compiler } from "./compiled.js";
import { byId } from "./dom.js";
import { PolicyEditor } from "./editor.js";
import { EXAMPLES, FILE_LABELS, URIS } from "./examples.js";
import { wireFiles } from "./files.js";
import type { Situation } from "./form.js";
import { registerLanguage } from "./language.js";
import { MarkerSync } from "./markers.js";
import { monaco } from "./monaco.js";
import { toMonacoRange } from "./ranges.js";
import { RuleMarks } from "./rule-marks.js";
import { ScenariosPanel } from "./scenarios-panel.js";
import { registerServices } from "./services.js";
import {
  encodeLink,
  type FileId,
  linkProblemMessage,
  otherBaselineMessage,
  type PlaygroundState,
} from "./share.js";
import { type SidePanel, sidePanelElements } from "./side-panel.js";
import { renderProblems } from "./status-views.js";
import { shareLink, WorkStore } from "./storage.js";
import { Tabs } from "./tabs.js";
import { setUpTheme } from "./theme.js";
import { TryPanel } from "./try-panel.js";
import { WorkNote } from "./work-note.js";
import { Workspace } from "./workspace.js";

/** The panels beside the editor, in tab order (an Analysis panel joins this list). */
const PANELS = [
  { id: "try", label: "Try a situation" },
  { id: "scenarios", label: "Scenarios" },
  { id: "bundle", label: "Compiled bundle" },
  { id: "analysis", label: "Analysis" },
] as const;
type Panel = (typeof PANELS)[number]["id"];
const side = sidePanelElements(byId("side-tabs"), byId("side"), PANELS);

registerLanguage();
setUpTheme();

const store = new WorkStore(EXAMPLES);
const restored = store.start();
const start: PlaygroundState = restored.state ?? {
  files: EXAMPLES,
  open: "baseline",
  baselineEditable: false,
  situation: {},
};

const workspace = new Workspace(URIS, start.files);
const policyEditor = new PolicyEditor(workspace, start.open, start.baselineEditable);
const markers = new MarkerSync(workspace, () => policyEditor.open);
const compiler = new Compiler();
const ruleMarks = new RuleMarks(workspace, policyEditor.editor);
let situation: Situation = { ...start.situation };
/**
 * The policy the panels decide with: the file whose tab the user chose. Showing a rule or going to
 * a definition in another file opens that file without changing it.
 */
let panelFile: FileId = start.open;
let revealing = false;
/** What the panels show: the panel policy compiled. */
let panelCompiled: Compiled | undefined;

function status(message: string): void {
  byId("status").textContent = message;
}

/** Opens a file for reading at `range`, leaving the panels with the policy they decide with. */
function openForReading(file: FileId, range?: monaco.IRange): void {
  revealing = true;
  try {
    policyEditor.openFile(file, range);
  } finally {
    revealing = false;
  }
}

/** Opens the file at `uri` and selects `range` in it. */
function reveal(uri: string, range: Range): void {
  const file = workspace.fileByUri(uri);
  if (file) openForReading(file.id, toMonacoRange(range));
}

function appendToPolicy(text: string): boolean {
  // The scenario belongs to the policy that decided it, whichever file is open for reading.
  const target = panelFile;
  if (target !== "layer" && !policyEditor.isBaselineEditable) {
    status(
      "The BPS pack is read-only: choose “Edit the baseline” first, or save scenarios in your local layer.",
    );
    return false;
  }
  const model = workspace.files[target].model;
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
  if (policyEditor.open !== target) policyEditor.openFile(target);
  policyEditor.editor.revealLine(model.getLineCount());
  return true;
}

const tryPanel = new TryPanel(byId("panel-try"), {
  situation: () => situation,
  setSituation: (next) => {
    situation = next;
    saveSoon();
  },
  showRule: (id) => {
    const symbol = workspace
      .analyze(panelFile)
      .symbols.find((s) => s.kind === "rule" && s.key === id);
    if (symbol) reveal(symbol.uri, symbol.nameRange);
  },
  appendToPolicy,
  announce: status,
  decided: (result) =>
    ruleMarks.showDecision(workspace.analyze(panelFile), panelCompiled?.bundle, result),
});

const scenariosTab = byId("tab-scenarios");
const scenariosPanel = new ScenariosPanel(byId("panel-scenarios"), {
  showScenario: (title) => {
    const symbol = workspace
      .analyze(panelFile)
      .symbols.find((s) => s.kind === "scenario" && s.label === title);
    if (symbol) reveal(symbol.uri, symbol.nameRange);
  },
  trySituation: (next) => {
    situation = next;
    saveSoon();
    sideTabs.select("try");
    tryPanel.refreshForm();
  },
  ran: (results) =>
    ruleMarks.showCoverage(workspace.analyze(panelFile), panelCompiled?.bundle, results),
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

/** Overruled and unsatisfiable rules as warnings in the editor, from the newest analysis. */
function markFindings(report: PanelReport): void {
  for (const file of workspace.all) {
    const own =
      file.uri === report.uri
        ? report.findings.filter((f) => f.severity === "warning" && f.code !== "rule-overlap")
        : [];
    monaco.editor.setModelMarkers(
      file.model,
      "precept-analysis",
      own.map((f) => ({
        ...toMonacoRange(f.range),
        severity: monaco.MarkerSeverity.Warning,
        message: f.summary,
        code: f.code,
        source: "precept analyze",
      })),
    );
  }
}

const analysisPanel = new AnalysisPanel(byId("panel-analysis"), {
  files: () => Object.fromEntries(workspace.all.map((f) => [f.uri, f.model.getValue()])),
  uri: (compiled) => workspace.files[compiled.file].uri,
  decisionDate: () => tryPanel.decisionDate,
  trySituation: (next, asOf) => {
    situation = next;
    saveSoon();
    sideTabs.select("try");
    if (asOf) tryPanel.setDecisionDate(asOf);
    tryPanel.refreshForm();
  },
  appendToPolicy,
  announce: status,
  show: (finding) => reveal(finding.uri, finding.range),
  analysed: markFindings,
});

// A dated policy is analysed as of the decision panel's decision date.
byId("decision-date").addEventListener("change", () => {
  if (panelCompiled) analysisPanel.update(panelCompiled);
});

const sidePanels: readonly SidePanel[] = [
  { ...PANELS[0], update: (c) => tryPanel.update(c) },
  { ...PANELS[1], update: (c) => scenariosPanel.update(c) },
  { ...PANELS[2], update: (c) => bundlePanel.update(c), shown: () => bundlePanel.shown() },
  { ...PANELS[3], update: (c) => analysisPanel.update(c) },
];

const sideTabs = new Tabs<Panel>(
  byId("side-tabs"),
  side.tabs as Record<Panel, HTMLButtonElement>,
  "try",
  (id) => sidePanels.find((p) => p.id === id)?.shown?.(),
);

registerServices(
  workspace,
  (file, range) => openForReading(file, range),
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

const workNote = new WorkNote(byId("work-note"), store, currentState, status);

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveSoon(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (store.save(currentState()) === "detached") workNote.render();
  }, 400);
}

/** The panels' policy, said above them (and a way to decide with the open file instead). */
function renderDecidingWith(compiled: Compiled): void {
  const title = compiled.bundle?.policy.title;
  byId("deciding-with").textContent =
    `Deciding with: ${title ?? FILE_LABELS[panelFile]}${title ? ` (${FILE_LABELS[panelFile]})` : ""}`;
  const other = byId<HTMLButtonElement>("decide-with-open");
  other.hidden = policyEditor.open === panelFile;
  other.textContent = `Decide with ${FILE_LABELS[policyEditor.open]}`;
}

byId("decide-with-open").addEventListener("click", () => {
  panelFile = policyEditor.open;
  markers.runOpen();
});

// The Ask page gets the bundle the panels decide with, put into the link as it is followed.
const askLink = byId<HTMLAnchorElement>("ask-link");
const updateAskLink = () => {
  askLink.href = askUrl(panelCompiled?.bundle);
};
for (const event of ["pointerdown", "focus", "click"])
  askLink.addEventListener(event, updateAskLink);

function refresh(file: FileId, analysis: Analysis): void {
  renderProblems(byId("problems"), workspace.files[file].uri, analysis);
  const panelAnalysis = file === panelFile ? analysis : workspace.analyze(panelFile);
  const compiled = compiler.compile(panelFile, panelAnalysis);
  panelCompiled = compiled;
  renderDecidingWith(compiled);
  for (const panel of sidePanels) panel.update(compiled);
  saveSoon();
}

markers.onAnalysed(refresh);
policyEditor.onDidChangeFile((id) => {
  if (!revealing) panelFile = id;
  markers.runOpen();
  markers.runRest();
});

byId("share").addEventListener("click", async () => {
  const link = shareLink(encodeLink(currentState(), EXAMPLES));
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
  const yours = store.kind === "mine" ? "Your saved work" : "This tab's copy";
  if (!confirm(`Replace every file with the examples? ${yours} will be lost.`)) return;
  if (store.kind === "mine") store.clearMine();
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

wireFiles(workspace, {
  open: () => policyEditor.open,
  openLayer: () => {
    panelFile = "layer";
    policyEditor.openFile("layer");
  },
  status,
});

// A new link pasted into this tab's address bar opens as a page of its own.
window.addEventListener("hashchange", () => location.reload());

if (restored.problem) status(linkProblemMessage(restored.problem));
else if (restored.otherBaseline) {
  status(otherBaselineMessage(restored.otherBaseline.made, restored.otherBaseline.here));
} else if (restored.kind === "link") status("Opened from a shared link.");
workNote.render();
markers.runOpen();
markers.runRest();
