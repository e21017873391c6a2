import { Agent } from "node:https";
import type { Container, CosmosClient, CosmosClientOptions, Database } from "@azure/cosmos";
import type { TokenCredential } from "@azure/identity";

/** How to reach the database: what the descriptor makes of the CONFIDE_COSMOS_* settings. */
export interface CosmosConnectionSettings {
  endpoint: string;
  /** The account key; without it (and without `credential`) `DefaultAzureCredential` signs in. */
  key?: string;
  /** A Microsoft Entra ID credential to sign in with instead of a key. */
  credential?: TokenCredential;
  /** Default `confide`. */
  databaseId?: string;
  /** PEM of a certificate authority to trust besides the system's (the emulator, a stand-in). */
  ca?: string;
  /** Default true; false always uses `endpoint` (emulator, proxy, private endpoint). */
  endpointDiscovery?: boolean;
  /** Milliseconds per request before it fails (default 10,000). */
  requestTimeoutMs?: number;
}

/**
 * What every Cosmos repository is built from (`createCosmos<Name>(context)`): the client, the
 * database, and its containers by id (cosmos-containers.ts lists them). The repositories share
 * it; the bundle closes it once.
 */
export interface CosmosContext {
  client: CosmosClient;
  database: Database;
  databaseId: string;
  /** The container with this id (no request: a handle). */
  container(id: string): Container;
  /** Ends the client and its connections; later calls fail. Idempotent. */
  close(): Promise<void>;
}

export const defaultCosmosDatabaseId = "confide";
export const defaultCosmosRequestTimeoutMs = 10_000;

/**
 * The CosmosClient options for `settings`. The client makes no retries of its own for throttling
 * (`maxRetryAttemptCount: 0`): a 429 reaches the error map at once with its `x-ms-retry-after-ms`
 * (by default the SDK would wait and retry 9 times, up to 30 s, inside one repository call).
 * @returns options for `new CosmosClient(...)`, with the agent it created.
 */
export async function cosmosClientOptions(settings: CosmosConnectionSettings): Promise<CosmosClientOptions & { agent: Agent }> {
  const agent = new Agent({ keepAlive: true, ...(settings.ca === undefined ? {} : { ca: settings.ca }) });
  const credentials =
    settings.key !== undefined
      ? { key: settings.key }
      : { aadCredentials: settings.credential ?? new (await import("@azure/identity")).DefaultAzureCredential() };
  return {
    endpoint: settings.endpoint,
    ...credentials,
    agent,
    connectionPolicy: {
      enableEndpointDiscovery: settings.endpointDiscovery ?? true,
      requestTimeout: settings.requestTimeoutMs ?? defaultCosmosRequestTimeoutMs,
      retryOptions: { maxRetryAttemptCount: 0, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 0 },
    },
    userAgentSuffix: "confide",
  };
}

/**
 * Creates the client (the SDK is imported here, when the adapter is chosen). Nothing is sent
 * until the first call.
 * @returns the context the repositories share.
 */
export async function createCosmosContext(settings: CosmosConnectionSettings): Promise<CosmosContext> {
  const { CosmosClient } = await import("@azure/cosmos");
  const options = await cosmosClientOptions(settings);
  const client = new CosmosClient(options);
  const databaseId = settings.databaseId ?? defaultCosmosDatabaseId;
  const database = client.database(databaseId);
  let closed = false;
  return {
    client,
    database,
    databaseId,
    container: (id) => database.container(id),
    async close() {
      if (closed) return;
      closed = true;
      client.dispose();
      options.agent.destroy();
    },
  };
}
