import { describeSessionEventsContract } from "@confide/contracts";
import { createInProcessSessionEvents } from "./in-process-session-events.ts";

describeSessionEventsContract({
  name: "in-process",
  create: async () => {
    const events = createInProcessSessionEvents();
    return { publisher: events, subscriber: events };
  },
  capabilities: { sharedChannel: false },
});
