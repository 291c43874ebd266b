/**
 * Monaco providers over Precept's language services. All language logic lives in
 * @precept/language (pure functions, tested in Node); this file converts positions and shapes at
 * the edge. Every provider reuses the analysis the markers came from (cached per text version).
 */
import {
  type CompletionKind,
  codeActions,
  complete,
  definition,
  format,
  hover,
  type OutlineKind,
  type OutlineSymbol,
  outline,
  type ServiceContext,
} from "@precept/language";
import { monaco } from "./monaco.js";
import { toMonacoRange, toPreceptRange } from "./ranges.js";
import { type FileId, LANGUAGE_ID, type PolicyFile, type Workspace } from "./workspace.js";

type Reveal = (file: FileId, range: monaco.IRange) => void;

const { CompletionItemKind: CK, SymbolKind: SK } = monaco.languages;

const COMPLETION_KIND: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: CK.Keyword,
  fact: CK.Field,
  value: CK.EnumMember,
  term: CK.Constant,
  outcome: CK.Enum,
  rule: CK.Function,
  source: CK.Module,
  snippet: CK.Snippet,
};

const SYMBOL_KIND: Record<OutlineKind, monaco.languages.SymbolKind> = {
  policy: SK.File,
  source: SK.Module,
  outcomes: SK.Enum,
  outcome: SK.EnumMember,
  fact: SK.Field,
  value: SK.EnumMember,
  term: SK.Constant,
  rule: SK.Function,
  override: SK.Method,
  disable: SK.Null,
  amend: SK.Property,
  exception: SK.Event,
  scenario: SK.Class,
};

/**
 * Registers every provider. `onFormat` hears whether a format request could format (it cannot
 * while the text has syntax errors: formatting never guesses).
 */
export function registerServices(
  workspace: Workspace,
  reveal: Reveal,
  onFormat: (formatted: boolean, errors: number) => void,
): void {
  /** The file behind a model and the context the services need for it. */
  const contextOf = (
    model: monaco.editor.ITextModel,
  ):
    | {
        file: PolicyFile;
        context: ServiceContext & { analysis: NonNullable<ServiceContext["analysis"]> };
      }
    | undefined => {
    const file = workspace.fileOfModel(model);
    if (!file) return undefined;
    return {
      file,
      context: { uri: file.uri, analysis: workspace.analyze(file.id), host: workspace.host },
    };
  };

  // A definition in another file opens its tab instead of a new editor.
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      const file = workspace.all.find((f) => f.model.uri.toString() === resource.toString());
      if (!file) return false;
      const range =
        selectionOrPosition && "startLineNumber" in selectionOrPosition
          ? selectionOrPosition
          : monaco.Range.fromPositions(selectionOrPosition ?? { lineNumber: 1, column: 1 });
      reveal(file.id, range);
      return true;
    },
  });

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const found = contextOf(model);
      if (!found) return { suggestions: [] };
      const items = complete(model.getValue(), model.getOffsetAt(position), found.context);
      return {
        suggestions: items.map((item) => ({
          label: item.label,
          kind: COMPLETION_KIND[item.kind],
          insertText: item.insertText,
          ...(item.isSnippet
            ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
            : {}),
          ...(item.detail ? { detail: item.detail } : {}),
          // Plain text, never markdown: it comes from the policy.
          ...(item.documentation ? { documentation: item.documentation } : {}),
          range: toMonacoRange(item.range),
          sortText: item.sortText,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const found = contextOf(model);
      if (!found) return null;
      const result = hover(model.getValue(), model.getOffsetAt(position), found.context);
      if (!result) return null;
      return {
        range: toMonacoRange(result.range),
        // Untrusted markdown without HTML: links cannot run commands and tags are not rendered.
        contents: [{ value: result.markdown, isTrusted: false, supportHtml: false }],
      };
    },
  });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    provideDefinition(model, position) {
      const found = contextOf(model);
      if (!found) return null;
      const location = definition(model.getValue(), model.getOffsetAt(position), found.context);
      const target = location && workspace.fileByUri(location.uri);
      if (!location || !target) return null;
      return { uri: target.model.uri, range: toMonacoRange(location.range) };
    },
  });

  monaco.languages.registerCodeActionProvider(
    LANGUAGE_ID,
    {
      provideCodeActions(model, range) {
        const found = contextOf(model);
        if (!found) return { actions: [], dispose() {} };
        const text = model.getValue();
        const actions = codeActions(
          text,
          toPreceptRange(model, range),
          found.context.analysis.diagnostics,
          found.context,
        ).map(
          (action): monaco.languages.CodeAction => ({
            title: action.title,
            kind: "quickfix",
            ...(action.isPreferred ? { isPreferred: true } : {}),
            edit: {
              edits: action.edits.flatMap((e) => {
                const target = workspace.fileByUri(e.uri);
                return target
                  ? [
                      {
                        resource: target.model.uri,
                        versionId: target.model.getVersionId(),
                        textEdit: { range: toMonacoRange(e.range), text: e.newText },
                      },
                    ]
                  : [];
              }),
            },
          }),
        );
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ["quickfix"] },
  );

  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: "Precept",
    provideDocumentFormattingEdits(model) {
      const file = workspace.fileOfModel(model);
      const result = format(model.getValue(), file ? { uri: file.uri } : {});
      onFormat(result.formatted, result.diagnostics.length);
      if (!result.formatted || result.text === model.getValue()) return [];
      return [{ range: model.getFullModelRange(), text: result.text }];
    },
  });

  monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
    displayName: "Precept",
    provideDocumentSymbols(model) {
      const found = contextOf(model);
      const document = found?.context.analysis.documents.get(found.file.uri);
      return document ? outline(document).map(toDocumentSymbol) : [];
    },
  });
}

function toDocumentSymbol(s: OutlineSymbol): monaco.languages.DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail ?? "",
    kind: SYMBOL_KIND[s.kind],
    tags: [],
    range: toMonacoRange(s.range),
    selectionRange: toMonacoRange(s.selectionRange),
    children: s.children.map(toDocumentSymbol),
  };
}
