/**
 * An Express app calling Confide's use cases through `@confide/http/compose` — no Hono, no
 * `confide serve`. Configuration from CONFIDE_* variables.
 *
 *   CONFIDE_DATA_DIR=./data npm run example:express-host
 *
 *   POST /sessions?patientId=<id>   raw audio body (streamed), HTTP Basic auth of a therapist
 *   GET  /sessions/<id>             the session as JSON
 */
import { createConfide, type Confide } from "@confide/http/compose";
import express, { type ErrorRequestHandler, type Express } from "express";
import { basicAuthActor } from "./basic-auth-actor.ts";
import { problemOf } from "./problem-of.ts";

export function createExpressHost(confide: Confide): Express {
  const app = express();
  // No body parser on the upload: the request itself is the stream the use case reads.
  app.post("/sessions", async (request, response) => {
    const actor = await basicAuthActor(confide, request.headers.authorization);
    const session = await confide.uploadSession(actor, {
      patientId: typeof request.query.patientId === "string" ? request.query.patientId : "",
      audio: ReadableStream.from<Uint8Array>(request),
      ...(request.headers["content-type"] ? { declaredContentType: request.headers["content-type"] } : {}),
    });
    response.status(201).json(session);
  });
  app.get("/sessions/:id", async (request, response) => {
    const actor = await basicAuthActor(confide, request.headers.authorization);
    response.json(await confide.getSession(actor, { sessionId: request.params.id }));
  });
  // Express 5 passes a rejected handler's error here.
  const onError: ErrorRequestHandler = (error, request, response, _next) => {
    const { status, body } = problemOf(error, confide.deps.logger);
    // Drain what the client is still sending so it can read the answer.
    request.resume();
    response.status(status).type("application/problem+json").json(body);
  };
  app.use(onError);
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const confide = await createConfide(process.env);
  await confide.start();
  const server = createExpressHost(confide).listen(confide.config.port, confide.config.host);
  process.once("SIGTERM", () => {
    server.close();
    void confide.close();
  });
}
