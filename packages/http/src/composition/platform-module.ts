import { type CoreSettings, defaultCoreSettings, randomIds, tokens } from "@confide/core";
import { systemClock } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import { ContainerModule } from "inversify";
import type { ConfideConfig } from "../config/config.ts";

/** Clock, ids, logger and the core's settings. */
export function platformModule(config: ConfideConfig, logger: Logger): ContainerModule {
  const settings: CoreSettings = {
    ...defaultCoreSettings,
    maxUploadBytes: config.maxUploadBytes,
    leaseMs: config.leaseMs,
    transcriptionTimeoutMs: config.transcriptionTimeoutMs,
    maxSessionsInProcessing: config.uploadQuota.maxSessionsInProcessing,
    uploadsPerHour: config.uploadQuota.uploadsPerHour,
    uploadBytesPerDay: config.uploadQuota.bytesPerDay,
    live: {
      ...defaultCoreSettings.live,
      maxSessions: config.live.maxSessions,
      maxDurationMs: config.live.maxDurationMs,
      idleTimeoutMs: config.live.idleTimeoutMs,
      resumeWindowMs: config.live.resumeWindowMs,
      reflectionConsentForms: config.live.reflectionConsentForms,
    },
    retention: config.retention,
    ...(config.passwordCost ? { passwordCost: config.passwordCost } : {}),
  };
  return new ContainerModule(({ bind }) => {
    bind(tokens.clock).toConstantValue(systemClock);
    bind(tokens.ids).toConstantValue(randomIds);
    bind(tokens.logger).toConstantValue(logger);
    bind(tokens.settings).toConstantValue(settings);
  });
}
