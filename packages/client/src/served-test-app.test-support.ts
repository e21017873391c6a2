/** Test-only: the host's test app (in-memory deps, seeded accounts) on a real HTTP port, counting requests per path. */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createTestApp, type TestApp, type TestAppOptions } from "../../http/src/app/app-fixture.test-support.ts";

export { password, storeSession, wavBytes } from "../../http/src/app/app-fixture.test-support.ts";

export interface ServedTestApp extends TestApp {
  baseUrl: string;
  /** Requests the server received, by `METHOD /path`. */
  requests: Map<string, number>;
  requestsTo(method: string, path: string): number;
  close(): Promise<void>;
}

export interface ServeOptions extends TestAppOptions {
  /** Extra files served beside the API, by path (a test page and its script, for a browser). */
  files?: Record<string, { contentType: string; body: string }>;
}

export async function serveTestApp(serveOptions: ServeOptions = {}): Promise<ServedTestApp> {
  const { files = {}, ...options } = serveOptions;
  const testApp = await createTestApp(options);
  const requests = new Map<string, number>();
  const server = await new Promise<Server>((resolve) => {
    const started = serve(
      {
        fetch: (request, env) => {
          const path = new URL(request.url).pathname;
          const file = files[path];
          if (file) return new Response(file.body, { headers: { "Content-Type": file.contentType } });
          const key = `${request.method} ${path}`;
          requests.set(key, (requests.get(key) ?? 0) + 1);
          return testApp.app.fetch(request, env);
        },
        port: 0,
        hostname: "127.0.0.1",
      },
      () => resolve(started as Server),
    );
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The test server has no port.");
  return {
    ...testApp,
    baseUrl: `http://127.0.0.1:${address.port}`,
    requests,
    requestsTo: (method, path) => requests.get(`${method} ${path}`) ?? 0,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
