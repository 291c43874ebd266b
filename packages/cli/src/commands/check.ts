import type { Diagnostic } from "@precept/language";
import type { ParsedArgs } from "../args.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { collectPolicyFiles, FileHost } from "../files.js";
import { type Io, paint } from "../io.js";
import { loadProject } from "../language.js";
import { fileWorkspace } from "../policy.js";
import { count, formatDiagnostic, plural, reportOrder, summary, toJson } from "../report.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const files = collectPolicyFiles(io.cwd, args.positionals);
  const host = new FileHost(io.cwd);
  const workspace = await fileWorkspace(io, host);
  const all: Diagnostic[] = [];
  const { certainDiagnostics } = await loadProject();
  for (const uri of files) {
    // One by one: a spread of tens of thousands of diagnostics would overflow the stack.
    for (const d of workspace.analyze(uri).diagnostics) all.push(d);
    // Overruled and unsatisfiable rules are certain and cheap to find: warnings, where authors look.
    for (const d of certainDiagnostics(workspace, uri)) all.push(d);
  }
  const diagnostics = reportOrder(all);
  const counts = count(diagnostics);
  if (args.values.json === true) {
    io.stdout(
      `${JSON.stringify(
        diagnostics.map((d) => toJson(d)),
        null,
        2,
      )}\n`,
    );
  } else {
    const p = paint(io.colour);
    for (const d of diagnostics) io.stdout(`${formatDiagnostic(d, host.texts, p)}\n\n`);
    const checked = plural(files.length, "file");
    io.stdout(
      diagnostics.length === 0
        ? `${p("green", "✓")} No problems in ${checked}.\n`
        : `${summary(counts) || plural(diagnostics.length, "note")} in ${checked}.\n`,
    );
  }
  return counts.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
