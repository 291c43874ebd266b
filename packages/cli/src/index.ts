/**
 * @precept/cli — the `precept` command. `run(argv, io)` is the whole CLI; `bin/precept.js` and
 * `src/main.ts` connect it to a process.
 */
export { COMMANDS, run } from "./cli.js";
export { type Io, processIo, useColour } from "./io.js";
