/**
 * `Telemetry` over the official OpenTelemetry JS SDK, loaded only when telemetry is on
 * (`startTelemetry`). Traces: a TracerProvider with a batch processor and the OTLP/HTTP exporter
 * (which reads `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_HEADERS`… itself), sampled parent-based with `OTEL_TRACES_SAMPLER_ARG`
 * as the ratio (default 1); W3C trace context, kept across awaits by AsyncLocalStorage. With
 * `OTEL_TRACES_EXPORTER=none` the provider has no processor: spans are made and sampled as
 * usual (trace ids in logs and job payloads) and dropped when they end.
 * Metrics: a MeterProvider read by the Prometheus exporter on its own port. Resource:
 * `service.name` (`OTEL_SERVICE_NAME`, else `confide-<role>`) and `OTEL_RESOURCE_ATTRIBUTES`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { context, defaultTextMapGetter, defaultTextMapSetter, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } from "@opentelemetry/sdk-trace";
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
} from "@opentelemetry/semantic-conventions";
import { ConfideError, type Logger, type Session } from "@confide/core/ports";
import type { ConfideConfig } from "../config/config.ts";
import type { RequestOutcome, Telemetry, TelemetryOptions } from "./telemetry.ts";

/** The statuses a pipeline step span covers. */
const steps = new Set<Session["status"]>(["transcribing", "analyzing", "writing_notes"]);

/** What a running job knows of its session, for step spans and session metrics. */
interface JobScope {
  jobSpan: Span;
  step?: { span: Span; status: Session["status"]; startedAt: number };
  lastStatus?: Session["status"];
  /** The session's provider attempts as this job last saw them. */
  attempts?: number;
}

const codeOf = (error: unknown) => (ConfideError.is(error) ? error.code : "internal");
const seconds = (startedAt: number) => (performance.now() - startedAt) / 1000;

