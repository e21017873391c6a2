import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { ConfideError, type JobHandler, type JobQueue, type LiveSpeechEvent, type LiveSpeechToText } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { instrumentLiveSpeech, instrumentProvider, instrumentQueue, traceField } from "./instrumented-ports.ts";
import type { Telemetry } from "./telemetry.ts";

const run = promisify(execFile);

/** A telemetry that records what it was asked, with a fixed trace context. */
function recordingTelemetry(traceparent: string | undefined) {
  const calls: string[] = [];
  const telemetry: Telemetry = {
    request: (_method, handle) => handle({ end: () => undefined }),
    async job(name, parent, attempt, runJob) {
      calls.push(`job ${name} ${parent ?? "-"} ${attempt}`);
      await runJob();
    },
    traceparent: () => traceparent,
    async providerCall(port, provider, operation, call) {
      calls.push(`${port}.${operation} ${provider}`);
      return call();
    },
    sessionWritten: () => undefined,
    sessionRead: () => undefined,
    recordingStored: () => undefined,
    liveRecognition: (provider) => ({
      final: (firstByteAt, startMs, endMs) => void calls.push(`live.final ${provider} ${firstByteAt > 0} ${startMs}-${endMs}`),
      failed: (code) => void calls.push(`live.failed ${provider} ${code}`),
      end: () => void calls.push(`live.end ${provider}`),
    }),
    observeQueue: () => undefined,
    observeLive: () => undefined,
    sessionsRecovered: () => undefined,
    logFields: () => ({}),
    shutdown: async () => undefined,
  };
  return { telemetry, calls };
}

describe("instrumented ports", () => {
  const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  it("carries the trace context in the job's payload and hands the handler the payload without it", async () => {
    const { telemetry, calls } = recordingTelemetry(traceparent);
    const enqueued: Array<Record<string, unknown>> = [];
    let handlers: Record<string, JobHandler> = {};
    const queue = instrumentQueue(telemetry, {
      processLocal: true,
      enqueue: async (_name, payload) => void enqueued.push(payload),
      start: async (given) => void (handlers = given),
      check: async () => undefined,
      close: async () => undefined,
    } satisfies JobQueue);
    await queue.enqueue("session.process", { sessionId: "s-1" }, { jobId: "process-s-1" });
    expect(enqueued).toEqual([{ sessionId: "s-1", [traceField]: traceparent }]);
    const seen: Array<Record<string, unknown>> = [];
    await queue.start({ "session.process": async (payload) => void seen.push(payload) });
    await handlers["session.process"]!({ sessionId: "s-1", [traceField]: traceparent }, { jobId: "j", attempt: 2, signal: new AbortController().signal });
    expect(seen).toEqual([{ sessionId: "s-1" }]);
    expect(calls).toEqual([`job session.process ${traceparent} 2`]);
    expect(queue.processLocal).toBe(true);
  });

  it("adds nothing to a payload enqueued outside any trace", async () => {
    const { telemetry } = recordingTelemetry(undefined);
    const enqueued: Array<Record<string, unknown>> = [];
    const queue = instrumentQueue(telemetry, {
      processLocal: false,
      enqueue: async (_name, payload) => void enqueued.push(payload),
      start: async () => undefined,
      check: async () => undefined,
      close: async () => undefined,
    });
    await queue.enqueue("retention.sweep", { at: 1 }, { jobId: "sweep-1" });
    expect(enqueued).toEqual([{ at: 1 }]);
  });

  it("spans a port's provider calls only, and passes everything else through", async () => {
    const { telemetry, calls } = recordingTelemetry(undefined);
    const notes = instrumentProvider(telemetry, "notes", {
      provider: "embedded",
      write: async (input: string) => `notes of ${input}`,
      check: async () => "checked",
    });
    expect(await notes.write("a")).toBe("notes of a");
    expect(await notes.check()).toBe("checked");
    expect(notes.provider).toBe("embedded");
    expect(calls).toEqual(["notes.write embedded"]);
  });
});

describe("instrumented live speech", () => {
  /** An engine whose one recognition answers each written chunk with the next of `events`. */
  function scriptedEngine(events: LiveSpeechEvent[]) {
    const written: Uint8Array[] = [];
    const engine = {
      provider: "scripted",
      capabilities: { partials: false, perChannel: false, diarization: false },
      streamCost: { cores: 0.1, finalDelayTargetMs: 1_000 },
      async open() {
        const queue = [...events];
        return {
          write: async (chunk: Uint8Array) => void written.push(chunk),
          end: async () => undefined,
          abort: () => undefined,
          events: (async function* () {
            yield* queue;
          })(),
        };
      },
      check: async () => undefined,
      close: async () => undefined,
    } as unknown as LiveSpeechToText;
    return { engine, written };
  }

  it("passes audio and events through unchanged, and traces each final and the error, and ends its trace when the events end or the recognition is aborted", async () => {
    const { telemetry, calls } = recordingTelemetry(undefined);
    const error = new ConfideError("provider.unavailable", "gone");
    const events: LiveSpeechEvent[] = [
      { type: "partial", text: "hel", startMs: 0, speaker: null },
      { type: "final", text: "hello", startMs: 100, endMs: 900, speaker: null, words: [] },
      { type: "error", error },
    ];
    const { engine, written } = scriptedEngine(events);
    const live = instrumentLiveSpeech(telemetry, engine);
    expect(live.provider).toBe("scripted");
    const recognition = await live.open({ sampleRateHz: 16_000, channels: 1 } as never);
    await recognition.write(new Uint8Array([1, 2]));
    const seen: LiveSpeechEvent[] = [];
    for await (const event of recognition.events) seen.push(event);
    recognition.abort();
    expect(seen).toEqual(events);
    expect(written).toEqual([new Uint8Array([1, 2])]);
    expect(calls).toEqual(["live.final scripted true 100-900", "live.failed scripted provider.unavailable", "live.end scripted", "live.end scripted"]);
  });
});

