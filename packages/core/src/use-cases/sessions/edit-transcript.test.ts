import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import type { LanguageAnalyzer } from "../../ports/language-analyzer.ts";
import { createKeywordLanguageAnalyzer } from "../../testing/keyword-language-analyzer.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { editTranscript } from "./edit-transcript.ts";
import { admin, otherTherapist, patient, sampleTranscript, storeSession, therapist } from "./session-fixture.test-support.ts";

describe("editTranscript", () => {
  it("changes the text, records the edit, bumps the revision and re-measures that segment's sentiment", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    expect(stored.sentiment?.segments.find((s) => s.segmentId === "seg-2")?.label).toBe("positive");
    deps.clock.advance(60_000);

    const edited = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: stored.version,
      edits: [{ segmentId: "seg-2", text: "  I feel awful and sad.  " }],
    });

    expect(edited.version).toBe(stored.version + 1);
    expect(edited.status).toBe("ready");
    expect(edited.updatedAt).toEqual(deps.clock.now());
    expect(edited.transcript?.revision).toBe(2);
    const segment = edited.transcript?.segments.find((s) => s.id === "seg-2");
    expect(segment?.text).toBe("I feel awful and sad.");
    // Word timings and confidence described the old text.
    expect(segment).not.toHaveProperty("words");
    expect(segment).not.toHaveProperty("confidence");
    expect(edited.review.edits).toEqual([
      {
        at: deps.clock.now(),
        by: therapist.userId,
        kind: "segment",
        target: "seg-2",
        before: "I feel much better and happy, thank you.",
        after: "I feel awful and sad.",
      },
    ]);
    expect(edited.sentiment?.segments.find((s) => s.segmentId === "seg-2")?.label).toBe("negative");
    expect(edited.sentiment?.segments.find((s) => s.segmentId === "seg-4")).toEqual(
      stored.sentiment?.segments.find((s) => s.segmentId === "seg-4"),
    );
    expect(edited.sentiment?.speakers).toEqual([expect.objectContaining({ speaker: "S2", segmentCount: 2, label: "negative" })]);
    expect(edited.sentiment?.transcriptRevision).toBe(2);
    // seg-2 starts in the first minute, seg-4 in the second.
    expect(edited.sentiment?.timeline.map((p) => [p.startMs, p.label])).toEqual([
      [0, "negative"],
      [60_000, "negative"],
    ]);

    expect(await deps.sessions.get(stored.id)).toEqual(edited);
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({
        action: "session.transcript.edit",
        actorId: therapist.userId,
        sessionId: stored.id,
        subjectUserId: patient.userId,
        detail: { segments: 1, revision: 2 },
      }),
    ]);
  });

  it("keeps the sentiment results when only the therapist's words change", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    const edited = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      edits: [{ segmentId: "seg-1", text: "How did you sleep this week?" }],
    });

    expect(edited.transcript?.segments[0]?.text).toBe("How did you sleep this week?");
    expect(edited.sentiment?.segments).toEqual(stored.sentiment?.segments);
    expect(edited.sentiment?.transcriptRevision).toBe(2);
  });

  it("keeps measuring every non-therapist speaker after a text edit when the pipeline found no patient", async () => {
    const deps = createTestDeps();
    const transcript = sampleTranscript();
    const stored = await storeSession(deps, {
      transcript: { ...transcript, speakers: [{ label: "S1", role: "therapist" }, { label: "S2", role: "unknown" }] },
    });
    expect(stored.sentiment?.segments.map((s) => s.segmentId)).toEqual(["seg-2", "seg-4"]);

    const edited = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      edits: [{ segmentId: "seg-2", text: "I feel awful and sad." }],
    });

    expect(edited.sentiment?.segments.map((s) => [s.segmentId, s.label])).toEqual([
      ["seg-2", "negative"],
      ["seg-4", "negative"],
    ]);
    expect((await deps.sessions.get(stored.id))?.sentiment?.speakers).toEqual([
      expect.objectContaining({ speaker: "S2", segmentCount: 2 }),
    ]);
  });

  it("answers session.version_conflict for a stale version and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    await editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits: [{ segmentId: "seg-1", text: "Hello." }] });

    await expect(
      editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits: [{ segmentId: "seg-3", text: "Hi." }] }),
    ).rejects.toMatchObject({ code: "session.version_conflict", details: { currentVersion: 2 } });
    const current = await deps.sessions.get(stored.id);
    expect(current?.version).toBe(2);
    expect(current?.transcript?.segments[2]?.text).toBe("Are you worried about work?");
  });

  it("answers session.version_required without a version", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    await expect(
      editTranscript(deps, therapist, { sessionId: stored.id, edits: [{ segmentId: "seg-1", text: "Hello." }] }),
    ).rejects.toMatchObject({ code: "session.version_required" });
  });

  it("answers session.version_conflict when another write lands while sentiment is measured", async () => {
    const keywords = createKeywordLanguageAnalyzer();
    let interleave: (() => Promise<void>) | undefined;
    const language: LanguageAnalyzer = {
      ...keywords,
      async sentiment(texts, options) {
        await interleave?.();
        return keywords.sentiment(texts, options);
      },
    };
    const deps = createTestDeps({ language });
    const stored = await storeSession(deps);
    interleave = async () => {
      interleave = undefined;
      const current = await deps.sessions.get(stored.id);
      if (current) await deps.sessions.update({ ...current, title: "Renamed" }, current.version);
    };

    await expect(
      editTranscript(deps, therapist, {
        sessionId: stored.id,
        expectedVersion: 1,
        edits: [{ segmentId: "seg-2", text: "I am sad." }],
      }),
    ).rejects.toMatchObject({ code: "session.version_conflict" });
    const current = await deps.sessions.get(stored.id);
    expect(current?.title).toBe("Renamed");
    expect(current?.transcript?.segments[1]?.text).toBe("I feel much better and happy, thank you.");
    expect(deps.audit.events()).toEqual([]);
  });

  it("answers session.invalid_state once the session is finalized, or before it is ready", async () => {
    const deps = createTestDeps();
    const finalized = await storeSession(deps, { status: "finalized" });
    const transcribing = await storeSession(deps, { status: "transcribing" });

    await expect(
      editTranscript(deps, therapist, { sessionId: finalized.id, expectedVersion: 1, edits: [{ segmentId: "seg-1", text: "Hi." }] }),
    ).rejects.toMatchObject({ code: "session.invalid_state", details: { status: "finalized" } });
    await expect(
      editTranscript(deps, therapist, { sessionId: transcribing.id, expectedVersion: 1, edits: [{ segmentId: "seg-1", text: "Hi." }] }),
    ).rejects.toMatchObject({ code: "session.invalid_state" });
  });

  it("answers session.segment_not_found for an unknown segment, and changes nothing", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    await expect(
      editTranscript(deps, therapist, {
        sessionId: stored.id,
        expectedVersion: 1,
        edits: [
          { segmentId: "seg-1", text: "Hello." },
          { segmentId: "seg-99", text: "Hello." },
        ],
      }),
    ).rejects.toMatchObject({ code: "session.segment_not_found", details: { segmentId: "seg-99" } });
    expect(await deps.sessions.get(stored.id)).toEqual(stored);
  });

  it("rejects no edits, empty text, text over 10,000 characters and a segment edited twice", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const attempt = (edits: Array<{ segmentId: string; text: string }>) =>
      editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits });

    await expect(attempt([])).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(attempt([{ segmentId: "seg-1", text: "   " }])).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(attempt([{ segmentId: "seg-1", text: "a".repeat(10_001) }])).rejects.toMatchObject({
      code: "validation.invalid_input",
      details: { maxLength: 10_000 },
    });
    await expect(
      attempt([
        { segmentId: "seg-1", text: "One." },
        { segmentId: "seg-1", text: "Two." },
      ]),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });
    const longest = await attempt([{ segmentId: "seg-1", text: "a".repeat(10_000) }]);
    expect(longest.transcript?.segments[0]?.text).toHaveLength(10_000);
  });

  it("edits at most 1,000 segments at once: 1,000 are stored, 1,001 are refused and nothing is written", async () => {
    const deps = createTestDeps();
    const base = sampleTranscript();
    const segments = Array.from({ length: 1_001 }, (_, index) => ({
      id: `seg-${index + 1}`,
      speaker: index % 2 === 0 ? "S1" : "S2",
      startMs: index * 1_000,
      endMs: index * 1_000 + 900,
      text: `Sentence ${index + 1}.`,
    }));
    const stored = await storeSession(deps, { transcript: { ...base, durationMs: 1_001_000, segments } });
    const editsFor = (count: number) => segments.slice(0, count).map((segment) => ({ segmentId: segment.id, text: `Corrected ${segment.id}.` }));

    await expect(
      editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits: editsFor(1_001) }),
    ).rejects.toMatchObject({ code: "validation.invalid_input", details: { field: "edits" } });
    expect((await deps.sessions.get(stored.id))?.version).toBe(1);

    const edited = await editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits: editsFor(1_000) });
    expect(edited.review.edits).toHaveLength(1_000);
    expect(edited.transcript?.segments[999]?.text).toBe("Corrected seg-1000.");
    expect(edited.transcript?.segments[1_000]?.text).toBe("Sentence 1001.");
  });

  it("writes nothing when the text is already what was sent", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    const result = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      edits: [{ segmentId: "seg-1", text: "How have you been sleeping this week?" }],
    });

    expect(result).toEqual(stored);
    expect((await deps.sessions.get(stored.id))?.version).toBe(1);
  });

  it("lets only the owning therapist edit", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const finalized = await storeSession(deps, { status: "finalized" });
    const input = { expectedVersion: 1, edits: [{ segmentId: "seg-1", text: "Hi." }] };

    await expect(editTranscript(deps, otherTherapist, { sessionId: stored.id, ...input })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(editTranscript(deps, patient, { sessionId: finalized.id, ...input })).rejects.toMatchObject({
      code: "session.not_found",
    });
    await expect(editTranscript(deps, admin, { sessionId: stored.id, ...input })).rejects.toMatchObject({
      code: "auth.forbidden",
    });
  });
});

