import { describe, expect, it } from "vitest";
import { notAssessed, type NotesDraft } from "../../domain/clinical-notes.ts";
import { riskFlagsOf } from "../../domain/note-evidence.ts";
import { ConfideError } from "../../errors.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { setUpPipeline, storedSession, uploadSample } from "./pipeline-fixture.test-support.ts";

/** The scripted writer's notes plus a self-harm flag on the patient's second segment. */
function withRiskFlag(quote: string) {
  return (input: Parameters<typeof quoteEverySegment>[0]): NotesDraft => ({
    ...quoteEverySegment(input),
    riskFlags: [
      { type: "self_harm", severity: "high", text: "Possible self-harm", quote, speaker: "patient", evidence: [{ segmentId: "seg-0004", start: 0, end: 10 }] },
    ],
  });
}

describe("the writing_notes step", () => {
  it("writes notes after analysis, verified against the transcript, then makes the session ready", async () => {
    const { deps, team } = await setUpPipeline();
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(deps.notes.inputs).toHaveLength(1);
    // The writer read the transcript with roles and the patient's sentiment.
    expect(deps.notes.inputs[0]).toMatchObject({
      language: "en-US",
      speakers: [
        { label: "S1", role: "therapist" },
        { label: "S2", role: "patient" },
      ],
      sentiment: [{ segmentId: "seg-0002" }, { segmentId: "seg-0004" }],
    });
    expect(session.notes).toMatchObject({
      significantQuotes: [
        { quote: "I feel much better and happy, thank you.", speaker: "patient", verification: { status: "grounded" } },
        { quote: "I am worried and sad about my job.", speaker: "patient", verification: { status: "grounded" } },
      ],
      riskFlags: [],
      quality: { grounded: 2, unverified: 0, notAssessed: 12 },
      provenance: { provider: "scripted", model: "scripted", promptVersion: "1", writtenAt: deps.clock.now() },
      transcriptRevision: 1,
      stale: false,
      review: null,
    });
    expect(deps.push.sent()[0]?.message).toMatchObject({ title: "Session ready for review" });
    expect(deps.push.sent()[0]?.message.priority).toBeUndefined();
  });

  it("keeps an item whose quote was never said, marked unverified; a writer's risk flag alone is listed to review, never paged", async () => {
    const { deps, team } = await setUpPipeline();
    deps.notes.script(withRiskFlag("I want to end it all"));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.status).toBe("ready");
    const flags = riskFlagsOf(session.notes!);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.verification).toEqual({ status: "unverified", reason: "The quoted words do not appear in the cited segments." });
    expect(session.notes?.quality.unverified).toBe(1);
    // The writer's flag joins the screen's result, naming the writer, still marked unverified.
    expect(session.risk?.flags).toMatchObject([{ sources: ["notes:scripted"], verification: { status: "unverified" }, tier: "review", alert: false }]);
    const pushes = deps.push.sent();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.message).toEqual({
      title: "Session ready for review",
      body: "A recorded session has been transcribed and analysed.",
      data: { sessionId: session.id, status: "ready" },
    });
    // No clinical content in the push.
    expect(JSON.stringify(pushes[0]?.message)).not.toContain("end it all");
  });

  it("retries a throttled writer with backoff, staying in writing_notes", async () => {
    const { deps, team } = await setUpPipeline();
    deps.notes.script(new ConfideError("provider.throttled", "Slow down.", { retryable: true, retryAfterMs: 5_000 }));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    expect(await storedSession(deps, uploaded)).toMatchObject({
      status: "writing_notes",
      processing: { attempts: 1, lastError: { code: "provider.throttled", retryable: true } },
    });
    deps.notes.script(quoteEverySegment);
    deps.clock.advance(60_000);
    await deps.queue.runDue();
    expect(await storedSession(deps, uploaded)).toMatchObject({ status: "ready", processing: { lastError: null } });
  });

  it("fails the session when the writer's answer cannot be used", async () => {
    const { deps, team } = await setUpPipeline();
    deps.notes.script(new ConfideError("provider.bad_response", "Not JSON."));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session).toMatchObject({ status: "failed", processing: { lastError: { code: "provider.bad_response", retryable: false } } });
    expect(session.sentiment).not.toBeNull();
    expect(deps.push.sent()[0]?.message.title).toBe("Session processing failed");
  });

  it("stores the reason of every field the writer did not assess", async () => {
    const { deps, team } = await setUpPipeline();
    deps.notes.script((input) => ({ ...quoteEverySegment(input), riskFlags: notAssessed("Risk is not assessed by this writer.") }));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    expect((await storedSession(deps, uploaded)).notes?.riskFlags).toEqual({ status: "not_assessed", reason: "Risk is not assessed by this writer." });
  });
});
