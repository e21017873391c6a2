export { loadConfig, type ConfideConfig } from "./config/config.ts";
export { profiles } from "./config/profiles.ts";
export { adapterNames, adapterPorts, adapterRegistry, findAdapter, type RegisteredAdapter } from "./composition/adapter-registry.ts";
export { createRuntime, type Runtime, type RuntimeOptions } from "./composition/runtime.ts";
export { createApp, type AppOptions } from "./app/create-app.ts";
export { startServer, type RunningServer } from "./server.ts";
export { startWorker, type Worker } from "./worker.ts";
export { createJsonLogger } from "./logging/json-logger.ts";
