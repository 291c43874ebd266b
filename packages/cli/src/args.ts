/**
 * Command-line parsing over `node:util` parseArgs, with the CLI's own messages: an unknown option
 * gets a did-you-mean, a missing value says which option needs one. Every command gets `--help`.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import type { Paint } from "./io.js";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  /** Placeholder for the value in help text (`FILE`). */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  /** One line, for the command list. */
  readonly summary: string;
  /** Arguments after the command name, for the usage line (`<files|dirs…>`). */
  readonly args: string;
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly minPositionals: number;
  readonly maxPositionals?: number;
  readonly examples: readonly string[];
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

const HELP: OptionSpec = { type: "boolean", short: "h", description: "Show this help." };

function allOptions(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, help: HELP };
}

export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = allOptions(spec);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [
          name,
          {
            type: o.type,
            ...(o.short ? { short: o.short } : {}),
            ...(o.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw translate(error, spec, options);
  }
  const values = parsed.values as OptionValues;
  const help = values.help === true;
  if (!help) {
    const count = parsed.positionals.length;
    if (count < spec.minPositionals) {
      throw new UsageError(`precept ${spec.name} needs ${spec.args}.`);
    }
    if (spec.maxPositionals !== undefined && count > spec.maxPositionals) {
      const extra = parsed.positionals.slice(spec.maxPositionals).join(" ");
      throw new UsageError(`precept ${spec.name} takes ${spec.args}; unexpected: ${extra}`);
    }
  }
  return { values, positionals: parsed.positionals, help };
}

function translate(
  error: unknown,
  spec: CommandSpec,
  options: Record<string, OptionSpec>,
): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const named = /'(-{1,2}[^',\s]*)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const bare = named.replace(/^-+/, "").replace(/=.*$/, "");
    return new UsageError(`Unknown option ${named} for precept ${spec.name}.`, undefined, {
      word: bare,
      candidates: Object.keys(options),
      hint: (guess) => `Did you mean --${guess}?`,
    });
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const long = /--([\w-]+)/.exec(message)?.[1];
    const option = long ? options[long] : undefined;
    if (option?.type === "boolean") {
      return new UsageError(`The option --${long} takes no value.`);
    }
    return new UsageError(
      `The option ${long ? `--${long}` : named} needs a value${option?.value ? ` (${option.value})` : ""}.`,
    );
  }
  return new UsageError(message);
}

export function usageLine(spec: CommandSpec, command = "precept"): string {
  return `${command} ${spec.name} ${spec.args} [options]`.replace(/\s+/g, " ");
}

export function helpText(spec: CommandSpec, p: Paint, command = "precept"): string {
  const rows = Object.entries(allOptions(spec)).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`;
    return [flag, o.description + (o.multiple ? " Repeatable." : "")] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `${p("bold", "Usage:")} ${usageLine(spec, command)}`,
    "",
    spec.description,
    "",
    p("bold", "Options:"),
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    "",
    p("bold", "Examples:"),
    ...spec.examples.map((e) => `  ${e.replace(/^precept /, `${command} `)}`),
    "",
  ].join("\n");
}

/** A string option's value (the last one when repeated by mistake). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v.at(-1);
  return typeof v === "string" ? v : undefined;
}

export function listOption(values: OptionValues, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v;
  return typeof v === "string" ? [v] : [];
}
