import { availableParallelism } from "node:os";
import {
  createConfideDeps,
  defaultLiveMaxStreams,
  LiveCapacity,
  diarizedLiveSpeechToText,
  diarizedSpeechToText,
  type LiveDeps,
  tokens,
  type ConfideDeps,
  type CoreSettings,
} from "@confide/core";
import type { LiveSpeechToText, Clock, DatabaseSnapshots, Ids, Logger } from "@confide/core/ports";
import { Container } from "inversify";
import type { ConfideConfig } from "../config/config.ts";
import { cloudProvidersOf } from "./cloud-providers.ts";
import { adapterModules } from "./adapter-modules.ts";
import { closeAdapters, readinessOf, resolveAdapter, resolveAdapters } from "./adapter-lifecycle.ts";
import { platformModule } from "./platform-module.ts";
import { preparePrivateDataDirectory } from "./private-data-directory.ts";
import { checkReadiness, type ReadinessEntry } from "./readiness.ts";
import { instrumentAdapters } from "../telemetry/instrumented-ports.ts";
import { startTelemetry } from "../telemetry/start-telemetry.ts";
import type { Telemetry } from "../telemetry/telemetry.ts";
import { createWorkerSha256 } from "./worker-sha256.ts";

/** Everything a host process needs: the core's deps, a readiness probe and one close(). */
export interface Runtime {
  config: ConfideConfig;
  deps: ConfideDeps;
  /** The deps of the live sessions (`/v1/live`): `deps` with the live engine, agenda matcher and WebM decoder. */
  liveDeps: LiveDeps;
  /** Whole-database snapshots of the repositories, for backups. */
  snapshots: DatabaseSnapshots;
  readiness(): Promise<ReadinessEntry[]>;
  /** Traces and metrics, when `telemetryRole` was given and the configuration turns them on; else null. */
  telemetry: Telemetry | null;
  /** Closes every adapter (queue first, repositories last), then exports what telemetry holds. Safe to call twice. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * Checks the speech engine while the database starts (a server passes true): PocketSphinx's
   * check loads its model in another process, about half a second that would otherwise delay
   * the first `/readyz`. A failure is logged; readiness checks again and reports it.
   */
  checkSpeechEarly?: boolean;
  /**
   * This process's role for telemetry (`confide serve`: api, `confide worker`: worker): with it,
   * telemetry starts when the configuration turns it on (`CONFIDE_TELEMETRY`,
   * `OTEL_EXPORTER_OTLP_ENDPOINT`, `CONFIDE_METRICS_PORT`) and the adapters' calls are traced.
   * Absent: none (a one-off command, an embedding host with its own).
   */
  telemetryRole?: "api" | "worker";
}

/**
 * The composition root: configuration in, wired adapters out (through the adapter registry and
 * its descriptors, each adapter module loaded when chosen). `createConfide` and `createRuntime`
 * both compose through it.
 */
