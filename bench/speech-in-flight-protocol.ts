/** What bench/speech-in-flight.ts and its worker process (bench/speech-in-flight-worker.ts) agree on. */

/** Environment variables the benchmark passes to the worker process. */
export const speechWorkerEnvironment = {
  redisUrl: "CONFIDE_BENCH_REDIS_URL",
  prefix: "CONFIDE_BENCH_PREFIX",
  databaseUrl: "CONFIDE_BENCH_DATABASE_URL",
  storageConnectionString: "CONFIDE_BENCH_STORAGE_CONNECTION_STRING",
  storageContainer: "CONFIDE_BENCH_STORAGE_CONTAINER",
  speechEndpoint: "CONFIDE_BENCH_SPEECH_ENDPOINT",
  speechKey: "CONFIDE_BENCH_SPEECH_KEY",
  concurrency: "CONFIDE_BENCH_CONCURRENCY",
} as const;
