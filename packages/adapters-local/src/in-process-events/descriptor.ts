import type { AdapterDescriptor, SessionEvents } from "@confide/core/ports";
import { z } from "zod";

const inProcessEventsSettings = z.object({}).describe("in this process: the API and the worker share one process");

/** Session changes fanned out inside this process (`CONFIDE_EVENTS=in-process`). */
export const inProcessEventsDescriptor = {
  port: "events",
  name: "in-process",
  settings: inProcessEventsSettings,
  async create(_settings, context) {
    const { createInProcessSessionEvents } = await import("./in-process-session-events.ts");
    return createInProcessSessionEvents({ logger: context.logger });
  },
} satisfies AdapterDescriptor<SessionEvents, z.output<typeof inProcessEventsSettings>>;
