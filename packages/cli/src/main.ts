#!/usr/bin/env node
/** The `precept` command. Everything happens in `run`; this only connects it to the process. */
import { run } from "./cli.js";
import { processIo } from "./io.js";

// Output piped into a command that stops reading (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = processIo();
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug in Precept itself gets here: user mistakes are CliErrors handled in `run`.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`precept: internal error — please report this.\n${detail}\n`);
    process.exitCode = 70;
  },
);
