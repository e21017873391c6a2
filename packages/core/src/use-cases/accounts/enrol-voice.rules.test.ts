import { describe, expect, it } from "vitest";
import { pcmWavHeader } from "../../domain/live-session.ts";
import type { User } from "../../domain/user.ts";
import {
  fromVoiceDocument,
  summarizeVoiceEnrolment,
  toVoiceDocument,
  voiceEnrolmentTerms,
  voiceSampleLimits,
  type VoiceEnrolment,
} from "../../domain/voice-enrolment.ts";
import { ConfideError } from "../../errors.ts";
import type { Diarizer, VoiceSample } from "../../ports/diarizer.ts";
import { noDiarizer } from "../../ports/no-diarizer.ts";
import { seedLinkedPair } from "../../testing/linked-pair.ts";
import { pcmWav } from "../../testing/pcm-wav.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { enrolVoice, type EnrolVoiceInput } from "./enrol-voice.ts";
import { eraseVoiceEnrolment, getVoiceEnrolment } from "./voice-enrolment-status.ts";
import { refusalOf } from "../refusal.test-support.ts";

// The rules of a therapist's voice enrolment, against a diarizer the test scripts:
// it reads the sample as the embedded one does (the whole stream), then answers what it was told.

const therapist = { userId: "therapist-1", role: "therapist" } as const;
const patient = { userId: "patient-1", role: "patient" } as const;

const goodSample: VoiceSample = { embedding: [0.1, 0.2, 0.3], embedder: "test-embedder-1", durationMs: 24_400.4, speechMs: 18_250.6, consistency: 0.87654 };

interface ScriptedDiarizer extends Diarizer {
  /** What each embedVoice call saw: the content type, the bytes it read, the signal it was given. */
  calls: Array<{ contentType: string | undefined; bytes: number; signal: AbortSignal | undefined }>;
}

function scriptedDiarizer(answer: VoiceSample | (() => never)): ScriptedDiarizer {
  const calls: ScriptedDiarizer["calls"] = [];
  return {
    ...noDiarizer,
    provider: "scripted",
    calls,
    async embedVoice(audio, options) {
      const call = { contentType: audio.contentType, bytes: 0, signal: options?.signal };
      calls.push(call);
      const reader = (await audio.open()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        call.bytes += value.byteLength;
      }
      return typeof answer === "function" ? answer() : answer;
    },
  };
}

