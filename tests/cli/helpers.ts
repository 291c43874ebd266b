/**
 * Runs the real `precept` command in a child process, as a user would (cwd: the repository root
 * unless told otherwise), and writes fixture files into a fresh temporary folder.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = path.join(ROOT, "packages/cli/src/main.ts");
const TSX = import.meta.resolve("tsx");
export const NODE_ARGS = ["--conditions=source", "--import", TSX, MAIN];

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly env?: Record<string, string>;
}

/** Spawns `precept …args`; colour-related variables are cleared unless given. */
export function precept(args: readonly string[], options: RunOptions = {}): Promise<Result> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
  };
  Object.assign(env, options.env);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...NODE_ARGS, ...args],
      { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? "");
  });
}

/** `script` gives the command a real terminal (for colour and --ask on a TTY). */
export const hasScript = spawnSync("script", ["--version"]).status === 0;

export function preceptOnTerminal(args: readonly string[], options: RunOptions = {}): Result {
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const command = [process.execPath, ...NODE_ARGS, ...args].map(quote).join(" ");
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    TERM: "xterm",
  };
  Object.assign(env, options.env);
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? "",
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout.replace(/\r\n/g, "\n"), stderr: r.stderr };
}

export class Fixtures {
  readonly dir = mkdtempSync(path.join(tmpdir(), "precept-cli-"));

  write(file: string, text: string): string {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  path(file: string): string {
    return path.join(this.dir, file);
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), "utf8");
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The start of an ANSI escape sequence (colour). */
export const ANSI = "\u001b[";

/** What a Node stack trace looks like: never shown for user mistakes. */
export const STACK = /\n\s+at .+[:(]\d+/;

export const SKETCH = path.join(ROOT, "tests/fixtures/sketch.precept");

export const BASE = `policy "Base guidance" version "1"
source g: "The guide", Some Org, 2020

outcomes, strongest first:
  decline "should not be done"
  caution "take care"
  allow "fine"
otherwise no guidance

fact relationship: one of client, colleague, friend
  asks "Who is the other person?"
fact public: yes or no
  asks "Would it be public?"
fact age: number (years)
  asks "How old are they?"

term "client": relationship is client
  means "the other person is a client"

rule 1 "No public contact with clients"
  cites g §1 "no public contact with clients"
  when client and public
  then decline
  advise "Keep it private."

rule 2: relationship is colleague → caution
  cites g §2 "care with colleagues"

rule 3: relationship is friend and age >= 18 → allow
  cites g §2 "friends are fine"

scenario "Public contact with a client"
  given relationship is client, public
  expect decline by rule 1
  expect advice "Keep it private."

scenario "A colleague"
  given relationship is colleague
  expect caution by rule 2

scenario "Nothing known but public"
  given public
  expect undetermined needs relationship, age
`;

export const LAYER = `policy "Local layer" version "1" extends "base.precept"

fact work phone: yes or no
  asks "Would you use a work phone?"

rule L1 "No work phones"
  cites g §9 "use personal devices"
  when work phone
  then decline

scenario "Work phone"
  given work phone
  expect decline by rule L1
`;

/** A policy with one error (a misspelt fact) and warnings. */
export const BROKEN = `policy "Broken" version "1"
outcomes, strongest first:
  decline "no"
fact relationship: one of client, colleague
rule 1: relationshp is client → decline
`;

/** Two errors that the checker reports out of text order (6:6 before 5:9), and a scenario. */
export const BROKEN_TWICE = `${BROKEN}rule 1: relationship is colleague → decline

scenario "A client"
  given relationship is client
  expect decline by rule 1
`;