describe("startTelemetry", () => {
  /** The modules a fresh process loads while it imports the host and starts telemetry with `env`. */
  async function modulesLoaded(env: Record<string, string>): Promise<string[]> {
    const script = `
      import { registerHooks } from "node:module";
      const loaded = [];
      registerHooks({ resolve(specifier, context, next) { const resolved = next(specifier, context); loaded.push(resolved.url); return resolved; } });
      await import(${JSON.stringify(new URL("../server.ts", import.meta.url).href)});
      await import(${JSON.stringify(new URL("../composition/runtime.ts", import.meta.url).href)});
      const { loadConfig } = await import(${JSON.stringify(new URL("../config/config.ts", import.meta.url).href)});
      const { startTelemetry } = await import(${JSON.stringify(new URL("./start-telemetry.ts", import.meta.url).href)});
      const telemetry = await startTelemetry({ config: loadConfig(process.env), role: "api", logger: { info() {}, warn() {}, error() {} } });
      await telemetry?.shutdown();
      process.stdout.write(JSON.stringify({ started: telemetry !== null, loaded }));`;
    const { stdout } = await run(process.execPath, ["--conditions=source", "--input-type=module", "--eval", script], { env: { PATH: process.env.PATH, ...env } });
    const { started, loaded } = JSON.parse(stdout) as { started: boolean; loaded: string[] };
    return started ? loaded : [...loaded, "(not started)"];
  }

  it("loads no OpenTelemetry module when telemetry is off", async () => {
    const loaded = await modulesLoaded({});
    expect(loaded).toContain("(not started)");
    expect(loaded.filter((url) => url.includes("/@opentelemetry/"))).toEqual([]);
  }, 30_000);

  it("loads the SDK when an OTLP endpoint is set", async () => {
    const loaded = await modulesLoaded({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" });
    expect(loaded).not.toContain("(not started)");
    expect(loaded.some((url) => url.includes("/@opentelemetry/sdk-trace/"))).toBe(true);
  }, 30_000);
});

describe("OTEL_TRACES_EXPORTER", () => {
  /** An OTLP/HTTP endpoint that keeps the names of the spans posted to it. */
  async function startReceiver(): Promise<{ url: string; spanNames: string[]; close(): Promise<void> }> {
    const spanNames: string[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ name: string }> }> }> };
        for (const resourceSpans of body.resourceSpans ?? []) for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) spanNames.push(span.name);
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spanNames, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  /** A fresh process (OpenTelemetry's globals are per process) handling one request in telemetry, then shutting it down (which exports what is buffered). */
  async function handleOneRequest(env: Record<string, string>): Promise<{ traceparent: string | undefined }> {
    const script = `
      const { loadConfig } = await import(${JSON.stringify(new URL("../config/config.ts", import.meta.url).href)});
      const { startTelemetry } = await import(${JSON.stringify(new URL("./start-telemetry.ts", import.meta.url).href)});
      const telemetry = await startTelemetry({ config: loadConfig(process.env), role: "api", logger: { info() {}, warn() {}, error() {} } });
      const traceparent = await telemetry.request("GET", async (outcome) => {
        outcome.end("/v1/sessions/:id", 200, undefined);
        return telemetry.traceparent();
      });
      await telemetry.shutdown();
      process.stdout.write(JSON.stringify({ traceparent }));`;
    const { stdout } = await run(process.execPath, ["--conditions=source", "--input-type=module", "--eval", script], { env: { PATH: process.env.PATH, ...env } });
    return JSON.parse(stdout) as { traceparent: string | undefined };
  }

  const sampled = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

  it("exports the request's span over OTLP by default", async () => {
    const receiver = await startReceiver();
    try {
      const { traceparent } = await handleOneRequest({ CONFIDE_TELEMETRY: "on", OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
      expect(traceparent).toMatch(sampled);
      expect(receiver.spanNames).toEqual(["GET /v1/sessions/:id"]);
    } finally {
      await receiver.close();
    }
  }, 30_000);

  it("with none, still makes and samples every span (its trace id goes on), and sends nothing", async () => {
    const receiver = await startReceiver();
    try {
      const { traceparent } = await handleOneRequest({ CONFIDE_TELEMETRY: "on", OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
      expect(traceparent).toMatch(sampled);
      expect(receiver.spanNames).toEqual([]);
    } finally {
      await receiver.close();
    }
  }, 30_000);
});
