import { describe, expect, it } from "vitest";
import type { LiveUpdate } from "../../domain/live-session.ts";
import { createKeywordAgendaMatcher } from "../../testing/keyword-agenda-matcher.ts";
import { createScriptedLiveSpeechToText } from "../../testing/scripted-live-speech-to-text.ts";
import { withdrawConsent } from "../consent/withdraw-consent.ts";
import { runUntilIdle, setUpPipeline, storedSession } from "../pipeline/pipeline-fixture.test-support.ts";
import { startLiveRun } from "./attach-live-session.ts";
import type { LiveDeps } from "./live-deps.ts";

describe("consent during a live session", () => {
  it("a live session whose consent is withdrawn mid-stream is not processed once it ends: it fails with consent.withdrawn", async () => {
    const setUp = await setUpPipeline();
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
    await run.write(new Uint8Array(32_000));
    deps.clock.advance(1_000);
    await withdrawConsent(deps, setUp.team.patient, { scopes: [{ scope: "recording" }] });
    await run.write(new Uint8Array(32_000));
    deps.clock.advance(1_000);
    await run.stop();
    await runUntilIdle(deps);
    const ended = await storedSession(deps, session);
    expect(ended.status).toBe("failed");
    expect(ended.processing.lastError).toMatchObject({ code: "consent.withdrawn", retryable: true });
    expect(deps.speech.calls()).toEqual({ submit: 0, poll: 0 });
  });
});
