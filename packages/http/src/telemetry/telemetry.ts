/**
 * Telemetry as the host uses it: spans and metrics for HTTP requests, queue jobs, pipeline
 * steps and provider calls, with no OpenTelemetry type in sight. `startTelemetry`
 * (start-telemetry.ts) loads the OpenTelemetry SDK only when the configuration turns it on, so
 * a process with telemetry off loads none of it (the embedded start-up stays as fast as it was).
 *
 * What goes into a span or a metric: ids, sizes, durations, statuses, provider names and error
 * codes. Never session content, names, emails, titles or search text (a test exports every span
 * of a processed session and looks for them).
 */
import type { LiveCapacityStatus } from "@confide/core";
import type { Logger, QueueBacklog, Session } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";

/** The HTTP request being handled, told its outcome once the response is known. */
export interface RequestOutcome {
  /** The route's pattern (`/v1/sessions/:id`), the response's status, the error code if one. */
  end(route: string, status: number, errorCode: string | undefined): void;
}

/** What telemetry records of one live recognition: times and codes only. */
export interface LiveRecognitionTrace {
  /**
   * A final arrived now; `firstByteAt` is when the recognition's first audio byte was written
   * (epoch ms), `startMs`/`endMs` the utterance's times from it. A child span from the speech's
   * start to the final's arrival, with the speech's length and the delay after its end.
   */
  final(firstByteAt: number, startMs: number, endMs: number): void;
  /** The recognition ended with an error event of this code. */
  failed(code: string): void;
  /** The recognition's events ended (idempotent). */
  end(): void;
}

export interface Telemetry {
  /** Runs `handle` in a server span (its context active, so what it enqueues carries it). */
  request<T>(method: string, handle: (outcome: RequestOutcome) => Promise<T>): Promise<T>;
  /** Runs a queue job in a span continuing the trace its payload carries (`traceparent`). */
  job(name: string, traceparent: string | undefined, attempt: number, run: () => Promise<void>): Promise<void>;
  /** The active trace context as a W3C `traceparent`, for a job payload; undefined outside any span. */
  traceparent(): string | undefined;
  /** A call to a provider (speech, language, notes, risk, push, diarizer), timed, its outcome recorded. */
  providerCall<T>(port: string, provider: string, operation: string, call: () => Promise<T>): Promise<T>;
  /** A live recognition's span (open to end); its finals become child spans. No text, ever. */
  liveRecognition(provider: string): LiveRecognitionTrace;
  /** A session was written (by a job): pipeline step spans begin and end, and session metrics move. */
  sessionWritten(after: Session): void;
  /** A session was stored with its recording (`confide.upload.bytes`), by either upload path or any host. */
  recordingStored(sizeBytes: number): void;
  /**
   * A session was read (by a job): a job that resumes a session already in a step (a retry, a
   * takeover) opens that step's span at once, so the step's provider calls are its children.
   */
  sessionRead(session: Session): void;
  /** The queue's backlog as gauges (`confide.queue.waiting`, `confide.queue.oldest_wait`), read at each scrape. */
  observeQueue(backlog: () => Promise<QueueBacklog>): void;
  /** This process's live streams as gauges (`confide.live.streams`, `confide.live.final_delay_p95`), read at each scrape. */
  observeLive(status: () => LiveCapacityStatus): void;
  /** Sessions stuck in flight that the recovery sweep re-enqueued. */
  sessionsRecovered(count: number): void;
  /** `traceId` and `spanId` of the active span, for a log line. */
  logFields(): { traceId?: string; spanId?: string };
  /** Exports what is buffered and stops (the metrics endpoint too). */
  shutdown(): Promise<void>;
}

/** The trace and metrics settings and the process's role (the `service.name` unless `OTEL_SERVICE_NAME`). */
export interface TelemetryOptions {
  config: Pick<ConfideConfig, "telemetry">;
  role: "api" | "worker" | "cli";
  logger: Logger;
}
