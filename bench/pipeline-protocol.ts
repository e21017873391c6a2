/** What bench/pipeline.ts and its worker processes (bench/pipeline-worker.ts) agree on. */

/** The baseline job: the worker runs it and reports it, nothing else. */
export const noopJobName = "bench.noop";

/** Environment variables the benchmark passes to each worker process. */
export const workerEnvironment = {
  redisUrl: "CONFIDE_BENCH_REDIS_URL",
  prefix: "CONFIDE_BENCH_PREFIX",
  databaseUrl: "CONFIDE_BENCH_DATABASE_URL",
  blobRoot: "CONFIDE_BENCH_BLOB_ROOT",
  concurrency: "CONFIDE_BENCH_CONCURRENCY",
} as const;

/** One line of a worker's stdout, as JSON. */
export type WorkerEvent =
  | { event: "ready" }
  | { event: "noop"; jobId: string }
  /** The pipeline's last step (the push) ran for the session, which ended in `status`. */
  | { event: "notified"; sessionId: string; status: string }
  /** The worker's CPU time (user + system) so far, answering a "cpu" line on its stdin. */
  | { event: "cpu"; cpuMs: number };
