import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allNotAssessed, type ClinicalNotes } from "../../domain/clinical-notes.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { LiveAudioDecoder } from "../../ports/live-audio-decoder.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { seedLinkedPair, testUser } from "../../testing/linked-pair.ts";
import { createRecordingLogger, type RecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import { defaultLiveSessionSettings } from "../../settings.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import type { LiveDeps } from "./live-deps.ts";
import { resumeTokenSha256, startLiveSession, type StartLiveSessionInput } from "./start-live-session.ts";

const therapist: Actor = { userId: "therapist-1", role: "therapist" };
const patientId = "patient-1";
const mono: StartLiveSessionInput = { patientId, format: { encoding: "pcm", channels: 1 }, channelLayout: "mono", agenda: [] };
/** No agenda given: the default agenda. */
const noAgenda: StartLiveSessionInput = { patientId, format: { encoding: "pcm", channels: 1 }, channelLayout: "mono" };
const stereo: StartLiveSessionInput = { patientId, format: { encoding: "pcm", channels: 2 }, channelLayout: "per-channel", agenda: [] };

async function setUp(
  options: { perChannel?: boolean; webmDecoder?: LiveAudioDecoder | null; maxSessions?: number } = {},
): Promise<{ deps: TestDeps & LiveDeps; logger: RecordingLogger }> {
  const logger = createRecordingLogger();
  const base = createTestDeps({ logger, settings: { live: { ...defaultLiveSessionSettings, maxSessions: options.maxSessions ?? 2, resumeWindowMs: 60_000, idleTimeoutMs: 30_000, maxDurationMs: 3 * 3600_000, partIntervalMs: 1_000 } } });
  const deps = {
    ...base,
    liveSpeech: createScriptedLiveSpeechToText({ partials: false, liveDiarization: true, perChannel: options.perChannel ?? true }),
    agenda: createKeywordAgendaMatcher(),
    webmDecoder: options.webmDecoder === undefined ? null : options.webmDecoder,
  };
  await seedLinkedPair(deps);
  return { deps, logger };
}

async function rejection(promise: Promise<unknown>): Promise<ConfideError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!ConfideError.is(error)) throw new Error(`Expected a ConfideError, got ${String(error)}`);
  return error;
}

const invalid = (field: string, message: string) => ({ code: "validation.invalid_input", message, details: { field } });

