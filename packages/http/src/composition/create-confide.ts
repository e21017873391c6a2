import type { ConfideDeps, LiveDeps } from "@confide/core";
import type { DatabaseSnapshots, Logger } from "@confide/core/ports";
import { loadConfig, type ConfideConfig } from "../config/config.ts";
import type { ProfileName } from "../config/profiles.ts";
import { createJsonLogger } from "../logging/json-logger.ts";
import type { Telemetry } from "../telemetry/telemetry.ts";
import { startWorker, type Worker } from "../worker.ts";
import { bindUseCases, type BoundUseCases } from "./bound-use-cases.ts";
import { composeRuntime } from "./compose-runtime.ts";
import type { ReadinessEntry } from "./readiness.ts";
import { createJobRunner, type QueuedJob } from "./run-job.ts";

/** Settings as an object. Every other setting is a `CONFIDE_*` variable, given in `variables`. */
export interface ConfideOptions {
  /** `CONFIDE_PROFILE`: the adapters' defaults (embedded unless set). */
  profile?: ProfileName;
  /** `CONFIDE_DATA_DIR`: where the embedded database, blobs and keys live. */
  dataDir?: string;
  /** Any further `CONFIDE_*` variable (adapter choices and their settings); `profile` and `dataDir` win over theirs. */
  variables?: Record<string, string | undefined>;
  /** Where Confide logs; one JSON object a line on stdout at `CONFIDE_LOG_LEVEL` when absent. */
  logger?: Logger;
  /** Starts the speech engine's check while the database opens (a server passes true). */
  checkSpeechEarly?: boolean;
  /** This process's role for telemetry (api, worker); absent: no telemetry (a host with its own). */
  telemetryRole?: "api" | "worker";
}

/** The composition, with the use cases bound to its deps. */
export interface Confide extends BoundUseCases {
  config: ConfideConfig;
  deps: ConfideDeps;
  /** `deps` with the live engine, agenda matcher and WebM decoder, for live sessions. */
  liveDeps: LiveDeps;
  /** Whole-database snapshots of the repositories, for backups. */
  snapshots: DatabaseSnapshots;
  /** Traces and metrics when `telemetryRole` was given and the configuration turns them on; else null. */
  telemetry: Telemetry | null;
  /**
   * Runs the worker in this process: the queue's handlers, and the recovery and retention sweeps.
   * Needed in the embedded profile (its queue lives in this process); elsewhere any process may
   * run it. A second call while started does nothing.
   */
  start(): Promise<void>;
  /** Stops the sweeps. The queue stops delivering jobs at `close()`, which waits for running ones. */
  stop(): void;
  /**
   * Runs one job with the worker's handlers, without the queue: a queue-triggered function's
   * body (AWS Lambda, Azure Functions).
   * @throws ConfideError `validation.invalid_input` for a job name core does not handle.
   */
  runJob(job: QueuedJob, options?: { signal?: AbortSignal }): Promise<void>;
  /** Each configured dependency's answer (`ok`, or its problem), as `/readyz` shows them. */
  readiness(): Promise<ReadinessEntry[]>;
  /** Stops the worker, closes every adapter (queue first, repositories last). Safe to call twice. */
  close(): Promise<void>;
}

const optionNames = new Set(["profile", "dataDir", "variables", "logger", "checkSpeechEarly", "telemetryRole"]);

/**
 * Turns configuration into a running composition: each port's adapter chosen and its settings
 * checked through the adapter registry's descriptors (the host's own), each adapter module
 * loaded only when chosen (the embedded profile loads no cloud SDK).
 *
 *     const confide = await createConfide({ profile: "embedded", dataDir: "./data" });
 *     const confide = await createConfide(process.env);
 *
 * @throws ConfideError `validation.invalid_input` with `details.problems` (one line each) when
 * the configuration is wrong; `dependency.unavailable` when an adapter cannot start.
 */
export async function createConfide(input: ConfideOptions | Record<string, string | undefined> = {}): Promise<Confide> {
  const options = isOptions(input) ? input : { variables: input };
  const config = loadConfig({
    ...options.variables,
    ...(options.profile === undefined ? {} : { CONFIDE_PROFILE: options.profile }),
    ...(options.dataDir === undefined ? {} : { CONFIDE_DATA_DIR: options.dataDir }),
  });
  return composeConfide(config, options.logger ?? createJsonLogger({ level: config.logLevel }), options);
}

/** `createConfide` for a configuration already loaded (`loadConfig`): what `createRuntime` calls. */
export async function composeConfide(config: ConfideConfig, logger: Logger, options: Pick<ConfideOptions, "checkSpeechEarly" | "telemetryRole"> = {}): Promise<Confide> {
  const runtime = await composeRuntime(config, logger, options);
  const runJob = createJobRunner(runtime.deps);
  let worker: Promise<Worker> | undefined;
  const stop = () => {
    const stopping = worker;
    worker = undefined;
    void stopping?.then((started) => started.stop(), () => undefined);
  };
  return {
    ...bindUseCases(runtime.deps),
    ...runtime,
    async start() {
      // A start that failed may be tried again.
      worker ??= startWorker(runtime).catch((error: unknown) => {
        worker = undefined;
        throw error;
      });
      await worker;
    },
    stop,
    runJob,
    close() {
      stop();
      return runtime.close();
    },
  };
}

function isOptions(input: ConfideOptions | Record<string, string | undefined>): input is ConfideOptions {
  return Object.keys(input).some((key) => optionNames.has(key));
}