describe("editTranscript input", () => {
  it("names the edit at fault and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const attempt = (edits: Array<{ segmentId: string; text: string }>) =>
      editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits });

    await expect(attempt([])).rejects.toMatchObject({ message: "Send at least one segment edit.", details: { field: "edits" } });
    await expect(attempt("seg-1" as unknown as [])).rejects.toMatchObject({ details: { field: "edits" } });
    await expect(
      attempt([
        { segmentId: "seg-1", text: "Fine." },
        { segmentId: "", text: "Fine." },
      ]),
    ).rejects.toMatchObject({ message: "segmentId is required.", details: { field: "edits.1.segmentId" } });
    await expect(attempt([{ segmentId: 3 as unknown as string, text: "Fine." }])).rejects.toMatchObject({
      details: { field: "edits.0.segmentId" },
    });
    await expect(
      attempt([
        { segmentId: "seg-1", text: "One." },
        { segmentId: "seg-3", text: "Two." },
        { segmentId: "seg-1", text: "Three." },
      ]),
    ).rejects.toMatchObject({ message: "A segment is edited twice.", details: { field: "edits.2.segmentId", segmentId: "seg-1" } });
    await expect(
      attempt([
        { segmentId: "seg-1", text: "One." },
        { segmentId: "seg-3", text: " \n " },
      ]),
    ).rejects.toMatchObject({ message: "The segment text is empty.", details: { field: "edits.1.text" } });
    await expect(attempt([{ segmentId: "seg-1", text: null as unknown as string }])).rejects.toMatchObject({
      details: { field: "edits.0.text" },
    });
    await expect(
      attempt([
        { segmentId: "seg-1", text: "One." },
        { segmentId: "seg-3", text: "a".repeat(10_001) },
      ]),
    ).rejects.toMatchObject({
      message: "The segment text is longer than 10000 characters.",
      details: { field: "edits.1.text", maxLength: 10_000 },
    });
    await expect(attempt([{ segmentId: "seg-99", text: "Hi." }])).rejects.toMatchObject({
      message: "The transcript has no such segment.",
      details: { segmentId: "seg-99" },
    });
    expect(await deps.sessions.get(stored.id)).toEqual(stored);
    expect(deps.audit.events()).toEqual([]);
  });

  it("says how many segments one edit may change", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const edits = Array.from({ length: 1_001 }, (_, index) => ({ segmentId: `seg-${index}`, text: "x" }));
    await expect(editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits })).rejects.toMatchObject({
      message: "At most 1000 segments can be edited at once.",
    });
  });
});

