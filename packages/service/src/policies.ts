/**
 * The policies a service answers for, by id: each loaded from a bundle file (`.json`) or compiled
 * from a policy file by the caller's `compile`. A reload swaps a policy's decider only when the new
 * one loads: requests already running keep the decider they started with, and a bad new file is
 * refused (and reported) while the old policy goes on answering.
 */
import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import {
  type Bundle,
  DEFAULT_LIMITS,
  type Decider,
  type Limits,
  loadBundle,
} from "@precept/runtime";
import { policyId } from "./policy-id.js";

/** What compiling a policy file gives: the bundle and every file it was read from. */
export type CompileResult =
  | { readonly ok: true; readonly bundle: unknown; readonly files: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Compiles a policy file (`.precept`) into a bundle; supplied by the caller (the CLI). */
export type CompilePolicy = (file: string) => Promise<CompileResult>;

export interface Policy {
  readonly id: string;
  /** The file named when the service started (absolute). */
  readonly file: string;
  /** Every file the policy was read from (a policy's baselines too), for watching. */
  readonly files: readonly string[];
  readonly decider: Decider;
  readonly bundle: Bundle;
}

export class PolicyError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = "PolicyError";
  }
}

type Loaded =
  | { ok: true; decider: Decider; files: readonly string[] }
  | { ok: false; errors: readonly string[] };

export class Policies {
  private readonly byId = new Map<string, Policy>();

  constructor(
    private readonly limits: Limits = DEFAULT_LIMITS,
    private readonly compile?: CompilePolicy,
  ) {}

  /** Loads every file; throws a PolicyError listing every problem when any fails. */
  async loadAll(files: readonly string[]): Promise<void> {
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const given of files) {
      const file = path.resolve(given);
      const id = policyId(file);
      const other = ids.get(id);
      if (other !== undefined) {
        problems.push(`${given}: its id '${id}' is already taken by ${other}; rename one file.`);
        continue;
      }
      ids.set(id, given);
      const loaded = await this.load(file);
      if (!loaded.ok) {
        problems.push(...loaded.errors.map((e) => `${given}: ${e}`));
        continue;
      }
      this.byId.set(id, this.entry(id, file, loaded));
    }
    if (problems.length > 0) {
      throw new PolicyError(
        `${problems.length === 1 ? "A policy" : "Policies"} could not be loaded.`,
        problems,
      );
    }
  }

  /** Loads `id`'s file again; the old policy stays when the new one fails. */
  async reload(
    id: string,
  ): Promise<{ ok: true; changed: boolean } | { ok: false; errors: readonly string[] }> {
    const old = this.byId.get(id);
    if (!old) return { ok: false, errors: [`There is no policy '${id}'.`] };
    const loaded = await this.load(old.file);
    if (!loaded.ok) return loaded;
    const changed = loaded.decider.bundle.hash !== old.bundle.hash;
    this.byId.set(id, this.entry(id, old.file, loaded));
    return { ok: true, changed };
  }

  get(id: string): Policy | undefined {
    return this.byId.get(id);
  }

  all(): Policy[] {
    return [...this.byId.values()];
  }

  private entry(id: string, file: string, loaded: Loaded & { ok: true }): Policy {
    return {
      id,
      file,
      files: loaded.files,
      decider: loaded.decider,
      bundle: loaded.decider.bundle,
    };
  }

  private async load(file: string): Promise<Loaded> {
    try {
      if (/\.json$/i.test(file)) {
        // Refuse an oversized file before reading it.
        const { size } = await stat(file);
        // A UTF-8 byte count over three times the limit is certainly over it in characters.
        if (size > this.limits.maxBundleSize * 3) {
          return {
            ok: false,
            errors: [
              `The bundle file is ${size.toLocaleString("en-GB")} bytes; at most ${this.limits.maxBundleSize.toLocaleString("en-GB")} characters are allowed (limits.maxBundleSize).`,
            ],
          };
        }
        const loaded = loadBundle(await readFile(file, "utf8"), { limits: this.limits });
        return loaded.ok ? { ok: true, decider: loaded.decider, files: [file] } : loaded;
      }
      if (!this.compile) {
        return { ok: false, errors: ["Only compiled bundles (.json) can be served here."] };
      }
      const compiled = await this.compile(file);
      if (!compiled.ok) return compiled;
      const loaded = loadBundle(compiled.bundle, { limits: this.limits });
      if (!loaded.ok) return loaded;
      return { ok: true, decider: loaded.decider, files: compiled.files };
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const why =
        e.code === "ENOENT"
          ? "No such file."
          : e.code === "EISDIR"
            ? "It is a folder; name a policy or bundle file."
            : e.code === "EACCES"
              ? "Permission denied."
              : `It cannot be read (${e.code ?? e.message}).`;
      return { ok: false, errors: [why] };
    }
  }
}
