/**
 * `createService`: a Fastify server for the policies in some files — JSON logs with request ids,
 * a body limit and timeouts, optional bearer token and CORS, an OpenAPI 3.1 document built from
 * the route schemas, hot reload of changed files, and a shutdown that lets requests in flight
 * finish. `precept serve` is a thin command line over this.
 */
import { randomUUID } from "node:crypto";
import { unwatchFile, watchFile } from "node:fs";
import swagger from "@fastify/swagger";
import { type Closest, DEFAULT_LIMITS, type Limits } from "@precept/runtime";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { type CompilePolicy, Policies, type Policy } from "./policies.js";
import { routes } from "./routes.js";
import { allowOrigins, requireToken } from "./security.js";

export interface ServiceOptions {
  /** Policy files (`.precept`, compiled by `compile`) and bundle files (`.json`). */
  readonly files: readonly string[];
  /** Compiles a `.precept` file; without it only bundles can be served. */
  readonly compile?: CompilePolicy;
  /** The runtime's limits (bundle size, rules, work per decision, text length). */
  readonly limits?: Partial<Limits>;
  /** Require `Authorization: Bearer <token>` on /v1 routes. */
  readonly token?: string;
  /** Origins allowed by CORS (`*` for any); none by default. */
  readonly cors?: readonly string[];
  /** Largest request body in bytes (default 64 KiB); larger ones get 413. */
  readonly bodyLimit?: number;
  /** Milliseconds to receive a whole request (default 10 s). */
  readonly requestTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open (default 65 s: longer than most load balancers' idle timeout). */
  readonly keepAliveTimeout?: number;
  /** Log the fact values of each decision (default: no). */
  readonly logFacts?: boolean;
  /** Fastify's `logger` option: pino settings (level, stream), or false. Default: JSON at info. */
  readonly logger?: FastifyServerOptions["logger"];
  /** Poll the files for changes every `interval` ms and reload (default: on, 1,000 ms). */
  readonly watch?: false | { readonly interval: number };
  /**
   * The did-you-mean for misspelt fact names and values in 400s (`@precept/language`'s `closest`,
   * as `precept serve` passes it). Without it, hints still say how to write a value ("Write 6
   * instead.") and match names and values that differ only in case or spacing.
   */
  readonly closest?: Closest;
}

export interface Service {
  readonly app: FastifyInstance;
  /** Starts listening; resolves to the address (`http://127.0.0.1:8080`). */
  listen(port: number, host: string): Promise<string>;
  /** Reloads every policy; changed ones are swapped, failures are logged and the old kept. */
  reload(): Promise<void>;
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

export async function createService(options: ServiceOptions): Promise<Service> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const policies = new Policies(limits, options.compile);
  await policies.loadAll(options.files);

  const app = Fastify({
    logger: options.logger ?? { level: "info" },
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    requestTimeout: options.requestTimeout ?? 10_000,
    keepAliveTimeout: options.keepAliveTimeout ?? 65_000,
    // A caller's (or load balancer's) request id is kept when it is plain; otherwise a new one.
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  let closing = false;
  // JSON only: Fastify would otherwise read text/plain bodies as strings.
  app.removeContentTypeParser("text/plain");

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.setErrorHandler(
    (
      error: Error & { statusCode?: number; code?: string; validation?: unknown },
      request,
      reply,
    ) => {
      const status = error.statusCode ?? 500;
      if (error.validation) {
        return reply.code(400).send({
          error: "invalid-request",
          message: `The request ${error.message}.`,
        });
      }
      if (status === 413) {
        return reply.code(413).send({
          error: "too-large",
          message: `The request body is larger than ${app.initialConfig.bodyLimit} bytes.`,
        });
      }
      if (status === 415) {
        return reply
          .code(415)
          .send({ error: "unsupported-media-type", message: "Send the body as application/json." });
      }
      if (status >= 400 && status < 500) {
        return reply.code(status).send({ error: "invalid-request", message: error.message });
      }
      request.log.error({ err: error }, "request failed");
      return reply.code(500).send({
        error: "internal-error",
        message: "Something went wrong in the service; it has been logged.",
      });
    },
  );
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: "not-found",
      message: `There is no ${request.method} ${request.url.split("?")[0]!.slice(0, 200)}. See /openapi.json.`,
    }),
  );

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Precept decision service",
        version: "1",
        description:
          "Decisions, with explanations citing the guidance, for the Precept policies this service was started with.",
      },
      ...(options.token
        ? { components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } } }
        : {}),
    },
  });
  if (options.token) requireToken(app, options.token);
  if (options.cors && options.cors.length > 0) allowOrigins(app, options.cors);
  routes(app, {
    policies,
    logFacts: options.logFacts === true,
    maxTextLength: limits.maxTextLength,
    secured: options.token !== undefined,
    ready: () => !closing,
    ...(options.closest ? { closest: options.closest } : {}),
  });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.ready();

  const reloadOne = async (policy: Policy) => {
    const result = await policies.reload(policy.id);
    if (!result.ok) {
      app.log.error(
        { policy: policy.id, file: policy.file, problems: result.errors },
        "reload refused: the new file is not a valid policy; the old one goes on answering",
      );
    } else if (result.changed) {
      app.log.info(
        { policy: policy.id, hash: policies.get(policy.id)?.bundle.hash },
        "policy reloaded",
      );
    }
  };
  const reload = async () => {
    for (const policy of policies.all()) await reloadOne(policy);
  };

  const watched = new Set<string>();
  const watchAll = () => {
    if (options.watch === false) return;
    const interval = options.watch?.interval ?? 1000;
    for (const policy of policies.all()) {
      for (const file of policy.files) {
        if (watched.has(file)) continue;
        watched.add(file);
        watchFile(file, { interval, persistent: false }, (now, before) => {
          if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
          // Any policy read from this file (a baseline serves several layers).
          const users = policies.all().filter((p) => p.files.includes(file));
          void (async () => {
            for (const p of users) await reloadOne(p);
            watchAll();
          })();
        });
      }
    }
  };
  watchAll();

  return {
    app,
    async listen(port, host) {
      const address = await app.listen({ port, host });
      app.log.info(
        { policies: policies.all().map((p) => ({ id: p.id, hash: p.bundle.hash })) },
        "serving",
      );
      return address;
    },
    reload,
    async close() {
      closing = true;
      for (const file of watched) unwatchFile(file);
      watched.clear();
      await app.close();
    },
  };
}
