import { describe, expect, it } from "vitest";
import type { NotesDraft } from "../../domain/clinical-notes.ts";
import { noRiskLanguageFound } from "../../domain/risk-screen.ts";
import { ConfideError } from "../../errors.ts";
import { quoteEverySegment } from "../../testing/scripted-note-writer.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { sampleTranscriptDraft } from "../../testing/scripted-speech-to-text.ts";
import { withdrawConsent } from "../consent/withdraw-consent.ts";
import { relabelSpeakers } from "../sessions/relabel-speakers.ts";
import { setUpPipeline, storedSession, uploadSample } from "./pipeline-fixture.test-support.ts";

/** The patient's words in the scripted transcript (segment seg-0004, said by S2). */
const patientWords = "I am worried and sad about my job.";

/** The scripted writer's notes plus one risk flag of its own on the patient's words. */
function writerFlag(severity: "moderate" | "high") {
  return (input: Parameters<typeof quoteEverySegment>[0]): NotesDraft => ({
    ...quoteEverySegment(input),
    riskFlags: [{ type: "self_harm", severity, text: "The model's reading", quote: "worried and sad", speaker: "patient", evidence: [{ segmentId: "seg-0004", start: 0, end: patientWords.length }] }],
  });
}

describe("the risk screen in the pipeline", () => {
  it("screens every transcript: the screen's flag is stored, pages the therapist, and survives a writer that flags nothing", async () => {
    const { deps, team } = await setUpPipeline({}, ["phone"]);
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    deps.notes.script(quoteEverySegment); // flags nothing
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.status).toBe("ready");
    expect(deps.risk.inputs).toHaveLength(1);
    // The screen read the whole transcript with roles.
    expect(deps.risk.inputs[0]?.speakers).toEqual([
      { label: "S1", role: "therapist" },
      { label: "S2", role: "patient" },
    ]);
    expect(session.risk).toMatchObject({
      status: "screened",
      transcriptRevision: 1,
      screens: [{ provider: "scripted", version: "scripted-1" }],
      flags: [
        {
          id: expect.stringMatching(/^risk-[0-9a-f]{12}$/),
          category: "active_ideation",
          type: "self_harm",
          severity: "high",
          temporality: "current",
          speaker: "patient",
          sources: ["screen:scripted"],
          verification: { status: "grounded" },
          alert: true,
        },
      ],
    });
    expect(session.risk?.summary).toContain("1 needing attention now");
    expect(deps.push.sent()).toMatchObject([{ message: { title: "Session ready: risk flagged", priority: "high", data: { riskFlags: "1" } } }]);
  });

  it("merges a writer's own flag with the screen's on the same words: one flag, both sources, never replacing the screen's", async () => {
    const { deps, team } = await setUpPipeline();
    deps.risk.script((input) => [findingOn(input, "worried and sad", { category: "passive_death_wish" })]);
    deps.notes.script(writerFlag("high"));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const flags = (await storedSession(deps, uploaded)).risk?.flags ?? [];
    expect(flags).toHaveLength(1);
    // A passive wish is listed to review; a writer's flag joining it does not make it page.
    expect(flags[0]).toMatchObject({ category: "passive_death_wish", severity: "high", sources: ["screen:scripted", "notes:scripted"], rules: ["scripted", "notes:scripted"], tier: "review", alert: false });
  });

  it("keeps a writer's flag the screen did not raise, naming the writer", async () => {
    const { deps, team } = await setUpPipeline();
    deps.notes.script(writerFlag("moderate"));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.risk?.flags).toMatchObject([{ type: "self_harm", sources: ["notes:scripted"], severity: "moderate", alert: false }]);
    expect(deps.push.sent().every((sent) => sent.message.priority !== "high")).toBe(true);
  });

  it("says an empty screen found nothing — never 'None', never 'no risk'", async () => {
    const { deps, team } = await setUpPipeline();
    deps.speech.script({ transcript: { ...sampleTranscriptDraft, segments: sampleTranscriptDraft.segments.map((segment) => ({ ...segment, confidence: 0.9 })) } });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const risk = (await storedSession(deps, uploaded)).risk;
    expect(risk).toMatchObject({ status: "screened", flags: [], unscreened: [], wordCertainty: "known", summary: noRiskLanguageFound });
    expect(risk?.summary).not.toMatch(/^none/i);
    expect(risk?.summary).toContain("this is not a risk assessment");
  });

  it("finding nothing, names the passages whose words were too unsure to screen, and says so in the push", async () => {
    const { deps, team } = await setUpPipeline();
    const sure = (text: string) => text.split(" ").map((word, index) => ({ text: word, startMs: index * 100, endMs: index * 100 + 90, confidence: 0.9 }));
    const segments = sampleTranscriptDraft.segments.map((segment, index) => ({
      ...segment,
      // The patient's last turn: four of its nine words are unsure.
      words: index === 3 ? sure(segment.text).map((word, at) => ({ ...word, confidence: at < 4 ? 0.3 : 0.9 })) : sure(segment.text),
    }));
    deps.speech.script({ transcript: { ...sampleTranscriptDraft, segments } });
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const risk = (await storedSession(deps, uploaded)).risk;
    expect(risk?.unscreened).toEqual([{ segmentId: expect.any(String), startMs: 10_500, endMs: 15_000 }]);
    expect(risk?.summary).toBe(
      "1 passage could not be screened: the words are unsure (0:10). Listen to it. The automated screen found no risk language in the words as transcribed — this is not a risk assessment.",
    );
    expect(risk?.summary).not.toContain(noRiskLanguageFound);
    expect(deps.push.sent()[0]?.message.body).toContain("1 passage could not be screened: the words are unsure (0:10).");
  });

  it("finding nothing in words that carry no confidence, says their certainty is unknown rather than 'no risk'", async () => {
    const { deps, team } = await setUpPipeline();
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const risk = (await storedSession(deps, uploaded)).risk;
    expect(risk).toMatchObject({ flags: [], unscreened: [], wordCertainty: "unknown" });
    expect(risk?.summary).toMatch(/^How sure the transcript's words are is unknown/);
    expect(risk?.summary).not.toContain(noRiskLanguageFound);
  });

  it("says when it could not screen, with the reason", async () => {
    const { deps, team } = await setUpPipeline();
    deps.risk.script(() => ({ status: "not_screened", reason: "the screen reads English only", version: "v" }));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    expect((await storedSession(deps, uploaded)).risk).toMatchObject({ status: "not_screened", flags: [], summary: expect.stringContaining("did not run: the screen reads English only") });
  });

  it("on a recording with no roles, pages for an explicit statement, marked 'speaker not known'", async () => {
    const { deps, team } = await setUpPipeline({}, ["phone"]);
    deps.speech.script({ transcript: { ...sampleTranscriptDraft, speakers: [{ label: "S1" }], segments: sampleTranscriptDraft.segments.map((segment) => ({ ...segment, speaker: "S1" })) } });
    deps.risk.script((input) => [findingOn(input, "worried and sad", { basis: "statement" })]);
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.risk?.flags).toMatchObject([{ speaker: "unknown", speakerNote: expect.stringMatching(/^Speaker not known/), tier: "page", alert: true }]);
    expect(deps.push.sent()[0]?.message).toMatchObject({ priority: "high" });
  });

  it("on a recording with no roles, lists a yes as 'speaker unknown' and sends no high-priority push", async () => {
    const { deps, team } = await setUpPipeline({}, ["phone"]);
    // One speaker found on a mono recording: the role heuristic cannot tell who it is.
    deps.speech.script({ transcript: { ...sampleTranscriptDraft, speakers: [{ label: "S1" }], segments: sampleTranscriptDraft.segments.map((segment) => ({ ...segment, speaker: "S1" })) } });
    // A yes with no roles may be the therapist's own: it pages only once the patient is known to have said it.
    deps.risk.script((input) => [findingOn(input, "worried and sad", { basis: "answer_to_named_question" })]);
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.transcript?.speakers).toEqual([expect.objectContaining({ label: "S1", role: "unknown" })]);
    expect(session.risk?.flags).toMatchObject([{ speaker: "unknown", speakerNote: expect.stringContaining("may be the therapist's"), alert: false }]);
    expect(deps.push.sent()).toMatchObject([{ message: { title: "Session ready for review" } }]);
    expect(deps.push.sent()[0]?.message.priority).toBeUndefined();

    // Once the therapist says who is speaking, the flag is the patient's, and the therapist is paged.
    const relabelled = await relabelSpeakers(deps, team.therapist, { sessionId: session.id, expectedVersion: session.version, speakers: [{ label: "S1", role: "patient" }] });
    expect(relabelled.risk?.flags).toMatchObject([{ speaker: "patient", alert: true }]);
    expect(deps.push.sent()).toHaveLength(2);
    expect(deps.push.sent()[1]?.message).toMatchObject({ title: "Session changed: risk flagged", priority: "high" });
  });

  it("drops what the screen found in the therapist's own words (their screening questions)", async () => {
    const { deps, team } = await setUpPipeline();
    deps.risk.script((input) => [findingOn(input, "How have you been sleeping"), findingOn(input, "worried and sad")]);
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const flags = (await storedSession(deps, uploaded)).risk?.flags ?? [];
    expect(flags.map((flag) => flag.evidence[0]?.segmentId)).toEqual(["seg-0004"]);
  });

  it("screens even when the patient's consent does not cover AI notes (a safety check, not a note)", async () => {
    const { deps, team } = await setUpPipeline();
    await withdrawConsent(deps, team.therapist, { patientId: team.patient.userId, scopes: [{ scope: "ai_notes" }] });
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(deps.notes.inputs).toHaveLength(0);
    expect(session.risk?.flags).toHaveLength(1);
  });

  it("keeps the screen's result when the writer then fails for good", async () => {
    const { deps, team } = await setUpPipeline({}, ["phone"]);
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    deps.notes.script(new ConfideError("provider.bad_response", "Unreadable answer."));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();

    const session = await storedSession(deps, uploaded);
    expect(session.status).toBe("failed");
    expect(session.risk?.flags).toHaveLength(1);
    expect(deps.push.sent()).toMatchObject([{ message: { title: "Session failed: risk flagged", priority: "high" } }]);
  });

  it("retries a screen that is throttled, like any provider", async () => {
    const { deps, team } = await setUpPipeline();
    deps.risk.script(new ConfideError("provider.throttled", "Slow down.", { retryable: true, retryAfterMs: 1_000 }));
    const uploaded = await uploadSample(deps, team);
    await deps.queue.runDue();
    expect(await storedSession(deps, uploaded)).toMatchObject({ status: "writing_notes", processing: { lastError: { code: "provider.throttled" } } });
    expect(deps.notes.inputs).toHaveLength(0);

    deps.risk.script(() => []);
    deps.clock.advance(60_000);
    await deps.queue.runDue();
    expect(await storedSession(deps, uploaded)).toMatchObject({ status: "ready", risk: { status: "screened" } });
  });
});
