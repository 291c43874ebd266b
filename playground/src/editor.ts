/**
 * The policy editor: one Monaco editor showing either file, with a tab per file. The baseline is
 * read-only until the user asks to edit it.
 */
import { byId } from "./dom.js";
import { PACK_FILES } from "./examples.js";
import { monaco } from "./monaco.js";
import { Tabs } from "./tabs.js";
import type { FileId, Workspace } from "./workspace.js";

export class PolicyEditor {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly tabs: Tabs<FileId>;
  private readonly viewStates = new Map<FileId, monaco.editor.ICodeEditorViewState | null>();
  private baselineEditable = false;
  private readonly listeners: ((id: FileId) => void)[] = [];

  constructor(
    private readonly workspace: Workspace,
    open: FileId,
    baselineEditable: boolean,
  ) {
    this.baselineEditable = baselineEditable;
    this.editor = monaco.editor.create(byId("editor"), {
      model: workspace.files[open].model,
      readOnly: PACK_FILES.includes(open) && !baselineEditable,
      automaticLayout: true,
      minimap: { enabled: false },
      // The gutter marks each rule's scenario coverage (rule-marks.ts).
      glyphMargin: true,
      fontSize: 14,
      wordWrap: "on",
      wrappingIndent: "indent",
      scrollBeyondLastLine: false,
      renderWhitespace: "none",
      fixedOverflowWidgets: true,
      tabSize: 2,
      insertSpaces: true,
      ariaLabel: "Policy text",
      quickSuggestions: { other: true, comments: false, strings: false },
      suggestOnTriggerCharacters: true,
      // Suggestions that open while typing have none selected: Enter starts a new line, and
      // Down then Enter (or Tab) takes one. Ctrl+Space still selects the first.
      suggest: { selectionMode: "never" },
      "semanticHighlighting.enabled": false,
    });
    this.tabs = new Tabs<FileId>(
      byId("editor-pane-tabs"),
      {
        baseline: byId<HTMLButtonElement>("tab-baseline"),
        scenarios: byId<HTMLButtonElement>("tab-scenarios-file"),
        layer: byId<HTMLButtonElement>("tab-layer"),
      },
      open,
      (id) => this.show(id),
    );
    byId("edit-baseline").addEventListener("click", () =>
      this.setBaselineEditable(!this.baselineEditable),
    );
    this.renderFileBar();
  }

  get open(): FileId {
    return this.tabs.selected;
  }

  get isBaselineEditable(): boolean {
    return this.baselineEditable;
  }

  onDidChangeFile(listener: (id: FileId) => void): void {
    this.listeners.push(listener);
  }

  /** Opens a file's tab (and, with a range, reveals and selects it). */
  openFile(id: FileId, selection?: monaco.IRange): void {
    this.tabs.select(id);
    if (selection) {
      this.editor.setSelection(selection);
      this.editor.revealRangeInCenterIfOutsideViewport(selection);
      this.editor.focus();
    }
  }

  setBaselineEditable(editable: boolean): void {
    this.baselineEditable = editable;
    // Monaco sets up quick fixes only when a model is attached to a writable editor: re-attach.
    const model = this.editor.getModel();
    const view = this.editor.saveViewState();
    this.editor.setModel(null);
    this.applyReadOnly(this.open);
    this.editor.setModel(model);
    if (view) this.editor.restoreViewState(view);
    this.renderFileBar();
    for (const listener of this.listeners) listener(this.open);
  }

  private show(id: FileId): void {
    const previous = this.editor.getModel();
    const previousFile = previous && this.workspace.fileOfModel(previous);
    if (previousFile) this.viewStates.set(previousFile.id, this.editor.saveViewState());
    // Read-only first: Monaco decides on attaching a model whether quick fixes are offered.
    this.applyReadOnly(id);
    this.editor.setModel(this.workspace.files[id].model);
    const state = this.viewStates.get(id);
    if (state) this.editor.restoreViewState(state);
    this.renderFileBar();
    for (const listener of this.listeners) listener(id);
  }

  private isReadOnly(id: FileId): boolean {
    return PACK_FILES.includes(id) && !this.baselineEditable;
  }

  private applyReadOnly(id: FileId): void {
    this.editor.updateOptions({
      readOnly: this.isReadOnly(id),
      readOnlyMessage: {
        value: "The BPS pack is read-only. Choose “Edit the baseline” to change it.",
      },
    });
  }

  private renderFileBar(): void {
    const inPack = PACK_FILES.includes(this.open);
    const readOnly = this.isReadOnly(this.open);
    const button = byId<HTMLButtonElement>("edit-baseline");
    button.hidden = !inPack;
    button.setAttribute("aria-pressed", String(this.baselineEditable));
    button.textContent = this.baselineEditable ? "Make read-only" : "Edit the baseline";
    const what =
      this.open === "baseline"
        ? "The BPS baseline"
        : this.open === "scenarios"
          ? "Scenarios for the BPS baseline"
          : "Your local layer: it extends the BPS baseline";
    byId("file-note").textContent = inPack
      ? `${what} (${readOnly ? "read-only" : "editing"})`
      : what;
  }
}