describe("what a live start accepts", () => {
  it("an audio format of pcm or webm, with 1 or 2 channels", async () => {
    const { deps } = await setUp();
    const encoding = invalid("format.encoding", 'The audio format is "pcm" (16 kHz 16-bit little-endian) or "webm".');
    for (const format of [undefined, null, "pcm", { encoding: "mp3", channels: 1 }]) {
      expect(await rejection(startLiveSession(deps, therapist, { ...mono, format: format as never }))).toMatchObject(encoding);
    }
    for (const channels of [0, 3, "1"]) {
      expect(await rejection(startLiveSession(deps, therapist, { ...mono, format: { encoding: "pcm", channels: channels as never } }))).toMatchObject(
        invalid("format.channels", "Live audio has 1 or 2 channels."),
      );
    }
  });

  it("a channel layout that fits the channels: mono for one, per-channel for two", async () => {
    const { deps } = await setUp();
    expect(await rejection(startLiveSession(deps, therapist, { ...mono, channelLayout: "stereo" as never }))).toMatchObject(
      invalid("channelLayout", 'The channel layout is "mono" or "per-channel".'),
    );
    expect(await rejection(startLiveSession(deps, therapist, { ...mono, channelLayout: "per-channel" }))).toMatchObject(
      invalid("channelLayout", "The per-channel layout takes stereo audio: one speaker per channel."),
    );
    expect(await rejection(startLiveSession(deps, therapist, { ...stereo, channelLayout: "mono" }))).toMatchObject(
      invalid("channelLayout", "Stereo live audio takes the per-channel layout."),
    );
  });

  it("a title of at most 200 characters, trimmed; none gives the date", async () => {
    const { deps } = await setUp({ maxSessions: 10 });
    expect(await rejection(startLiveSession(deps, therapist, { ...mono, title: "t".repeat(201) }))).toMatchObject(invalid("title", "The title must be at most 200 characters."));
    expect((await startLiveSession(deps, therapist, { ...mono, title: ` ${"t".repeat(200)} ` })).session.title).toBe("t".repeat(200));
    expect((await startLiveSession(deps, therapist, { ...mono, title: "  " })).session.title).toBe(`Live session ${deps.clock.now().toISOString().slice(0, 10)}`);
    expect((await startLiveSession(deps, therapist, mono)).session.title).toBe(`Live session ${deps.clock.now().toISOString().slice(0, 10)}`);
  });

  it("a planned length of 1 to 240 whole minutes, kept as the planned end; none, no planned end; nothing stored for a wrong one", async () => {
    const { deps } = await setUp({ maxSessions: 10 });
    const message = "The planned length is a whole number of minutes from 1 to 240.";
    for (const plannedMinutes of [0, 241, 1.5, Number.NaN, "50" as unknown as number]) {
      expect(await rejection(startLiveSession(deps, therapist, { ...mono, plannedMinutes }))).toMatchObject(invalid("plannedMinutes", message));
    }
    expect((await deps.sessions.list({ limit: 10 })).items).toEqual([]);
    expect((await startLiveSession(deps, therapist, { ...mono, plannedMinutes: 1 })).session.live?.plannedEndMs).toBe(60_000);
    expect((await startLiveSession(deps, therapist, { ...mono, plannedMinutes: 240 })).session.live?.plannedEndMs).toBe(240 * 60_000);
    expect((await startLiveSession(deps, therapist, mono)).session.live).not.toHaveProperty("plannedEndMs");
  });

  it("refuses what this deployment's engine or decoder cannot serve", async () => {
    const withoutChannels = await setUp({ perChannel: false });
    expect(await rejection(startLiveSession(withoutChannels.deps, therapist, stereo))).toMatchObject({
      code: "provider.unsupported",
      message: "This deployment's live engine cannot separate speakers by channel.",
      details: { feature: "perChannel" },
    });
    const { deps } = await setUp();
    expect(await rejection(startLiveSession(deps, therapist, { ...mono, format: { encoding: "webm", channels: 1 } }))).toMatchObject({
      code: "provider.unsupported",
      message: "This deployment cannot decode WebM live audio; send 16 kHz PCM.",
      details: { feature: "webm" },
    });
    expect((await deps.sessions.list({ limit: 10 })).items).toEqual([]);
  });

  it("is for therapists, about a patient of theirs", async () => {
    const { deps } = await setUp();
    await deps.users.create(testUser("therapist-2", "therapist", deps.clock.now()));
    await deps.users.create(testUser("patient-9", "patient", deps.clock.now()));
    await deps.users.link({ therapistId: "therapist-1", patientId: "therapist-2", createdAt: deps.clock.now() });
    expect(await rejection(startLiveSession(deps, { userId: patientId, role: "patient" }, mono))).toMatchObject({ code: "auth.forbidden" });
    for (const other of ["", "nobody", "patient-9", "therapist-2", 7]) {
      expect(await rejection(startLiveSession(deps, therapist, { ...mono, patientId: other as never }))).toMatchObject({ code: "user.not_found", message: "No such patient." });
    }
  });
});

