/**
 * The generated-module target in the semantics tests: `generateModule(bundle)` written to a
 * temporary file and imported, as an embedder would use it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { type GeneratedModule, generateModule } from "@precept/compiler";
import type { DecideResult } from "@precept/runtime";
import { afterAll } from "vitest";

/** What a generated module exports (its .d.ts, loosely typed for tests over any policy). */
export interface PolicyModule {
  decide(facts: unknown, options?: { trusted?: boolean; asOf?: string }): DecideResult;
  outcome(facts: unknown, options?: { trusted?: boolean; asOf?: string }): string | undefined;
  decideTrusted(facts: unknown, options?: { asOf?: string }): DecideResult;
  outcomeTrusted(facts: unknown, options?: { asOf?: string }): string | undefined;
  readonly policy: { title: string; version: string | null; hash: string; format: string };
  readonly facts: readonly { name: string; type: string; values: readonly string[] | null }[];
  readonly outcomes: readonly { name: string; label: string; strength: number }[];
}

let folder: string | undefined;
let count = 0;

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Writes the module (and its .d.ts) to a temporary folder; returns the .js file's path. */
export function writeModule(generated: GeneratedModule, name = `policy-${++count}`): string {
  folder ??= mkdtempSync(path.join(tmpdir(), "precept-module-"));
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.mjs`);
  writeFileSync(file, generated.js);
  writeFileSync(path.join(folder, `${name}.d.mts`), generated.dts);
  return file;
}

/** The generated module of a bundle, imported from a temporary file. */
export async function importModule(bundle: unknown): Promise<PolicyModule> {
  const generated = generateModule(bundle);
  if (!generated.ok) throw new Error(generated.errors.join("\n"));
  return (await import(pathToFileURL(writeModule(generated)).href)) as PolicyModule;
}

/** A runtime decision without its explanation text (which generated modules do not produce). */
export function withoutExplanation(r: DecideResult): unknown {
  if (!r.ok) return r;
  const { explanation: _, ...rest } = r;
  return rest;
}
