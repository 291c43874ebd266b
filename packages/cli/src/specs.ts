/**
 * What each command accepts and how it is described: plain data, so that help, usage errors and
 * dispatch need not load the language, compiler and runtime (loading them takes most of a second).
 */
import type { CommandSpec } from "./args.js";

export const checkSpec: CommandSpec = {
  name: "check",
  summary: "Check policies for errors and warnings",
  args: "<files|dirs…>",
  description:
    "Checks each policy and the baselines it extends. Folders are searched for .precept files.\n" +
    "Prints every problem as `file:line:col: severity code message` with the line it is on.\n" +
    "Exits with 1 when there are errors; warnings alone are printed but exit with 0.",
  options: {
    json: { type: "boolean", description: "Print the problems as a JSON array." },
  },
  minPositionals: 1,
  examples: [
    "precept check rules",
    "precept check my-layer/policy.precept",
    "precept check rules --json",
  ],
};

export const fmtSpec: CommandSpec = {
  name: "fmt",
  summary: "Lay policies out in the one canonical format",
  args: "<files|dirs…>",
  description:
    "Formats policies: one layout, so that a change in a diff is a change in meaning.\n" +
    "Without options, prints the formatted text. A file with syntax errors is left as it is\n" +
    "and its errors are printed (exit 1).",
  options: {
    check: {
      type: "boolean",
      description: "Change nothing; list the files that are not formatted (exit 1 if any).",
    },
    write: { type: "boolean", description: "Rewrite the files that are not formatted." },
  },
  minPositionals: 1,
  examples: [
    "precept fmt my-layer/policy.precept",
    "precept fmt --check rules",
    "precept fmt --write rules",
  ],
};

export const compileSpec: CommandSpec = {
  name: "compile",
  summary: "Compile a policy into a JSON bundle or a JavaScript module",
  args: "<policy|bundle.json>",
  description:
    "Compiles the effective policy — the file with every baseline it extends — into a bundle:\n" +
    "plain json-rules-engine rules plus the facts, outcomes, loosenings and scenarios that other\n" +
    "tools need (see docs/bundle-format.md). Refuses, with exit 1, when the policy has errors.\n" +
    "With --target js, writes instead a dependency-free ES module (and, with -o, its .d.ts) that\n" +
    "decides as the runtime does (docs/embedding.md); it also takes a bundle (.json) as input.\n" +
    "Without -o the result is printed on stdout.",
  options: {
    output: {
      type: "string",
      short: "o",
      value: "FILE",
      description: "Write to FILE (for --target js: a .js or .mjs name; the types go beside it).",
    },
    target: {
      type: "string",
      value: "bundle|js",
      description: "What to write: the JSON bundle (default) or a JavaScript module.",
    },
  },
  minPositionals: 1,
  maxPositionals: 1,
  examples: [
    "precept compile my-layer/policy.precept -o my-layer.bundle.json",
    "precept compile rules/bps-e-professionalism/policy.precept > bps.json",
    "precept compile my-layer/policy.precept --target js -o my-layer.js",
    "precept compile my-layer.bundle.json --target js -o my-layer.js",
  ],
};

export const testSpec: CommandSpec = {
  name: "test",
  summary: "Run every scenario and report rule coverage",
  args: "[files|dirs…]",
  description:
    "Runs every scenario of every policy found (default: the folder `rules`), each against the\n" +
    "effective policy of the file that declares it, and prints each failure with what was\n" +
    "expected, what was decided and the explanation. Then reports rule coverage: the rules\n" +
    "(written in the files tested) that no scenario's expectation pins, grouped by guidance\n" +
    "section.\n" +
    "Exits with 1 when a scenario fails, a policy has errors, or no scenario was found.",
  options: {
    json: { type: "boolean", description: "Print the results as JSON." },
    junit: {
      type: "string",
      value: "FILE",
      description: "Also write JUnit XML to FILE (for CI).",
    },
  },
  minPositionals: 0,
  examples: [
    "precept test",
    "precept test rules/bps-e-professionalism",
    "precept test my-layer --junit reports/precept.xml",
    "precept test rules --json",
  ],
};

