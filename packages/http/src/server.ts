import { endAbandonedLiveSessions } from "@confide/core";
import { serve, type ServerType } from "@hono/node-server";
import { WebSocketServer } from "ws";
import type { LiveHolders } from "./app/live/live-connection.ts";
import { selectLiveSubprotocol } from "./app/live/live-protocol.ts";
import { releaseLiveConnections } from "./app/routes/live-route.ts";
import type { DataKeyring } from "@confide/adapters-local/platform";
import { join } from "node:path";
import type { Server } from "node:http";
import { createApp } from "./app/create-app.ts";
import { keepConnectionsOpen } from "./app/limits/keep-alive.ts";
import { answerUnreadableRequests, maxRequestHeaderBytes } from "./app/limits/request-header-limit.ts";
import { createUploadStaging } from "./app/uploads/upload-staging.ts";
import { resolveJwtSecret } from "./composition/jwt-secret.ts";
import { createRateLimitStore } from "./composition/rate-limit-store.ts";
import type { Runtime } from "./composition/runtime.ts";
import { listenProblem } from "./listen-address.ts";
import { startWorker, type Worker } from "./worker.ts";
import { createBackupStream } from "./backup/backup-stream.ts";
import { writeBackupToken } from "./backup/backup-token.ts";

export interface RunningServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), stops the worker, closes adapters. */
  shutdown(): Promise<void>;
}

/** Serves the HTTP API; with `withWorker`, also runs the queue handlers in this process. */
export interface ServerOptions {
  withWorker: boolean;
  /**
   * The keys of backups (CONFIDE_DATA_KEY): given when this process holds an embedded database,
   * it serves `GET /v1/admin/backup` to `confide backup`, backups encrypted with `current`.
   */
  backupKeyring?: DataKeyring;
}

export async function startServer(runtime: Runtime, options: ServerOptions): Promise<RunningServer> {
  const { config, deps } = runtime;
  const stopping = new AbortController();
  const liveHolders: LiveHolders = new Map();
  const rateLimits = await createRateLimitStore(config, deps.logger);
  // Resumable uploads are staged under the data dir until their last byte (one API process per data dir).
  const uploadStaging = createUploadStaging({
    directory: join(config.dataDir, "uploads"),
    clock: deps.clock,
    newId: () => deps.ids.newId(),
    expiresAfterMs: config.uploadExpiryMs,
  });
  const app = createApp({
    deps,
    uploadStaging,
    jwtSecret: await resolveJwtSecret(config),
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    readiness: () => runtime.readiness(),
    telemetry: runtime.telemetry,
    trustedProxyHops: config.trustProxyHops,
    rateLimits: rateLimits.store,
    shutdown: stopping.signal,
    live: { deps: runtime.liveDeps, holders: liveHolders, limits: { maxFrameBytes: config.live.maxFrameBytes, tickMs: 250 } },
    // Only this process may open an embedded database: `confide backup` asks it for the snapshot.
    ...(options.backupKeyring
      ? {
          backup: {
            token: await writeBackupToken(config.dataDir),
            open: () => createBackupStream({ snapshots: runtime.snapshots, blobs: deps.blobs, keyring: options.backupKeyring!, logger: deps.logger }),
          },
        }
      : {}),
  });
  // Frames up to 4 times the limit reach the route, which refuses them with a clear error; larger
  // ones are refused by ws itself (close 1009).
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 4 * config.live.maxFrameBytes, handleProtocols: selectLiveSubprotocol });
  const worker: Worker | undefined = options.withWorker ? await startWorker(runtime) : undefined;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port, websocket: { server: webSockets }, serverOptions: { maxHeaderSize: maxRequestHeaderBytes } },
      () => resolve(started),
    );
    answerUnreadableRequests(started as Server);
    keepConnectionsOpen(started as Server);
    started.once("error", (error) => reject(listenProblem(error, config.host, config.port)));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // Live sessions whose connection is gone past the resume window end with the audio received.
  const liveSweep = setInterval(
    () => {
      endAbandonedLiveSessions(deps)
        .then((count) => {
          if (count > 0) deps.logger.info("ended abandoned live sessions", { count });
        })
        .catch((error: unknown) => deps.logger.warn("live sweep failed", { error }));
    },
    Math.max(1_000, Math.min(10_000, Math.floor(config.live.resumeWindowMs / 4))),
  );
  liveSweep.unref();
  // Abandoned resumable uploads: removed once past their expiry, checked every few minutes.
  const uploadSweep = setInterval(
    () => {
      uploadStaging
        .sweepExpired()
        .then((removed) => {
          if (removed.length > 0) deps.logger.info("removed expired uploads", { count: removed.length });
        })
        .catch((error: unknown) => deps.logger.warn("upload sweep failed", { error }));
    },
    Math.max(1_000, Math.min(5 * 60_000, Math.floor(config.uploadExpiryMs / 12))),
  );
  uploadSweep.unref();
  deps.logger.info("listening", { host: config.host, port, profile: config.profile, worker: options.withWorker });

  let shuttingDown: Promise<void> | undefined;
  return {
    port,
    shutdown() {
      shuttingDown ??= (async () => {
        deps.logger.info("shutting down", { timeoutMs: config.shutdownTimeoutMs });
        stopping.abort();
        clearInterval(liveSweep);
        clearInterval(uploadSweep);
        // Live sessions stay resumable: their audio is stored before the adapters close.
        await releaseLiveConnections(liveHolders);
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
