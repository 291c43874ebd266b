/**
 * The decision service, started for real on an ephemeral 127.0.0.1 port and called over HTTP.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { compile } from "@precept/compiler";
import { analyze, closest } from "@precept/language";
import type { Bundle, BundleFact, Decider } from "@precept/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundleOf,
  deciderOf,
  diskHost,
  factValue,
  seeded,
} from "../../../tests/support/policy-files.js";
import type { CompilePolicy } from "./policies.js";
import { createService, type Service, type ServiceOptions } from "./service.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const BPS = path.join(ROOT, "rules/bps-e-professionalism/policy.precept");
const NORTHFIELD = path.join(ROOT, "rules/examples/northfield-trust/policy.precept");

const compilePolicy: CompilePolicy = async (file) => {
  const analysis = analyze(file, diskHost);
  if (!analysis.policy) {
    return { ok: false, errors: analysis.diagnostics.map((d) => d.message) };
  }
  return { ok: true, bundle: compile(analysis.policy), files: [...analysis.documents.keys()] };
};

/** A valid value for each fact, or none (unknown), chosen by `random`. */
function randomFacts(facts: readonly BundleFact[], random: () => number) {
  const out: Record<string, unknown> = {};
  for (const f of facts) {
    if (random() < 0.3) continue;
    out[f.name] = factValue(f, random);
  }
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), "precept-service-"));
const logs: string[] = [];
const stream = { write: (line: string) => void logs.push(line) };

