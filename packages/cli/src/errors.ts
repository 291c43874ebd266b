/**
 * Mistakes in what the user gave us. Commands throw these; `run` turns them into a message on
 * stderr and an exit code — never a stack trace.
 */

export const EXIT_OK = 0;
/** Findings: errors in a policy, failing scenarios, files that need formatting. */
export const EXIT_FINDINGS = 1;
/** The command line or its inputs are wrong: unknown command or option, missing file, bad facts. */
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    /** What to try instead, printed after the message. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A wrong word, and the words that would be right: becomes a did-you-mean hint. */
export interface Misspelling {
  readonly word: string;
  readonly candidates: readonly string[];
  /** The hint for the closest candidate (`Did you mean --json?`). */
  readonly hint: (closest: string) => string;
}

/** A wrong command line: the command's usage is printed after the message. */
export class UsageError extends CliError {
  constructor(
    message: string,
    hint?: string,
    readonly misspelling?: Misspelling,
  ) {
    super(message, EXIT_USAGE, hint);
    this.name = "UsageError";
  }
}
