export { createInProcessSessionEvents, type InProcessSessionEventsSettings } from "./in-process-session-events.ts";