/** A byte stream that records whether it was cancelled (released unread). */
function trackedStream(bytes: Uint8Array, chunkBytes = 64 * 1024) {
  const state = { cancelled: false, pulled: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.byteLength, offset + chunkBytes);
      controller.enqueue(bytes.slice(offset, end));
      state.pulled += end - offset;
      offset = end;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function setUp(diarizer: Diarizer = scriptedDiarizer(goodSample)): Promise<TestDeps> {
  const deps = createTestDeps({ diarizer, logger: createRecordingLogger() });
  await seedLinkedPair(deps);
  return deps;
}

const sample = () => pcmWav({ dataBytes: 32_000 * 25 });

function input(bytes: Uint8Array = sample(), overrides: Partial<EnrolVoiceInput> = {}): EnrolVoiceInput {
  return { audio: trackedStream(bytes).stream, consentTerms: voiceEnrolmentTerms, ...overrides };
}

async function storedVoice(deps: TestDeps): Promise<VoiceEnrolment | undefined> {
  return ((await deps.users.get("therapist-1")) as User).voice;
}


describe("who may enrol and with what consent", () => {
  it("keeps only the embedding, its quality and the therapist's consent, at the time of enrolment", async () => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    const summary = await enrolVoice(deps, therapist, input());
    const now = deps.clock.now();
    const voice = await storedVoice(deps);
    expect(voice).toEqual({
      embedding: [0.1, 0.2, 0.3],
      embedder: "test-embedder-1",
      speechMs: 18_251,
      durationMs: 24_400,
      quality: 0.877,
      consent: { terms: voiceEnrolmentTerms, agreedAt: now },
      enrolledAt: now,
    });
    expect(summary).toEqual({
      enrolled: true,
      enrolledAt: now,
      speechMs: 18_251,
      quality: 0.877,
      embedder: "test-embedder-1",
      consent: { terms: voiceEnrolmentTerms, agreedAt: now },
    });
    expect(summary).not.toHaveProperty("embedding");
    // The whole sample reached the embedder, as the sniffed format.
    expect(diarizer.calls).toEqual([{ contentType: "audio/wav", bytes: 44 + 32_000 * 25, signal: undefined }]);
    expect(((await deps.users.get("therapist-1")) as User).updatedAt).toEqual(now);
  });

  it("audits the enrolment, and says when it replaced an earlier one", async () => {
    const deps = await setUp();
    await enrolVoice(deps, therapist, input());
    deps.clock.advance(60_000);
    await enrolVoice(deps, therapist, input());
    const events = deps.audit.events().filter((event) => event.action === "user.voice.enrol");
    expect(events.map((event) => ({ actorId: event.actorId, subjectUserId: event.subjectUserId, detail: event.detail }))).toEqual([
      { actorId: "therapist-1", subjectUserId: "therapist-1", detail: { speechMs: 18_251, replaced: false } },
      { actorId: "therapist-1", subjectUserId: "therapist-1", detail: { speechMs: 18_251, replaced: true } },
    ]);
    expect((await storedVoice(deps))?.enrolledAt).toEqual(deps.clock.now());
  });

  it("hands the caller's signal to the embedder", async () => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    const controller = new AbortController();
    await enrolVoice(deps, therapist, input(sample(), { signal: controller.signal }));
    expect(diarizer.calls[0]?.signal).toBe(controller.signal);
  });

  it.each([
    ["a patient", patient],
    ["an admin", { userId: "admin-1", role: "admin" } as const],
  ])("refuses %s, releasing the sample unread", async (_who, actor) => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    const tracked = trackedStream(sample());
    const error = await refusalOf(enrolVoice(deps, actor, { audio: tracked.stream, consentTerms: voiceEnrolmentTerms }));
    expect(error.code).toBe("auth.forbidden");
    expect(tracked.state.cancelled).toBe(true);
    expect(diarizer.calls).toEqual([]);
  });

  it.each([undefined, "", "voice-enrolment-v0", `${voiceEnrolmentTerms} `])("refuses consent terms %j, naming the terms, and keeps nothing", async (terms) => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    const tracked = trackedStream(sample());
    const error = await refusalOf(enrolVoice(deps, therapist, { audio: tracked.stream, consentTerms: terms }));
    expect(error.code).toBe("voice.consent_required");
    expect(error.message).toBe(`Enrolling a voice needs the therapist's consent to the terms "${voiceEnrolmentTerms}" (send consent=${voiceEnrolmentTerms}).`);
    expect(error.details).toEqual({ terms: voiceEnrolmentTerms });
    expect(tracked.state.cancelled).toBe(true);
    expect(diarizer.calls).toEqual([]);
    expect(await storedVoice(deps)).toBeUndefined();
  });

  it("releases an async-iterable sample too when refusing before reading it", async () => {
    const deps = await setUp();
    let returned = false;
    const audio: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        return {
          next: async () => ({ done: false, value: new Uint8Array(1) }),
          return: async () => {
            returned = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    expect((await refusalOf(enrolVoice(deps, patient, { audio, consentTerms: voiceEnrolmentTerms }))).code).toBe("auth.forbidden");
    expect(returned).toBe(true);
  });

  it("refuses an account that no longer exists, after hearing the sample, and writes nothing", async () => {
    const deps = await setUp();
    const error = await refusalOf(enrolVoice(deps, { userId: "gone", role: "therapist" }, input()));
    expect(error.code).toBe("user.not_found");
    expect(error.message).toBe("The account no longer exists.");
    expect(deps.audit.events().filter((event) => event.action === "user.voice.enrol")).toEqual([]);
  });
});

