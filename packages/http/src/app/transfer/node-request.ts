import { IncomingMessage } from "node:http";

/**
 * The Node request behind a Hono context, when the app runs on `@hono/node-server` (its
 * `HttpBindings` put it in `c.env.incoming`); undefined elsewhere (`app.request()` in tests,
 * other runtimes). Reading the body from it directly skips the web stream's copy of every chunk.
 */
export function nodeRequestOf(env: unknown): IncomingMessage | undefined {
  if (typeof env !== "object" || env === null || !("incoming" in env)) return undefined;
  const incoming = (env as { incoming: unknown }).incoming;
  return incoming instanceof IncomingMessage ? incoming : undefined;
}
