/**
 * `explain --ask`: asks the questions an undetermined decision still needs, one at a time, and
 * reads typed answers. Questions go to stderr so that stdout carries only the decision (and stays
 * valid JSON with --json). Answers may also be piped in, one per line.
 */
import { createInterface } from "node:readline";
import { closest } from "@precept/language";
import type { BundleFact, FactValue } from "@precept/runtime";
import { describeType } from "./facts.js";
import { factKey } from "./facts-json.js";
import type { Paint } from "./io.js";

export interface Asker {
  /** The answer, typed by the fact; undefined when input ended. */
  ask(fact: BundleFact, question: string): Promise<FactValue | undefined>;
  close(): void;
}

export type Reading = { ok: true; value: FactValue } | { ok: false; message: string };

/** Reads one typed answer. Choices may be answered by number or by value. */
export function readAnswer(fact: BundleFact, answer: string): Reading {
  const text = answer.trim();
  if (text === "") return { ok: false, message: "Please answer the question." };
  switch (fact.type) {
    case "choice": {
      const n = Number(text);
      if (Number.isInteger(n) && n >= 1 && n <= fact.values.length) {
        return { ok: true, value: fact.values[n - 1]! };
      }
      const key = factKey(text);
      if (fact.values.includes(key)) return { ok: true, value: key };
      const guess = closest(key, fact.values);
      return {
        ok: false,
        message: `Answer with a number from 1 to ${fact.values.length}${guess ? ` (did you mean '${guess}'?)` : "."}`,
      };
    }
    case "set": {
      // Several answers to one question: numbers or values separated by commas; 0 for none.
      if (text === "0" || factKey(text) === "nothing") return { ok: true, value: [] };
      const chosen = new Set<string>();
      for (const part of text.split(/[,\s]+(?=\d)|,/)) {
        const item = part.trim();
        if (item === "") continue;
        const n = Number(item);
        const key = factKey(item);
        if (Number.isInteger(n) && n >= 1 && n <= fact.values.length)
          chosen.add(fact.values[n - 1]!);
        else if (fact.values.includes(key)) chosen.add(key);
        else {
          const guess = closest(key, fact.values);
          return {
            ok: false,
            message: `'${item}' is not one of the choices. Answer with numbers from 1 to ${fact.values.length} separated by commas, or 0 for none${guess ? ` (did you mean '${guess}'?)` : "."}`,
          };
        }
      }
      return { ok: true, value: fact.values.filter((v) => chosen.has(v)) };
    }
    case "yes/no": {
      const word = text.toLowerCase();
      if (["y", "yes", "true"].includes(word)) return { ok: true, value: true };
      if (["n", "no", "false"].includes(word)) return { ok: true, value: false };
      return { ok: false, message: "Answer y or n." };
    }
    case "number": {
      const n = Number(text);
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: "Answer with a number." };
    }
    case "text":
      return { ok: true, value: text };
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