describe("what the sample must be", () => {
  it("refuses an empty sample and bytes that are not a recording", async () => {
    const deps = await setUp();
    expect((await refusalOf(enrolVoice(deps, therapist, input(new Uint8Array(0))))).code).toBe("upload.empty");
    expect((await refusalOf(enrolVoice(deps, therapist, input(new TextEncoder().encode("this is a text file, not a recording"))))).code).toBe("upload.not_audio");
    expect(await storedVoice(deps)).toBeUndefined();
  });

  it("refuses a WAV whose header says it is over the limit before decoding it", async () => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    const overLimitBytes = (voiceSampleLimits.maxDurationMs / 1000 + 1) * 32_000;
    const head = new Uint8Array(44 + 1_000);
    head.set(pcmWavHeader(overLimitBytes, 1, 16_000));
    const error = await refusalOf(enrolVoice(deps, therapist, input(head)));
    expect(error.code).toBe("voice.too_long");
    expect(error.message).toBe("The sample is longer than 60 s: read the paragraph once (20–30 s).");
    expect(error.details).toEqual({ maxDurationMs: voiceSampleLimits.maxDurationMs });
    expect(diarizer.calls).toEqual([]);
  });

  it("takes a WAV whose header says exactly the limit", async () => {
    const deps = await setUp();
    const atLimit = pcmWav({ dataBytes: (voiceSampleLimits.maxDurationMs / 1000) * 32_000 });
    await expect(enrolVoice(deps, therapist, input(atLimit))).resolves.toMatchObject({ enrolled: true });
  });

  it("refuses a sample larger than the byte limit, whatever the embedder made of it", async () => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    const large = pcmWav({ dataBytes: voiceSampleLimits.maxBytes - 44 + 1, silent: true });
    // A header that claims no length, so only the bytes themselves can tell.
    large.set(pcmWavHeader(0, 1, 16_000));
    const error = await refusalOf(enrolVoice(deps, therapist, input(large)));
    expect(error.code).toBe("upload.too_large");
    expect(error.message).toBe(`The sample is larger than ${voiceSampleLimits.maxBytes} bytes.`);
    expect(error.details).toEqual({ maxBytes: voiceSampleLimits.maxBytes });
    expect(await storedVoice(deps)).toBeUndefined();
  });

  it("takes a sample of exactly the byte limit", async () => {
    const deps = await setUp();
    const atLimit = pcmWav({ dataBytes: voiceSampleLimits.maxBytes - 44, silent: true });
    atLimit.set(pcmWavHeader(0, 1, 16_000));
    await expect(enrolVoice(deps, therapist, input(atLimit))).resolves.toMatchObject({ enrolled: true });
  });

  it("refuses what the embedder measured as over the length limit, and takes exactly the limit", async () => {
    const over = await setUp(scriptedDiarizer({ ...goodSample, durationMs: voiceSampleLimits.maxDurationMs + 1 }));
    const error = await refusalOf(enrolVoice(over, therapist, input()));
    expect(error.code).toBe("voice.too_long");
    expect(error.details).toEqual({ maxDurationMs: voiceSampleLimits.maxDurationMs });
    const at = await setUp(scriptedDiarizer({ ...goodSample, durationMs: voiceSampleLimits.maxDurationMs }));
    await expect(enrolVoice(at, therapist, input())).resolves.toMatchObject({ enrolled: true });
  });

  it("tells silence or noise (under a second of speech) from too little speech (under ten seconds)", async () => {
    const silent = await setUp(scriptedDiarizer({ ...goodSample, speechMs: voiceSampleLimits.noSpeechBelowMs - 1 }));
    const none = await refusalOf(enrolVoice(silent, therapist, input()));
    expect(none.code).toBe("voice.no_speech");
    expect(none.message).toBe("No speaking voice was heard in the sample (silence, noise or music).");

    const second = await setUp(scriptedDiarizer({ ...goodSample, speechMs: voiceSampleLimits.noSpeechBelowMs }));
    const short = await refusalOf(enrolVoice(second, therapist, input()));
    expect(short.code).toBe("voice.too_short");
    expect(short.message).toBe("The sample holds 1 s of speech; at least 10 s are needed (read the whole paragraph).");
    expect(short.details).toEqual({ speechMs: voiceSampleLimits.noSpeechBelowMs, minSpeechMs: voiceSampleLimits.minSpeechMs });

    const almost = await setUp(scriptedDiarizer({ ...goodSample, speechMs: voiceSampleLimits.minSpeechMs - 1 }));
    expect((await refusalOf(enrolVoice(almost, therapist, input()))).code).toBe("voice.too_short");

    const enough = await setUp(scriptedDiarizer({ ...goodSample, speechMs: voiceSampleLimits.minSpeechMs }));
    await expect(enrolVoice(enough, therapist, input())).resolves.toMatchObject({ enrolled: true, speechMs: voiceSampleLimits.minSpeechMs });
  });

  it.each([
    [1.7, 1],
    [-0.2, 0],
    [0.12345, 0.123],
    [0.0005, 0.001],
  ])("keeps the sample's consistency %d as a quality of %d (within [0, 1], three decimals)", async (consistency, quality) => {
    const deps = await setUp(scriptedDiarizer({ ...goodSample, consistency }));
    expect((await enrolVoice(deps, therapist, input())).quality).toBe(quality);
  });

  it("a failed enrolment leaves the earlier one as it was", async () => {
    const diarizer = scriptedDiarizer(goodSample);
    const deps = await setUp(diarizer);
    await enrolVoice(deps, therapist, input());
    const before = await storedVoice(deps);
    deps.clock.advance(1_000);
    await refusalOf(enrolVoice(deps, therapist, input(new TextEncoder().encode("not audio at all, just words"))));
    await refusalOf(enrolVoice(deps, therapist, input(sample(), { consentTerms: undefined })));
    expect(await storedVoice(deps)).toEqual(before);
  });
});

