/**
 * Access: an optional bearer token (compared in constant time) on the /v1 routes, and CORS only
 * for the origins configured (none by default: browsers on other sites get no access).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Whether `header` carries `Bearer <token>`; the comparison takes the same time for any guess. */
export function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  // Hashing first gives equal lengths, as timingSafeEqual needs, without leaking the token's.
  const same = timingSafeEqual(digest(match?.[1] ?? ""), expected);
  return same && match !== null;
}

export function requireToken(app: FastifyInstance, token: string): void {
  const expected = digest(token);
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith("/v1/") || request.method === "OPTIONS") return;
    if (bearerMatches(request.headers.authorization, expected)) return;
    reply.code(401).header("www-authenticate", 'Bearer realm="precept"').send({
      error: "unauthorized",
      message:
        "This service needs a bearer token: send the header `Authorization: Bearer <token>`.",
    });
    return reply;
  });
}

/** CORS for exactly these origins (`*`: any). Preflights are answered for the /v1 routes. */
export function allowOrigins(app: FastifyInstance, origins: readonly string[]): void {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  const originOf = (request: FastifyRequest): string | undefined => {
    const origin = request.headers.origin;
    return origin !== undefined && (any || allowed.has(origin)) ? origin : undefined;
  };
  app.addHook("onRequest", async (request, reply) => {
    const origin = originOf(request);
    reply.header("vary", "Origin");
    if (origin) reply.header("access-control-allow-origin", origin);
  });
  app.options("/v1/*", { schema: { hide: true } }, async (request, reply) => {
    if (!originOf(request)) {
      return reply
        .code(403)
        .send({ error: "forbidden-origin", message: "This origin may not call the service." });
    }
    return reply
      .code(204)
      .header("access-control-allow-methods", "GET, POST")
      .header("access-control-allow-headers", "content-type, authorization, x-request-id")
      .header("access-control-max-age", "600")
      .send();
  });
}
