import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "./app/create-app.ts";
import { resolveJwtSecret } from "./composition/jwt-secret.ts";
import { createRateLimitStore } from "./composition/rate-limit-store.ts";
import type { Runtime } from "./composition/runtime.ts";
import { listenProblem } from "./listen-address.ts";
import { startWorker, type Worker } from "./worker.ts";

export interface RunningServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), stops the worker, closes adapters. */
  shutdown(): Promise<void>;
}

/** Serves the HTTP API; with `withWorker`, also runs the queue handlers in this process. */
export async function startServer(runtime: Runtime, options: { withWorker: boolean }): Promise<RunningServer> {
  const { config, deps } = runtime;
  const stopping = new AbortController();
  const rateLimits = await createRateLimitStore(config, deps.logger);
  const app = createApp({
    deps,
    jwtSecret: await resolveJwtSecret(config),
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    maxUploadBytes: config.maxUploadBytes,
    readiness: () => runtime.readiness(),
    trustedProxyHops: config.trustProxyHops,
    rateLimiters: rateLimits.limiters,
    uploadQuota: { uploadsPerHour: config.uploadQuota.uploadsPerHour, bytesPerDay: config.uploadQuota.bytesPerDay },
    shutdown: stopping.signal,
  });
  const worker: Worker | undefined = options.withWorker ? await startWorker(runtime) : undefined;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
    started.once("error", (error) => reject(listenProblem(error, config.host, config.port)));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  deps.logger.info("listening", { host: config.host, port, profile: config.profile, worker: options.withWorker });

  let shuttingDown: Promise<void> | undefined;
  return {
    port,
    shutdown() {
      shuttingDown ??= (async () => {
        deps.logger.info("shutting down", { timeoutMs: config.shutdownTimeoutMs });
        stopping.abort();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if ("closeIdleConnections" in server) server.closeIdleConnections();
        const deadline = setTimeout(() => {
          if ("closeAllConnections" in server) server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        await closed;
        clearTimeout(deadline);
        worker?.stop();
        await runtime.close();
        await rateLimits.close();
        deps.logger.info("stopped");
      })();
      return shuttingDown;
    },
  };
}
