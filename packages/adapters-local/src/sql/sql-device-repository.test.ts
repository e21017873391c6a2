import { expect, it } from "vitest";
import { buildDevice, describeDeviceRepositoryContract, minutesAfterEpoch } from "@confide/contracts";
import { describeSqlRepositorySuite } from "../../test-support/sql-test-databases.ts";

describeSqlRepositorySuite({
  title: "SQL device repository",
  port: "devices",
  contract: describeDeviceRepositoryContract,
  specifics: (repositories) => {
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
  },
});
