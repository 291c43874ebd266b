/**
 * `precept <command> …`: finds the command, parses its arguments, runs it, and turns every user
 * mistake into a message on stderr with an exit code (0 success, 1 findings, 2 usage errors).
 * Commands are loaded only when run: help and usage errors stay fast.
 */
import { readFileSync } from "node:fs";
import {
  type CommandSpec,
  helpText,
  type ParsedArgs,
  parseCommandArgs,
  usageLine,
} from "./args.js";
import { CliError, EXIT_OK, EXIT_USAGE, type Misspelling, UsageError } from "./errors.js";
import { type Io, invoked, paint } from "./io.js";
import {
  analyzeSpec,
  checkSpec,
  compileSpec,
  diffSpec,
  explainSpec,
  fmtSpec,
  initSpec,
  serveSpec,
  testSpec,
} from "./specs.js";

type Run = (args: ParsedArgs, io: Io) => Promise<number>;

export interface Command {
  readonly spec: CommandSpec;
  load(): Promise<{ run: Run }>;
}

export const COMMANDS: readonly Command[] = [
  { spec: checkSpec, load: () => import("./commands/check.js") },
  { spec: fmtSpec, load: () => import("./commands/fmt.js") },
  { spec: compileSpec, load: () => import("./commands/compile.js") },
  { spec: testSpec, load: () => import("./commands/test.js") },
  { spec: explainSpec, load: () => import("./commands/explain.js") },
  { spec: analyzeSpec, load: () => import("./commands/analyze.js") },
  { spec: diffSpec, load: () => import("./commands/diff.js") },
  { spec: initSpec, load: () => import("./commands/init.js") },
  { spec: serveSpec, load: () => import("./commands/serve.js") },
];

function version(): string {
  try {
    const url = new URL("../package.json", import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function mainHelp(colour: boolean, command = "precept"): string {
  const p = paint(colour);
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  return [
    `${p("bold", "precept")} — policy-as-code for professional guidance`,
    "",
    `${p("bold", "Usage:")} ${command} <command> [options]`,
    "",
    p("bold", "Commands:"),
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    "",
    `Run \`${command} <command> --help\` for a command's options and examples.`,
    "",
    p("bold", "Examples:"),
    `  ${command} check rules`,
    `  ${command} test rules`,
    `  ${command} explain rules/bps-e-professionalism/policy.precept --fact "other person=colleague"`,
    `  ${command} init my-layer`,
    "",
    "Exit codes: 0 success, 1 findings (errors, failing scenarios), 2 usage errors.",
    "",
  ].join("\n");
}

/** The did-you-mean for a misspelling; the language (and its parser) loads only for this. */
async function hintFor(m: Misspelling | undefined): Promise<string | undefined> {
  if (!m) return undefined;
  const { closest } = await import("@precept/language");
  const guess = closest(m.word, m.candidates);
  return guess ? m.hint(guess) : undefined;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const command = COMMANDS.find((c) => c.spec.name === topic);
    if (command) {
      io.stdout(helpText(command.spec, paint(io.colour), invoked(io)));
      return EXIT_OK;
    }
    if (name === undefined) {
      io.stderr(mainHelp(io.colourErr, invoked(io)));
      return EXIT_USAGE;
    }
    io.stdout(mainHelp(io.colour, invoked(io)));
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`precept ${version()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  const p = paint(io.colourErr);
  if (!command) {
    const hint = name.startsWith("-")
      ? undefined
      : await hintFor({
          word: name,
          candidates: COMMANDS.map((c) => c.spec.name),
          hint: (guess) => ` Did you mean '${guess}'?`,
        });
    const what = name.startsWith("-") ? `Unknown option ${name}` : `Unknown command '${name}'`;
    io.stderr(
      `${p("red", "error:")} ${what}.${hint ?? ""}\n\n${mainHelp(io.colourErr, invoked(io))}`,
    );
    return EXIT_USAGE;
  }
  try {
    const args = parseCommandArgs(command.spec, rest);
    if (args.help) {
      io.stdout(helpText(command.spec, paint(io.colour), invoked(io)));
      return EXIT_OK;
    }
    const { run: runCommand } = await command.load();
    return await runCommand(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`${p("red", "error:")} ${error.message}\n`);
    const hint =
      error.hint ?? (error instanceof UsageError ? await hintFor(error.misspelling) : undefined);
    if (hint) io.stderr(`${hint}\n`);
    if (error instanceof UsageError) {
      io.stderr(
        `\nUsage: ${usageLine(command.spec, invoked(io))}\nRun \`${invoked(io)} ${command.spec.name} --help\` for details.\n`,
      );
    }
    return error.exitCode;
  }
}