describe("the live session as started", () => {
  it("is live, empty, with its recording's key, the live engine's transcript and a resume token only its hash is kept of", async () => {
    const { deps, logger } = await setUp();
    const { session, resumeToken } = await startLiveSession(deps, therapist, { ...stereo, language: "de-DE", agenda: ["Sleep"] });
    const now = deps.clock.now();
    expect(session).toMatchObject({
      therapistId: therapist.userId,
      patientId,
      recordedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
      status: "live",
      statusHistory: [{ status: "live", version: 1, at: now }],
      audio: { blobKey: `sessions/${therapist.userId}/${session.id}/audio.wav`, contentType: "audio/wav", format: "wav", sizeBytes: 0, sha256: "", durationMs: null, channels: 2, originalName: null },
      settings: { language: "de-DE", channelLayout: "per-channel", diarization: false, channelRoles: ["therapist", "patient"] },
      transcript: { language: "de-DE", durationMs: 0, speakers: [], segments: [], provider: "scripted-live", revision: 1, warnings: [] },
      sentiment: null,
      review: { edits: [], finalizedAt: null, finalizedBy: null },
      live: { format: { encoding: "pcm", channels: 2 }, parts: 0, storedBytes: 0, detachedAt: null },
    });
    expect(resumeToken.length).toBeGreaterThanOrEqual(32);
    expect(session.live?.resumeTokenSha256).toBe(createHash("sha256").update(resumeToken).digest("hex"));
    expect(resumeTokenSha256(resumeToken)).toBe(session.live?.resumeTokenSha256);
    expect(await deps.sessions.get(session.id)).toEqual(session);
    expect(deps.audit.events().filter((event) => event.action === "session.create")).toEqual([
      expect.objectContaining({ actorId: therapist.userId, sessionId: session.id, subjectUserId: patientId, detail: { live: true, agendaItems: 1, noteFormat: "confide" } }),
    ]);
    expect(logger.entries).toContainEqual({ level: "info", message: "live.started", fields: { sessionId: session.id, encoding: "pcm", channels: 2, layout: "per-channel" } });
  });

  it("takes the channel roles given, diarizes a mono session, and keeps a WebM recording as WebM", async () => {
    const decoder = { open: () => { throw new Error("not opened at start"); } } as unknown as LiveAudioDecoder;
    const { deps } = await setUp({ webmDecoder: decoder });
    const swapped = await startLiveSession(deps, therapist, { ...stereo, channelRoles: ["patient", "therapist"] });
    expect(swapped.session.settings).toMatchObject({ channelRoles: ["patient", "therapist"], diarization: false });
    const webm = await startLiveSession(deps, therapist, { ...mono, format: { encoding: "webm", channels: 1 } });
    expect(webm.session.settings).toMatchObject({ channelLayout: "mono", diarization: true, language: "en-US" });
    expect(webm.session.settings.channelRoles).toBeUndefined();
    expect(webm.session.audio).toMatchObject({ blobKey: `sessions/${therapist.userId}/${webm.session.id}/audio.webm`, contentType: "audio/webm", format: "webm", channels: 1 });
  });
});

describe("how many live sessions a therapist runs", () => {
  it("refuses one past the limit, retryable, counting only their sessions that are live", async () => {
    const { deps } = await setUp({ maxSessions: 2 });
    await storeSession(deps, { status: "ready" });
    await storeSession(deps, { status: "live", therapistId: "therapist-2" });
    await startLiveSession(deps, therapist, mono);
    await startLiveSession(deps, therapist, mono);
    expect(await rejection(startLiveSession(deps, therapist, mono))).toMatchObject({
      code: "live.too_many_sessions",
      retryable: true,
      message: "You already run 2 live sessions; end one before starting another.",
      details: { limit: 2 },
    });
  });

  it("counts past a hundred live sessions when the limit is higher", async () => {
    const { deps } = await setUp({ maxSessions: 101 });
    for (let index = 0; index < 100; index += 1) await storeSession(deps, { status: "live" });
    expect((await startLiveSession(deps, therapist, mono)).session.status).toBe("live");
  });
});

