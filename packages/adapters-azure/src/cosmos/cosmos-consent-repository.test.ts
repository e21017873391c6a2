import { buildConsentGrant, buildConsentWithdrawal, describeConsentRepositoryContract, expectConfideError } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { createCosmosConsentRepository } from "./cosmos-consent-repository.ts";
import { consentRecordsContainerId } from "./cosmos-containers.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

describeConsentRepositoryContract({
  name: "cosmos (stand-in)",
  create: async () => createCosmosConsentRepository(await standIn.freshContext()),
});

describe("Cosmos consent repository", () => {
  it("keeps a patient's history in the patient's partition, one item per place", async () => {
    const context = await standIn.freshContext();
    const consents = createCosmosConsentRepository(context);
    const patientId = "patient-partitioned";
    await consents.append(buildConsentGrant({ patientId }));
    await consents.append(buildConsentWithdrawal({ patientId }));

    const { resources } = await context
      .container(consentRecordsContainerId)
      .items.query({ query: "SELECT VALUE c.id FROM c" }, { partitionKey: patientId })
      .fetchAll();
    expect(resources.sort()).toEqual(["0000000001", "0000000002"]);
  });

  it("lets one of 10 appends at the same place in a history win", async () => {
    const consents = createCosmosConsentRepository(await standIn.freshContext());
    const patientId = "patient-contended";

    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => consents.append(buildConsentGrant({ patientId, sequence: 1 }))),
    );

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => outcome.status === "rejected")) {
      await expectConfideError(Promise.reject(outcome.reason), "consent.conflict");
    }
    expect(await consents.history(patientId)).toHaveLength(1);
  });

  it("answers an append whose connection drops as retryable dependency.unavailable", async () => {
    const consents = createCosmosConsentRepository(await standIn.freshContext({ proxy: true }));
    // The create, not the query before it (the SDK retries queries on its own).
    standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "POST" && request.headers["content-type"] !== "application/query+json" });

    const error = await expectConfideError(consents.append(buildConsentGrant({ patientId: "patient-unreachable" })), "dependency.unavailable");

    expect(error.retryable).toBe(true);
  });
});
