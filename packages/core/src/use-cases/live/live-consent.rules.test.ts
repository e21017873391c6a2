import { describe, expect, it } from "vitest";
import type { LiveUpdate } from "../../domain/live-session.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { createScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import { ConfideError } from "../../errors.ts";
import { recordTestConsent } from "../../testing/test-consent.ts";
import { withdrawConsent } from "../consent/withdraw-consent.ts";
import { runUntilIdle, setUpPipeline, storedSession } from "../pipeline/pipeline-fixture.test-support.ts";
import { startLiveRun } from "./attach-live-session.ts";
import type { LiveDeps } from "./live-deps.ts";

async function startWithConsent(overrides: Parameters<typeof setUpPipeline>[0] = {}) {
  const setUp = await setUpPipeline(overrides);
  const engine = createScriptedLiveSpeechToText();
  engine.script([{ channel: 1, text: "I want to stop.", startMs: 100, endMs: 900 }]);
  const deps: typeof setUp.deps & LiveDeps = { ...setUp.deps, liveSpeech: engine, agenda: createKeywordAgendaMatcher(), webmDecoder: null };
  const updates: LiveUpdate[] = [];
  const { run, session } = await startLiveRun(
    deps,
    setUp.team.therapist,
    { patientId: setUp.team.patient.userId, format: { encoding: "pcm", channels: 1 }, channelLayout: "mono", agenda: [] },
    (update) => updates.push(update),
  );
  return { ...setUp, deps, run, session, updates };
}

/** One second of 16 kHz mono PCM, every byte `value` (to tell whose audio was stored). */
const second = (value: number) => new Uint8Array(32_000).fill(value);

describe("consent during a live session", () => {
  it("a withdrawal mid-stream stops storing audio at once: the next write is refused with consent.withdrawn, and only what came before is kept", async () => {
    const { deps, team, run, session } = await startWithConsent();
    await run.write(second(1));
    deps.clock.advance(1_000);
    await run.flushIfDue();
    const before = await storedSession(deps, session);
    expect(before.live?.storedBytes).toBe(32_000);

    const withdrawal = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "recording" }] });
    expect(withdrawal.stoppedSessionIds).toEqual([session.id]);
    const ended = await storedSession(deps, session);
    expect(ended.live?.endedBy).toBe("consent_withdrawn");
    expect(ended.status).toBe("failed");
    expect(ended.processing.lastError).toMatchObject({ code: "consent.withdrawn", retryable: true });

    // The connection still sends: the run finds the session ended, keeps nothing of it, and closes.
    deps.clock.advance(1_000);
    await run.write(second(2));
    await expect(run.write(second(3))).rejects.toMatchObject({ code: "consent.withdrawn" });
    await expect(run.stop()).rejects.toMatchObject({ code: "consent.withdrawn" });

    // The recording is the audio of before the withdrawal only; no part is left behind.
    const recording = new Uint8Array(await new Response((await deps.blobs.get(ended.audio.blobKey)).body).arrayBuffer());
    expect(recording.byteLength).toBe(44 + 32_000);
    expect(recording.subarray(44).every((byte) => byte === 1)).toBe(true);
    const folder = ended.audio.blobKey.slice(0, ended.audio.blobKey.lastIndexOf("/"));
    expect(deps.blobs.keys().filter((key) => key.startsWith(`${folder}/`))).toEqual([ended.audio.blobKey]);
    await runUntilIdle(deps);
    expect((await storedSession(deps, session)).status).toBe("failed");
    expect(deps.speech.calls()).toEqual({ submit: 0, poll: 0 });
  });

  it("a withdrawal of a scope live sessions do not need leaves the recording running", async () => {
    const { deps, team, run, session } = await startWithConsent();
    await run.write(second(1));
    const withdrawal = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "ai_notes" }] });
    expect(withdrawal.stoppedSessionIds).toEqual([]);
    expect((await storedSession(deps, session)).status).toBe("live");
    deps.clock.advance(1_000);
    await run.write(second(2));
    expect((await storedSession(deps, session)).live?.storedBytes).toBe(64_000);
    await run.stop();
  });

  it("a withdrawal of cloud processing by the live engine's provider stops the live session", async () => {
    const { deps, team, run, session } = await startWithConsent({ settings: { cloudProviders: ["scripted-live"] } });
    await run.write(second(1));
    const withdrawal = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "cloud_processing", providers: ["scripted-live"] }] });
    expect(withdrawal.stoppedSessionIds).toEqual([session.id]);
    expect((await storedSession(deps, session)).live?.endedBy).toBe("consent_withdrawn");
  });

  it("stops only the withdrawing patient's live sessions", async () => {
    const { deps, team, run, session } = await startWithConsent();
    const now = deps.clock.now();
    await deps.users.create({ ...(await deps.users.get("patient-1"))!, id: "patient-2", email: "patient-2@example.test", createdAt: now });
    await deps.users.link({ therapistId: "therapist-1", patientId: "patient-2", createdAt: now });
    await recordTestConsent(deps, "patient-2");
    const other = await startLiveRun(
      deps,
      team.therapist,
      { patientId: "patient-2", format: { encoding: "pcm", channels: 1 }, channelLayout: "mono", agenda: [] },
      () => undefined,
    );
    await run.write(second(1));
    await other.run.write(second(1));
    const withdrawal = await withdrawConsent(deps, { userId: "patient-2", role: "patient" }, { scopes: [{ scope: "recording" }] });
    expect(withdrawal.stoppedSessionIds).toEqual([other.session.id]);
    expect((await storedSession(deps, session)).status).toBe("live");
    expect((await storedSession(deps, other.session)).live?.endedBy).toBe("consent_withdrawn");
  });

  it("ends the session even while its live run keeps writing (version conflicts tried again), and gives up after five", async () => {
    const { deps, team, session } = await startWithConsent();
    const update = deps.sessions.update.bind(deps.sessions);
    let conflicts = 4;
    deps.sessions.update = async (next, expectedVersion) => {
      if (next.live?.endedBy === "consent_withdrawn" && conflicts > 0) {
        conflicts -= 1;
        throw new ConfideError("session.version_conflict", "Another writer got there first.");
      }
      return update(next, expectedVersion);
    };
    const withdrawal = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "recording" }] });
    expect(conflicts).toBe(0);
    expect(withdrawal.stoppedSessionIds).toEqual([session.id]);

    const again = await startWithConsent();
    again.deps.sessions.update = async (next, expectedVersion) => {
      if (next.live?.endedBy === "consent_withdrawn") throw new ConfideError("session.version_conflict", "Another writer got there first.");
      return update.call(again.deps.sessions, next, expectedVersion);
    };
    await expect(withdrawConsent(again.deps, again.team.patient, { scopes: [{ scope: "recording" }] })).rejects.toMatchObject({ code: "session.version_conflict" });
  });

  it("passes over a live session deleted while the withdrawal runs", async () => {
    const { deps, team, session } = await startWithConsent();
    const get = deps.sessions.get.bind(deps.sessions);
    deps.sessions.get = async (id) => (id === session.id ? null : get(id));
    const withdrawal = await withdrawConsent(deps, team.patient, { scopes: [{ scope: "recording" }] });
    expect(withdrawal.stoppedSessionIds).toEqual([]);
  });
});
