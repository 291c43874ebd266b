/**
 * Monaco, imported slimly: the editor core plus only the features the playground uses. Everything
 * else imports `monaco` from here so no module reaches for the full `monaco-editor` entry.
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/suggest/register";
// In 0.57 the suggest feature registers only inline suggestions; the suggest widget itself (Ctrl+Space,
// suggestions while typing) is this contribution, which editor.main imports separately.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoSymbol/register";
import "monaco-editor/features/quickOutline/register";
import "monaco-editor/features/documentSymbols/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/readOnlyMessage/register";
import "monaco-editor/features/snippet/register";
// Ctrl+M: Tab moves the focus instead of indenting (WCAG 2.1.2, no keyboard trap).
import "monaco-editor/features/toggleTabFocusMode/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";

// Monaco's own worker (diffing, word ranges). Precept's language code does not need it.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
