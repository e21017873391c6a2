import type { AdapterDescriptor, PushNotifier } from "@confide/core/ports";
import { z } from "zod";

const logPushSettings = z.object({}).describe("one log line per notification, nothing delivered");

/** Push notifications written to the host's log (`CONFIDE_PUSH=log`). */
export const logPushDescriptor = {
  port: "push",
  name: "log",
  settings: logPushSettings,
  async create(_settings, context) {
    const { createLogPushNotifier } = await import("./log-push-notifier.ts");
    return createLogPushNotifier({ logger: context.logger });
  },
} satisfies AdapterDescriptor<PushNotifier, z.output<typeof logPushSettings>>;
