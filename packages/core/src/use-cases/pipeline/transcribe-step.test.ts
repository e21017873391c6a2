import { describe, expect, it } from "vitest";
import type { Session, TranscriptionSettings } from "../../domain/session.ts";
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
