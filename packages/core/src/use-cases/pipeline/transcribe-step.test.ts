import { describe, expect, it } from "vitest";
import type { Session, TranscriptionSettings } from "../../domain/session.ts";
import type { TranscriptDraft } from "../../domain/transcript.ts";
import type { AudioSource, SpeechToText } from "../../ports/speech-to-text.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createInMemoryBlobStore } from "../../testing/in-memory-blob-store.ts";
import { createScriptedSpeechToText } from "../../testing/scripted-speech-to-text.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import {
  byteStream,
  runUntilIdle,
  setUpPipeline,
  storedSession,
  uploadSample,
  wavBytes,
  type CareTeam,
} from "./pipeline-fixture.test-support.ts";

const setUp = setUpPipeline;
const stored = storedSession;

describe("transcribe step and the provider's job", () => {
  it("discards the provider's job right after the transcript is stored", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ pendingPolls: 1 }) });
    const scripted = deps.speech;
    const storedAtDiscard: Array<Session | null> = [];
    deps.speech = {
      ...scripted,
      async discard(ref, options) {
        storedAtDiscard.push(await deps.sessions.get(uploaded.id));
        return scripted.discard(ref, options);
      },
    };
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps);

    expect(scripted.discarded()).toEqual(["job-1"]);
    expect(scripted.jobs()).toEqual([]);
    expect(storedAtDiscard).toHaveLength(1);
    expect(storedAtDiscard[0]).toMatchObject({ status: "analyzing", processing: { providerRef: null } });
    expect(storedAtDiscard[0]?.transcript?.segments).toHaveLength(4);
    const session = await stored(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(session.processing.submittedAt).toBeUndefined();
  });

  it("keeps the transcript when the provider cannot discard its job, and logs the ref it keeps", async () => {
    const logger = createRecordingLogger();
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ pendingPolls: 1, discardFailure: true }), logger });
    const uploaded = await uploadSample(deps, team);

    await runUntilIdle(deps);

    expect((await stored(deps, uploaded)).status).toBe("ready");
    expect(logger.entries).toContainEqual({
      level: "warn",
      message: "session.provider_job.discard_failed",
      fields: { sessionId: uploaded.id, provider: "scripted", providerRef: "job-1", reason: "transcribed", code: "provider.unavailable" },
    });
    expect(deps.speech.jobs()).toEqual(["job-1"]);
  });

  it("discards nothing for an engine that answers at once", async () => {
    const { deps, team } = await setUp();
    const uploaded = await uploadSample(deps, team);
    await runUntilIdle(deps);
    expect((await stored(deps, uploaded)).status).toBe("ready");
    expect(deps.speech.discarded()).toEqual([]);
  });

  it("polls with the session's transcription settings, the ones submit got", async () => {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ pendingPolls: 2 }) });
    const scripted = deps.speech;
    const submitted: TranscriptionSettings[] = [];
    const polled: TranscriptionSettings[] = [];
    deps.speech = {
      ...scripted,
      async submit(audio, settings, options) {
        submitted.push(settings);
        return scripted.submit(audio, settings, options);
      },
      async poll(ref, settings, options) {
        polled.push(settings);
        return scripted.poll(ref, settings, options);
      },
    };
    const uploaded = await uploadSample(deps, team, {
      audio: byteStream(wavBytes({ channels: 2 })),
      settings: { channelLayout: "per-channel", channelRoles: ["patient", "therapist"], wordTimestamps: false },
    });

    await runUntilIdle(deps);

    const session = await stored(deps, uploaded);
    expect(session.settings).toMatchObject({ channelLayout: "per-channel", channelRoles: ["patient", "therapist"], wordTimestamps: false });
    expect(submitted).toEqual([session.settings]);
    expect(polled).toEqual([session.settings, session.settings, session.settings]);
    // The scripted engine reads the channel layout from the poll that answers.
    expect(session.transcript?.speakers.map((speaker) => [speaker.label, speaker.channel, speaker.role])).toEqual([
      ["S1", 0, "patient"],
      ["S2", 1, "therapist"],
    ]);
    expect(session.transcript?.roleAssignment).toEqual({ method: "channels", confidence: null });
  });
});