describe("today's agenda", () => {
  it("takes the therapist's topics trimmed, numbered, none covered yet", async () => {
    const { deps } = await setUp();
    const { session } = await startLiveSession(deps, therapist, { ...mono, agenda: ["  Sleep ", "Work"] });
    expect(session.live?.agenda).toEqual([
      { id: "topic-1", text: "Sleep", source: "therapist", covered: null },
      { id: "topic-2", text: "Work", source: "therapist", covered: null },
    ]);
  });

  it("takes at most 50 topics of 1 to 300 characters each, naming the item that is wrong", async () => {
    const { deps } = await setUp({ maxSessions: 10 });
    const list = invalid("agenda", "The agenda is a list of at most 50 items.");
    expect(await rejection(startLiveSession(deps, therapist, { ...mono, agenda: Array.from({ length: 51 }, (_, index) => `t${index}`) }))).toMatchObject(list);
    expect(await rejection(startLiveSession(deps, therapist, { ...mono, agenda: "Sleep" as never }))).toMatchObject(list);
    for (const bad of ["", "   ", "x".repeat(301), 5]) {
      expect(await rejection(startLiveSession(deps, therapist, { ...mono, agenda: ["Fine", bad as never] }))).toMatchObject(
        invalid("agenda[1]", "Each agenda item is a text of 1 to 300 characters."),
      );
    }
    const longest = await startLiveSession(deps, therapist, { ...mono, agenda: [...Array.from({ length: 49 }, (_, index) => `t${index}`), "x".repeat(300)] });
    expect(longest.session.live?.agenda).toHaveLength(50);
  });

  it("defaults to the follow-ups and unresolved concerns of the latest notes of this patient's sessions with this therapist", async () => {
    const { deps } = await setUp();
    const item = (text: string) => ({ text, evidence: [] });
    const notes = (followUps: string[], concerns: string[] | null): ClinicalNotes =>
      ({ ...allNotAssessed("Only the lists the agenda reads."), followUpTopics: followUps.map(item), unresolvedConcerns: concerns === null ? { status: "not_assessed", reason: "none" } : concerns.map(item) }) as unknown as ClinicalNotes;
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    await storeSession(deps, { status: "ready", recordedAt: at(1), notes: notes(["Old topic"], []) });
    await storeSession(deps, { status: "finalized", recordedAt: at(2), notes: notes(["Sleep", "  ", "sleep", "Work"], ["WORK", "Family", "x".repeat(400)]) });
    await storeSession(deps, { status: "ready", recordedAt: at(3), notes: null });
    await storeSession(deps, { status: "queued", recordedAt: at(4), notes: notes(["Not yet processed"], []) });
    await storeSession(deps, { status: "ready", recordedAt: at(5), therapistId: "therapist-2", notes: notes(["Another therapist's"], []) });
    const { session } = await startLiveSession(deps, therapist, noAgenda);
    expect(session.live?.agenda).toEqual([
      { id: "topic-1", text: "Sleep", source: "follow_up", covered: null },
      { id: "topic-2", text: "Work", source: "follow_up", covered: null },
      { id: "topic-3", text: "Family", source: "unresolved_concern", covered: null },
      { id: "topic-4", text: "x".repeat(300), source: "unresolved_concern", covered: null },
    ]);
  });

  it("a default agenda skips a list not assessed, keeps at most 50 items, and is empty without earlier notes", async () => {
    const { deps } = await setUp({ maxSessions: 10 });
    const first = await startLiveSession(deps, therapist, noAgenda);
    expect(first.session.live?.agenda).toEqual([]);
    const many = Array.from({ length: 60 }, (_, index) => ({ text: `Topic ${index}`, evidence: [] }));
    await storeSession(deps, {
      status: "ready",
      recordedAt: new Date(Date.UTC(2026, 1, 1)),
      notes: { ...allNotAssessed("Only follow-ups."), followUpTopics: { status: "not_assessed", reason: "none" }, unresolvedConcerns: many } as unknown as ClinicalNotes,
    });
    const second = await startLiveSession(deps, therapist, noAgenda);
    expect(second.session.live?.agenda.map((entry) => entry.text)).toEqual(many.slice(0, 50).map((entry) => entry.text));
    expect(second.session.live?.agenda.every((entry) => entry.source === "unresolved_concern")).toBe(true);
  });
});

