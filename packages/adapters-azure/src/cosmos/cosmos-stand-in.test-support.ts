/**
 * The Cosmos DB stand-in for this folder's tests: one `@vercel/cosmosdb-server` per test file
 * (started in beforeAll, stopped in afterAll), a fresh database for every context asked for, and
 * optionally the fault proxy (413 over 2 MiB, injected 429/503/drops) between the real
 * `@azure/cosmos` client and the server.
 *
 *   const standIn = useCosmosStandIn();
 *   const context = await standIn.freshContext();            // prepared, empty database
 *   const viaProxy = await standIn.freshContext({ proxy: true }); // standIn.proxy() injects faults
 */
import { randomUUID } from "node:crypto";
import { startCosmosFaultProxy, type CosmosFaultProxy } from "@confide/contracts/fakes";
import { startCosmosServer, type CosmosServer } from "@confide/contracts/support";
import { afterAll, beforeAll } from "vitest";
import { createCosmosContext, type CosmosContext } from "./cosmos-client.ts";
import { prepareCosmosContainers } from "./cosmos-containers.ts";
import type { CosmosSettings } from "./settings.ts";

export interface CosmosStandIn {
  server(): CosmosServer;
  /** The fault proxy in front of the server (started with the server, shared by the file). */
  proxy(): CosmosFaultProxy;
  /** Connection settings for a fresh database id, direct or through the proxy. */
  settings(options?: { proxy?: boolean }): CosmosSettings;
  /** A context on a fresh database, its containers created unless `prepare: false`; closed after the file. */
  freshContext(options?: { proxy?: boolean; prepare?: boolean; requestTimeoutMs?: number }): Promise<CosmosContext>;
}

/** Registers beforeAll/afterAll hooks that start and stop the stand-in for the calling test file. */
export function useCosmosStandIn(): CosmosStandIn {
  let server: CosmosServer | undefined;
  let proxy: CosmosFaultProxy | undefined;
  const contexts: CosmosContext[] = [];

  beforeAll(async () => {
    server = await startCosmosServer();
    proxy = await startCosmosFaultProxy(server);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await proxy?.close();
    await server?.stop();
  });

  const standIn: CosmosStandIn = {
    server() {
      if (server === undefined) throw new Error("The Cosmos stand-in starts in beforeAll.");
      return server;
    },
    proxy() {
      if (proxy === undefined) throw new Error("The Cosmos fault proxy starts in beforeAll.");
      return proxy;
    },
    settings(options = {}) {
      const target = standIn.server();
      return {
        endpoint: options.proxy === true ? standIn.proxy().endpoint : target.endpoint,
        key: target.key,
        ca: target.certificate.cert,
        endpointDiscovery: false,
        databaseId: `t-${randomUUID()}`,
      };
    },
    async freshContext(options = {}) {
      const context = await createCosmosContext({
        ...standIn.settings(options),
        ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
      });
      contexts.push(context);
      if (options.prepare !== false) await prepareCosmosContainers(context);
      return context;
    },
  };
  return standIn;
}