export function createOpenTelemetry(options: TelemetryOptions & ConfideConfig["telemetry"]): Telemetry {
  const logger: Logger = options.logger;
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? `confide-${options.role}` }).merge(
    resourceFromAttributes(envDetector.detect().attributes ?? {}),
  );
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  const propagator = new W3CTraceContextPropagator();
  propagation.setGlobalPropagator(propagator);

  const ratio = Number(process.env.OTEL_TRACES_SAMPLER_ARG ?? 1);
  const tracerProvider = options.traces
    ? new TracerProvider({
        resource,
        sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(Number.isFinite(ratio) ? ratio : 1) }),
        spanProcessors: options.tracesExporter === "otlp" ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] : [],
      })
    : undefined;
  if (tracerProvider) trace.setGlobalTracerProvider(tracerProvider);
  const tracer = trace.getTracer("confide");

  const prometheus = options.metrics
    ? new PrometheusExporter({ host: options.metrics.host, port: options.metrics.port, endpoint: "/metrics" }, (error) => {
        if (error) logger.error("metrics endpoint could not start", { error, port: options.metrics?.port });
        else logger.info("metrics endpoint listening", { host: options.metrics?.host, port: options.metrics?.port });
      })
    : undefined;
  const meterProvider = new MeterProvider({ resource, readers: prometheus ? [prometheus] : [] });
  const meter = meterProvider.getMeter("confide");
  const durationBuckets = { advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] } };
  const requestDuration = meter.createHistogram("http.server.request.duration", { unit: "s", description: "HTTP requests by route and status", ...durationBuckets });
  const uploadBytes = meter.createCounter("confide.upload.bytes", { unit: "By", description: "Bytes of recordings accepted by uploads" });
  const jobDuration = meter.createHistogram("confide.job.duration", { unit: "s", description: "Queue jobs by name and outcome", ...durationBuckets });
  const retries = meter.createCounter("confide.pipeline.retries", { description: "Provider failures retried later by a delayed job, by step and error code" });
  const stepDuration = meter.createHistogram("confide.pipeline.step.duration", { unit: "s", description: "Pipeline steps", ...durationBuckets });
  const providerDuration = meter.createHistogram("confide.provider.call.duration", { unit: "s", description: "Provider calls by port, provider, operation and outcome", ...durationBuckets });
  const sessionsEntered = meter.createCounter("confide.sessions.status", { description: "Sessions entering each status in a job" });
  const sessionsFailed = meter.createCounter("confide.sessions.failed", { description: "Sessions failed by a job, by error code" });
  const riskFlags = meter.createCounter("confide.risk.flags", { description: "Risk flags of sessions that became ready (counts only)" });
  const unverifiedItems = meter.createCounter("confide.notes.unverified", { description: "Note items whose evidence did not hold or whose cited words do not support them, in sessions that became ready" });

  const recovered = meter.createCounter("confide.sessions.recovered", { description: "Sessions stuck in flight re-enqueued by the recovery sweep" });

  const jobs = new AsyncLocalStorage<JobScope>();

  function endStep(scope: JobScope): void {
    if (!scope.step) return;
    stepDuration.record(seconds(scope.step.startedAt), { "confide.step": scope.step.status });
    scope.step.span.end();
    delete scope.step;
  }

  /** Opens the span of the step `session` is in, if it is a pipeline step. */
  function startStep(scope: JobScope, session: Session): void {
    scope.jobSpan.setAttribute("confide.session.id", session.id);
    if (!steps.has(session.status)) return;
    const span = tracer.startSpan(`step ${session.status}`, { attributes: { "confide.step": session.status } }, trace.setSpan(context.active(), scope.jobSpan));
    scope.step = { span, status: session.status, startedAt: performance.now() };
  }

  function sessionMetrics(after: Session): void {
    sessionsEntered.add(1, { "confide.session.status": after.status });
    if (after.status === "failed") sessionsFailed.add(1, { [ATTR_ERROR_TYPE]: after.processing.lastError?.code ?? "unknown" });
    if (after.status === "ready") {
      for (const flag of after.risk?.flags ?? []) riskFlags.add(1, { "confide.risk.category": flag.category, "confide.risk.severity": flag.severity });
      if (after.notes) unverifiedItems.add(after.notes.quality.unverified);
    }
  }

  return {
    async request(method, handle) {
      const startedAt = performance.now();
      const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method } });
      const outcome: RequestOutcome = {
        end(route, status, errorCode) {
          const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_HTTP_ROUTE]: route, [ATTR_HTTP_RESPONSE_STATUS_CODE]: status };
          if (errorCode) attributes[ATTR_ERROR_TYPE] = errorCode;
          else if (status >= 500) attributes[ATTR_ERROR_TYPE] = String(status);
          span.updateName(`${method} ${route}`);
          span.setAttributes(attributes);
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          requestDuration.record(seconds(startedAt), attributes);
        },
      };
      try {
        return await context.with(trace.setSpan(context.active(), span), () => handle(outcome));
      } finally {
        span.end();
      }
    },

    async job(name, traceparent, attempt, run) {
      const parent = traceparent ? propagator.extract(context.active(), { traceparent }, defaultTextMapGetter) : context.active();
      const startedAt = performance.now();
      const jobSpan = tracer.startSpan(`job ${name}`, { kind: SpanKind.CONSUMER, attributes: { "confide.job.name": name, "confide.job.attempt": attempt } }, parent);
      const scope: JobScope = { jobSpan };
      let outcome = "ok";
      try {
        await context.with(trace.setSpan(parent, jobSpan), () => jobs.run(scope, run));
      } catch (error) {
        outcome = "error";
        jobSpan.setAttribute(ATTR_ERROR_TYPE, codeOf(error));
        jobSpan.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        endStep(scope);
        jobDuration.record(seconds(startedAt), { "confide.job.name": name, "confide.outcome": outcome });
        jobSpan.end();
      }
    },

    traceparent() {
      const carrier: Record<string, string> = {};
      propagator.inject(context.active(), carrier, defaultTextMapSetter);
      return carrier.traceparent;
    },

    async providerCall(port, provider, operation, call) {
      const scope = jobs.getStore();
      const parent = scope?.step ? trace.setSpan(context.active(), scope.step.span) : context.active();
      const attributes: Attributes = { "confide.port": port, "confide.provider": provider, "confide.operation": operation };
      const span = tracer.startSpan(`${port}.${operation}`, { kind: SpanKind.CLIENT, attributes }, parent);
      const startedAt = performance.now();
      try {
        const result = await context.with(trace.setSpan(parent, span), call);
        providerDuration.record(seconds(startedAt), { ...attributes, "confide.outcome": "ok" });
        return result;
      } catch (error) {
        const code = codeOf(error);
        span.setAttribute(ATTR_ERROR_TYPE, code);
        span.setStatus({ code: SpanStatusCode.ERROR });
        providerDuration.record(seconds(startedAt), { ...attributes, "confide.outcome": "error", [ATTR_ERROR_TYPE]: code });
        throw error;
      } finally {
        span.end();
      }
    },

    sessionWritten(after) {
      const scope = jobs.getStore();
      if (!scope) return;
      const attempts = after.processing.attempts;
      if (scope.attempts !== undefined && attempts > scope.attempts && after.status !== "failed") {
        retries.add(1, { "confide.step": after.status, [ATTR_ERROR_TYPE]: after.processing.lastError?.code ?? "unknown" });
      }
      scope.attempts = attempts;
      if (scope.lastStatus === after.status) return;
      scope.lastStatus = after.status;
      sessionMetrics(after);
      if (scope.step?.status === after.status) return;
      endStep(scope);
      startStep(scope, after);
    },

    liveRecognition(provider) {
      const span = tracer.startSpan("live.recognition", { attributes: { "confide.port": "live", "confide.provider": provider } });
      const parent = trace.setSpan(context.active(), span);
      let finals = 0;
      let ended = false;
      return {
        final(firstByteAt, startMs, endMs) {
          const now = Date.now();
          finals += 1;
          const utterance = tracer.startSpan(
            "live.utterance",
            {
              startTime: Math.min(now, firstByteAt + startMs),
              attributes: { "confide.live.speech_ms": Math.max(0, endMs - startMs), "confide.live.final_delay_ms": Math.max(0, now - (firstByteAt + endMs)) },
            },
            parent,
          );
          utterance.end(now);
        },
        failed(code) {
          span.setAttribute(ATTR_ERROR_TYPE, code);
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
        end() {
          if (ended) return;
          ended = true;
          span.setAttribute("confide.live.finals", finals);
          span.end();
        },
      };
    },

    recordingStored(sizeBytes) {
      uploadBytes.add(sizeBytes);
    },

    sessionRead(session) {
      const scope = jobs.getStore();
      if (!scope) return;
      scope.attempts ??= session.processing.attempts;
      if (scope.step || scope.lastStatus !== undefined) return;
      // Only the job's first sight of its session: the status it resumes in, not one it entered.
      scope.lastStatus = session.status;
      startStep(scope, session);
    },

    observeQueue(backlog) {
      const waiting = meter.createObservableGauge("confide.queue.waiting", { description: "Jobs waiting for a worker" });
      const oldest = meter.createObservableGauge("confide.queue.oldest_wait", { unit: "s", description: "How long the oldest waiting job has waited (0: none waits)" });
      meter.addBatchObservableCallback(async (observer) => {
        try {
          const now = await backlog();
          observer.observe(waiting, now.waiting);
          observer.observe(oldest, (now.oldestWaitingMs ?? 0) / 1000);
        } catch (error) {
          logger.warn("queue backlog could not be read for metrics", { code: codeOf(error) });
        }
      }, [waiting, oldest]);
    },

    observeLive(status) {
      const streams = meter.createObservableGauge("confide.live.streams", { description: "Live streams recognised in this process now" });
      const p95 = meter.createObservableGauge("confide.live.final_delay_p95", { unit: "s", description: "p95 of end of speech to final over the recent window (absent: too few finals)" });
      const recordOnly = meter.createObservableCounter("confide.live.record_only", { description: "Live sessions started recorded only (capacity or delay)" });
      meter.addBatchObservableCallback((observer) => {
        const now = status();
        observer.observe(streams, now.streamsInUse);
        if (now.finalDelayP95Ms !== null) observer.observe(p95, now.finalDelayP95Ms / 1000);
        observer.observe(recordOnly, now.recordOnlyStarted);
      }, [streams, p95, recordOnly]);
    },

    sessionsRecovered(count) {
      recovered.add(count);
    },

    logFields() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { traceId, spanId };
    },

    async shutdown() {
      await Promise.allSettled([tracerProvider?.shutdown(), meterProvider.shutdown()]);
      contextManager.disable();
    },
  };
}
