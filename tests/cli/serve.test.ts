/** `precept serve`, spawned as a user runs it: starts, answers, refuses bad bundles, stops on SIGTERM. */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, NODE_ARGS, precept, ROOT, STACK } from "./helpers.js";

const BPS = "rules/bps-e-professionalism/policy.precept";

describe("precept serve", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
  });
  afterAll(() => fx.remove());

  it("serves decisions, logs JSON on stdout, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [...NODE_ARGS, "serve", BPS, "--port", "0"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        stderr += d;
        const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.once("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      expect((await fetch(`${address}/readyz`)).status).toBe(200);
      const r = await fetch(`${address}/v1/policies/bps-e-professionalism/decisions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ facts: {} }),
      });
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ decision: { ok: true, outcome: "undetermined" } });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toContain("decision");
  });

  it("refuses a tampered bundle and bad options with a message, never a stack trace", async () => {
    const compiled = await precept(["compile", BPS]);
    const bundle = JSON.parse(compiled.stdout);
    const rule = bundle.rules.find(
      (r: { event: { type: string } }) => r.event.type !== bundle.outcomes[0].name,
    );
    rule.event.type = bundle.outcomes[0].name;
    rule.event.params.strength = bundle.outcomes[0].strength;
    const file = fx.write("tampered.bundle.json", JSON.stringify(bundle));
    const [tampered, port, missing] = await Promise.all([
      precept(["serve", file, "--port", "0"]),
      precept(["serve", BPS, "--port", "99999"]),
      precept(["serve", "nowhere.json"]),
    ]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain("The bundle's hash does not match its content");
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("--port must be a whole number from 0 to 65535, not '99999'.");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No such file or folder: nowhere.json");
    for (const r of [tampered, port, missing]) expect(r.stderr).not.toMatch(STACK);
  });
});