export const explainSpec: CommandSpec = {
  name: "explain",
  summary: "Decide a situation and explain the decision in plain English",
  args: "<policy>",
  description:
    "Decides the situation described by the facts and explains why, citing the guidance.\n" +
    "Facts come from a JSON file (--facts) and from --fact name=value (later ones win); values\n" +
    "are read by the fact's type (yes/no, a number, one of its listed values, text). Facts left\n" +
    "out are unknown: when they could change the decision, it is undetermined and the questions\n" +
    "to answer are listed. With --ask, those questions are asked one by one until it is decided.",
  options: {
    facts: {
      type: "string",
      value: "FILE",
      description: "A JSON object of fact names and values.",
    },
    fact: { type: "string", multiple: true, value: "NAME=VALUE", description: "One fact." },
    json: { type: "boolean", description: "Print the runtime's decision object as JSON." },
    ask: {
      type: "boolean",
      description: "Ask the missing questions one by one (answers may also be piped in).",
    },
    "why-not": {
      type: "string",
      multiple: true,
      value: "RULE",
      description: "Also say why a rule (or exception, e.g. 3.2#1) does or does not apply.",
    },
    "as-of": {
      type: "string",
      value: "DATE",
      description:
        "Decide as on this date (2024-09-01 or '1 September 2024'; default: today): what dated rules and durations are judged by.",
    },
  },
  minPositionals: 1,
  maxPositionals: 1,
  examples: [
    "precept explain my-layer/policy.precept --facts situation.json",
    "precept explain my-layer/policy.precept --facts situation.json --as-of 2023-01-01",
    'precept explain rules/bps-e-professionalism/policy.precept --fact "other person=current service user" --fact capacity=personal',
    'precept explain rules/bps-e-professionalism/policy.precept --fact "activity=sharing material" --fact identifiability=direct --ask',
    "precept explain my-layer/policy.precept --facts situation.json --json",
    "precept explain my-layer/policy.precept --facts situation.json --why-not 3.1",
  ],
};

export const initSpec: CommandSpec = {
  name: "init",
  summary: "Start a local layer on the BPS guidance",
  args: "<dir>",
  description:
    "Creates <dir>/policy.precept: a local layer that extends the BPS e-Professionalism\n" +
    'baseline by package name (extends "@precept/bps-e-professionalism", found in node_modules),\n' +
    "with one example fact, rule and scenario. It passes `precept test <dir>` as it is; change it\n" +
    "to say what your organisation requires. Never overwrites an existing policy.",
  options: {
    title: {
      type: "string",
      value: "TITLE",
      description: 'The layer\'s title (default "Our local social media policy").',
    },
    baseline: {
      type: "string",
      value: "FILE",
      description: "Extend this policy file (by its relative path) instead of the BPS package.",
    },
  },
  minPositionals: 1,
  maxPositionals: 1,
  examples: [
    "precept init my-layer",
    'precept init policies/northfield --title "Northfield Trust social media policy"',
  ],
};

export const serveSpec: CommandSpec = {
  name: "serve",
  summary: "Serve decisions over HTTP (JSON, OpenAPI 3.1)",
  args: "<policies|bundles…>",
  description:
    "Starts a decision service for the policies (.precept, compiled with their baselines) and\n" +
    "bundles (.json) named: GET /v1/policies, POST /v1/policies/<id>/decisions and /why-not,\n" +
    "/healthz, /readyz and /openapi.json (see docs/service.md). A policy's id is its file name\n" +
    "(or its folder's, for policy.precept). Logs are JSON lines on stdout. Changed files are\n" +
    "reloaded (an invalid one is refused and the old policy kept); SIGHUP reloads every file;\n" +
    "SIGTERM or Ctrl-C stops after the requests in flight. Refuses to start (exit 1) when a\n" +
    "policy has errors or a bundle is invalid or was changed after it was compiled.",
  options: {
    port: {
      type: "string",
      short: "p",
      value: "PORT",
      description: "Port (default 8080; 0: any free port).",
    },
    host: {
      type: "string",
      value: "HOST",
      description: "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).",
    },
    "token-file": {
      type: "string",
      value: "FILE",
      description: "Require `Authorization: Bearer <token>` on /v1, the token read from FILE.",
    },
    cors: {
      type: "string",
      multiple: true,
      value: "ORIGIN",
      description: "Allow browsers on ORIGIN (e.g. https://intranet.example.org; * for any).",
    },
    "body-limit": {
      type: "string",
      value: "BYTES",
      description: "Largest request body (default 65536).",
    },
    "log-facts": {
      type: "boolean",
      description: "Log the facts of each decision (off by default).",
    },
    "log-level": {
      type: "string",
      value: "LEVEL",
      description: "trace, debug, info (default), warn, error, fatal or silent.",
    },
    "no-watch": { type: "boolean", description: "Do not reload files when they change." },
  },
  minPositionals: 1,
  examples: [
    "precept serve rules/bps-e-professionalism/policy.precept",
    "precept serve my-layer/policy.precept --port 8080 --token-file /run/secrets/precept-token",
    "precept serve northfield.bundle.json --host 0.0.0.0 --cors https://intranet.example.org",
  ],
};

