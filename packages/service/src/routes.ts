/**
 * The routes: the policies and their facts, a decision, why a rule does or does not apply, and the
 * health checks. Facts are read by the runtime's facts contract and decided by `decideSync`, which
 * gives exactly `decide`'s decision without json-rules-engine (so no request can take seconds).
 */
import {
  type Closest,
  type FactError,
  type FactInputMode,
  isIsoDate,
  readFacts,
  today,
  withFactHints,
} from "@precept/runtime";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Policies, Policy } from "./policies.js";
import {
  decisionBody,
  decisionResponse,
  errorSchema,
  policiesResponse,
  policyParams,
  statusResponse,
  whyNotBody,
  whyNotResponse,
} from "./schemas.js";

export interface RouteOptions {
  readonly policies: Policies;
  /** Log fact values with each decision (off: only the policy, the outcome and the rules). */
  readonly logFacts: boolean;
  readonly maxTextLength: number;
  readonly secured: boolean;
  /** False while shutting down: /readyz answers 503 so load balancers stop sending. */
  readonly ready: () => boolean;
  /** The did-you-mean for hints (see `ServiceOptions.closest`). */
  readonly closest?: Closest;
}

interface FactsBody {
  readonly facts: Record<string, unknown>;
  readonly input?: FactInputMode;
  /** The decision date, `YYYY-MM-DD` (default: the server's today). */
  readonly asOf?: string;
}

/** Why `asOf` is not a decision date, or undefined when it is one. */
export function asOfProblem(asOf: string): string | undefined {
  if (isIsoDate(asOf as unknown)) return undefined;
  const shown = JSON.stringify(asOf.length > 40 ? `${asOf.slice(0, 40)}…` : asOf);
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf)
    ? `asOf ${shown} is not a day of the calendar: the decision date must be a date that exists, written YYYY-MM-DD, such as 2025-01-01.`
    : `asOf ${shown} is not a date written YYYY-MM-DD: the decision date must be written like 2025-01-01.`;
}

const errors = { 400: { $ref: "Error#" }, 404: { $ref: "Error#" } };

function reference(p: Policy) {
  const { title, version } = p.bundle.policy;
  return { id: p.id, title, ...(version !== undefined ? { version } : {}), hash: p.bundle.hash };
}

export function summary(p: Policy) {
  const b = p.bundle;
  return {
    ...reference(p),
    layers: b.layers,
    outcomes: b.outcomes.map(({ name, label, meaning }) => ({
      name,
      label,
      ...(meaning !== undefined ? { meaning } : {}),
    })),
    defaultOutcome: b.defaultOutcome,
    facts: b.facts.map((f) => ({ ...f, question: p.decider.question(f.name) })),
    usesDecisionDate: p.decider.usesDecisionDate,
  };
}

