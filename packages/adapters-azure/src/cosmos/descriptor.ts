import type { AdapterDescriptor, Repositories } from "@confide/core/ports";
import { cosmosSettings, type CosmosSettings } from "./settings.ts";

/** Repositories in an Azure Cosmos DB for NoSQL database (`CONFIDE_REPOSITORY=cosmos`). */
export const cosmosDescriptor = {
  port: "repository",
  name: "cosmos",
  settings: cosmosSettings,
  async create(settings) {
    const { createCosmosRepositories } = await import("./cosmos-repositories.ts");
    return createCosmosRepositories(settings);
  },
} satisfies AdapterDescriptor<Repositories, CosmosSettings>;
