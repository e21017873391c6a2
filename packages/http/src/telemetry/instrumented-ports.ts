/**
 * The adapters as the host hands them to core, seen by telemetry: each provider call in a span
 * (the methods that reach a provider, listed per port), the queue carrying the trace context in
 * every job's payload (`traceparent`, a W3C header value: ids only) and continuing it in the
 * worker, and the session repository's writes marking the pipeline's steps. Core sees the same
 * ports, unchanged; with telemetry off nothing is wrapped.
 */
import type { AdapterPortTypes, JobHandler, JobQueue, LiveRecognition, LiveSpeechEvent, LiveSpeechToText, Repositories } from "@confide/core/ports";
import type { Telemetry } from "./telemetry.ts";

/** The methods of each port that call its provider (not `check`/`close`, nor synchronous ones). */
export const providerOperations = {
  speech: ["submit", "poll", "discard"],
  language: ["sentiment"],
  notes: ["write"],
  risk: ["screen"],
  push: ["send"],
  diarizer: ["diarize"],
  storage: ["put", "get", "delete"],
} as const;

export type InstrumentedPort = keyof typeof providerOperations;

/** `adapter` with its provider calls in spans; everything else passed through as it is. */
export function instrumentProvider<T extends object>(telemetry: Telemetry, port: InstrumentedPort, adapter: T): T {
  const operations = new Set<string>(providerOperations[port]);
  const provider = (adapter as { provider?: unknown }).provider;
  const name = typeof provider === "string" ? provider : port;
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || !operations.has(property) || typeof value !== "function") return value;
      return (...args: unknown[]) => telemetry.providerCall(port, name, property, () => Promise.resolve(value.apply(target, args)));
    },
  });
}

/** The payload field that carries the trace context from the enqueueing process to the worker. */
export const traceField = "traceparent";

/** A queue whose jobs carry the enqueuer's trace context and run in a span continuing it. */
export function instrumentQueue(telemetry: Telemetry, queue: JobQueue): JobQueue {
  return new Proxy(queue, {
    get(target, property, receiver) {
      if (property === "enqueue") {
        const enqueue: JobQueue["enqueue"] = (name, payload, options) => {
          const traceparent = telemetry.traceparent();
          return target.enqueue(name, traceparent ? { ...payload, [traceField]: traceparent } : payload, options);
        };
        return enqueue;
      }
      if (property === "start") {
        const start: JobQueue["start"] = (handlers, options) => {
          const traced: Record<string, JobHandler> = {};
          for (const [name, handler] of Object.entries(handlers)) {
            traced[name] = (payload, jobContext) => {
              const { [traceField]: traceparent, ...rest } = payload;
              return telemetry.job(name, typeof traceparent === "string" ? traceparent : undefined, jobContext.attempt, () => handler(rest, jobContext));
            };
          }
          return target.start(traced, options);
        };
        return start;
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Repositories whose session reads and writes tell telemetry what the pipeline is doing. */
export function instrumentRepositories(telemetry: Telemetry, repositories: Repositories): Repositories {
  const sessions = new Proxy(repositories.sessions, {
    get(target, property, receiver) {
      if (property === "update") {
        const update: Repositories["sessions"]["update"] = async (next, expectedVersion) => {
          const saved = await target.update(next, expectedVersion);
          telemetry.sessionWritten(saved);
          return saved;
        };
        return update;
      }
      if (property === "create") {
        // Where both upload paths (multipart and resumable) and every host meet: the recording's own size, no framing.
        const create: Repositories["sessions"]["create"] = async (session) => {
          await target.create(session);
          if (session.audio.sizeBytes > 0) telemetry.recordingStored(session.audio.sizeBytes); // a live session starts empty
        };
        return create;
      }
      if (property === "get") {
        const get: Repositories["sessions"]["get"] = async (...args) => {
          const session = await target.get(...args);
          if (session) telemetry.sessionRead(session);
          return session;
        };
        return get;
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return new Proxy(repositories, {
    get(target, property, receiver) {
      return property === "sessions" ? sessions : Reflect.get(target, property, receiver);
    },
  });
}

/**
 * A live engine whose recognitions are traced: one span per recognition, one child per final
 * (from the speech's start to the final's arrival). Audio and events pass through unchanged.
 */
export function instrumentLiveSpeech(telemetry: Telemetry, live: LiveSpeechToText): LiveSpeechToText {
  return new Proxy(live, {
    get(target, property, receiver) {
      if (property !== "open") return Reflect.get(target, property, receiver);
      const open: LiveSpeechToText["open"] = async (settings, options) => {
        const recognition = await target.open(settings, options);
        return tracedRecognition(telemetry.liveRecognition(target.provider), recognition);
      };
      return open;
    },
  });
}

function tracedRecognition(traced: ReturnType<Telemetry["liveRecognition"]>, recognition: LiveRecognition): LiveRecognition {
  let firstByteAt: number | null = null;
  async function* events(): AsyncGenerator<LiveSpeechEvent> {
    try {
      for await (const event of recognition.events) {
        if (event.type === "final") traced.final(firstByteAt ?? Date.now(), event.startMs, event.endMs);
        else if (event.type === "error") traced.failed(event.error.code);
        yield event;
      }
    } finally {
      traced.end();
    }
  }
  const tracedEvents = events();
  return {
    write(chunk) {
      firstByteAt ??= Date.now();
      return recognition.write(chunk);
    },
    end: () => recognition.end(),
    abort() {
      recognition.abort();
      traced.end();
    },
    events: tracedEvents,
  };
}

/**
 * Every adapter as core sees it with telemetry on: the provider ports' calls in spans, the
 * queue carrying the trace context, the repositories marking the pipeline's steps, live
 * recognition timed; the others (events, agenda) as they are.
 */
export function instrumentAdapters(telemetry: Telemetry, adapters: AdapterPortTypes): AdapterPortTypes {
  const seen: AdapterPortTypes = {
    ...adapters,
    queue: instrumentQueue(telemetry, adapters.queue),
    repository: instrumentRepositories(telemetry, adapters.repository),
    live: instrumentLiveSpeech(telemetry, adapters.live),
  };
  for (const port of Object.keys(providerOperations) as InstrumentedPort[]) {
    (seen as Record<InstrumentedPort, object>)[port] = instrumentProvider(telemetry, port, adapters[port]);
  }
  return seen;
}
