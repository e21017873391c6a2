/**
 * Erasing a user (core's `eraseUser`) over the Cosmos user, token and device repositories, with
 * the connection dropped midway: running it again leaves nothing of the user in any container.
 */
import { type Actor, eraseUser } from "@confide/core";
import { createTestDeps } from "@confide/core/testing";
import { buildCareRelation, buildDevice, buildRefreshToken, buildUser, expectConfideError, fixtureEpoch } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import type { CosmosContext } from "./cosmos-client.ts";
import {
  careRelationsContainerId,
  devicesContainerId,
  deviceTokensContainerId,
  emailClaimsContainerId,
  refreshTokensContainerId,
  usersContainerId,
} from "./cosmos-containers.ts";
import { createCosmosDeviceRepository } from "./cosmos-device-repository.ts";
import { queryAll } from "./cosmos-items.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";
import { createCosmosTokenRepository } from "./cosmos-token-repository.ts";
import { createCosmosUserRepository } from "./cosmos-user-repository.ts";

const standIn = useCosmosStandIn();

const admin: Actor = { userId: "admin-1", role: "admin" };

const accountContainers = [
  usersContainerId,
  emailClaimsContainerId,
  careRelationsContainerId,
  refreshTokensContainerId,
  devicesContainerId,
  deviceTokensContainerId,
];

/** Every item in the account containers that mentions `text` anywhere, as `container/id`. */
async function itemsMentioning(context: CosmosContext, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const containerId of accountContainers) {
    const items = await queryAll<{ id: string }>(context.container(containerId), { query: "SELECT * FROM c" });
    for (const item of items) if (JSON.stringify(item).includes(text)) found.push(`${containerId}/${item.id}`);
  }
  return found;
}

async function setUp() {
  const context = await standIn.freshContext({ proxy: true });
  const clock = { now: () => fixtureEpoch };
  const users = createCosmosUserRepository(context, { clock });
  const tokens = createCosmosTokenRepository(context, { clock });
  const devices = createCosmosDeviceRepository(context);
  const deps = createTestDeps({ users, tokens, devices });
  deps.clock.set(fixtureEpoch);
  const patient = buildUser({ role: "patient", email: "erase.me@example.test" });
  const therapists = [buildUser({ role: "therapist" }), buildUser({ role: "therapist" })];
  const bystander = buildUser({ role: "patient" });
  for (const user of [patient, ...therapists, bystander]) await users.create(user);
  for (const therapist of therapists) {
    await users.link(buildCareRelation({ therapistId: therapist.id, patientId: patient.id }));
    await users.link(buildCareRelation({ therapistId: therapist.id, patientId: bystander.id }));
  }
  for (const owner of [patient, patient, patient, bystander]) {
    await tokens.create(buildRefreshToken({ userId: owner.id }));
    await devices.upsert(buildDevice({ userId: owner.id }));
  }
  return { context, deps, patient, bystander, therapists };
}

describe("Cosmos repositories: erasing a user", () => {
  // Deletes in order: 6 of the devices (index entry, device), 6 of the tokens, 2 relations, the claim, the user.
  for (const dropAt of [1, 4, 7, 10, 13, 15, 16]) {
    it(`finishes when run again after the connection dropped at delete #${dropAt}`, async () => {
      const { context, deps, patient, bystander, therapists } = await setUp();
      const before = await itemsMentioning(context, bystander.id);
      let deletes = 0;
      standIn.proxy().inject({ kind: "drop" }, { match: (request) => request.method === "DELETE" && (deletes += 1) === dropAt });

      await expectConfideError(eraseUser(deps, admin, { userId: patient.id }), "dependency.unavailable");
      expect(await itemsMentioning(context, patient.id)).not.toEqual([]);

      const result = await eraseUser(deps, admin, { userId: patient.id });

      expect(result.userId).toBe(patient.id);
      expect(await itemsMentioning(context, patient.id)).toEqual([]);
      expect(await itemsMentioning(context, "erase.me@example.test")).toEqual([]);
      // Nothing of anyone else went.
      expect(await itemsMentioning(context, bystander.id)).toEqual(before);
      for (const therapist of therapists) expect(await deps.users.get(therapist.id)).not.toBeNull();
      await expectConfideError(eraseUser(deps, admin, { userId: patient.id }), "user.not_found");
    });
  }
});