describe("editTranscript sentiment", () => {
  const unavailable: LanguageAnalyzer = {
    ...createKeywordLanguageAnalyzer(),
    async sentiment() {
      throw new ConfideError("provider.unavailable", "The analyzer is down.", { retryable: true });
    },
  };

  it("corrects the therapist's words while the analyzer is down, since nothing needs measuring", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const edited = await editTranscript({ ...deps, language: unavailable }, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      edits: [{ segmentId: "seg-3", text: "Does work worry you?" }],
    });
    expect(edited.transcript?.segments[2]?.text).toBe("Does work worry you?");
  });

  it("keeps the results of untouched patient segments and the timeline's window width", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const previous = stored.sentiment;
    if (!previous) throw new Error("The fixture has sentiment.");
    // Measured earlier as mixed (another model, say), and with one-minute windows.
    const mixed = { label: "mixed" as const, scores: { positive: 0.1, neutral: 0.1, negative: 0.1, mixed: 0.7 } };
    const earlier = await deps.sessions.update(
      {
        ...stored,
        sentiment: {
          ...previous,
          windowMs: 60_000,
          segments: previous.segments.map((segment) => (segment.segmentId === "seg-4" ? { segmentId: "seg-4", ...mixed } : segment)),
        },
      },
      1,
    );
    const narrower = { ...deps, settings: { ...deps.settings, sentimentWindowMs: 10_000 } };

    const edited = await editTranscript(narrower, therapist, {
      sessionId: stored.id,
      expectedVersion: earlier.version,
      edits: [{ segmentId: "seg-2", text: "I am sad." }],
    });

    expect(edited.sentiment?.segments).toEqual([
      expect.objectContaining({ segmentId: "seg-2", label: "negative" }),
      { segmentId: "seg-4", ...mixed },
    ]);
    expect(edited.sentiment?.windowMs).toBe(60_000);
    expect(edited.sentiment?.timeline.map((point) => point.startMs)).toEqual([0, 60_000]);
  });

  it("measures every patient segment of a session that has no sentiment yet", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { sentiment: null });
    const edited = await editTranscript(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      edits: [{ segmentId: "seg-1", text: "How did you sleep?" }],
    });
    expect(edited.sentiment?.segments.map((segment) => [segment.segmentId, segment.label])).toEqual([
      ["seg-2", "positive"],
      ["seg-4", "negative"],
    ]);
    expect(edited.sentiment?.language).toBe("en-US");
  });

  it("refuses the edit, writing nothing, when the analyzer answers the wrong number of results", async () => {
    const keywords = createKeywordLanguageAnalyzer();
    const short: LanguageAnalyzer = { ...keywords, sentiment: async () => [] };
    const deps = createTestDeps({ language: short });
    const stored = await storeSession(deps, { sentiment: null });

    await expect(
      editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits: [{ segmentId: "seg-2", text: "I am sad." }] }),
    ).rejects.toMatchObject({ code: "provider.bad_response", details: { sent: 2, received: 0 } });
    expect(await deps.sessions.get(stored.id)).toEqual(stored);
  });

  it("refuses to review a ready session that has no transcript", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps, { status: "ready", transcript: null, sentiment: null });
    await expect(
      editTranscript(deps, therapist, { sessionId: stored.id, expectedVersion: 1, edits: [{ segmentId: "seg-1", text: "Hi." }] }),
    ).rejects.toMatchObject({ code: "session.invalid_state", message: "The session has no transcript to review.", details: { status: "ready" } });
  });
});
