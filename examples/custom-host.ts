/**
 * A minimal custom host: plain `node:http`, no framework, calling the core's use cases through
 * the same composition root as `confide serve` (configuration from CONFIDE_* variables).
 *
 *   CONFIDE_DATA_DIR=./data npm run example:custom-host
 *
 *   POST /sessions?patientId=<id>   raw audio body (streamed), HTTP Basic auth of a therapist
 *   GET  /sessions/<id>             the session as JSON
 */
import "reflect-metadata";
import { type Actor, getSession, login, uploadSession } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { createJsonLogger, createRuntime, loadConfig, startWorker, type Runtime } from "@confide/http";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

const statusOf: Partial<Record<string, number>> = {
  "auth.invalid_credentials": 401,
  "session.not_found": 404,
  "user.not_found": 404,
  "consent.missing": 403,
  "upload.not_audio": 415,
  "upload.too_large": 413,
  "upload.empty": 400,
  "validation.invalid_input": 400,
};

async function actorOf(runtime: Runtime, request: IncomingMessage): Promise<Actor> {
  const [scheme, encoded] = (request.headers.authorization ?? "").split(" ");
  const [email, password] = Buffer.from(encoded ?? "", "base64").toString().split(":");
  if (scheme !== "Basic" || !email || !password) {
    throw new ConfideError("auth.invalid_credentials", "Use HTTP Basic auth with an account's email and password.");
  }
  const { user } = await login(runtime.deps, { email, password });
  return { userId: user.id, role: user.role };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export function createCustomHost(runtime: Runtime): Server {
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://host");
      const actor = await actorOf(runtime, request);
      if (request.method === "POST" && url.pathname === "/sessions") {
        const session = await uploadSession(runtime.deps, actor, {
          patientId: url.searchParams.get("patientId") ?? "",
          // ReadableStream.from, not Readable.toWeb: when the use case refuses the upload and
          // cancels the stream, it stops the request; toWeb's adapter went on enqueueing the
          // chunks still arriving and threw "Controller is already closed", ending the process.
          audio: ReadableStream.from<Uint8Array>(request),
        });
        return send(response, 201, session);
      }
      const match = /^\/sessions\/([^/]+)$/.exec(url.pathname);
      if (request.method === "GET" && match?.[1]) {
        return send(response, 200, await getSession(runtime.deps, actor, { sessionId: match[1] }));
      }
      send(response, 404, { code: "route.not_found" });
    } catch (error) {
      if (!ConfideError.is(error)) {
        runtime.deps.logger.error("request failed", { error });
        return send(response, 500, { code: "internal" });
      }
      // Drain what the client is still sending so it can read the answer.
      request.resume();
      send(response, statusOf[error.code] ?? 400, { code: error.code, message: error.message });
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig(process.env);
  const runtime = await createRuntime(config, createJsonLogger({ level: config.logLevel }));
  const worker = await startWorker(runtime);
  const server = createCustomHost(runtime).listen(config.port, config.host);
  process.once("SIGTERM", () => {
    server.close();
    worker.stop();
    void runtime.close();
  });
}
