import { Agent } from "node:https";
import type { Container, CosmosClient, CosmosClientOptions, Database } from "@azure/cosmos";
import { invalidSetting, parseSettings } from "@confide/core/adapter-kit";
import type { z } from "zod";
import { cosmosSettings, readPemFile, type CosmosSettings } from "./settings.ts";

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

/** The certificate authority to trust besides the system's: `ca`, else the PEM in `caFile`. */
function trustedCa(settings: z.output<typeof cosmosSettings>): string | undefined {
  if (settings.ca !== undefined || settings.caFile === undefined) return settings.ca;
  const file = readPemFile(settings.caFile);
  if (file.problem !== undefined) throw invalidSetting("caFile", `The setting caFile is not valid: ${file.problem}.`);
  return file.value;
}

/**
 * The CosmosClient options for `settings`. The client makes no retries of its own for throttling
 * (`maxRetryAttemptCount: 0`): a 429 reaches the error map at once with its `x-ms-retry-after-ms`
 * (by default the SDK would wait and retry 9 times, up to 30 s, inside one repository call).
 * @returns options for `new CosmosClient(...)`, with the agent it created.
 */
export async function cosmosClientOptions(settings: z.output<typeof cosmosSettings>): Promise<CosmosClientOptions & { agent: Agent }> {
  const ca = trustedCa(settings);
  const agent = new Agent({ keepAlive: true, ...(ca === undefined ? {} : { ca }) });
  const credentials =
    settings.key !== undefined
      ? { key: settings.key }
      : { aadCredentials: settings.credential ?? new (await import("@azure/identity")).DefaultAzureCredential() };
  return {
    endpoint: settings.endpoint,
    ...credentials,
    agent,
    connectionPolicy: {
      enableEndpointDiscovery: settings.endpointDiscovery,
      requestTimeout: settings.requestTimeoutMs,
      retryOptions: { maxRetryAttemptCount: 0, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 0 },
    },
    userAgentSuffix: "confide",
  };
}

/**
 * Creates the client (the SDK is imported here, when the adapter is chosen). Nothing is sent
 * until the first call.
 * @returns the context the repositories share.
 * @throws ConfideError `validation.invalid_input` naming the first bad setting.
 */
export async function createCosmosContext(settings: CosmosSettings): Promise<CosmosContext> {
  const parsed = parseSettings(cosmosSettings, settings);
  const { CosmosClient } = await import("@azure/cosmos");
  const options = await cosmosClientOptions(parsed);
  const client = new CosmosClient(options);
  const { databaseId } = parsed;
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
