/**
 * `precept serve`: the decision service (@precept/service) over the named policies and bundles.
 * Policies are compiled here, with their baselines, the way `compile` does; the service watches
 * every file they were read from.
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import type { CompilePolicy } from "@precept/service";
import { listOption, type ParsedArgs, stringOption } from "../args.js";
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../errors.js";
import { FileHost, fileError, policyFile, readUserFile, toPath } from "../files.js";
import { type Io, paint } from "../io.js";

function whole(
  text: string | undefined,
  option: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new UsageError(
      `--${option} must be a whole number from ${min} to ${max}, not '${text}'.`,
    );
  }
  return n;
}

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const port = whole(stringOption(args.values, "port"), "port", 8080, 0, 65535);
  const host = stringOption(args.values, "host") ?? "127.0.0.1";
  const bodyLimit = whole(
    stringOption(args.values, "body-limit"),
    "body-limit",
    65536,
    1,
    100_000_000,
  );
  const level = stringOption(args.values, "log-level") ?? "info";
  if (!LEVELS.includes(level)) {
    throw new UsageError(`--log-level must be one of ${LEVELS.join(", ")}, not '${level}'.`);
  }
  const tokenFile = stringOption(args.values, "token-file");
  const token = tokenFile === undefined ? undefined : readUserFile(io.cwd, tokenFile).trim();
  if (token === "") throw new CliError(`The token file ${tokenFile} is empty.`, EXIT_USAGE);
  const given = args.positionals.map((f) => policyFile(io.cwd, f));
  const files = given.map((f) => path.resolve(io.cwd, f));
  // A path that is not a file is a usage error (exit 2), found before anything is loaded.
  given.forEach((shown, i) => {
    try {
      if (statSync(files[i]!).isDirectory()) {
        throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
      }
    } catch (error) {
      throw fileError(error, shown);
    }
  });

  const [{ createService, PolicyError }, { buildFile }, { formatDiagnostic }, { closest }] =
    await Promise.all([
      import("@precept/service"),
      import("../policy.js"),
      import("../report.js"),
      import("@precept/language"),
    ]);

  const compile: CompilePolicy = async (file) => {
    // A fresh host each time: a reload must read the files again.
    const host = new FileHost(io.cwd);
    try {
      // The project pipeline (analyze → compile → load), as every command builds a policy.
      const { uri, build } = await buildFile(io, file, host);
      if (!build.policy) {
        return {
          ok: false,
          errors: build.errors.map((d) => formatDiagnostic(d, host.texts, paint(false), uri)),
        };
      }
      if (!build.bundle)
        return { ok: false, errors: [build.problem ?? `${uri} was not compiled.`] };
      return {
        ok: true,
        bundle: build.bundle,
        files: [...build.analysis.documents.keys()].map((u) => toPath(io.cwd, u)),
      };
    } catch (error) {
      if (error instanceof CliError) return { ok: false, errors: [error.message] };
      throw error;
    }
  };

  let service: Awaited<ReturnType<typeof createService>>;
  try {
    service = await createService({
      files,
      compile,
      ...(token !== undefined ? { token } : {}),
      cors: listOption(args.values, "cors"),
      bodyLimit,
      logger: { level },
      logFacts: args.values["log-facts"] === true,
      closest: (word, candidates) => closest(word, candidates),
      ...(args.values["no-watch"] === true ? { watch: false as const } : {}),
    });
  } catch (error) {
    if (error instanceof PolicyError) {
      throw new CliError(`${error.message}\n  - ${error.problems.join("\n  - ")}`, EXIT_FINDINGS);
    }
    throw error;
  }

  let address: string;
  try {
    address = await service.listen(port, host);
  } catch (error) {
    await service.close();
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") {
      throw new CliError(
        `Port ${port} on ${host} is in use.`,
        EXIT_USAGE,
        "Choose another with --port.",
      );
    }
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EACCES") {
      throw new CliError(`Cannot listen on ${host}:${port} (${code}).`, EXIT_USAGE);
    }
    throw error;
  }
  const p = paint(io.colourErr);
  io.stderr(
    `${p("green", "✓")} Serving ${files.length === 1 ? "1 policy" : `${files.length} policies`} at ${address} (API: ${address}/openapi.json). Ctrl-C stops.\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.off("SIGHUP", reload);
      void service.close().then(() => resolve(EXIT_OK));
    };
    const reload = () => void service.reload();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    process.on("SIGHUP", reload);
  });
}
