/**
 * The metrics Confide really exports, as Prometheus scrapes them: Confide's telemetry started in
 * this process with its Prometheus endpoint, every instrument made to record (HTTP requests and
 * an upload; a session processed to ready with a risk flag after a throttled transcription was
 * retried, and another failed by its speech provider, through core's pipeline with its ports
 * instrumented as the host instruments them; the queue's backlog, live streams, a recovery),
 * then `/metrics` scraped and parsed. Never a hand-written list: a metric renamed in the
 * telemetry is renamed here.
 */
import { freePort } from "@confide/contracts/support";
import type { InMemoryJobQueue } from "@confide/core/testing";
import {
  createInMemoryBlobStore,
  createInMemoryJobQueue,
  createInMemoryRepositories,
  createKeywordLanguageAnalyzer,
  createManualClock,
  createScriptedNoteWriter,
  createScriptedRiskScreen,
  createScriptedSpeechToText,
  findingOn,
  startTestPipeline,
  storedTestSession,
  uploadTestRecording,
} from "@confide/core/testing";
import { instrumentProvider, instrumentQueue, instrumentRepositories } from "../../packages/http/src/telemetry/instrumented-ports.ts";
import { startTelemetry } from "../../packages/http/src/telemetry/start-telemetry.ts";
import { parsePrometheusText, type PrometheusSample } from "../../test/support/prometheus-text.ts";

export interface ExportedMetrics {
  samples: PrometheusSample[];
  /** Each sample name (`confide_job_duration_bucket`, `confide_sessions_status_total`…) and the label names it carries. */
  labels: Map<string, Set<string>>;
}


/** Starts the telemetry, records one of each instrument, scrapes `/metrics` once and stops. */
export async function scrapeExportedMetrics(): Promise<ExportedMetrics> {
  const port = await freePort();
  let listening!: () => void;
  let failed!: (error: unknown) => void;
  const started = new Promise<void>((resolve, reject) => ((listening = resolve), (failed = reject)));
  const telemetry = await startTelemetry({
    config: { telemetry: { traces: false, tracesExporter: "otlp", metrics: { host: "127.0.0.1", port } } },
    role: "worker",
    logger: {
      info: (message) => void (message === "metrics endpoint listening" && listening()),
      warn: () => undefined,
      error: (message, fields) => failed(new Error(`${message}: ${JSON.stringify(fields)}`)),
    },
  });
  if (!telemetry) throw new Error("telemetry did not start with a metrics port set");
  try {
    await started;

    // HTTP: an upload accepted, a request refused with a code.
    await telemetry.request("POST", async (outcome) => outcome.end("/v1/sessions", 201, undefined));
    await telemetry.request("GET", async (outcome) => outcome.end("/v1/sessions/:id", 404, "session.not_found"));

    // The pipeline: one session ready with a risk flag, one failed by its speech provider.
    const clock = createManualClock();
    const deps = await startTestPipeline({
      clock,
      blobs: instrumentProvider(telemetry, "storage", createInMemoryBlobStore()),
      speech: instrumentProvider(telemetry, "speech", createScriptedSpeechToText()),
      language: instrumentProvider(telemetry, "language", createKeywordLanguageAnalyzer()),
      notes: instrumentProvider(telemetry, "notes", createScriptedNoteWriter()),
      risk: instrumentProvider(telemetry, "risk", createScriptedRiskScreen()),
      // The proxy passes everything but enqueue/start through: it still has the manual queue's runDue.
      queue: instrumentQueue(telemetry, createInMemoryJobQueue({ clock, manual: true })) as InMemoryJobQueue,
      sessions: instrumentRepositories(telemetry, createInMemoryRepositories()).sessions,
    });
    // The first transcription of the first is throttled once and retried by a delayed job.
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    deps.speech.script({ throttledFailures: 1, retryAfterMs: 1_000 });
    const ready = await uploadTestRecording(deps);
    await deps.queue.runDue();
    clock.advance(60 * 60_000);
    await deps.queue.runDue();
    deps.speech.script({ permanentFailure: true });
    const failedSession = await uploadTestRecording(deps);
    await deps.queue.runDue();
    const statuses = [(await storedTestSession(deps, ready)).status, (await storedTestSession(deps, failedSession)).status];
    if (statuses.join() !== "ready,failed") throw new Error(`the pipeline left the sessions ${statuses.join(", ")}, not ready and failed`);
    await deps.queue.close();

    // The gauges read at the scrape, and a recovery.
    telemetry.observeQueue(async () => ({ waiting: 3, oldestWaitingMs: 42_000 }));
    telemetry.observeLive(() => ({ streamsInUse: 2, maxStreams: 4, finalDelayP95Ms: 1_250, finalDelayTargetMs: 1_300, admitting: true, recordOnlyReason: null, recordOnlyStarted: 1 }));
    telemetry.sessionsRecovered(1);

    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
    const samples = parsePrometheusText(await response.text());
    const labels = new Map<string, Set<string>>();
    for (const sample of samples) {
      const names = labels.get(sample.name) ?? new Set<string>();
      for (const label of Object.keys(sample.labels)) names.add(label);
      labels.set(sample.name, names);
    }
    return { samples, labels };
  } finally {
    await telemetry.shutdown();
  }
}
