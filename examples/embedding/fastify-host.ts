/**
 * A Fastify app calling Confide's use cases through `@confide/http/compose` — no Hono, no
 * `confide serve`. Configuration from CONFIDE_* variables.
 *
 *   CONFIDE_DATA_DIR=./data npm run example:fastify-host
 *
 *   POST /sessions?patientId=<id>   raw audio body (streamed), HTTP Basic auth of a therapist
 *   GET  /sessions/<id>             the session as JSON
 */
import { createConfide, type Confide } from "@confide/http/compose";
import Fastify, { type FastifyInstance } from "fastify";
import { basicAuthActor } from "./basic-auth-actor.ts";
import { problemOf } from "./problem-of.ts";

export function createFastifyHost(confide: Confide): FastifyInstance {
  const app = Fastify({ logger: false });
  // Any body is left unread: the upload route hands the request's stream to the use case.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, _payload, done) => done(null));
  app.post<{ Querystring: { patientId?: string } }>("/sessions", async (request, reply) => {
    const actor = await basicAuthActor(confide, request.headers.authorization);
    const session = await confide.uploadSession(actor, {
      patientId: request.query.patientId ?? "",
      audio: ReadableStream.from<Uint8Array>(request.raw),
      ...(request.headers["content-type"] ? { declaredContentType: request.headers["content-type"] } : {}),
    });
    return reply.code(201).send(session);
  });
  app.get<{ Params: { id: string } }>("/sessions/:id", async (request) => {
    const actor = await basicAuthActor(confide, request.headers.authorization);
    return confide.getSession(actor, { sessionId: request.params.id });
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = problemOf(error, confide.deps.logger);
    // Drain what the client is still sending so it can read the answer.
    request.raw.resume();
    return reply.code(status).type("application/problem+json").send(body);
  });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const confide = await createConfide(process.env);
  await confide.start();
  const app = createFastifyHost(confide);
  await app.listen({ port: confide.config.port, host: confide.config.host });
  process.once("SIGTERM", () => {
    void app.close().then(() => confide.close());
  });
}
