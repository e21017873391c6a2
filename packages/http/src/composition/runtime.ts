import type { Logger } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";
import type { Runtime, RuntimeOptions } from "./compose-runtime.ts";
import { composeConfide } from "./create-confide.ts";

export type { Runtime, RuntimeOptions } from "./compose-runtime.ts";

/**
 * The host's composition root, as `confide serve`, `confide worker` and the commands take it:
 * `createConfide` with a configuration already loaded. The result is a `Confide` (use cases,
 * `start()`, `runJob()`…) seen as the `Runtime` the host needs.
 */
export async function createRuntime(config: ConfideConfig, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  return composeConfide(config, logger, options);
}
