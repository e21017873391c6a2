import { describeSessionRepositoryContract } from "@confide/contracts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";
import { createCosmosSessionRepository } from "./cosmos-session-repository.ts";

const standIn = useCosmosStandIn();

describeSessionRepositoryContract({
  name: "cosmos (Cosmos DB stand-in)",
  create: async () => createCosmosSessionRepository(await standIn.freshContext()),
  capabilities: { stemming: false },
});

describeSessionRepositoryContract({
  name: "cosmos (pages of 2 items, content in chunks of 200 bytes)",
  create: async () => createCosmosSessionRepository(await standIn.freshContext(), { queryPageSize: 2, contentChunkBudgetBytes: 200 }),
  capabilities: { stemming: false },
});
