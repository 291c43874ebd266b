import { describe, expect, it } from "vitest";
import { ANSI, hasScript, precept, preceptOnTerminal, STACK } from "./helpers.js";

const COMMANDS = ["check", "fmt", "compile", "test", "explain", "init", "analyze", "diff"];

describe("precept: usage, help and conventions", () => {
  it("lists the commands; no command is a usage error (exit 2, on stderr)", async () => {
    const [none, help, version] = await Promise.all([
      precept([]),
      precept(["--help"]),
      precept(["--version"]),
    ]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("Usage: precept <command>");
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${c}\\s+\\S`, "m"));
    expect(version).toMatchObject({ code: 0, stdout: "precept 0.1.0\n" });
  });

  it("gives every command --help with usage, options and examples", async () => {
    const results = await Promise.all(COMMANDS.map((c) => precept([c, "--help"])));
    results.forEach((r, i) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: precept ${COMMANDS[i]}`);
      expect(r.stdout).toMatch(/Options:\n[\s\S]*--help/);
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n  precept ${COMMANDS[i]}\\b`));
      expect(r.stderr).toBe("");
    });
  });

  it("rejects an unknown command or option with a suggestion, usage and exit 2", async () => {
    const [command, option, missing] = await Promise.all([
      precept(["chek", "rules"]),
      precept(["check", "--jsn", "rules"]),
      precept(["compile"]),
    ]);
    expect(command.code).toBe(2);
    expect(command.stdout).toBe("");
    expect(command.stderr).toContain("Unknown command 'chek'. Did you mean 'check'?");
    expect(command.stderr).toContain("Usage: precept <command>");
    expect(option.code).toBe(2);
    expect(option.stderr).toContain(
      "Unknown option --jsn for precept check.\nDid you mean --json?",
    );
    expect(option.stderr).toContain("Usage: precept check <files|dirs…> [options]");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("precept compile needs <policy|bundle.json>.");
    for (const r of [command, option, missing]) expect(r.stderr).not.toMatch(STACK);
  });

  it("never colours output that is not a terminal", async () => {
    const r = await precept(["check", "--help"]);
    expect(r.stdout).toContain("Usage: precept check");
    expect(r.stdout).not.toContain(ANSI);
  });

  it.skipIf(!hasScript)("colours on a terminal, except with NO_COLOR", () => {
    const coloured = preceptOnTerminal(["check", "--help"]);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain("\u001b[1mUsage:\u001b[22m precept check");
    const plain = preceptOnTerminal(["check", "--help"], { env: { NO_COLOR: "1" } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("Usage: precept check");
    expect(plain.stdout).not.toContain(ANSI);
  });
});
