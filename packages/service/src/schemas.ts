/**
 * The JSON Schemas of the routes: Fastify validates requests and serialises responses with them,
 * and @fastify/swagger turns the same schemas into the OpenAPI 3.1 document at /openapi.json.
 * The response schemas must list every member the runtime returns (serialisation drops the rest):
 * the tests compare the service's answers with `decide`'s whole.
 */

const strings = { type: "array", items: { type: "string" } } as const;
/** A fact's value: a several-valued fact's is a list of its values. */
const factValue = {
  // anyOf, not a list of types: the serialiser would write a list as a string.
  anyOf: [
    { type: "array", items: { type: "string" } },
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "null" },
  ],
} as const;

export const errorSchema = {
  $id: "Error",
  type: "object",
  description: "What was wrong with the request.",
  required: ["error", "message"],
  properties: {
    error: {
      type: "string",
      description:
        "A stable code: invalid-request, invalid-facts, invalid-date, unknown-rule, unknown-policy, not-found, unauthorized, forbidden-origin, too-large, unsupported-media-type, shutting-down, internal-error.",
    },
    message: { type: "string", description: "The problem in plain English." },
    errors: {
      type: "array",
      description:
        "For invalid-facts: each problem with the facts (or the constraint they contradict), as the runtime reports it.",
      items: {
        type: "object",
        required: ["fact", "message"],
        properties: {
          fact: { type: "string", description: 'The fact name as given ("" for the whole set).' },
          message: { type: "string" },
          allowed: { type: "string", description: "The values the fact allows, in words." },
          constraint: {
            type: "string",
            description: "The title of the policy's constraint the facts contradict.",
          },
          hint: {
            type: "string",
            description:
              "How to put it right, where one is close, as the CLI says it: Write 6 instead. Did you mean 'age'?",
          },
        },
      },
    },
  },
} as const;

const policyRef = {
  type: "object",
  description: "The policy that decided: quote its hash to show which version answered.",
  required: ["id", "title", "hash"],
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    version: { type: "string" },
    hash: { type: "string", description: "sha256: + hex, the bundle's content hash." },
  },
} as const;

const fact = {
  type: "object",
  required: ["name", "label", "type", "question"],
  properties: {
    name: { type: "string", description: "The key to use in `facts`." },
    label: { type: "string", description: "The name as the policy writes it." },
    type: { type: "string", enum: ["choice", "set", "yes/no", "number", "text", "date"] },
    question: { type: "string", description: "What to ask (the policy's, or generated)." },
    description: { type: "string" },
    values: {
      ...strings,
      description: "For a choice (one of) or set (any of) fact: the allowed values, in order.",
    },
    unit: { type: "string", description: "For a number fact: its unit, if any." },
  },
} as const;

export const policiesResponse = {
  type: "object",
  required: ["policies"],
  properties: {
    policies: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "title", "hash", "layers", "outcomes", "defaultOutcome", "facts"],
        properties: {
          id: { type: "string", description: "The id used in URLs." },
          title: { type: "string" },
          version: { type: "string" },
          hash: { type: "string" },
          layers: {
            type: "array",
            description: "Baseline first, this policy last.",
            items: {
              type: "object",
              required: ["title"],
              properties: { title: { type: "string" }, version: { type: "string" } },
            },
          },
          outcomes: {
            type: "array",
            description: "Strongest first; the default outcome last.",
            items: {
              type: "object",
              required: ["name", "label"],
              properties: {
                name: { type: "string" },
                label: { type: "string" },
                meaning: { type: "string" },
              },
            },
          },
          defaultOutcome: { type: "string" },
          facts: { type: "array", items: fact, description: "In declaration order." },
          usesDecisionDate: {
            type: "boolean",
            description:
              "Whether the rules depend on the decision date (dates, durations, rules in force between dates): then `asOf` can change the decision.",
          },
        },
      },
    },
  },
} as const;

