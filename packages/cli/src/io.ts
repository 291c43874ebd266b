/**
 * The CLI's contact with the outside world, in one place so that every command writes the same way:
 * results to stdout, errors to stderr, colour only on a terminal and never with NO_COLOR.
 */

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour for stdout / stderr (each decided from its own stream). */
  readonly colour: boolean;
  readonly colourErr: boolean;
  /** stdin and stdout are both terminals: interactive questions make sense. */
  readonly interactive: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stdin, for `explain --ask`. */
  readonly stdin: NodeJS.ReadableStream;
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function useColour(isTTY: boolean | undefined, env: Io["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY === true;
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    colour: useColour(process.stdout.isTTY, process.env),
    colourErr: useColour(process.stderr.isTTY, process.env),
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
  };
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof CODES;

export type Paint = (style: Style, text: string) => string;

/** A painter that colours only when `enabled`. */
export function paint(enabled: boolean): Paint {
  return (style, text) => {
    if (!enabled || text === "") return text;
    const [open, close] = CODES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