describe("what the embedder's failures mean to the therapist", () => {
  const failingWith = (error: unknown) =>
    scriptedDiarizer(() => {
      throw error;
    });

  it("an undecodable sample is the therapist's to fix: voice.unreadable, with the cause kept", async () => {
    const cause = new ConfideError("provider.rejected", "ffmpeg could not decode it");
    const deps = await setUp(failingWith(cause));
    const error = await refusalOf(enrolVoice(deps, therapist, input()));
    expect(error.code).toBe("voice.unreadable");
    expect(error.message).toBe("The sample could not be decoded as audio.");
    expect(error.cause).toBe(cause);
  });

  it("a deployment without voice embeddings says so: voice.unavailable", async () => {
    const deps = await setUp(noDiarizer);
    const error = await refusalOf(enrolVoice(deps, therapist, input()));
    expect(error.code).toBe("voice.unavailable");
    expect(error.message).toBe("This deployment cannot enrol voices (no diarizer with voice embeddings).");
    expect(ConfideError.is(error.cause, "provider.unsupported")).toBe(true);
  });

  it("a sample of exactly the byte limit that cannot be decoded is unreadable, not too large", async () => {
    const deps = await setUp(failingWith(new ConfideError("provider.rejected", "not decodable")));
    const atLimit = pcmWav({ dataBytes: voiceSampleLimits.maxBytes - 44, silent: true });
    atLimit.set(pcmWavHeader(0, 1, 16_000));
    expect((await refusalOf(enrolVoice(deps, therapist, input(atLimit)))).code).toBe("voice.unreadable");
  });

  it("a caller who goes away stops the sample's reading, and nothing is kept", async () => {
    const controller = new AbortController();
    // An embedder that reads on regardless once the caller has gone: only the pipe's signal can stop it.
    const diarizer: Diarizer = {
      ...noDiarizer,
      async embedVoice(audio) {
        const reader = (await audio.open()).getReader();
        await reader.read();
        controller.abort(new ConfideError("upload.aborted", "The client went away."));
        for (;;) if ((await reader.read()).done) return goodSample;
      },
    };
    const deps = await setUp(diarizer);
    const error = await refusalOf(enrolVoice(deps, therapist, { audio: trackedStream(sample(), 1_024).stream, consentTerms: voiceEnrolmentTerms, signal: controller.signal }));
    expect(error.code).toBe("upload.aborted");
    expect(await storedVoice(deps)).toBeUndefined();
  });

  it("any other failure passes through as it was", async () => {
    const outage = new ConfideError("speech.engine_unavailable", "ffmpeg is not installed");
    const deps = await setUp(failingWith(outage));
    expect(await refusalOf(enrolVoice(deps, therapist, input()))).toBe(outage);
    expect(await storedVoice(deps)).toBeUndefined();
  });
});

