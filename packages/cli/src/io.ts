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

/**
 * The command as the user ran it, for hints that suggest another command: `pnpm precept` when run
 * through the repository's package script (pnpm sets npm_lifecycle_event), else `precept`.
 */
export function invoked(io: Pick<Io, "env">): string {
  return io.env.npm_lifecycle_event === "precept" ? "pnpm precept" : "precept";
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function useColour(isTTY: boolean | undefined, env: Io["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return isTTY === true;
}

/**
 * Text made safe to write to a terminal: every control character that could move the cursor,
 * clear the screen, retitle the window or hide text (a policy, a bundle or facts may carry them)
 * is shown as an escape such as `\u001b`. Line feeds, tabs, CRLF line ends and Precept's own
 * colour codes pass. JSON output stays JSON: inside a string `\u007f` means the same character.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (m) =>
    m.length > 1 ? m : `\\u${m.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(terminalSafe(text)),
    stderr: (text) => void process.stderr.write(terminalSafe(text)),
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

const OWN_CODES = [...new Set(Object.values(CODES).flat())].join("|");
const UNSAFE = new RegExp(
  `\u001b\\[(?:${OWN_CODES})m|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]`,
  "g",
);

export type Paint = (style: Style, text: string) => string;

/** A painter that colours only when `enabled`. */
export function paint(enabled: boolean): Paint {
  return (style, text) => {
    if (!enabled || text === "") return text;
    const [open, close] = CODES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}
