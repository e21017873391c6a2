/**
 * `@confide/http/compose`: the composition root without the HTTP host. Configuration (an object
 * or `CONFIDE_*` variables) in, adapters chosen through the adapter registry and wired to core's
 * use cases out — for a team's own Express, Fastify or NestJS app, or a queue-triggered function.
 * Nothing imported from here loads Hono or the host's routes.
 */
import "reflect-metadata";

export { createConfide, composeConfide, type Confide, type ConfideOptions } from "./composition/create-confide.ts";
export type { BoundUseCase, BoundUseCases } from "./composition/bound-use-cases.ts";
export type { QueuedJob } from "./composition/run-job.ts";
export type { ReadinessEntry } from "./composition/readiness.ts";
export { loadConfig, type ConfideConfig } from "./config/config.ts";
export { profiles, type ProfileName } from "./config/profiles.ts";
export { adapterNames, adapterPorts, adapterRegistry, findAdapter, type RegisteredAdapter } from "./composition/adapter-registry.ts";
export { createJsonLogger } from "./logging/json-logger.ts";
export { errorStatus, type ProblemCode } from "./app/errors/error-status.ts";
