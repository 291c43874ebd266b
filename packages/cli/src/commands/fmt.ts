import { writeFileSync } from "node:fs";
import type { ParsedArgs } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { collectPolicyFiles, FileHost, fileError, toPath } from "../files.js";
import { type Io, invoked, paint } from "../io.js";
import { loadLanguage } from "../language.js";
import { printDiagnostics } from "../policy.js";
import { plural } from "../report.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const check = args.values.check === true;
  const write = args.values.write === true;
  if (check && write) throw new UsageError("Use either --check or --write, not both.");
  const files = collectPolicyFiles(io.cwd, args.positionals);
  const host = new FileHost(io.cwd);
  const { format } = await loadLanguage();
  const p = paint(io.colour);
  const changed: string[] = [];
  /** Why a file would change, when it is not obvious from a diff: its line endings. */
  const why = new Map<string, string>();
  let failed = 0;
  for (const uri of files) {
    const text = host.readFile(uri);
    if (text === undefined) throw fileError(new Error("unreadable"), uri);
    const result = format(text, { uri });
    if (!result.formatted) {
      failed++;
      const errors = result.diagnostics.map((d) => ({ ...d, uri: d.uri ?? uri }));
      printDiagnostics(io, errors, host);
      io.stderr(
        errors.length > 0
          ? `${uri}: not formatted because of the errors above.\n`
          : `${uri}: not formatted (the formatter could not keep its meaning exactly; please report this).\n`,
      );
      if (!check && !write) io.stdout(text);
      continue;
    }
    if (result.text !== text) {
      changed.push(uri);
      if (text.includes("\r\n")) {
        const only = result.text === text.replace(/\r\n/g, "\n");
        why.set(
          uri,
          only
            ? "only its line endings: it has Windows (CRLF) line endings, Precept files use LF"
            : "its Windows (CRLF) line endings, Precept files use LF, and its layout",
        );
      }
    }
    if (write) {
      if (result.text !== text) {
        try {
          writeFileSync(toPath(io.cwd, uri), result.text);
        } catch (error) {
          throw fileError(error, uri);
        }
        io.stdout(`${p("green", "formatted")} ${uri}\n`);
      }
    } else if (!check) {
      io.stdout(result.text);
    }
  }
  if (check) {
    for (const uri of changed) {
      const reason = why.get(uri);
      io.stdout(`${p("yellow", "would reformat")} ${uri}${reason ? ` (${reason})` : ""}\n`);
    }
    if (why.size > 0) {
      io.stdout(
        `Run \`${invoked(io)} fmt --write\` to fix them; a .gitattributes line \`*.precept text eol=lf\` keeps Git from bringing CRLF back.\n`,
      );
    }
    io.stdout(
      changed.length === 0 && failed === 0
        ? `${p("green", "✓")} ${plural(files.length, "file")} already formatted.\n`
        : `${plural(changed.length, "file")} would be reformatted.\n`,
    );
    return changed.length > 0 || failed > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
  if (write && changed.length === 0 && failed === 0) {
    io.stdout(`${p("green", "✓")} ${plural(files.length, "file")} already formatted.\n`);
  }
  if (failed > 0)
    throw new CliError(`${plural(failed, "file")} could not be formatted.`, EXIT_FINDINGS);
  return EXIT_OK;
}
