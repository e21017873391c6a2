import { describe, expect, it } from "vitest";
import { createTestDeps } from "../../testing/test-deps.ts";
import { relabelSpeakers } from "./relabel-speakers.ts";
import { admin, otherTherapist, patient, storeSession, therapist } from "./session-fixture.test-support.ts";

describe("relabelSpeakers", () => {
  it("swaps roles, records the changes and measures sentiment over the other speaker's segments", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    expect(stored.sentiment?.segments.map((s) => s.segmentId)).toEqual(["seg-2", "seg-4"]);

    const relabelled = await relabelSpeakers(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: stored.version,
      speakers: [
        { label: "S1", role: "patient" },
        { label: "S2", role: "therapist" },
      ],
    });

    expect(relabelled.version).toBe(2);
    expect(relabelled.transcript?.revision).toBe(2);
    // The therapist decided the roles now, not a rule.
    expect(relabelled.transcript?.roleAssignment).toEqual({ method: "review", confidence: null });
    expect(relabelled.transcript?.speakers).toEqual([
      { label: "S1", role: "patient" },
      { label: "S2", role: "therapist" },
    ]);
    expect(relabelled.review.edits).toEqual([
      { at: deps.clock.now(), by: therapist.userId, kind: "speaker", target: "S1", before: "therapist", after: "patient" },
      { at: deps.clock.now(), by: therapist.userId, kind: "speaker", target: "S2", before: "patient", after: "therapist" },
    ]);
    // "Are you worried about work?" is now the patient's, and negative.
    expect(relabelled.sentiment?.segments.map((s) => [s.segmentId, s.label])).toEqual([
      ["seg-1", "neutral"],
      ["seg-3", "negative"],
    ]);
    expect(relabelled.sentiment?.speakers).toEqual([expect.objectContaining({ speaker: "S1", segmentCount: 2 })]);
    expect(relabelled.sentiment?.transcriptRevision).toBe(2);
    expect(await deps.sessions.get(stored.id)).toEqual(relabelled);
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({
        action: "session.speakers.relabel",
        actorId: therapist.userId,
        sessionId: stored.id,
        detail: { speakers: 2, revision: 2 },
      }),
    ]);
  });

  it("leaves no sentiment results when no speaker is a patient any more", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    const relabelled = await relabelSpeakers(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      speakers: [{ label: "S2", role: "unknown" }],
    });

    expect(relabelled.sentiment?.segments).toEqual([]);
    expect(relabelled.sentiment?.speakers).toEqual([]);
    expect(relabelled.sentiment?.timeline).toEqual([]);
  });

  it("answers session.speaker_not_found for an unknown label", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    await expect(
      relabelSpeakers(deps, therapist, { sessionId: stored.id, expectedVersion: 1, speakers: [{ label: "S9", role: "patient" }] }),
    ).rejects.toMatchObject({ code: "session.speaker_not_found", details: { label: "S9" } });
    expect(await deps.sessions.get(stored.id)).toEqual(stored);
  });

  it("checks the version, the state and the input", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const finalized = await storeSession(deps, { status: "finalized" });
    const speakers = [{ label: "S1", role: "patient" as const }];

    await expect(relabelSpeakers(deps, therapist, { sessionId: stored.id, speakers })).rejects.toMatchObject({
      code: "session.version_required",
    });
    await expect(relabelSpeakers(deps, therapist, { sessionId: stored.id, expectedVersion: 7, speakers })).rejects.toMatchObject({
      code: "session.version_conflict",
    });
    await expect(relabelSpeakers(deps, therapist, { sessionId: finalized.id, expectedVersion: 1, speakers })).rejects.toMatchObject({
      code: "session.invalid_state",
    });
    await expect(relabelSpeakers(deps, therapist, { sessionId: stored.id, expectedVersion: 1, speakers: [] })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(
      relabelSpeakers(deps, therapist, {
        sessionId: stored.id,
        expectedVersion: 1,
        speakers: [{ label: "S1", role: "doctor" as "patient" }],
      }),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });
  });

  it("lets only the owning therapist relabel", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const input = { sessionId: stored.id, expectedVersion: 1, speakers: [{ label: "S1", role: "patient" as const }] };

    await expect(relabelSpeakers(deps, otherTherapist, input)).rejects.toMatchObject({ code: "session.not_found" });
    await expect(relabelSpeakers(deps, patient, input)).rejects.toMatchObject({ code: "session.not_found" });
    await expect(relabelSpeakers(deps, admin, input)).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});