export const analyzeSpec: CommandSpec = {
  name: "analyze",
  summary: "Find overruled rules, gaps, overlaps and a layer's impact, exactly",
  args: "<policy>",
  description:
    "Analyses the effective policy over every situation it can tell apart (docs/analysis.md):\n" +
    "rules and exceptions that never decide (overruled) or never apply (unsatisfiable), the\n" +
    "situations no rule decides (gaps), and for a layer every region where it decides more or\n" +
    "less strictly than its baseline, each looser one traced to the layer's override, disable or\n" +
    "exception. Every finding comes with a witness: a complete situation that shows it.\n" +
    "Exits with 1 only when the policy has errors; findings alone exit with 0.",
  options: {
    json: { type: "boolean", description: "Print the findings as JSON." },
    "suggest-scenarios": {
      type: "string",
      value: "FILE",
      description:
        "Write a witness scenario per rule no scenario covers and per finding, in Precept, to FILE.",
    },
    "gaps-by": {
      type: "string",
      value: "FACT",
      description: "Report the gaps separately for each value of FACT (e.g. activity).",
    },
    overlaps: {
      type: "boolean",
      description: "Also list every pair of rules with different outcomes that apply together.",
    },
    "as-of": {
      type: "string",
      value: "DATE",
      description:
        "Analyse as on this date (default: today): the rules in force then, durations judged from it.",
    },
  },
  minPositionals: 1,
  maxPositionals: 1,
  examples: [
    "precept analyze rules/examples/northfield-trust/policy.precept",
    "precept analyze my-layer/policy.precept --suggest-scenarios suggested.precept",
    "precept analyze rules/bps-e-professionalism/policy.precept --gaps-by activity",
    "precept analyze my-layer/policy.precept --json",
    "precept analyze rules/examples/northfield-trust/policy.precept --as-of 2025-01-15",
  ],
};

export const diffSpec: CommandSpec = {
  name: "diff",
  summary: "Show every situation two versions of a policy decide differently",
  args: "<old> <new>",
  description:
    "Compares two versions of a policy (two files, each with the baselines it extends; either may\n" +
    "be REVISION:PATH, the file and its baselines at a git revision, or a compiled bundle .json)\n" +
    "over every situation either can tell apart, and lists each region where the decision\n" +
    "changes: stricter or looser, with the rules deciding before and after and a witness\n" +
    "situation. Exits with 1 only when a version has errors or a bundle is invalid.",
  options: {
    json: { type: "boolean", description: "Print the changed regions as JSON." },
    "as-of": {
      type: "string",
      value: "DATE",
      description:
        "Compare as on this date (default: today): the rules in force then, durations judged from it.",
    },
  },
  minPositionals: 2,
  maxPositionals: 2,
  examples: [
    "precept diff old/policy.precept policy.precept",
    "precept diff old/policy.precept policy.precept --json",
    "precept diff old.bundle.json new.bundle.json --as-of 2025-01-15",
    "precept diff HEAD~1:rules/examples/northfield-trust/policy.precept rules/examples/northfield-trust/policy.precept",
  ],
};