export function routes(app: FastifyInstance, options: RouteOptions): void {
  const { policies } = options;
  app.addSchema(errorSchema);
  const security = options.secured ? [{ bearer: [] }] : [];

  const policyOr404 = (id: string, reply: FastifyReply): Policy | undefined => {
    const policy = policies.get(id);
    if (!policy) {
      const ids = policies.all().map((p) => p.id);
      void reply.code(404).send({
        error: "unknown-policy",
        message: `There is no policy '${id.slice(0, 100)}'. Policies: ${ids.join(", ")}.`,
      });
    }
    return policy;
  };

  /** A 400 with the runtime's messages, each followed by its hint as the CLI gives it. */
  const invalidFacts = (reply: FastifyReply, errors: readonly FactError[]) =>
    reply.code(400).send({
      error: "invalid-facts",
      message: errors.map((e) => (e.hint ? `${e.message} ${e.hint}` : e.message)).join(" "),
      errors,
    });

  /** The decision date to use (the one given, or today), or a 400 saying what is wrong with it. */
  const asOfOr400 = (body: FactsBody, reply: FastifyReply): string | undefined => {
    if (body.asOf === undefined) return today();
    const problem = asOfProblem(body.asOf);
    if (problem === undefined) return body.asOf;
    void reply.code(400).send({ error: "invalid-date", message: problem });
    return undefined;
  };

  /** The facts by the contract, or a 400 with the runtime's messages. */
  const factsOr400 = (policy: Policy, body: FactsBody, reply: FastifyReply) => {
    const read = readFacts(policy.bundle.facts, body.facts, {
      mode: body.input ?? "json",
      maxTextLength: options.maxTextLength,
    });
    if (!read.ok) {
      void invalidFacts(
        reply,
        withFactHints(policy.bundle.facts, read.errors, body.facts, options.closest),
      );
      return undefined;
    }
    return read;
  };

  app.get(
    "/v1/policies",
    {
      schema: {
        summary: "The policies served, with what a client needs to render a form",
        tags: ["policies"],
        security,
        response: { 200: policiesResponse },
      },
    },
    async () => ({ policies: policies.all().map(summary) }),
  );

  app.post<{ Params: { id: string }; Body: FactsBody }>(
    "/v1/policies/:id/decisions",
    {
      schema: {
        summary: "Decide a situation, with the explanation",
        tags: ["decisions"],
        security,
        params: policyParams,
        body: decisionBody,
        response: { 200: decisionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const policy = policyOr404(request.params.id, reply);
      if (!policy) return reply;
      const asOf = asOfOr400(request.body, reply);
      if (asOf === undefined) return reply;
      const read = factsOr400(policy, request.body, reply);
      if (!read) return reply;
      const decision = policy.decider.decideSync(read.facts, { asOf });
      // Facts the contract reads can still contradict one of the policy's constraints.
      if (!decision.ok) return invalidFacts(reply, decision.errors);
      request.log.info(
        {
          policy: policy.id,
          hash: policy.bundle.hash,
          outcome: decision.outcome,
          rules: decision.decidingRules,
          ...(options.logFacts ? { facts: read.facts } : {}),
        },
        "decision",
      );
      return {
        policy: reference(policy),
        asOf,
        decision,
        ...(request.body.input === "form" ? { conversions: read.conversions } : {}),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: FactsBody & { rule: string } }>(
    "/v1/policies/:id/why-not",
    {
      schema: {
        summary: "Why a rule (or exception) does or does not apply",
        tags: ["decisions"],
        security,
        params: policyParams,
        body: whyNotBody,
        response: { 200: whyNotResponse, ...errors },
      },
    },
    async (request, reply) => {
      const policy = policyOr404(request.params.id, reply);
      if (!policy) return reply;
      const asOf = asOfOr400(request.body, reply);
      if (asOf === undefined) return reply;
      const read = factsOr400(policy, request.body, reply);
      if (!read) return reply;
      const answer = policy.decider.whyNot(request.body.rule, read.facts, { asOf });
      if (!answer.ok) {
        if (answer.errors.some((e) => e.constraint !== undefined)) {
          return invalidFacts(reply, answer.errors);
        }
        return reply.code(400).send({
          error: "unknown-rule",
          message: answer.errors.map((e) => e.message).join(" "),
        });
      }
      return {
        policy: reference(policy),
        asOf,
        whyNot: answer,
        ...(request.body.input === "form" ? { conversions: read.conversions } : {}),
      };
    },
  );

  app.get(
    "/healthz",
    {
      schema: {
        summary: "Liveness: the process answers",
        tags: ["health"],
        response: { 200: statusResponse },
      },
    },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        summary: "Readiness: policies loaded and not shutting down (503 otherwise)",
        tags: ["health"],
        response: { 200: statusResponse, 503: statusResponse },
      },
    },
    async (_request, reply) => {
      const count = policies.all().length;
      if (!options.ready() || count === 0) {
        return reply.code(503).send({ status: "not ready", policies: count });
      }
      return { status: "ready", policies: count };
    },
  );
}