export async function composeRuntime(config: ConfideConfig, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const container = new Container();
  container.load(platformModule(config, logger), ...adapterModules(config));
  const earlyCheck = new AbortController();
  // Created first when it is checked early; otherwise in turn with the others (below).
  const speechCreated = options.checkSpeechEarly ? resolveAdapter(container, "speech") : undefined;
  /** Settles (never rejects) when the early speech check is over; readiness waits for it rather than loading the model twice. */
  const earlyCheckDone: Promise<void> = speechCreated
    ? speechCreated
        .then((created) => created.check({ signal: earlyCheck.signal }))
        .catch((error: unknown) => {
          if (!earlyCheck.signal.aborted) logger.warn("speech engine not ready at start-up", { error });
        })
    : Promise.resolve();
  // Under way before the database starts: PGlite's start-up holds the main thread for long
  // stretches (the check's next step would wait for it), and a process spawned after PGlite has
  // mapped its memory takes longer to fork.
  if (speechCreated) {
    await speechCreated.catch(() => undefined); // a failure to create it is thrown below
  }
  const adapters = await resolveAdapters(container, { speech: speechCreated }).catch((error: unknown) => {
    earlyCheck.abort();
    throw error;
  });
  const telemetry = options.telemetryRole ? await startTelemetry({ config, role: options.telemetryRole, logger }) : null;
  // Core gets the same ports; with telemetry on, their provider calls are in spans.
  const seen = telemetry ? instrumentAdapters(telemetry, adapters) : adapters;
  // After the adapters opened: an embedded database's directory lock is held by now, so a
  // process refused by it changes nothing in another's data directory.
  await preparePrivateDataDirectory(config.dataDir);
  // Mono transcripts with one speaker for everyone get theirs from the diarizer (CONFIDE_DIARIZER).
  const speech = diarizedSpeechToText(seen.speech, seen.diarizer, { logger });
  // One claim reader for every profile: core's claim-support rule reads claims and cited words with wink-nlp.
  const { createWinkClaimReader } = await import("@confide/adapters-local/wink-claims");
  const { createFfmpegAudioProbe, startStreamingPcmDecoder } = await import("@confide/adapters-local/platform");
  const deps = createConfideDeps({
    blobs: seen.storage,
    speech,
    language: seen.language,
    notes: seen.notes,
    claims: createWinkClaimReader(),
    risk: seen.risk,
    queue: seen.queue,
    push: seen.push,
    events: seen.events,
    repositories: seen.repository,
    clock: container.get<Clock>(tokens.clock),
    ids: container.get<Ids>(tokens.ids),
    // Voice enrolment embeds samples with the same diarizer that separates the sessions' speakers.
    diarizer: seen.diarizer,
    logger,
    // The sha256 of every stored recording, off the thread that receives the uploads.
    sha256: createWorkerSha256(),
    // Every uploaded recording's length, measured once (ffmpeg, which live sessions need too), so providers' length limits hold before staging.
    audioProbe: createFfmpegAudioProbe(),
    settings: {
      ...container.get<CoreSettings>(tokens.settings),
      cloudProviders: cloudProvidersOf(config, { speech, language: seen.language, notes: seen.notes, live: adapters.live }),
    },
  });
  const liveDeps: LiveDeps = {
    ...deps,
    // Mono live sessions get speakers as they are spoken when the engine cannot tell them apart.
    liveSpeech: diarizedLiveSpeechToText(seen.live, adapters.diarizer),
    agenda: adapters.agenda,
    webmDecoder: { open: ({ channels }) => startStreamingPcmDecoder({ channels }) },
    liveCapacity: liveCapacityOf(config, adapters.live, deps.clock),
    suggestions: config.live.suggestions,
    reflections: config.live.reflections,
  };
  if (telemetry) {
    const backlog = adapters.queue.backlog?.bind(adapters.queue);
    if (backlog && options.telemetryRole === "worker") telemetry.observeQueue(backlog);
    if (options.telemetryRole === "api") telemetry.observeLive(() => liveDeps.liveCapacity!.status());
  }
  let closing: Promise<void> | undefined;
  return {
    config,
    deps,
    liveDeps,
    telemetry,
    snapshots: adapters.repository.snapshots,
    readiness: () =>
      checkReadiness(
        config.adapters,
        readinessOf(adapters, {
          // A successful early check is remembered by the adapter, so this one answers at once.
          speech: {
            async check(checkOptions) {
              await earlyCheckDone;
              return adapters.speech.check(checkOptions);
            },
          },
        }),
      ),
    close() {
      closing ??= (async () => {
        earlyCheck.abort();
        await closeAdapters(adapters, config.shutdownTimeoutMs);
        await telemetry?.shutdown();
      })();
      return closing;
    },
  };
}

/**
 * This process's live capacity: `CONFIDE_LIVE_MAX_STREAMS`, else derived from the
 * cores and what the engine says a stream costs; the engine's final delay target unless set.
 * Per process: with several API instances each admits by its own.
 */
function liveCapacityOf(config: ConfideConfig, live: LiveSpeechToText, clock: Clock): LiveCapacity {
  return new LiveCapacity(clock, {
    maxStreams: config.live.maxStreams ?? defaultLiveMaxStreams(availableParallelism(), live.streamCost),
    finalDelayTargetMs: config.live.finalDelayTargetMs ?? live.streamCost.finalDelayTargetMs,
  });
}
