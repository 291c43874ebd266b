import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Finding, PolicyReport } from "@precept/project";
import { type ParsedArgs, stringOption } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { fileError } from "../files.js";
import { type Io, type Paint, paint } from "../io.js";
import { loadProject } from "../language.js";
import { buildFile, printDiagnostics } from "../policy.js";
import { plural } from "../report.js";
import { asOfOption, asOfText, findingJson, findingText } from "./findings-text.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0]!;
  const scenariosFile = stringOption(args.values, "suggest-scenarios");
  const gapsBy = stringOption(args.values, "gaps-by");
  const showOverlaps = args.values.overlaps === true;
  const asOf = asOfOption(args.values);
  const { analyzePolicy, uncoveredScenarios, datesIn } = await loadProject();
  const { uri, host, workspace } = await buildFile(io, file);
  const report = analyzePolicy(workspace, uri, {
    overlaps: showOverlaps,
    ...(gapsBy !== undefined ? { gapsBy } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
  });
  if (report.errors.length > 0) {
    printDiagnostics(io, report.errors, host);
    throw new CliError(
      `${uri} has ${plural(report.errors.length, "error")}; it was not analysed.`,
      EXIT_FINDINGS,
      `Fix them and run \`precept check ${uri}\`.`,
    );
  }
  if (
    gapsBy !== undefined &&
    !report.findings.some((f) => f.code === "gap" && f.summary.startsWith("Where"))
  ) {
    const facts = workspace.analyze(uri).policy?.facts.map((f) => f.name) ?? [];
    if (!facts.includes(gapsBy)) {
      throw new CliError(
        `The policy has no fact '${gapsBy}' to group gaps by.`,
        2,
        `Its facts: ${facts.join(", ")}.`,
      );
    }
  }
  if (scenariosFile !== undefined) {
    const scenarios = [
      ...(await uncoveredScenarios(workspace, uri, { asOf: report.asOf })),
      ...report.scenarios,
    ];
    const text = `# Suggested by \`precept analyze ${file}\`: one witness scenario per rule no scenario\n# shows deciding, and per gap, overruled rule and impact region. Check each expectation\n# is what the policy should decide before you paste it into the policy.\n\n${scenarios.join("\n\n")}\n`;
    try {
      writeFileSync(path.resolve(io.cwd, scenariosFile), text);
    } catch (error) {
      throw fileError(error, scenariosFile);
    }
  }
  const shown = report.findings;
  const overlaps = showOverlaps ? 0 : report.overlaps;
  const policy = workspace.analyze(uri).policy;
  const dated = policy !== undefined && datesIn(policy) !== undefined;
  if (args.values.json === true) {
    io.stdout(
      `${JSON.stringify(
        {
          file: uri,
          ...(dated ? { asOf: report.asOf, changes: report.changes } : {}),
          facts: report.facts,
          situations: report.situations,
          findings: shown.map(findingJson),
          ...(showOverlaps ? {} : { overlapsNotListed: overlaps }),
          ...(report.limits.length > 0 ? { limits: report.limits } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  printReport(io, report, shown, overlaps, host.texts);
  if (dated) io.stdout(`${asOfText(report.asOf, asOf !== undefined, report.changes)}\n`);
  if (scenariosFile !== undefined) io.stdout(`Wrote suggested scenarios to ${scenariosFile}.\n`);
  return EXIT_OK;
}

function printReport(
  io: Io,
  report: PolicyReport,
  shown: readonly Finding[],
  overlaps: number,
  texts: ReadonlyMap<string, string>,
): void {
  const p = paint(io.colour);
  io.stdout(
    `${p("bold", report.uri)}: ${plural(report.facts, "fact")}, ${report.situations.toLocaleString("en-GB")} situations told apart, every one analysed.\n\n`,
  );
  for (const f of shown) io.stdout(`${findingText(f, texts, p)}\n\n`);
  for (const limit of report.limits) io.stdout(`${p("yellow", "note:")} ${limit}\n\n`);
  io.stdout(`${summaryLine(shown, overlaps, p)}\n`);
}

function summaryLine(shown: readonly Finding[], overlaps: number, p: Paint): string {
  const by = (code: string) => shown.filter((f) => f.code === code).length;
  const warnings = shown.filter((f) => f.severity === "warning").length;
  const parts = [
    warnings > 0 ? p("yellow", plural(warnings, "warning")) : `${p("green", "✓")} no warnings`,
    plural(by("gap"), "gap"),
    `${by("impact-stronger")} stricter and ${by("impact-weaker")} looser region${by("impact-stronger") + by("impact-weaker") === 1 ? "" : "s"}`,
  ];
  const tail =
    overlaps > 0
      ? ` ${plural(overlaps, "overlap")} of rules settled by strength not listed (--overlaps lists them).`
      : "";
  return `${parts.join(", ")}.${tail}`;
}
