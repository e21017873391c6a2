import type { AdapterDescriptor, Repositories } from "@confide/core/ports";
import { cosmosSettings, type CosmosVariables } from "./settings.ts";

/** Repositories in an Azure Cosmos DB for NoSQL database (`CONFIDE_REPOSITORY=cosmos`). */
export const cosmosDescriptor = {
  port: "repository",
  name: "cosmos",
  settings: cosmosSettings,
  async create(settings) {
    const { createCosmosRepositories } = await import("./cosmos-repositories.ts");
    return createCosmosRepositories({
      endpoint: settings.CONFIDE_COSMOS_ENDPOINT,
      ...(settings.CONFIDE_COSMOS_KEY === undefined ? {} : { key: settings.CONFIDE_COSMOS_KEY }),
      ...(settings.CONFIDE_COSMOS_CA_FILE === undefined ? {} : { ca: settings.CONFIDE_COSMOS_CA_FILE }),
      databaseId: settings.CONFIDE_COSMOS_DATABASE,
      endpointDiscovery: settings.CONFIDE_COSMOS_ENDPOINT_DISCOVERY,
      requestTimeoutMs: settings.CONFIDE_COSMOS_REQUEST_TIMEOUT_MS,
    });
  },
} satisfies AdapterDescriptor<Repositories, CosmosVariables>;