describe("reading and erasing an enrolment", () => {
  it("reads the therapist's own enrolment, never the embedding", async () => {
    const deps = await setUp();
    expect(await getVoiceEnrolment(deps, therapist)).toEqual({ enrolled: false, enrolledAt: null, speechMs: null, quality: null, embedder: null, consent: null });
    const enrolled = await enrolVoice(deps, therapist, input());
    expect(await getVoiceEnrolment(deps, therapist)).toEqual(enrolled);
  });

  it("erases the embedding and its consent, audited; erasing again changes and audits nothing", async () => {
    const deps = await setUp();
    await enrolVoice(deps, therapist, input());
    deps.clock.advance(5_000);
    expect(await eraseVoiceEnrolment(deps, therapist)).toEqual(summarizeVoiceEnrolment(undefined));
    const user = (await deps.users.get("therapist-1")) as User;
    expect(user).not.toHaveProperty("voice");
    expect(user.updatedAt).toEqual(deps.clock.now());
    const erasures = () => deps.audit.events().filter((event) => event.action === "user.voice.erase");
    expect(erasures().map((event) => ({ actorId: event.actorId, subjectUserId: event.subjectUserId }))).toEqual([
      { actorId: "therapist-1", subjectUserId: "therapist-1" },
    ]);
    deps.clock.advance(5_000);
    expect((await eraseVoiceEnrolment(deps, therapist)).enrolled).toBe(false);
    expect(erasures()).toHaveLength(1);
    expect(((await deps.users.get("therapist-1")) as User).updatedAt).toEqual(user.updatedAt);
  });

  it.each([
    ["read", getVoiceEnrolment],
    ["erase", eraseVoiceEnrolment],
  ] as const)("refuses to %s for a non-therapist or an account that is gone", async (_what, call) => {
    const deps = await setUp();
    expect((await refusalOf(call(deps, patient))).code).toBe("auth.forbidden");
    const gone = await refusalOf(call(deps, { userId: "gone", role: "therapist" }));
    expect(gone.code).toBe("user.not_found");
    expect(gone.message).toBe("The account no longer exists.");
  });
});

describe("an enrolment's stored form", () => {
  it("round-trips through its document, dates as ISO text", () => {
    const voice: VoiceEnrolment = {
      embedding: [1, -2.5],
      embedder: "e",
      speechMs: 12_000,
      durationMs: 25_000,
      quality: 0.5,
      consent: { terms: voiceEnrolmentTerms, agreedAt: new Date("2026-01-02T03:04:05.000Z") },
      enrolledAt: new Date("2026-01-02T03:04:06.000Z"),
    };
    const document = toVoiceDocument(voice);
    expect(document).toEqual({ ...voice, consent: { terms: voiceEnrolmentTerms, agreedAt: "2026-01-02T03:04:05.000Z" }, enrolledAt: "2026-01-02T03:04:06.000Z" });
    expect(fromVoiceDocument(JSON.parse(JSON.stringify(document)))).toEqual(voice);
  });
});
