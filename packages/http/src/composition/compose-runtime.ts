import { availableParallelism } from "node:os";
import {
  createConfideDeps,
  defaultLiveMaxStreams,
  LiveCapacity,
  diarizedLiveSpeechToText,
  diarizedSpeechToText,
  type Diarizer,
  type AgendaMatcher,
  type LiveDeps,
  type LiveSpeechToText,
  tokens,
  type BlobStore,
  type Clock,
  type ConfideDeps,
  type CoreSettings,
  type DatabaseSnapshots,
  type Ids,
  type JobQueue,
  type LanguageAnalyzer,
  type Logger,
  type NoteWriter,
  type RiskScreen,
  type PushNotifier,
  type Repositories,
  type SessionEvents,
  type SpeechToText,
} from "@confide/core";
import { Container } from "inversify";
import type { ConfideConfig } from "../config/config.ts";
import { cloudProvidersOf } from "./cloud-providers.ts";
import { adapterModules } from "./adapter-modules.ts";
import { platformModule } from "./platform-module.ts";
import { preparePrivateDataDirectory } from "./private-data-directory.ts";
import { checkReadiness, type ReadinessEntry } from "./readiness.ts";
import { instrumentLiveSpeech, instrumentProvider, instrumentQueue, instrumentRepositories, type InstrumentedPort } from "../telemetry/instrumented-ports.ts";
import { startTelemetry, type Telemetry } from "../telemetry/telemetry.ts";
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
  /** Traces and metrics (issue 27), when `telemetryRole` was given and the configuration turns them on; else null. */
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
  const speechCreated = options.checkSpeechEarly ? container.getAsync<SpeechToText>(tokens.speech) : undefined;
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
  // One adapter after another, not all at once: adapters load their SDKs when created, and two
  // SDKs sharing a CommonJS dependency that requires an ES module (the Azure SDKs' core runtime
  // and https-proxy-agent) fail with ERR_REQUIRE_ESM_RACE_CONDITION when one loads it by
  // import() while the other require()s it. Loading modules is the main thread's work either way.
  const created = (async () => {
    const repositories = await container.getAsync<Repositories>(tokens.repositories);
    const blobs = await container.getAsync<BlobStore>(tokens.blobs);
    const speech = await (speechCreated ?? container.getAsync<SpeechToText>(tokens.speech));
    const language = await container.getAsync<LanguageAnalyzer>(tokens.language);
    const queue = await container.getAsync<JobQueue>(tokens.queue);
    const push = await container.getAsync<PushNotifier>(tokens.push);
    const events = await container.getAsync<SessionEvents>(tokens.events);
    const notes = await container.getAsync<NoteWriter>(tokens.notes);
    const risk = await container.getAsync<RiskScreen>(tokens.risk);
    const live = await container.getAsync<LiveSpeechToText>(tokens.live);
    const agenda = await container.getAsync<AgendaMatcher>(tokens.agenda);
    const diarizer = await container.getAsync<Diarizer>(tokens.diarizer);
    return [repositories, blobs, speech, language, queue, push, events, notes, risk, live, agenda, diarizer] as const;
  })();
  const [repositories, blobs, engine, language, queue, push, events, notes, risk, live, agenda, diarizer] = await created.catch((error: unknown) => {
    earlyCheck.abort();
    throw error;
  });
  const telemetry = options.telemetryRole ? await startTelemetry({ config, role: options.telemetryRole, logger }) : null;
  // Core gets the same ports; with telemetry on, their provider calls are in spans.
  const seen = telemetry ? instrumented(telemetry) : null;
  // After the adapters opened: an embedded database's directory lock is held by now, so a
  // process refused by it changes nothing in another's data directory.
  await preparePrivateDataDirectory(config.dataDir);
  // Mono transcripts with one speaker for everyone get theirs from the diarizer (CONFIDE_DIARIZER).
  const tracedDiarizer = seen?.provider("diarizer", diarizer) ?? diarizer;
  const speech = diarizedSpeechToText(seen?.provider("speech", engine) ?? engine, tracedDiarizer, { logger });
  // One claim reader for every profile: core's claim-support rule reads claims and cited words with wink-nlp.
  const { createWinkClaimReader } = await import("@confide/adapters-local");
  const deps = createConfideDeps({
    blobs: seen?.provider("storage", blobs) ?? blobs,
    speech,
    language: seen?.provider("language", language) ?? language,
    notes: seen?.provider("notes", notes) ?? notes,
    claims: createWinkClaimReader(),
    risk: seen?.provider("risk", risk) ?? risk,
    queue: seen?.queue(queue) ?? queue,
    push: seen?.provider("push", push) ?? push,
    events,
    repositories: seen?.repositories(repositories) ?? repositories,
    clock: container.get<Clock>(tokens.clock),
    ids: container.get<Ids>(tokens.ids),
    // Voice enrolment embeds samples with the same diarizer that separates the sessions' speakers.
    diarizer: tracedDiarizer,
    logger,
    // The sha256 of every stored recording, off the thread that receives the uploads.
    sha256: createWorkerSha256(),
    settings: { ...container.get<CoreSettings>(tokens.settings), cloudProviders: cloudProvidersOf(config, { speech, language, notes, live }) },
  });
  const { startStreamingPcmDecoder } = await import("@confide/adapters-local");
  const liveDeps: LiveDeps = {
    ...deps,
    // Mono live sessions get speakers as they are spoken when the engine cannot tell them apart.
    liveSpeech: diarizedLiveSpeechToText(seen?.live(live) ?? live, diarizer),
    agenda,
    webmDecoder: { open: ({ channels }) => startStreamingPcmDecoder({ channels }) },
    liveCapacity: liveCapacityOf(config, live, deps.clock),
  };
  if (telemetry) {
    const backlog = queue.backlog?.bind(queue);
    if (backlog && options.telemetryRole === "worker") telemetry.observeQueue(backlog);
    if (options.telemetryRole === "api") telemetry.observeLive(() => liveDeps.liveCapacity!.status());
  }
  let closing: Promise<void> | undefined;
  return {
    config,
    deps,
    liveDeps,
    telemetry,
    snapshots: repositories.snapshots,
    readiness: () =>
      checkReadiness(config.adapters, {
        repository: repositories,
        storage: blobs,
        // A successful early check is remembered by the adapter, so this one answers at once.
        speech: {
          async check(checkOptions) {
            await earlyCheckDone;
            return engine.check(checkOptions);
          },
        },
        language,
        queue,
        push,
        events,
        notes,
        risk,
        live,
        agenda: { check: async () => {} },
        diarizer,
      }),
    close() {
      closing ??= (async () => {
        earlyCheck.abort();
        await queue.close({ timeoutMs: config.shutdownTimeoutMs });
        // After the queue: a handler that was still running may have published a change.
        await Promise.allSettled([speech.close(), live.close(), language.close(), notes.close(), risk.close(), diarizer.close(), push.close(), blobs.close(), events.close()]);
        await repositories.close();
        await telemetry?.shutdown();
      })();
      return closing;
    },
  };
}

/**
 * This process's live capacity (issue 31): `CONFIDE_LIVE_MAX_STREAMS`, else derived from the
 * cores and what the engine says a stream costs; the engine's final delay target unless set.
 * Per process: with several API instances each admits by its own.
 */
function liveCapacityOf(config: ConfideConfig, live: LiveSpeechToText, clock: Clock): LiveCapacity {
  return new LiveCapacity(clock, {
    maxStreams: config.live.maxStreams ?? defaultLiveMaxStreams(availableParallelism(), live.streamCost),
    finalDelayTargetMs: config.live.finalDelayTargetMs ?? live.streamCost.finalDelayTargetMs,
  });
}

/** The wrappers of `instrumented-ports.ts` bound to one telemetry. */
function instrumented(telemetry: Telemetry) {
  return {
    provider: <T extends object>(port: InstrumentedPort, adapter: T) => instrumentProvider(telemetry, port, adapter),
    queue: (queue: JobQueue) => instrumentQueue(telemetry, queue),
    repositories: (repositories: Repositories) => instrumentRepositories(telemetry, repositories),
    live: (live: LiveSpeechToText) => instrumentLiveSpeech(telemetry, live),
  };
}
