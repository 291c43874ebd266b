/**
 * Reading a policy and every baseline it reaches (docs/semantics.md §8.1): each file once, a
 * baseline before the layers that extend it.
 */
import type { BaselineReference, PolicyDocument } from "./ast.js";
import { resolveBaseline } from "./baseline.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import type { AnalysisHost } from "./host.js";
import { parse } from "./parse.js";
import type { Range } from "./position.js";

export interface Loaded {
  readonly document: PolicyDocument;
  readonly syntax: Diagnostic[];
  /** The baselines it names that could be read, in the order written. */
  readonly baselines: readonly { uri: string; reference: BaselineReference }[];
}

/** A file being read: its baselines are visited one by one before it is finished. */
interface Reading {
  readonly uri: string;
  readonly document: PolicyDocument;
  readonly syntax: Diagnostic[];
  readonly baselines: { uri: string; reference: BaselineReference }[];
  readonly named: Set<string>;
  readonly aliases: Set<string>;
  next: number;
}

/**
 * Reads the file and every baseline it reaches, each once (two layers on one baseline read it
 * once): depth first, following each file's baselines in the order written, a baseline before the
 * layers that extend it. A baseline that cannot be read, or that would close a circle, is
 * reported once and left out. An explicit stack: a long chain of baselines cannot overflow it.
 */
export function loadGraph(
  uri: string,
  host: AnalysisHost,
  problems: Diagnostic[],
  maxTextLength: number | undefined,
): Loaded[] | undefined {
  const text = host.readFile(uri);
  if (text === undefined) return undefined;
  const order: Loaded[] = [];
  const state = new Map<string, "reading" | "read">();
  const stack: Reading[] = [];
  const open = (at: string, source: string) => {
    state.set(at, "reading");
    const { document, diagnostics } = parse(source, {
      uri: at,
      ...(maxTextLength === undefined ? {} : { maxTextLength }),
    });
    stack.push({
      uri: at,
      document,
      syntax: diagnostics.map((d) => ({ ...d, uri: at })),
      baselines: [],
      named: new Set(),
      aliases: new Set(),
      next: 0,
    });
  };
  open(uri, text);
  while (stack.length > 0) {
    const file = stack.at(-1)!;
    const references = file.document.header?.baselines ?? [];
    if (file.next >= references.length) {
      stack.pop();
      state.set(file.uri, "read");
      order.push({ document: file.document, syntax: file.syntax, baselines: file.baselines });
      continue;
    }
    const reference = references[file.next++]!;
    const target = visitable(file, reference, host, state, problems);
    if (target === undefined) continue;
    if (state.get(target) === "read") {
      file.baselines.push({ uri: target, reference });
      continue;
    }
    const baseText = host.readFile(target);
    if (baseText === undefined) {
      problems.push(
        diagnostic(
          "extends-not-found",
          "error",
          `The baseline "${reference.target.value}" cannot be read (looked for ${target}).`,
          reference.target.range,
          { uri: file.uri, actual: target },
        ),
      );
      continue;
    }
    // Once read, it is one of this file's baselines.
    file.baselines.push({ uri: target, reference });
    open(target, baseText);
  }
  return order;
}

/** The file a baseline reference names, unless it is reported (unresolvable, twice, a circle). */
function visitable(
  file: Reading,
  reference: BaselineReference,
  host: AnalysisHost,
  state: ReadonlyMap<string, "reading" | "read">,
  problems: Diagnostic[],
): string | undefined {
  const report = (
    code: "extends-not-found" | "extends-cycle" | "duplicate-baseline",
    message: string,
    range: Range,
  ) => problems.push(diagnostic(code, "error", message, range, { uri: file.uri }));
  const ext = reference.target;
  const alias = reference.alias;
  if (alias) {
    const key = alias.text.toLowerCase();
    if (file.aliases.has(key))
      report(
        "duplicate-baseline",
        `Another baseline of this policy is already called ${alias.text}: give each a different name.`,
        alias.range,
      );
    else if (/[.-]/.test(alias.text))
      report(
        "duplicate-baseline",
        `A baseline's name is one word, without '.' or '-' (its rules are called ${alias.text.split(/[.-]/)[0]}.<id>).`,
        alias.range,
      );
    file.aliases.add(key);
  }
  const resolved = resolveBaseline(file.uri, ext.value, host);
  if (!resolved.ok) {
    report("extends-not-found", resolved.message, ext.range);
    return undefined;
  }
  const target = resolved.uri;
  if (file.named.has(target)) {
    report(
      "duplicate-baseline",
      `This policy already extends "${ext.value}": name each baseline once.`,
      ext.range,
    );
    return undefined;
  }
  file.named.add(target);
  if (state.get(target) === "reading") {
    report(
      "extends-cycle",
      `"${ext.value}" extends this policy again: baselines cannot extend each other in a circle.`,
      ext.range,
    );
    return undefined;
  }
  return target;
}
