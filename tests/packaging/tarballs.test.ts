/**
 * The packages as a user gets them: built, packed with `pnpm pack`, installed with npm into a
 * scratch project outside the workspace, then the installed `precept` command run and the runtime
 * used from ESM, CommonJS and strict TypeScript. Third-party dependencies come from the npm
 * registry (`--prefer-offline`: npm's shared cache first). Skipped only when
 * PRECEPT_SKIP_PACKED_INSTALL=1 is set (say, offline), and then reported as skipped.
 */
import { execFile, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SKIP = process.env.PRECEPT_SKIP_PACKED_INSTALL === "1";
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

/** Every publishable package in the workspace: packages/* and the BPS pack. */
function workspacePackages(): { dir: string; name: string }[] {
  const dirs = [
    ...readdirSync(path.join(ROOT, "packages")).map((d) => path.join(ROOT, "packages", d)),
    path.join(ROOT, "rules/bps-e-professionalism"),
  ];
  return dirs
    .filter((dir) => existsSync(path.join(dir, "package.json")))
    .map((dir) => ({
      dir,
      name: JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name,
    }));
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a user's shell: none of pnpm's or vitest's settings leak into npm or node. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|VITEST|NODE_OPTIONS$|NODE_PATH$|TSX)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false" };
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: userEnv(), maxBuffer: 32 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs and requires success, with the output in the failure message. */
async function ok(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const r = await run(command, args, cwd);
  if (r.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

const timings: Record<string, number> = {};
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings[label] = Math.round(performance.now() - start);
  }
}

/** Bare module specifiers a file imports, requires or re-exports. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found.filter((s) => !s.startsWith(".") && !s.startsWith("/"));
}

const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/** The files an `exports` map points at (its values, not its keys). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports === null || typeof exports !== "object") return [];
  return Object.values(exports).flatMap(exportTargets);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** How a package keeps its tarball clean, said in every failure here. */
const HOW =
  'as packages/runtime does: "files": ["dist"], tsconfig.build.json excluding tests, and "publishConfig" exports without the "source" condition';

describe.skipIf(SKIP)("packed tarballs installed with npm outside the workspace", () => {
  let scratch = "";
  let tarballs = "";
  let unpacked = "";
  let project = "";
  let bin = "";
  const packages = workspacePackages();

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), "precept-packed-"));
    tarballs = path.join(scratch, "tarballs");
    unpacked = path.join(scratch, "unpacked");
    project = path.join(scratch, "project");
    bin = path.join(project, "node_modules/.bin/precept");
    expect(path.relative(ROOT, scratch).startsWith("..")).toBe(true);
    await timed("build", () => ok("pnpm", ["--filter", "./packages/*", "build"], ROOT));
    await timed("pack", () =>
      ok(
        "pnpm",
        [
          "--filter",
          "./packages/*",
          "--filter",
          "./rules/*",
          "pack",
          "--pack-destination",
          tarballs,
        ],
        ROOT,
      ),
    );
    for (const file of readdirSync(tarballs)) {
      const into = path.join(unpacked, file.replace(/\.tgz$/, ""));
      mkdirSync(into, { recursive: true });
      await ok("tar", ["xzf", path.join(tarballs, file), "-C", into], ROOT);
    }
    mkdirSync(project);
    writeFileSync(
      path.join(project, "package.json"),
      `${JSON.stringify({ name: "our-policy", version: "1.0.0", private: true }, null, 2)}\n`,
    );
    const tgz = readdirSync(tarballs).map((f) => path.join(tarballs, f));
    await timed("npm install", () =>
      ok(
        "npm",
        ["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-exact", ...tgz],
        project,
      ),
    );
  }, 600_000);

  afterAll(() => {
    console.log(`packed-install timings (ms): ${JSON.stringify(timings)}`);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("packs every package of the workspace", () => {
    expect(readdirSync(tarballs).sort()).toEqual(
      packages
        .map(
          (p) =>
            `${p.name.replace(/^@/, "").replace("/", "-")}-${JSON.parse(readFileSync(path.join(p.dir, "package.json"), "utf8")).version}.tgz`,
        )
        .sort(),
    );
  });

  it("ships no tests, sources, source maps or workspace-only export conditions", () => {
    for (const dir of readdirSync(unpacked)) {
      const root = path.join(unpacked, dir, "package");
      const files = filesUnder(root);
      const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
      expect(
        files.filter((f) => /\.test\.|\.map$|\.tsbuildinfo$|(^|\/)tests?\//.test(f)),
        `${dir} (${HOW})`,
      ).toEqual([]);
      expect(
        files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")),
        `${dir} (${HOW})`,
      ).toEqual([]);
      expect(JSON.stringify(manifest.exports ?? {}), `${dir} (${HOW})`).not.toContain('"source"');
      expect(JSON.stringify(manifest), dir).not.toContain("workspace:");
      // Everything the manifest points at is in the tarball.
      const targets = [
        manifest.main,
        manifest.types,
        manifest.precept,
        ...Object.values(manifest.bin ?? {}),
        ...exportTargets(manifest.exports),
      ].filter((t): t is string => typeof t === "string");
      for (const target of targets) {
        expect(existsSync(path.join(root, target)), `${dir}: ${target}`).toBe(true);
      }
    }
  });

  it("imports only what each package declares", () => {
    for (const dir of readdirSync(unpacked)) {
      const root = path.join(unpacked, dir, "package");
      const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
      const declared = new Set([
        manifest.name,
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ]);
      const undeclared = filesUnder(root)
        .filter((f) => /\.(js|mjs|cjs|d\.ts)$/.test(f))
        .flatMap((f) =>
          importsOf(readFileSync(path.join(root, f), "utf8"))
            .filter((s) => !isBuiltin(s) && !declared.has(packageOf(s)))
            .map((s) => `${f}: ${s}`),
        );
      expect(undeclared, `${dir}: declare each in "dependencies"`).toEqual([]);
    }
  });

  it("runs the installed precept command: init, check, test with JUnit, compile", async () => {
    const init = await ok(bin, ["init", "policies/team", "--title", "Team policy"], project);
    // The BPS pack is installed in the project, so nothing suggests pinning it.
    expect(init.stdout).toContain(
      "Created policies/team/policy.precept: a local layer on @precept/bps-e-professionalism",
    );
    expect(init.stdout).toContain("(node_modules/@precept/bps-e-professionalism)");
    expect(init.stdout).not.toContain("comes with the precept command");
    expect(readFileSync(path.join(project, "policies/team/policy.precept"), "utf8")).toContain(
      'extends "@precept/bps-e-professionalism"',
    );

    const check = await ok(bin, ["check", "policies"], project);
    expect(check.stdout).toContain("No problems in 1 file.");

    mkdirSync(path.join(project, "reports"), { recursive: true });
    const test = await ok(bin, ["test", "policies", "--junit", "reports/precept.xml"], project);
    expect(test.stdout).toContain("1 scenario: 1 passed, 0 failed.");
    expect(readFileSync(path.join(project, "reports/precept.xml"), "utf8")).toContain("<testcase");

    // The baseline's own scenarios run from the installed package.
    const bps = await ok(bin, ["test", "node_modules/@precept/bps-e-professionalism"], project);
    expect(bps.stdout).toMatch(/\d+ scenarios: \d+ passed, 0 failed\./);

    await ok(bin, ["compile", "policies/team/policy.precept", "-o", "policy.bundle.json"], project);
    const bundle = JSON.parse(readFileSync(path.join(project, "policy.bundle.json"), "utf8"));
    expect(bundle.layers.map((l: { title: string }) => l.title)).toEqual([
      "BPS DCP e-Professionalism",
      "Team policy",
    ]);
  }, 120_000);

  const facts = `{ activity: "sharing material", "recorded in a clinical area": true }`;

  it("decides with the runtime from an ES module", async () => {
    writeFileSync(
      path.join(project, "decide.mjs"),
      `import { readFileSync } from "node:fs";
import { loadBundle } from "@precept/runtime";
const loaded = loadBundle(readFileSync("policy.bundle.json", "utf8"));
if (!loaded.ok) throw new Error(loaded.errors.join("\\n"));
const decision = await loaded.decider.decide(${facts});
console.log(JSON.stringify({ outcome: decision.ok && decision.outcome, sync: loaded.decider.outcome(${facts}) }));
`,
    );
    const r = await ok("node", ["decide.mjs"], project);
    expect(JSON.parse(r.stdout)).toEqual({ outcome: "prohibit", sync: "prohibit" });
    expect(r.stderr).toBe("");
  }, 60_000);

  it("decides with the runtime from CommonJS (require of an ES module, Node 20.19+)", async () => {
    writeFileSync(
      path.join(project, "decide.cjs"),
      `const { readFileSync } = require("node:fs");
const { loadBundle } = require("@precept/runtime");
const loaded = loadBundle(readFileSync("policy.bundle.json", "utf8"));
if (!loaded.ok) throw new Error(loaded.errors.join("\\n"));
loaded.decider.decide(${facts}).then((d) => console.log(d.ok && d.outcome));
`,
    );
    const r = await ok("node", ["decide.cjs"], project);
    expect(r.stdout.trim()).toBe("prohibit");
    expect(r.stderr).toBe("");
  }, 60_000);

  it("serves the bundle with the installed precept command, and stops on SIGTERM", async () => {
    // The service and its dependencies (fastify, @fastify/swagger) came from the tarballs and the
    // registry, not the workspace.
    const service = JSON.parse(
      readFileSync(path.join(project, "node_modules/@precept/service/package.json"), "utf8"),
    );
    expect(Object.keys(service.dependencies)).toEqual(
      expect.arrayContaining(["fastify", "@fastify/swagger", "@precept/runtime"]),
    );
    expect(existsSync(path.join(project, "node_modules/fastify/package.json"))).toBe(true);

    const child = spawn(bin, ["serve", "policy.bundle.json", "--port", "0", "--no-watch"], {
      cwd: project,
      env: userEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address in 60 s:\n${stderr}`)), 60_000);
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          const m = /Serving 1 policy at (http:\/\/[\w.:[\]-]+)/.exec(stderr);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        void exited.then((code) => reject(new Error(`exited ${code} before serving:\n${stderr}`)));
      });
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
      const { policies } = (await (await fetch(`${base}/v1/policies`)).json()) as {
        policies: { id: string; layers: { title: string }[] }[];
      };
      // policy.bundle.json is named after its folder, as policy.precept is.
      expect(policies.map((p) => p.id)).toEqual(["project"]);
      expect(policies[0]!.layers.map((l) => l.title)).toEqual([
        "BPS DCP e-Professionalism",
        "Team policy",
      ]);
      const r = await fetch(`${base}/v1/policies/project/decisions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          facts: { activity: "sharing material", "recorded in a clinical area": true },
        }),
      });
      expect(r.status).toBe(200);
      const body = (await r.json()) as { decision: { outcome: string; explanation: string } };
      expect(body.decision.outcome).toBe("prohibit");
      expect(body.decision.explanation).toMatch(/^Prohibit — /);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it("type-checks a consumer under tsc --strict (ES module and CommonJS)", async () => {
    writeFileSync(
      path.join(project, "consumer.mts"),
      `import { readFileSync } from "node:fs";
import { analyze, memoryHost } from "@precept/language";
import { compile } from "@precept/compiler";
import { type Decision, loadBundle } from "@precept/runtime";

export async function decide(facts: Record<string, unknown>): Promise<Decision | undefined> {
  const loaded = loadBundle(readFileSync("policy.bundle.json", "utf8"));
  if (!loaded.ok) return undefined;
  const result = await loaded.decider.decide(facts);
  return result.ok ? result : undefined;
}

export function compiled(text: string): string | undefined {
  const analysis = analyze("p.precept", memoryHost({ "p.precept": text }));
  return analysis.policy ? JSON.stringify(compile(analysis.policy)) : undefined;
}
`,
    );
    writeFileSync(
      path.join(project, "consumer.cts"),
      `import { loadBundle } from "@precept/runtime";
export const outcome = (json: string, facts: Record<string, unknown>): string | undefined => {
  const loaded = loadBundle(json);
  return loaded.ok ? loaded.decider.outcome(facts) : undefined;
};
`,
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["consumer.mts", "consumer.cts"],
      }),
    );
    // Node's own types are the consumer's business: declare the one module it uses.
    writeFileSync(
      path.join(project, "node-fs.d.ts"),
      'declare module "node:fs" { export function readFileSync(path: string, encoding: "utf8"): string; }\n',
    );
    const tsconfig = JSON.parse(readFileSync(path.join(project, "tsconfig.json"), "utf8"));
    tsconfig.files.push("node-fs.d.ts");
    writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(tsconfig));
    const r = await run("node", [TSC, "-p", "tsconfig.json"], project);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  }, 120_000);
});