const factsInput = {
  facts: {
    type: "object",
    description:
      "Fact name → value. Facts left out or null are unknown. Read by the runtime's facts contract (docs/embedding.md#the-facts-contract).",
    additionalProperties: true,
  },
  input: {
    type: "string",
    enum: ["json", "form"],
    default: "json",
    description:
      'json: exact names and JSON types, as `decide` reads them. form: text as people type it ("6", "yes", names in any case); the conversions are reported.',
  },
  asOf: {
    type: "string",
    maxLength: 100,
    description:
      "The decision date, YYYY-MM-DD (a day that exists): what `today`, durations (`within 2 years`) and rules in force between dates are judged against, as the runtime's `{ asOf }` and the CLI's --as-of. Default: the server's today. A date that is not one is a 400 invalid-date.",
    examples: ["2025-01-01"],
  },
} as const;

const asOfUsed = {
  type: "string",
  description: "The decision date the answer was judged on: the one given, or the server's today.",
} as const;

const conversions = {
  type: "array",
  description: "With input form: each name or value read differently from how it was given.",
  items: {
    type: "object",
    required: ["fact", "given", "message"],
    properties: {
      fact: { type: "string" },
      given: { type: "string" },
      value: factValue,
      message: { type: "string" },
    },
  },
} as const;

export const decisionBody = {
  type: "object",
  required: ["facts"],
  additionalProperties: false,
  properties: factsInput,
} as const;

export const whyNotBody = {
  type: "object",
  required: ["rule", "facts"],
  additionalProperties: false,
  properties: {
    rule: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      description: "A rule or exception id (3.2, 3.2#1).",
    },
    ...factsInput,
  },
} as const;

export const policyParams = {
  type: "object",
  required: ["id"],
  properties: {
    id: { type: "string", maxLength: 100, description: "A policy id from GET /v1/policies." },
  },
} as const;

const decision = {
  type: "object",
  description: "The runtime's decision (docs/embedding.md), exactly as `decide` gives it.",
  required: ["ok", "outcome", "decidingRules", "alsoApplies", "advice", "warnings", "explanation"],
  properties: {
    ok: { type: "boolean" },
    outcome: { type: "string", description: "An outcome name, or `undetermined`." },
    decidingRules: strings,
    alsoApplies: {
      type: "array",
      items: {
        type: "object",
        required: ["rule", "outcome"],
        properties: { rule: { type: "string" }, outcome: { type: "string" } },
      },
    },
    advice: strings,
    undetermined: {
      type: "object",
      required: ["needs", "atLeast", "pending"],
      properties: {
        needs: {
          type: "array",
          items: {
            type: "object",
            required: ["fact", "question"],
            properties: { fact: { type: "string" }, question: { type: "string" } },
          },
        },
        atLeast: { type: "string" },
        pending: strings,
      },
    },
    warnings: strings,
    assumed: {
      type: "array",
      description: "Presumed values the decision relied on (facts not given); absent when none.",
      items: {
        type: "object",
        required: ["fact", "question", "value", "text"],
        properties: {
          fact: { type: "string" },
          question: { type: "string" },
          value: factValue,
          text: { type: "string" },
        },
      },
    },
    explanation: { type: "string", description: "The decision in plain English." },
    asOf: {
      type: "string",
      description: "The decision date, when the policy's rules depend on it (YYYY-MM-DD).",
    },
  },
} as const;

export const decisionResponse = {
  type: "object",
  required: ["policy", "asOf", "decision"],
  properties: { policy: policyRef, asOf: asOfUsed, decision, conversions },
} as const;

const whyNot = {
  type: "object",
  required: ["ok", "rule", "applies", "failed", "suppressedBy", "explanation"],
  properties: {
    ok: { type: "boolean" },
    rule: { type: "string" },
    applies: { type: "string", enum: ["yes", "no", "unknown"] },
    failed: {
      type: "array",
      items: {
        type: "object",
        required: ["condition", "fact", "actual"],
        properties: {
          condition: { type: "string" },
          fact: { type: "string" },
          actual: factValue,
          term: { type: "string" },
        },
      },
    },
    suppressedBy: strings,
    explanation: { type: "string" },
  },
} as const;

export const whyNotResponse = {
  type: "object",
  required: ["policy", "asOf", "whyNot"],
  properties: { policy: policyRef, asOf: asOfUsed, whyNot, conversions },
} as const;

export const statusResponse = {
  type: "object",
  required: ["status"],
  properties: {
    status: { type: "string" },
    policies: { type: "integer" },
  },
} as const;
