/**
 * The API baseline: a bare Hono app on the same @hono/node-server as Confide, with one route
 * answering a small JSON document. Prints the same "listening" JSON line as `confide serve`.
 * Run: node bench/support/bare-hono-server.ts
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/v1/sessions/:id", (c) => c.json({ id: c.req.param("id"), status: "ready", version: 1 }));

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ message: "listening", port: info.port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
