/**
 * Telemetry across processes: a self-hosted stack (API and worker as separate
 * processes, BullMQ on the local Redis) exports its traces over OTLP/HTTP to a receiver in this
 * test, which decodes them as the OTLP specification's JSON encoding defines them
 * (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding: resourceSpans → scopeSpans →
 * spans, ids as hex strings). An upload processed by the worker is one trace, parented across
 * the queue; a provider failure is an error span with its code; no session content, name, email
 * or title is in any span; log lines carry the trace's ids; the Prometheus endpoints' metrics
 * parse and move as the session is processed; a live session is a recognition span with a
 * child per final, timed, without its text.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, makeDialogueWav, readLivePcm, therapyDialogue } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFakeTranscript } from "@confide/contracts/fakes";
import { getSession, uploadSession, waitFor, waitUntilReady } from "../support/confide-api-client.ts";
import { startSelfHostedStack, type ApiProcess, type RunningProcess, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { parsePrometheusText, type PrometheusSample as Sample } from "../support/prometheus-text.ts";
import { makeToneWav } from "../support/tone-wav.ts";
import { openLiveSocket } from "../support/live-socket.ts";

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  status: { code?: number };
  attributes: Record<string, string | number | boolean>;
  startNanos: bigint;
  endNanos: bigint;
}

/** The OTLP/HTTP receiver: every span of every export, with its resource's service name. */
async function startReceiver(): Promise<{ url: string; spans: ExportedSpan[]; bodies: string[]; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const bodies: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (request.url === "/v1/traces" && (request.headers["content-type"] ?? "").includes("json")) {
        bodies.push(body);
        for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
          const service = valueOf(resourceSpans.resource.attributes.find((a: { key: string }) => a.key === "service.name")?.value);
          for (const scope of resourceSpans.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) {
              spans.push({
                service: String(service),
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? "",
                name: span.name,
                kind: span.kind,
                status: span.status ?? {},
                startNanos: BigInt(span.startTimeUnixNano ?? 0),
                endNanos: BigInt(span.endTimeUnixNano ?? 0),
                attributes: Object.fromEntries((span.attributes ?? []).map((a: { key: string; value: unknown }) => [a.key, valueOf(a.value)])),
              });
            }
          }
        }
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An OTLP AnyValue as a plain value. */
function valueOf(value: unknown): string | number | boolean {
  const any = (value ?? {}) as { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean };
  return any.stringValue ?? (any.intValue !== undefined ? Number(any.intValue) : undefined) ?? any.doubleValue ?? any.boolValue ?? "";
}


/** Every sample of a Prometheus scrape. */
async function scrape(port: number): Promise<Sample[]> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let stack: SelfHostedStack;
let api: ApiProcess;
let worker: RunningProcess;
let token: string;
let apiMetricsPort: number;
let workerMetricsPort: number;
let throttled = false;
let audioDir: string;
/** Two lines of the dialogue, therapist on the left channel and patient on the right. */
let livePcm: Uint8Array;
const liveLines = therapyDialogue.slice(0, 2);

beforeAll(async () => {
  audioDir = await mkdtemp(join(tmpdir(), "confide-telemetry-live-"));
  livePcm = await readLivePcm((await makeDialogueWav({ directory: audioDir, script: liveLines })).stereoPath, 2);
  receiver = await startReceiver();
  apiMetricsPort = await freePort();
  workerMetricsPort = await freePort();
  stack = await startSelfHostedStack({
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: "100" },
    // The first transcription is throttled once: the provider failure the traces must show.
    whisper: {
      reply: (request) => {
        if (!request.path.endsWith("/audio/transcriptions") || throttled) return { kind: "ok", transcript: defaultFakeTranscript };
        throttled = true;
        return { kind: "throttled", retryAfter: "1" };
      },
    },
  });
  api = await stack.startApi({
    CONFIDE_METRICS_PORT: String(apiMetricsPort),
    // The fake live engine: voice activity cuts the utterances, each final says its line.
    CONFIDE_LIVE: "instant-fake",
    CONFIDE_LIVE_FAKE_SCRIPT: JSON.stringify({ 0: [liveLines[0]!.text], 1: [liveLines[1]!.text] }),
  });
  worker = await stack.startWorker({ CONFIDE_METRICS_PORT: String(workerMetricsPort) });
  token = await stack.signInTherapistWithPhone(api);
}, 90_000);

afterAll(async () => {
  await stack?.close();
  await receiver?.close();
  if (audioDir) await rm(audioDir, { recursive: true, force: true });
});

