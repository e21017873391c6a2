import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeDeviceRepositoryContract } from "../../../test/contracts/device-repository.contract.ts";
import { buildDevice, minutesAfterEpoch } from "../../../test/contracts/fixtures.ts";
import { describeOnEachDatabase, portOf } from "../test-support/sql-test-databases.ts";
import type { SqlRepositories } from "./sql-repositories.ts";

describeOnEachDatabase("SQL device repository", (database) => {
  describeDeviceRepositoryContract({ name: database.name, create: portOf(database, "devices") });

  describe(`${database.name} specifics`, () => {
    let repositories: SqlRepositories;

    beforeEach(async () => {
      repositories = await database.createRepositories();
    });

    afterEach(async () => {
      await repositories.close();
    });

    it("keeps when a moved token was first registered, and takes the new platform", async () => {
      const device = buildDevice({ platform: "android", createdAt: minutesAfterEpoch(-60) });
      await repositories.devices.upsert(device);

      const moved = await repositories.devices.upsert(
        buildDevice({ token: device.token, platform: "web", createdAt: minutesAfterEpoch(0), lastSeenAt: minutesAfterEpoch(0) }),
      );

      expect(moved.createdAt.getTime()).toBe(minutesAfterEpoch(-60).getTime());
      expect(moved.platform).toBe("web");
    });

    it("accepts an empty list of tokens to delete", async () => {
      const device = buildDevice();
      await repositories.devices.upsert(device);

      await repositories.devices.deleteTokens([]);

      expect(await repositories.devices.get(device.id)).not.toBeNull();
    });
  });
});