async function start(options: Partial<ServiceOptions> & { files: string[] }) {
  const service = await createService({
    compile: compilePolicy,
    logger: { level: "info", stream },
    watch: false,
    ...options,
  });
  const base = await service.listen(0, "127.0.0.1");
  return { service, base };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

let bps: Bundle;
let bpsDecider: Decider;
let bundleFile: string;

beforeAll(() => {
  bps = bundleOf(BPS);
  bpsDecider = deciderOf(bps);
  bundleFile = path.join(dir, "bps.bundle.json");
  writeFileSync(bundleFile, JSON.stringify(bps));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the decision service", () => {
  let service: Service;
  let base: string;
  beforeAll(async () => {
    ({ service, base } = await start({ files: [bundleFile, NORTHFIELD] }));
  });
  afterAll(() => service.close());

  it("lists the policies with what a form needs", async () => {
    const r = await fetch(`${base}/v1/policies`);
    expect(r.status).toBe(200);
    const { policies } = (await r.json()) as { policies: Record<string, unknown>[] };
    expect(policies.map((p) => p.id)).toEqual(["bps", "northfield-trust"]);
    const [first] = policies;
    expect(first).toMatchObject({
      title: bps.policy.title,
      hash: bps.hash,
      defaultOutcome: bps.defaultOutcome,
    });
    if (bps.policy.version) expect(first!.version).toBe(bps.policy.version);
    const facts = first!.facts as Record<string, unknown>[];
    expect(facts).toHaveLength(bps.facts.length);
    for (const [i, f] of bps.facts.entries()) {
      expect(facts[i]).toMatchObject({ name: f.name, type: f.type, question: expect.any(String) });
      if (f.type === "choice") expect(facts[i]!.values).toEqual(f.values);
    }
  });

  it("decides, with the explanation and the policy's id, version and hash", async () => {
    const facts = randomFacts(bps.facts, seeded(1));
    const r = await fetch(`${base}/v1/policies/bps/decisions`, json({ facts }));
    expect(r.status).toBe(200);
    expect(r.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
    const body = await r.json();
    expect(body).toEqual({
      policy: {
        id: "bps",
        title: bps.policy.title,
        ...(bps.policy.version ? { version: bps.policy.version } : {}),
        hash: bps.hash,
      },
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      decision: await bpsDecider.decide(facts),
    });
  });

  it("reads form input when asked, and says what it converted", async () => {
    const number = bps.facts.find((f) => f.type === "yes/no")!;
    const r = await fetch(
      `${base}/v1/policies/bps/decisions`,
      json({ facts: { [number.name.toUpperCase()]: "Yes" }, input: "form" }),
    );
    expect(r.status).toBe(200);
    const body = (await r.json()) as { conversions: { fact: string }[]; decision: unknown };
    expect(body.conversions.map((c) => c.fact)).toEqual([number.name, number.name]);
    expect(body.decision).toEqual(await bpsDecider.decide({ [number.name]: true }));
  });

  it("answers 400 with the runtime's messages, and 404 for what does not exist", async () => {
    const choice = bps.facts.find((f) => f.type === "choice")!;
    const bad = await fetch(
      `${base}/v1/policies/bps/decisions`,
      json({ facts: { [choice.name]: "nobody", colour: 1 } }),
    );
    expect(bad.status).toBe(400);
    const expected = bpsDecider.decideSync({ [choice.name]: "nobody", colour: 1 });
    expect(await bad.json()).toEqual({
      error: "invalid-facts",
      message: expected.ok ? "" : expected.errors.map((e) => e.message).join(" "),
      errors: expected.ok ? [] : expected.errors,
    });
    const cases: [RequestInit, number, string][] = [
      [json({}), 400, "invalid-request"],
      [json({ facts: [] }), 400, "invalid-request"],
      [json({ facts: {}, extra: 1 }), 400, "invalid-request"],
      [json({ facts: {}, input: "xml" }), 400, "invalid-request"],
      [
        { method: "POST", headers: { "content-type": "application/json" }, body: "{" },
        400,
        "invalid-request",
      ],
      [
        { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" },
        415,
        "unsupported-media-type",
      ],
    ];
    for (const [init, status, error] of cases) {
      const r = await fetch(`${base}/v1/policies/bps/decisions`, init);
      expect({ status: r.status, body: await r.json() }).toMatchObject({
        status,
        body: { error, message: expect.any(String) },
      });
    }
    const proto = await fetch(`${base}/v1/policies/bps/decisions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"facts":{"__proto__":{"x":1}}}',
    });
    expect(proto.status).toBe(400);
    const unknown = await fetch(`${base}/v1/policies/nope/decisions`, json({ facts: {} }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: "unknown-policy",
      message: "There is no policy 'nope'. Policies: bps, northfield-trust.",
    });
    const route = await fetch(`${base}/v2/anything`);
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ error: "not-found" });
  });

  it("says why a rule does or does not apply", async () => {
    const rule = bps.rules[0]!.name;
    const facts = randomFacts(bps.facts, seeded(7));
    const r = await fetch(`${base}/v1/policies/bps/why-not`, json({ rule, facts }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      policy: expect.objectContaining({ id: "bps", hash: bps.hash }),
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      whyNot: bpsDecider.whyNot(rule, facts),
    });
    const missing = await fetch(`${base}/v1/policies/bps/why-not`, json({ rule: "99.9", facts }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: "unknown-rule",
      message: expect.stringMatching(/^There is no rule '99\.9'/),
    });
  });

  it("takes a decision date (asOf), says which it used, and refuses one that is not a date", async () => {
    const northfield = deciderOf(bundleOf(NORTHFIELD));
    // Discharged on 15 March 2024: within two years on 2025-01-15 (declined locally), not in 2027.
    const facts = {
      activity: "connecting with someone",
      "other person": "former service user",
      capacity: "personal",
      "romantic relationship": false,
      age: 30,
      "vulnerable group": false,
      "discharge date": "2024-03-15",
      "moderated peer support network": false,
      "open question": "none",
    };
    const url = `${base}/v1/policies/northfield-trust/decisions`;
    const outcomes: string[] = [];
    for (const asOf of ["2025-01-15", "2027-01-15"]) {
      const r = await fetch(url, json({ facts, asOf }));
      expect(r.status).toBe(200);
      const body = (await r.json()) as { asOf: string; decision: { outcome: string } };
      expect(body.asOf).toBe(asOf);
      expect(body.decision).toEqual(await northfield.decide(facts, { asOf }));
      outcomes.push(body.decision.outcome);
    }
    expect(outcomes).toEqual(["decline", "caution"]);
    // Without one, today (the runtime's default) is used and said.
    const undated = (await (await fetch(url, json({ facts }))).json()) as {
      asOf: string;
      decision: { asOf: string };
    };
    expect(undated.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(undated.decision.asOf).toBe(undated.asOf);
    const why = await fetch(
      `${base}/v1/policies/northfield-trust/why-not`,
      json({ rule: "NT-3", facts, asOf: "2027-01-15" }),
    );
    expect(await why.json()).toMatchObject({
      asOf: "2027-01-15",
      whyNot: northfield.whyNot("NT-3", facts, { asOf: "2027-01-15" }),
    });
    const policies = (await (await fetch(`${base}/v1/policies`)).json()) as {
      policies: { usesDecisionDate: boolean }[];
    };
    expect(policies.policies.map((p) => p.usesDecisionDate)).toEqual([false, true]);

    const bad: [unknown, number, string, RegExp][] = [
      ["2025-02-30", 400, "invalid-date", /^asOf "2025-02-30" is not a day of the calendar/],
      ["2025-13-01", 400, "invalid-date", /is not a day of the calendar/],
      ["15/01/2025", 400, "invalid-date", /^asOf "15\/01\/2025" is not a date written YYYY-MM-DD/],
      ["2025-1-5", 400, "invalid-date", /is not a date written YYYY-MM-DD/],
      ["", 400, "invalid-date", /is not a date written YYYY-MM-DD/],
      [20250115, 400, "invalid-request", /asOf/],
      ["x".repeat(500), 400, "invalid-request", /asOf/],
    ];
    for (const [asOf, status, error, message] of bad) {
      for (const route of ["decisions", "why-not"]) {
        const r = await fetch(
          `${base}/v1/policies/northfield-trust/${route}`,
          json({ facts, asOf, ...(route === "why-not" ? { rule: "NT-3" } : {}) }),
        );
        expect({ status: r.status, body: await r.json() }).toMatchObject({
          status,
          body: { error, message: expect.stringMatching(message) },
        });
      }
    }
  });

  it("answers health and readiness, and serves the OpenAPI 3.1 document of its routes", async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: "ready", policies: 2 });
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/healthz",
      "/readyz",
      "/v1/policies",
      "/v1/policies/{id}/decisions",
      "/v1/policies/{id}/why-not",
    ]);
    const decisions = doc.paths["/v1/policies/{id}/decisions"]!.post!;
    expect(decisions.requestBody).toMatchObject({
      content: {
        "application/json": {
          schema: { properties: { asOf: { type: "string", examples: ["2025-01-01"] } } },
        },
      },
    });
    expect(Object.keys(decisions.responses).sort()).toEqual(["200", "400", "404"]);
  });

  it("gives 1,000 concurrent requests each the decision decide gives", async () => {
    const random = seeded(42);
    const sets = Array.from({ length: 1000 }, () => randomFacts(bps.facts, random));
    const answers = await Promise.all(
      sets.map(async (facts) => {
        const r = await fetch(`${base}/v1/policies/bps/decisions`, json({ facts }));
        return ((await r.json()) as { decision: unknown }).decision;
      }),
    );
    const expected = await Promise.all(sets.map((facts) => bpsDecider.decide(facts)));
    expect(answers).toEqual(expected);
  });

  it("logs JSON with request ids and without fact values", async () => {
    logs.length = 0;
    const marker = "a very private value";
    const text = bps.facts.find((f) => f.type === "text");
    const facts = text ? { [text.name]: marker } : randomFacts(bps.facts, seeded(3));
    await fetch(
      `${base}/v1/policies/bps/decisions`,
      json({ facts }, { "x-request-id": "req-123" }),
    );
    const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const decision = lines.find((l) => l.msg === "decision");
    expect(decision).toMatchObject({
      reqId: "req-123",
      policy: "bps",
      outcome: expect.any(String),
    });
    expect(decision!.facts).toBeUndefined();
    expect(logs.join("")).not.toContain(marker);
  });
});

describe("hints in 400s, as the CLI gives them", () => {
  it("says how to write a value and which name or value was meant", async () => {
    const { service, base } = await start({
      files: [bundleFile],
      closest: (word, candidates) => closest(word, candidates),
    });
    try {
      const cases: [Record<string, unknown>, string][] = [
        [{ age: "6" }, "Write 6 instead."],
        [{ "vulnerable group": "yes" }, "Write true instead."],
        [{ Age: 30 }, "Did you mean 'age'?"],
        [{ activty: "sharing material" }, "Did you mean 'activity'?"],
        [{ activity: "sharing materal" }, "Did you mean 'sharing material'?"],
        [{ activity: "Sharing Material" }, 'Write "sharing material" instead.'],
      ];
      for (const [facts, hint] of cases) {
        const r = await fetch(`${base}/v1/policies/bps/decisions`, json({ facts }));
        expect(r.status).toBe(400);
        const body = (await r.json()) as {
          message: string;
          errors: { message: string; hint?: string }[];
        };
        const expected = bpsDecider.decideSync(facts);
        const runtime = expected.ok ? [] : expected.errors;
        // The runtime's messages, unchanged, each with the hint after it.
        expect(body.errors.map((e) => e.message)).toEqual(runtime.map((e) => e.message));
        expect(body.errors[0]!.hint).toBe(hint);
        expect(body.message).toBe(`${runtime[0]!.message} ${hint}`);
        const why = await fetch(`${base}/v1/policies/bps/why-not`, json({ rule: "3.1", facts }));
        expect(((await why.json()) as { errors: { hint?: string }[] }).errors[0]!.hint).toBe(hint);
      }
      // Nothing close: no hint, the runtime's message alone.
      const far = await fetch(`${base}/v1/policies/bps/decisions`, json({ facts: { zzzzzz: 1 } }));
      const body = (await far.json()) as { errors: { hint?: string }[] };
      expect(body.errors[0]!.hint).toBeUndefined();
    } finally {
      await service.close();
    }
  });
});

describe("several-valued facts", () => {
  it("lists them, decides and explains with them, and reads them as form input", async () => {
    const file = path.join(dir, "posts.precept");
    writeFileSync(
      file,
      `policy "Posts" version "1"
outcomes, strongest first:
  prohibit "must not"
  allow "fine"
otherwise no guidance
fact content: any of personal, work, patient area
rule 1: content includes patient area → prohibit
rule 2: content includes none of work, patient area → allow
`,
    );
    const { service, base } = await start({ files: [file] });
    try {
      const list = (await (await fetch(`${base}/v1/policies`)).json()) as {
        policies: { facts: unknown[] }[];
      };
      expect(list.policies[0]!.facts[0]).toMatchObject({
        name: "content",
        type: "set",
        values: ["personal", "work", "patient area"],
      });
      const decided = await fetch(
        `${base}/v1/policies/posts/decisions`,
        json({ facts: { content: ["work", "patient area"] } }),
      );
      expect(await decided.json()).toMatchObject({ decision: { outcome: "prohibit" } });
      const form = await fetch(
        `${base}/v1/policies/posts/decisions`,
        json({ facts: { Content: "Personal" }, input: "form" }),
      );
      expect(await form.json()).toMatchObject({
        decision: { outcome: "allow" },
        conversions: [{ fact: "content" }, { fact: "content", value: ["personal"] }],
      });
      const why = await fetch(
        `${base}/v1/policies/posts/why-not`,
        json({ rule: "1", facts: { content: ["work"] } }),
      );
      expect(await why.json()).toMatchObject({
        whyNot: { applies: "no", failed: [{ fact: "content", actual: ["work"] }] },
      });
      const bad = await fetch(
        `${base}/v1/policies/posts/decisions`,
        json({ facts: { content: "work" } }),
      );
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        message: expect.stringContaining(
          "'content' cannot be \"work\": it must be a list of any of",
        ),
      });
    } finally {
      await service.close();
    }
  });
});

describe("constraints between facts", () => {
  it("answers a contradictory fact set with invalid-facts naming the constraint, never a 500", async () => {
    const file = path.join(dir, "constrained.precept");
    writeFileSync(
      file,
      `policy "Constrained" version "1"
outcomes, strongest first:
  decline "no"
  allow "fine"
otherwise no guidance
fact other person: one of supervisor, colleague
fact evaluative relationship: one of none, they evaluate you
constraint "A supervisor evaluates you": other person is supervisor → evaluative relationship is they evaluate you
rule 1: evaluative relationship is they evaluate you → decline
rule 2: other person is colleague → allow
`,
    );
    const { service, base } = await start({ files: [file] });
    try {
      const facts = { "other person": "supervisor", "evaluative relationship": "none" };
      for (const [route, body] of [
        ["decisions", { facts }],
        ["why-not", { rule: "1", facts }],
      ] as const) {
        const r = await fetch(`${base}/v1/policies/constrained/${route}`, json(body));
        expect(r.status).toBe(400);
        expect(await r.json()).toMatchObject({
          error: "invalid-facts",
          message: expect.stringContaining('"A supervisor evaluates you"'),
          errors: [{ constraint: "A supervisor evaluates you" }],
        });
      }
      const fine = await fetch(
        `${base}/v1/policies/constrained/decisions`,
        json({ facts: { "other person": "colleague", "evaluative relationship": "none" } }),
      );
      expect(await fine.json()).toMatchObject({ decision: { outcome: "allow" } });
    } finally {
      await service.close();
    }
  });
});

describe("limits, access and CORS", () => {
  it("refuses a body over the limit with 413", async () => {
    const { service, base } = await start({ files: [bundleFile], bodyLimit: 1000 });
    try {
      const r = await fetch(
        `${base}/v1/policies/bps/decisions`,
        json({ facts: { x: "y".repeat(2000) } }),
      );
      expect(r.status).toBe(413);
      expect(await r.json()).toMatchObject({ error: "too-large" });
    } finally {
      await service.close();
    }
  });

  it("requires the bearer token on /v1 when one is set, but not for health checks", async () => {
    const { service, base } = await start({ files: [bundleFile], token: "s3cret-token" });
    try {
      const url = `${base}/v1/policies`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: "Basic s3cret-token" } })).status).toBe(
        401,
      );
      const ok = await fetch(url, { headers: { authorization: "Bearer s3cret-token" } });
      expect(ok.status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it("sends no CORS headers unless origins are configured, then only to those", async () => {
    const plain = await start({ files: [bundleFile] });
    try {
      const r = await fetch(`${plain.base}/v1/policies`, {
        headers: { origin: "https://hr.example" },
      });
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(`${plain.base}/v1/policies/bps/decisions`, {
        method: "OPTIONS",
        headers: { origin: "https://hr.example", "access-control-request-method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.service.close();
    }
    const { service, base } = await start({ files: [bundleFile], cors: ["https://hr.example"] });
    try {
      const allowed = await fetch(`${base}/v1/policies`, {
        headers: { origin: "https://hr.example" },
      });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://hr.example");
      const other = await fetch(`${base}/v1/policies`, {
        headers: { origin: "https://evil.example" },
      });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await fetch(`${base}/v1/policies/bps/decisions`, {
        method: "OPTIONS",
        headers: { origin: "https://hr.example", "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    } finally {
      await service.close();
    }
  });

  it("refuses to start on a tampered bundle (a rule edited to prohibit, old hash kept)", async () => {
    const tampered = JSON.parse(JSON.stringify(bps));
    const rule = tampered.rules.find(
      (r: { event: { type: string } }) => r.event.type !== tampered.outcomes[0].name,
    );
    rule.event.type = tampered.outcomes[0].name;
    rule.event.params.strength = tampered.outcomes[0].strength;
    const file = path.join(dir, "tampered.json");
    writeFileSync(file, JSON.stringify(tampered));
    await expect(
      createService({ files: [file], logger: false, watch: false }),
    ).rejects.toMatchObject({
      problems: [expect.stringContaining("The bundle's hash does not match its content")],
    });
  });
});

describe("reload and shutdown", () => {
  /** Polls until `check` passes (the watcher polls the file). */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    // Generous: under load a reload (read, hash, check) can take seconds.
    for (let i = 0; i < 2400; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("timed out waiting");
  }

  it("reloads a changed bundle, and keeps the old one when the new one is invalid", async () => {
    const file = path.join(dir, "reloading.bundle.json");
    writeFileSync(file, JSON.stringify(bps));
    const { service, base } = await start({ files: [file], watch: { interval: 20 } });
    const hash = async () =>
      ((await (await fetch(`${base}/v1/policies`)).json()) as { policies: { hash: string }[] })
        .policies[0]!.hash;
    try {
      expect(await hash()).toBe(bps.hash);
      const northfield = bundleOf(NORTHFIELD);
      writeFileSync(file, JSON.stringify(northfield));
      await eventually(async () => (await hash()) === northfield.hash);

      logs.length = 0;
      const tampered = JSON.parse(JSON.stringify(bps));
      tampered.policy.title = "Edited by hand";
      writeFileSync(file, `${JSON.stringify(tampered)}\n`);
      await eventually(async () => logs.some((l) => l.includes("reload refused")));
      const refused = JSON.parse(logs.find((l) => l.includes("reload refused"))!);
      expect(refused.problems).toEqual([expect.stringContaining("hash does not match")]);
      expect(await hash()).toBe(northfield.hash);
      const r = await fetch(`${base}/v1/policies/reloading/decisions`, json({ facts: {} }));
      expect(r.status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it("lets requests in flight finish when it shuts down, and refuses new ones", async () => {
    const { service, base } = await start({ files: [bundleFile] });
    const { port } = new URL(base);
    const body = JSON.stringify({ facts: {} });
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.on("data", (d) => {
      response += d.toString();
    });
    const ended = new Promise((resolve) => socket.once("close", resolve));
    // Headers and half the body: the request is in flight when shutdown starts.
    socket.write(
      `POST /v1/policies/bps/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await eventually(async () => (await fetch(`${base}/healthz`)).ok);
    const closed = service.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    socket.end(body.slice(5));
    await ended;
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const payload = JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4));
    expect(payload.decision).toEqual(await bpsDecider.decide({}));
  });
});