describe("telemetry of a session processed by a separate worker", () => {
  const title = "Telemetry canary Zebulon Quartermaine";

  it("is one trace from the upload through the queue, each step and provider call, with no session content in it", async () => {
    const before = await scrape(workerMetricsPort);
    const session = await uploadSession(api.baseUrl, token, { patientId: stack.accounts.patient.user.id, title, audio: makeToneWav({ durationMs: 3_000 }) });
    await waitUntilReady(api.baseUrl, token, [session.id], 90_000);

    const upload = await waitFor(async () => receiver.spans.find((span) => span.name === "POST /v1/sessions" && span.attributes["http.response.status_code"] === 201), {
      timeoutMs: 15_000,
      describe: () => `no upload span; got ${receiver.spans.map((s) => s.name).join(", ")}`,
    });
    expect(upload).toMatchObject({ service: "confide-api", kind: 2 /* SERVER */, attributes: { "http.request.method": "POST", "http.route": "/v1/sessions" } });
    const inTrace = () => receiver.spans.filter((span) => span.traceId === upload.traceId);
    await waitFor(async () => (inTrace().some((span) => span.name === "notes.write") && inTrace().some((span) => span.name === "push.send") ? true : undefined), {
      timeoutMs: 20_000,
      describe: () => `the trace has ${inTrace().map((s) => `${s.service}:${s.name}`).join(", ")}`,
    });
    const spans = inTrace();
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    if (process.env.CONFIDE_TEST_PRINT_TRACE) console.info(traceTree(spans));
    const ancestors = (span: ExportedSpan) => {
      const chain: ExportedSpan[] = [];
      for (let parent = byId.get(span.parentSpanId); parent; parent = byId.get(parent.parentSpanId)) chain.push(parent);
      return chain;
    };

    // The worker's jobs continue the upload's trace, across the queue and from job to job.
    const jobs = spans.filter((span) => span.name === "job session.process");
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    for (const job of jobs) {
      expect(job.service).toBe("confide-worker");
      expect(ancestors(job).at(-1)?.spanId).toBe(upload.spanId);
      expect(job.attributes["confide.session.id"]).toBe(session.id);
    }
    // Each step in a job, each provider call in its step.
    for (const step of ["transcribing", "analyzing", "writing_notes"]) {
      const stepSpan = spans.find((span) => span.name === `step ${step}`);
      expect(stepSpan, step).toBeDefined();
      expect(byId.get(stepSpan!.parentSpanId)?.name).toBe("job session.process");
    }
    const parentStep = (name: string) => byId.get(spans.find((span) => span.name === name)!.parentSpanId)?.name;
    // Every provider call in a step, the retried job's too (it resumes a session already transcribing).
    for (const span of spans.filter((span) => span.name === "speech.submit" || span.name === "diarizer.diarize")) {
      expect(byId.get(span.parentSpanId)?.name, `${span.name} ${span.spanId}`).toBe("step transcribing");
    }
    expect(parentStep("speech.submit")).toBe("step transcribing");
    expect(parentStep("language.sentiment")).toBe("step analyzing");
    expect(parentStep("risk.screen")).toBe("step writing_notes");
    expect(parentStep("notes.write")).toBe("step writing_notes");
    expect(spans.find((span) => span.name === "speech.submit" && !span.status.code)?.attributes).toMatchObject({ "confide.provider": "whisper", "confide.port": "speech" });

    // The throttled first call is an error span with its code.
    const failed = spans.find((span) => span.name === "speech.submit" && span.status.code === 2 /* ERROR */);
    expect(failed?.attributes["error.type"]).toBe("provider.throttled");

    // No session content, name, email or title anywhere in what was exported.
    const exported = receiver.bodies.join("\n");
    const ready = await getSession(api.baseUrl, token, session.id);
    const words = (ready.transcript?.segments ?? []).flatMap((segment) => segment.text.split(/\W+/)).filter((word) => word.length >= 6);
    expect(words.length).toBeGreaterThan(0);
    for (const secret of [title, "Zebulon", stack.accounts.patient.user.email, stack.accounts.therapist.user.email, ...words]) {
      expect(exported.includes(secret), secret).toBe(false);
    }

    // The worker's log lines carry the trace's ids.
    const logged = worker.lines.map((line) => JSON.parse(line) as { traceId?: string }).filter((line) => line.traceId === upload.traceId);
    expect(logged.length).toBeGreaterThan(0);

    // Metrics moved: the upload on the API, the steps and provider calls on the worker.
    const apiAfter = await scrape(apiMetricsPort);
    expect(total(apiAfter, "http_server_request_duration_count", { http_request_method: "POST", http_route: "/v1/sessions" })).toBeGreaterThanOrEqual(1);
    expect(total(apiAfter, "confide_upload_bytes_total")).toBeGreaterThan(90_000);
    expect(apiAfter.find((sample) => sample.name === "confide_live_streams")?.value).toBe(0);
    const after = await scrape(workerMetricsPort);
    // The queue's backlog, read from Redis at the scrape: nothing waits once the session is ready.
    expect(after.find((sample) => sample.name === "confide_queue_waiting")?.value).toBe(0);
    expect(after.find((sample) => sample.name === "confide_queue_oldest_wait")?.value).toBe(0);
    for (const [name, labels] of [
      ["confide_pipeline_step_duration_count", { confide_step: "transcribing" }],
      ["confide_provider_call_duration_count", { confide_port: "speech", confide_outcome: "error", error_type: "provider.throttled" }],
      ["confide_provider_call_duration_count", { confide_port: "notes", confide_outcome: "ok" }],
      ["confide_sessions_status_total", { confide_session_status: "ready" }],
      // The throttled transcription was retried by a delayed job.
      ["confide_pipeline_retries_total", { confide_step: "transcribing", error_type: "provider.throttled" }],
    ] as const) {
      expect(total(after, name, labels) - total(before, name, labels), `${name} ${JSON.stringify(labels)}`).toBeGreaterThanOrEqual(1);
    }
  }, 150_000);

  it("traces a live session: one recognition span, a timed child per final, no text", async () => {
    const socket = await openLiveSocket(api.baseUrl, { protocols: ["confide.live.v1", `bearer.${token}`] });
    socket.send({
      type: "start",
      patientId: stack.accounts.patient.user.id,
      title: "Live telemetry canary Wilhelmina",
      channelLayout: "per-channel",
      format: { encoding: "pcm", channels: 2 },
    });
    await socket.next("started");
    await socket.stream(livePcm, { channels: 2, pace: 1 });
    socket.send({ type: "stop" });
    await socket.next("ended", 60_000);
    const finals = socket.messages.filter((message) => message.type === "final");
    expect(finals.length).toBe(2);

    const recognition = await waitFor(async () => receiver.spans.find((span) => span.name === "live.recognition" && span.service === "confide-api"), {
      timeoutMs: 10_000,
      describe: () => `spans: ${receiver.spans.map((span) => span.name).join(", ")}`,
    });
    expect(recognition.attributes).toMatchObject({ "confide.provider": expect.any(String), "confide.live.finals": 2 });
    const utterances = await waitFor(async () => {
      const found = receiver.spans.filter((span) => span.name === "live.utterance" && span.parentSpanId === recognition.spanId);
      return found.length === 2 ? found : undefined;
    }, { timeoutMs: 10_000, describe: () => "not two utterance spans under the recognition" });
    for (const utterance of utterances) {
      expect(utterance.endNanos).toBeGreaterThan(utterance.startNanos);
      expect(utterance.attributes["confide.live.speech_ms"]).toBeGreaterThan(0);
      expect(utterance.attributes["confide.live.final_delay_ms"]).toBeGreaterThanOrEqual(0);
    }
    const exported = receiver.bodies.join("\n");
    for (const line of liveLines) expect(exported).not.toContain(line.text.split(" ").slice(0, 4).join(" "));
    expect(exported).not.toContain("Wilhelmina");
  }, 90_000);

  it("serves no metrics and exports nothing from a process with telemetry off", async () => {
    const quietPort = await freePort();
    const quiet = await stack.startApi({ CONFIDE_TELEMETRY: "off", OTEL_SERVICE_NAME: "confide-quiet", CONFIDE_METRICS_PORT: String(quietPort) });
    const exported = receiver.spans.length;
    const response = await fetch(`${quiet.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${quietPort}/metrics`)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.spans.slice(exported).filter((span) => span.service === "confide-quiet")).toHaveLength(0);
  }, 60_000);
});

/** The trace as an indented tree of `service: span  duration` lines, children in start order (CONFIDE_TEST_PRINT_TRACE=1). */
function traceTree(spans: ExportedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const children = (parentId: string) =>
    spans.filter((span) => (parentId === "" ? !ids.has(span.parentSpanId) : span.parentSpanId === parentId)).sort((a, b) => (a.startNanos < b.startNanos ? -1 : 1));
  const lines: string[] = [];
  const walk = (parentId: string, depth: number) => {
    for (const span of children(parentId)) {
      const ms = Number(span.endNanos - span.startNanos) / 1e6;
      const error = span.status.code === 2 ? `  error ${span.attributes["error.type"] ?? ""}` : "";
      lines.push(`${"  ".repeat(depth)}${span.service}: ${span.name}  ${ms.toFixed(1)} ms${error}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk("", 0);
  return lines.join("\n");
}
