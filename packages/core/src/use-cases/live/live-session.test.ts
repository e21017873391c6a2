import { beforeEach, describe, expect, it } from "vitest";
import { liveAudioPartKey, type LiveUpdate } from "../../domain/live-session.ts";
import { allNotAssessed } from "../../domain/clinical-notes.ts";
import { testUser } from "../../testing/linked-pair.ts";
import { testConsentForm } from "../../testing/test-consent.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { createScriptedLiveSpeechToText, type ScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import type { TestDeps } from "../../testing/test-deps.ts";
import { runUntilIdle, setUpPipeline, storedSession, uploadSample, type CareTeam } from "../pipeline/pipeline-fixture.test-support.ts";
import { grantConsent } from "../consent/grant-consent.ts";
import { deleteSession } from "../sessions/delete-session.ts";
import { resumeLiveRun, startLiveRun } from "./attach-live-session.ts";
import { endAbandonedLiveSessions } from "./end-abandoned-live-sessions.ts";
import type { LiveDeps } from "./live-deps.ts";
import type { LiveRun } from "./live-run.ts";

/** 16 kHz 16-bit stereo: 64 bytes a millisecond. */
const stereoBytesPerMs = 64;

/** `ms` of stereo PCM whose bytes count up, so a gap or a repeat in the stored audio shows. */
function stereoPcm(fromMs: number, ms: number): Uint8Array {
  const bytes = new Uint8Array(ms * stereoBytesPerMs);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (fromMs * stereoBytesPerMs + index) % 251;
  return bytes;
}

const dialogue = [
  { channel: 0, text: "How did you sleep this week?", startMs: 200, endMs: 1_600 },
  { channel: 1, text: "I was worried and my sleep was awful.", startMs: 1_900, endMs: 3_600 },
  { channel: 0, text: "What helped?", startMs: 3_900, endMs: 4_600 },
  { channel: 1, text: "Walking helped, I feel better.", startMs: 4_900, endMs: 6_300 },
];