describe("relabelSpeakers input", () => {
  it("names the entry at fault and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const attempt = (speakers: Array<{ label: string; role: string }>) =>
      relabelSpeakers(deps, therapist, {
        sessionId: stored.id,
        expectedVersion: 1,
        speakers: speakers as Array<{ label: string; role: "patient" }>,
      });

    await expect(attempt([])).rejects.toMatchObject({ message: "Send at least one speaker or one segment.", details: { field: "speakers" } });
    await expect(
      relabelSpeakers(deps, therapist, { sessionId: stored.id, expectedVersion: 1, speakers: "S1" as unknown as [] }),
    ).rejects.toMatchObject({ details: { field: "speakers" } });
    await expect(attempt([{ label: "S1", role: "patient" }, { label: "", role: "patient" }])).rejects.toMatchObject({
      message: "label is required.",
      details: { field: "speakers.1.label" },
    });
    await expect(attempt([{ label: 7 as unknown as string, role: "patient" }])).rejects.toMatchObject({
      details: { field: "speakers.0.label" },
    });
    await expect(attempt([{ label: "S1", role: "doctor" }])).rejects.toMatchObject({
      message: "role must be one of therapist, patient, unknown.",
      details: { field: "speakers.0.role" },
    });
    await expect(
      attempt([
        { label: "S1", role: "patient" },
        { label: "S1", role: "therapist" },
      ]),
    ).rejects.toMatchObject({
      code: "validation.invalid_input",
      message: "A speaker is listed twice.",
      details: { field: "speakers.1.label", label: "S1" },
    });
    await expect(attempt([{ label: "S9", role: "patient" }])).rejects.toMatchObject({
      message: "The transcript has no such speaker.",
    });
    expect(await deps.sessions.get(stored.id)).toEqual(stored);
  });

  it("accepts the unknown role, and changes only the speakers whose role differs", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    const relabelled = await relabelSpeakers(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      speakers: [
        { label: "S1", role: "therapist" },
        { label: "S2", role: "unknown" },
      ],
    });

    expect(relabelled.transcript?.speakers).toEqual([
      { label: "S1", role: "therapist" },
      { label: "S2", role: "unknown" },
    ]);
    expect(relabelled.review.edits).toEqual([
      { at: deps.clock.now(), by: therapist.userId, kind: "speaker", target: "S2", before: "patient", after: "unknown" },
    ]);
  });

  it("writes nothing when every role is already as sent", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const result = await relabelSpeakers(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: 1,
      speakers: [{ label: "S2", role: "patient" }],
    });
    expect(result).toEqual(stored);
    expect(deps.audit.events().at(-1)).toMatchObject({ action: "session.speakers.relabel", detail: { speakers: 0 } });
  });

  it("gives a single segment to another speaker, records it, and measures its sentiment as the patient's", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);

    const relabelled = await relabelSpeakers(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: stored.version,
      segments: [{ id: "seg-3", speaker: "S2" }],
    });

    expect(relabelled.transcript?.segments.map((segment) => [segment.id, segment.speaker])).toEqual([
      ["seg-1", "S1"],
      ["seg-2", "S2"],
      ["seg-3", "S2"],
      ["seg-4", "S2"],
    ]);
    expect(relabelled.transcript?.speakers).toEqual(stored.transcript?.speakers);
    expect(relabelled.transcript?.revision).toBe(2);
    expect(relabelled.review.edits).toEqual([
      { at: deps.clock.now(), by: therapist.userId, kind: "segment-speaker", target: "seg-3", before: "S1", after: "S2" },
    ]);
    // "Are you worried about work?" is now the patient's words, and measured.
    expect(relabelled.sentiment?.segments.map((s) => s.segmentId)).toEqual(["seg-2", "seg-3", "seg-4"]);
  });

  it("clears a segment's uncertain mark once the therapist has given it a speaker", async () => {
    const deps = createTestDeps();
    const base = await storeSession(deps);
    const transcript = base.transcript!;
    const uncertain = {
      ...transcript,
      segments: transcript.segments.map((segment) =>
        segment.id === "seg-3" ? { ...segment, speakerConfidence: 0.4, speakerUncertain: true } : segment,
      ),
    };
    const stored = await storeSession(deps, { transcript: uncertain });

    const relabelled = await relabelSpeakers(deps, therapist, {
      sessionId: stored.id,
      expectedVersion: stored.version,
      segments: [{ id: "seg-3", speaker: "S2" }],
    });

    const segment = relabelled.transcript?.segments.find((s) => s.id === "seg-3");
    expect(segment).toMatchObject({ speaker: "S2", speakerConfidence: 0.4 });
    expect(segment?.speakerUncertain).toBeUndefined();
  });

  it("refuses a segment it does not have, a speaker it does not have, or nothing to change, and writes nothing", async () => {
    const deps = createTestDeps();
    const stored = await storeSession(deps);
    const call = (input: Partial<Parameters<typeof relabelSpeakers>[2]>) =>
      relabelSpeakers(deps, therapist, { sessionId: stored.id, expectedVersion: 1, ...input });

    await expect(call({ segments: [{ id: "seg-99", speaker: "S2" }] })).rejects.toMatchObject({
      code: "session.segment_not_found",
      details: { segmentId: "seg-99" },
    });
    await expect(call({ segments: [{ id: "seg-1", speaker: "S9" }] })).rejects.toMatchObject({ code: "session.speaker_not_found" });
    await expect(call({ speakers: [], segments: [] })).rejects.toMatchObject({ code: "validation.invalid_input" });
    await expect(
      call({
        segments: [
          { id: "seg-1", speaker: "S2" },
          { id: "seg-1", speaker: "S1" },
        ],
      }),
    ).rejects.toMatchObject({ code: "validation.invalid_input" });
    expect((await deps.sessions.get(stored.id))?.version).toBe(1);
  });
});
