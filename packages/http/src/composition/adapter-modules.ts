import { tokens, type Logger } from "@confide/core";
import { ContainerModule } from "inversify";
import { join } from "node:path";
import type { ConfideConfig } from "../config/config.ts";

/**
 * One ContainerModule per port family. Each binding imports its adapter module lazily, so a
 * deployment loads only the SDKs of the adapters it picked.
 */
const adapters = () => import("@confide/adapters-local");

export function storageModule(config: ConfideConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(tokens.blobs)
      .toDynamicValue(async () => {
        const local = await adapters();
        const keys = config.dataKeys;
        return local.createFilesystemBlobStore({
          root: join(config.dataDir, "blobs"),
          ...(keys === undefined ? {} : { encryption: { key: keys.current, previousKeys: keys.previous } }),
        });
      })
      .inSingletonScope();
  });
}

export function repositoryModule(config: ConfideConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(tokens.repositories)
      .toDynamicValue(async () => {
        const local = await adapters();
        const repositories =
          config.adapters.repository === "postgres"
            ? await local.createPostgresRepositories({ connectionString: config.databaseUrl as string })
            : await local.createPgliteRepositories({ dataDir: join(config.dataDir, "db") });
        await repositories.prepare();
        return repositories;
      })
      .inSingletonScope();
  });
}

export function speechModule(config: ConfideConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(tokens.speech)
      .toDynamicValue(async () => {
        const local = await adapters();
        if (config.adapters.speech === "whisper") {
          return local.createWhisperSpeechToText({
            baseUrl: config.whisper.url as string,
            model: config.whisper.model,
            ...(config.whisper.apiKey ? { apiKey: config.whisper.apiKey } : {}),
          });
        }
        return local.createPocketSphinxSpeechToText();
      })
      .inSingletonScope();
  });
}

export function languageModule(): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(tokens.language)
      .toDynamicValue(async () => (await adapters()).createVaderLanguageAnalyzer())
      .inSingletonScope();
  });
}

export function queueModule(config: ConfideConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(tokens.queue)
      .toDynamicValue(async () => {
        const local = await adapters();
        return config.adapters.queue === "bullmq"
          ? local.createBullMqJobQueue({
              url: config.redisUrl as string,
              prefix: config.queuePrefix,
              lockDurationMs: config.queueStalledMs,
              stalledIntervalMs: config.queueStalledMs,
            })
          : local.createInProcessJobQueue();
      })
      .inSingletonScope();
  });
}

export function pushModule(config: ConfideConfig): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(tokens.push)
      .toDynamicValue(async (context) => {
        const local = await adapters();
        if (config.adapters.push === "fcm") {
          const serviceAccount = config.fcmServiceAccount as Record<string, unknown>;
          // HTTP/1.1: the transport exercised against the fake FCM server in the adapter tests.
          return local.createFcmPushNotifier({ serviceAccount, transport: "http1" });
        }
        return local.createLogPushNotifier({ logger: context.get<Logger>(tokens.logger) });
      })
      .inSingletonScope();
  });
}
