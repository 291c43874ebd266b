/**
 * `explain --ask`: asks the questions an undetermined decision still needs, one at a time, and
 * reads typed answers. Questions go to stderr so that stdout carries only the decision (and stays
 * valid JSON with --json). Answers may also be piped in, one per line.
 */
import { createInterface } from "node:readline";
import { closest } from "@precept/language";
import { type BundleFact, type FactValue, formKey, readFactValue } from "@precept/runtime";
import { describeType } from "./facts.js";
import type { Paint } from "./io.js";

export interface Asker {
  /** The answer, typed by the fact; undefined when input ended. */
  ask(fact: BundleFact, question: string): Promise<FactValue | undefined>;
  close(): void;
}

export type Reading = { ok: true; value: FactValue } | { ok: false; message: string };

/**
 * Reads one typed answer by the facts contract's `form` rules (as `--fact` is read); choices may
 * also be answered by their number in the list.
 */
export function readAnswer(fact: BundleFact, answer: string): Reading {
  const text = answer.trim();
  if (text === "") return { ok: false, message: "Please answer the question." };
  if (fact.type === "choice") {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= fact.values.length) {
      return { ok: true, value: fact.values[n - 1]! };
    }
  }
  if (fact.type === "set") {
    // Several answers to one question may be given by their numbers: "1, 3"; 0 for none.
    if (text === "0") return { ok: true, value: [] };
    const parts = text.split(/[,\s]+/);
    if (parts.every((part) => /^\d+$/.test(part))) {
      const chosen = new Set(parts.map((part) => fact.values[Number(part) - 1]));
      if (!chosen.has(undefined))
        return { ok: true, value: fact.values.filter((v) => chosen.has(v)) };
    }
  }
  const read = readFactValue(fact, text, { mode: "form" });
  if (read.ok && read.value !== null) return { ok: true, value: read.value };
  switch (fact.type) {
    case "choice": {
      const guess = text.length <= 1000 ? closest(formKey(text), fact.values) : undefined;
      return {
        ok: false,
        message: `Answer with a number from 1 to ${fact.values.length}${guess ? ` (did you mean '${guess}'?)` : "."}`,
      };
    }
    case "set": {
      const bad = text
        .split(",")
        .map((item) => item.trim())
        .find((item) => item !== "" && !fact.values.some((v) => formKey(v) === formKey(item)));
      const guess = bad && bad.length <= 1000 ? closest(formKey(bad), fact.values) : undefined;
      return {
        ok: false,
        message: `'${(bad ?? text).slice(0, 60)}' is not one of the choices. Answer with numbers from 1 to ${fact.values.length} separated by commas, or 0 for none${guess ? ` (did you mean '${guess}'?)` : "."}`,
      };
    }
    case "yes/no":
      return { ok: false, message: "Answer y or n." };
    case "number":
      return { ok: false, message: "Answer with a number." };
    case "text":
      return { ok: false, message: read.ok ? "Please answer the question." : read.error.message };
    case "date":
      return { ok: false, message: "Answer with a date such as 2024-09-01 or 1 September 2024." };
  }
}

/** The prompt for a fact: its question and how to answer. */
export function prompt(fact: BundleFact, question: string, p: Paint): string {
  const lines = [p("bold", question)];
  if (fact.description) lines.push(p("dim", fact.description));
  switch (fact.type) {
    case "choice":
      fact.values.forEach((v, i) => lines.push(`  ${p("cyan", `${i + 1})`)} ${v}`));
      lines.push(`Choose 1-${fact.values.length}: `);
      break;
    case "set":
      fact.values.forEach((v, i) => lines.push(`  ${p("cyan", `${i + 1})`)} ${v}`));
      lines.push(`Choose any of 1-${fact.values.length}, separated by commas (0 for none): `);
      break;
    case "yes/no":
      lines.push("(y/n): ");
      break;
    default:
      lines.push(`(${describeType(fact)}): `);
  }
  return lines.join("\n");
}

export function terminalAsker(
  input: NodeJS.ReadableStream,
  write: (text: string) => void,
  terminal: boolean,
  p: Paint,
): Asker {
  const rl = createInterface({
    input,
    ...(terminal ? { output: process.stderr, terminal: true } : { terminal: false }),
  });
  // The iterator buffers lines that arrive before a question is asked (piped answers).
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(fact, question) {
      write(`\n${prompt(fact, question, p)}`);
      for (;;) {
        const next = await lines.next();
        if (next.done) {
          write("\n");
          return undefined;
        }
        // Piped answers are not echoed by a terminal: show them, so the transcript reads well.
        if (!terminal && !(input as { isTTY?: boolean }).isTTY) write(`${next.value}\n`);
        const reading = readAnswer(fact, next.value);
        if (reading.ok) return reading.value;
        write(`${p("yellow", reading.message)} `);
      }
    },
    close: () => rl.close(),
  };
}