describe("transcribe step and the therapist's enrolled voice", () => {
  /** S1 asks the questions (the heuristic's therapist); S2's voice is the enrolled one. */
  const draft: TranscriptDraft = {
    language: "en-US",
    durationMs: 6_000,
    provider: "scripted",
    speakers: [{ label: "S1" }, { label: "S2" }],
    segments: [
      { speaker: "S1", startMs: 0, endMs: 2_000, text: "Why do I wake so early? What is wrong?" },
      { speaker: "S2", startMs: 2_500, endMs: 5_000, text: "Nothing is wrong. Worry wakes people early." },
    ],
    speakerDetection: { method: "diarizer", diarizer: "embedded", confidence: 0.9 },
    voices: {
      embedder: "e1",
      speakers: [
        { speaker: "S1", embedding: [1, 0, 40], speechMs: 2_000 },
        { speaker: "S2", embedding: [0, 1, 44], speechMs: 2_500 },
      ],
    },
  };

  async function rolesWith(embedder: string | null) {
    const { deps, team } = await setUp({ speech: createScriptedSpeechToText({ transcript: draft }) });
    if (embedder !== null) {
      const user = (await deps.users.get(team.therapist.userId))!;
      const at = deps.clock.now();
      await deps.users.update({
        ...user,
        voice: { embedding: [0.1, 0.9, 43.7], embedder, speechMs: 20_000, durationMs: 23_000, quality: 0.7, consent: { terms: "voice-enrolment-v1", agreedAt: at }, enrolledAt: at },
      });
    }
    const uploaded = await uploadSample(deps, team);
    await runUntilIdle(deps);
    const transcript = (await stored(deps, uploaded)).transcript!;
    expect(JSON.stringify(transcript)).not.toContain("embedding");
    return { roles: transcript.speakers.map((speaker) => speaker.role), assignment: transcript.roleAssignment };
  }

  it("makes the speaker with the enrolled voice the therapist, though the other asks the questions", async () => {
    const { roles, assignment } = await rolesWith("e1");
    expect(roles).toEqual(["patient", "therapist"]);
    expect(assignment?.method).toBe("voice");
    expect(assignment?.confidence).toBeGreaterThan(0.9);
  });

  it("falls back to the heuristic without an enrolment, or with one another embedder made", async () => {
    for (const embedder of [null, "another-embedder"]) {
      expect(await rolesWith(embedder)).toEqual({ roles: ["therapist", "patient"], assignment: { method: "heuristic", confidence: null } });
    }
  });
});

describe("transcribe step and the recording's URL", () => {
  /** Runs one session through a speech adapter that keeps the AudioSource it was given. */
  async function audioGiven(deps: TestDeps, team: CareTeam) {
    const scripted = deps.speech;
    const given: AudioSource[] = [];
    const keeping: SpeechToText = {
      ...scripted,
      async submit(audio, settings, options) {
        given.push(audio);
        return scripted.submit(audio, settings, options);
      },
    };
    deps.speech = { ...scripted, ...keeping };
    const uploaded = await uploadSample(deps, team);
    await runUntilIdle(deps);
    expect(given).toHaveLength(1);
    return { audio: given[0] as AudioSource, session: await stored(deps, uploaded) };
  }

  it("offers the adapter a time-limited read URL when the blob store signs", async () => {
    const base = createTestDeps();
    const { deps, team } = await setUp({ blobs: createInMemoryBlobStore({ signUrls: true, now: () => base.clock.now() }), clock: base.clock });

    const { audio, session } = await audioGiven(deps, team);

    expect(session.status).toBe("ready");
    expect(audio.readUrl).toBeTypeOf("function");
    const expires = new Date(deps.clock.now().getTime() + 7_200_000).toISOString();
    await expect(audio.readUrl?.({ expiresInSeconds: 7_200 })).resolves.toBe(
      `memory://blobs/${session.audio.blobKey}?${new URLSearchParams({ access: "read", expires }).toString()}`,
    );
  });

  it("offers no URL when the blob store cannot sign: the adapter streams the recording", async () => {
    const { deps, team } = await setUp();
    expect(deps.blobs.signedUrl).toBeUndefined();

    const { audio, session } = await audioGiven(deps, team);

    expect(session.status).toBe("ready");
    expect(audio.readUrl).toBeUndefined();
    const body = await audio.open();
    expect((await new Response(body).arrayBuffer()).byteLength).toBe(session.audio.sizeBytes);
  });
});