describe("live sessions", () => {
  let deps: TestDeps & LiveDeps;
  let team: CareTeam;
  let engine: ScriptedLiveSpeechToText;

  beforeEach(async () => {
    const setUp = await setUpPipeline();
    engine = createScriptedLiveSpeechToText();
    engine.script(dialogue);
    deps = { ...setUp.deps, liveSpeech: engine, agenda: createKeywordAgendaMatcher(), webmDecoder: null };
    team = setUp.team;
    deps.notes.script(quoteEverySegment);
  });

  /** `agenda` null: none given (the default agenda). */
  async function start(updates: LiveUpdate[], agenda: string[] | null = ["Sleep problems", "Work stress"]) {
    return startLiveRun(
      deps,
      team.therapist,
      { patientId: team.patient.userId, title: "Live", format: { encoding: "pcm", channels: 2 }, channelLayout: "per-channel", ...(agenda ? { agenda } : {}) },
      (update) => updates.push(update),
    );
  }

  /** Writes `ms` of audio from `fromMs` in 100 ms frames, the clock moving with it (real-time pace). */
  async function stream(run: LiveRun, fromMs: number, ms: number): Promise<Uint8Array> {
    const sent = stereoPcm(fromMs, ms);
    for (let offset = 0; offset < sent.length; offset += 100 * stereoBytesPerMs) {
      await run.write(sent.subarray(offset, offset + 100 * stereoBytesPerMs));
      deps.clock.advance(100);
    }
    return sent;
  }

  async function recording(sessionId: string): Promise<Uint8Array> {
    const session = await storedSession(deps, { id: sessionId });
    const read = await deps.blobs.get(session.audio.blobKey);
    return new Uint8Array(await new Response(read.body).arrayBuffer());
  }

  it("stores finals with channel roles as they come, scores patient segments, marks topics covered by their segment", async () => {
    const updates: LiveUpdate[] = [];
    const { run, session } = await start(updates);
    await stream(run, 0, 4_000);

    const finals = updates.filter((update) => update.type === "final");
    expect(finals.map((final) => [final.role, final.text])).toEqual([
      ["therapist", "How did you sleep this week?"],
      ["patient", "I was worried and my sleep was awful."],
    ]);
    const stored = await storedSession(deps, session);
    expect(stored.status).toBe("live");
    expect(stored.transcript?.segments.map((segment) => segment.text)).toEqual(["How did you sleep this week?", "I was worried and my sleep was awful."]);
    // Sentiment for the patient's segment only, after its final.
    const sentiment = updates.filter((update) => update.type === "sentiment");
    expect(sentiment).toEqual([expect.objectContaining({ segmentId: "seg-0002", label: "negative" })]);
    expect(updates.indexOf(sentiment[0] as LiveUpdate)).toBeGreaterThan(updates.indexOf(finals[1] as LiveUpdate));
    // "Sleep problems" is covered by the first segment that says "sleep"; "Work stress" stays open.
    expect(updates.filter((update) => update.type === "topic_covered")).toEqual([
      { type: "topic_covered", itemId: "topic-1", text: "Sleep problems", segmentId: "seg-0001", matchedTerms: ["sleep"] },
    ]);
    expect(stored.live?.agenda).toEqual([
      expect.objectContaining({ id: "topic-1", covered: expect.objectContaining({ segmentId: "seg-0001" }) }),
      expect.objectContaining({ id: "topic-2", covered: null }),
    ]);
  });

  it("records on the session what heard the turns end, as the engine's recognition says, and nothing for an engine that does not say", async () => {
    engine.script(dialogue, { turnEnds: "loudness" });
    const { run, session } = await start([]);
    expect(session.live?.turnEnds).toBe("loudness");
    expect((await storedSession(deps, session)).live?.turnEnds).toBe("loudness");
    await stream(run, 0, 2_000);
    // The run goes on on the session it recorded: its later writes do not conflict.
    expect((await storedSession(deps, session)).transcript?.segments).toHaveLength(1);
    engine.script(dialogue);
    const quiet = await start([]);
    expect((await storedSession(deps, quiet.session)).live?.turnEnds).toBeUndefined();
  });

  it("stores the audio in parts at most a second apart, so a crash loses at most the last second", async () => {
    const updates: LiveUpdate[] = [];
    const { run, session } = await start(updates);
    await stream(run, 0, 3_550);
    // The process dies here: no detach, no stop.
    const stored = await storedSession(deps, session);
    const receivedBytes = 3_550 * stereoBytesPerMs;
    expect(stored.live?.storedBytes).toBeGreaterThanOrEqual(receivedBytes - 1_000 * stereoBytesPerMs);
    expect(stored.live?.parts).toBeGreaterThanOrEqual(3);
    expect(deps.blobs.keys()).toContain(liveAudioPartKey(stored.audio.blobKey, 1));
    const acks = updates.filter((update) => update.type === "ack");
    expect(acks.at(-1)).toEqual({ type: "ack", storedBytes: stored.live?.storedBytes });
  });

  it("ends into the pipeline on stop: the recording is the WAV of the bytes sent, the live transcript kept, notes written", async () => {
    const updates: LiveUpdate[] = [];
    const { run, session } = await start(updates);
    const sent = await stream(run, 0, 6_500);
    const ended = await run.stop();
    expect(ended.status).toBe("queued");
    expect(engine.written()).toEqual([sent.length]);

    const wav = await recording(session.id);
    expect(wav.byteLength).toBe(44 + sent.length);
    expect(Buffer.from(wav.subarray(44)).equals(Buffer.from(sent))).toBe(true);
    // The parts are gone once joined.
    expect(deps.blobs.keys().filter((key) => key.includes("/live/"))).toEqual([]);

    await runUntilIdle(deps);
    const ready = await storedSession(deps, session);
    expect(ready.status).toBe("ready");
    expect(deps.speech.calls().submit).toBe(0);
    expect(ready.transcript?.segments.map((segment) => segment.text)).toEqual(dialogue.map((utterance) => utterance.text));
    expect(ready.transcript?.speakers).toEqual([
      { label: "ch0", channel: 0, role: "therapist" },
      { label: "ch1", channel: 1, role: "patient" },
    ]);
    expect(ready.sentiment?.segments.map((segment) => segment.segmentId)).toEqual(["seg-0002", "seg-0004"]);
    expect(ready.notes).toBeTruthy();
    expect(ready.audio.durationMs).toBe(6_500);
  });

  it("resumes after a dropped connection from the acknowledged byte: no gap, no repeat in the stored audio", async () => {
    const updates: LiveUpdate[] = [];
    const { run, session, resumeToken } = await start(updates);
    const first = await stream(run, 0, 2_430);
    await run.detach();
    const detached = await storedSession(deps, session);
    expect(detached.live?.detachedAt).not.toBeNull();
    const from = detached.live?.storedBytes ?? 0;
    expect(from).toBe(first.length);

    deps.clock.advance(20_000);
    engine.script([{ channel: 1, text: "I feel better now.", startMs: 500, endMs: 1_500 }]);
    const resumed = await resumeLiveRun(deps, team.therapist, { sessionId: session.id, resumeToken: resumeToken ?? "" }, (update) => updates.push(update));
    expect(resumed.run.storedBytes).toBe(from);
    const rest = await stream(resumed.run, from / stereoBytesPerMs, 4_070);
    await resumed.run.stop();

    const wav = await recording(session.id);
    expect(Buffer.from(wav.subarray(44)).equals(Buffer.concat([first, rest]))).toBe(true);
    // Finals of the second connection carry times on the session's clock.
    const last = updates.filter((update) => update.type === "final").at(-1);
    expect(last).toEqual(expect.objectContaining({ text: "I feel better now.", startMs: 2_430 + 500, endMs: 2_430 + 1_500 }));
  });

  it("refuses a resume by another therapist, with a wrong token, or past the window", async () => {
    const { run, session, resumeToken } = await start([]);
    await stream(run, 0, 500);
    await run.detach();
    const token = resumeToken ?? "";
    await expect(resumeLiveRun(deps, team.otherTherapist, { sessionId: session.id, resumeToken: token }, () => {})).rejects.toMatchObject({ code: "session.not_found" });
    await expect(resumeLiveRun(deps, team.therapist, { sessionId: session.id, resumeToken: "guess" }, () => {})).rejects.toMatchObject({ code: "live.resume_refused" });
    deps.clock.advance(deps.settings.live.resumeWindowMs + 1);
    await expect(resumeLiveRun(deps, team.therapist, { sessionId: session.id, resumeToken: token }, () => {})).rejects.toMatchObject({ code: "live.resume_refused" });
  });

  it("ends an abandoned session with the audio it received, and only past the resume window", async () => {
    const { run, session } = await start([]);
    const sent = await stream(run, 0, 1_500);
    await run.detach();
    deps.clock.advance(deps.settings.live.resumeWindowMs - 1_000);
    expect(await endAbandonedLiveSessions(deps)).toBe(0);
    deps.clock.advance(2_000);
    expect(await endAbandonedLiveSessions(deps)).toBe(1);
    const ended = await storedSession(deps, session);
    expect(ended.status).toBe("queued");
    expect(ended.live?.endedBy).toBe("abandoned");
    expect(Buffer.from((await recording(session.id)).subarray(44)).equals(Buffer.from(sent))).toBe(true);
  });

  it("ends a session whose process died (never detached) after the window plus the idle timeout", async () => {
    const { run, session } = await start([]);
    await stream(run, 0, 1_000);
    const { resumeWindowMs, idleTimeoutMs } = deps.settings.live;
    deps.clock.advance(resumeWindowMs + 1);
    expect(await endAbandonedLiveSessions(deps)).toBe(0);
    deps.clock.advance(idleTimeoutMs);
    expect(await endAbandonedLiveSessions(deps)).toBe(1);
    expect((await storedSession(deps, session)).status).toBe("queued");
  });

  it("erases a live session's audio parts with it", async () => {
    const { run, session } = await start([]);
    await stream(run, 0, 2_500);
    await run.detach();
    expect(deps.blobs.keys().filter((key) => key.includes("/live/")).length).toBeGreaterThanOrEqual(2);
    await deleteSession(deps, team.therapist, { sessionId: session.id });
    expect(deps.blobs.keys()).toEqual([]);
    expect(await deps.sessions.get(session.id)).toBeNull();
  });

  it("refuses a live session for a patient without recording and transcription consent, storing nothing", async () => {
    await deps.users.create(testUser("patient-2", "patient", deps.clock.now()));
    await deps.users.link({ therapistId: "therapist-1", patientId: "patient-2", createdAt: deps.clock.now() });
    await expect(
      startLiveRun(deps, team.therapist, { patientId: "patient-2", format: { encoding: "pcm", channels: 1 }, channelLayout: "mono" }, () => {}),
    ).rejects.toMatchObject({ code: "consent.missing" });
    expect((await deps.sessions.list({ therapistId: "therapist-1", limit: 10 })).items).toEqual([]);
    expect(engine.written()).toEqual([]);
  });

  it("asks for cloud_processing naming a live engine that sends the audio out, before anything is stored", async () => {
    deps = { ...deps, settings: { ...deps.settings, cloudProviders: ["scripted-live"] } };
    const refused = start([]);
    await expect(refused).rejects.toMatchObject({ code: "consent.missing", details: { missingScopes: [], missingCloudProviders: ["scripted-live"] } });
    expect((await deps.sessions.list({ therapistId: "therapist-1", limit: 10 })).items).toEqual([]);
    expect(engine.written()).toEqual([]);

    await grantConsent(deps, team.patient, { scopes: [{ scope: "cloud_processing", providers: ["scripted-live"] }], form: testConsentForm, method: "electronic" });
    const { session } = await start([]);
    expect(session.status).toBe("live");
  });

  it("refuses a start past the therapist's live sessions limit", async () => {
    deps = { ...deps, settings: { ...deps.settings, live: { ...deps.settings.live, maxSessions: 1 } } };
    await start([]);
    await expect(start([])).rejects.toMatchObject({ code: "live.too_many_sessions" });
  });

  it("takes the previous session's follow-up topics and unresolved concerns as the default agenda", async () => {
    deps.notes.script((input) => {
      const [first, second] = input.segments as unknown as [{ id: string; text: string }, { id: string; text: string }];
      const item = (segment: { id: string; text: string }) => ({ text: segment.text, evidence: [{ segmentId: segment.id, start: 0, end: segment.text.length }] });
      return { ...allNotAssessed("Only the lists the agenda reads."), followUpTopics: [item(first)], unresolvedConcerns: [item(second), item(first)], riskFlags: [] };
    });
    const uploaded = await uploadSample(deps, team);
    deps.speech.script({
      transcript: {
        language: "en-US",
        durationMs: 2_000,
        provider: "scripted",
        speakers: [{ label: "S1" }, { label: "S2" }],
        segments: [
          { speaker: "S1", startMs: 0, endMs: 900, text: "How is your sleep?" },
          { speaker: "S2", startMs: 1_000, endMs: 1_900, text: "My sleep is bad." },
        ],
      },
    });
    await runUntilIdle(deps);
    const previous = await storedSession(deps, uploaded);
    expect(previous.status).toBe("ready");
    const { session } = await start([], null);
    // In that order, a topic repeated in both lists once.
    expect(session.live?.agenda.map((item) => [item.source, item.text])).toEqual([
      ["follow_up", "How is your sleep?"],
      ["unresolved_concern", "My sleep is bad."],
    ]);
  });

  it("keeps recording when the engine fails, and the pipeline transcribes the recording instead", async () => {
    engine.script(dialogue, { failAfterMs: 2_000 });
    const updates: LiveUpdate[] = [];
    const { run, session } = await start(updates);
    const sent = await stream(run, 0, 3_000);
    expect(updates).toContainEqual(expect.objectContaining({ type: "warning", code: "provider.unavailable" }));
    const ended = await run.stop();
    expect(ended.transcript).toBeNull();
    expect((await recording(session.id)).byteLength).toBe(44 + sent.length);
    await runUntilIdle(deps);
    expect(deps.speech.calls().submit).toBe(1);
  });
});
