import { describe, expect, it } from "vitest";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { screenRisk } from "../policies/risk-screening.ts";
import type { Session } from "../../domain/session.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { listPendingReview, listSessions } from "./list-sessions.ts";
import {
  admin,
  otherPatient,
  otherTherapist,
  patient,
  sampleTranscript,
  storeSession,
  therapist,
} from "./session-fixture.test-support.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 10));

function withText(...texts: string[]): Session["transcript"] {
  const transcript = sampleTranscript();
  return {
    ...transcript,
    segments: texts.map((text, index) => ({ id: `seg-${index + 1}`, speaker: "S2", startMs: index * 1_000, endMs: index * 1_000 + 900, text })),
  };
}

/** Five sessions of therapist-1 on days 1–5 (patient-1 on odd days, patient-2 on even days). */
async function seedFive(deps: TestDeps): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let n = 1; n <= 5; n += 1) {
    sessions.push(
      await storeSession(deps, {
        recordedAt: day(n),
        patientId: n % 2 === 1 ? patient.userId : otherPatient.userId,
        status: n <= 2 ? "finalized" : n === 3 ? "transcribing" : "ready",
      }),
    );
  }
  return sessions;
}

describe("listSessions", () => {
  it("lists the therapist's own sessions, newest recording first, and audits the listing", async () => {
    const deps = createTestDeps();
    const mine = await seedFive(deps);
    await storeSession(deps, { therapistId: otherTherapist.userId, recordedAt: day(9) });

    const page = await listSessions(deps, therapist, {});

    expect(page.items.map((s) => s.id)).toEqual(mine.map((s) => s.id).reverse());
    expect(page.nextCursor).toBeNull();
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.list", actorId: therapist.userId, detail: { count: 5 } }),
    ]);
  });

  it("filters by patient, status and recording dates (from inclusive, to exclusive)", async () => {
    const deps = createTestDeps();
    const [s1, s2, s3, s4, s5] = (await seedFive(deps)) as [Session, Session, Session, Session, Session];

    const ids = async (input: Parameters<typeof listSessions>[2]) =>
      (await listSessions(deps, therapist, input)).items.map((s) => s.id);

    expect(await ids({ patientId: patient.userId })).toEqual([s5.id, s3.id, s1.id]);
    expect(await ids({ statuses: ["ready", "transcribing"] })).toEqual([s5.id, s4.id, s3.id]);
    expect(await ids({ recordedFrom: day(2), recordedTo: day(4) })).toEqual([s3.id, s2.id]);
    expect(await ids({ patientId: otherPatient.userId, statuses: ["finalized"] })).toEqual([s2.id]);
    expect(await ids({ recordedFrom: day(3), recordedTo: day(3) })).toEqual([]);
    expect(deps.audit.events().at(1)).toMatchObject({
      action: "session.list",
      detail: { count: 3, statuses: "ready,transcribing" },
    });
    expect(deps.audit.events().at(0)).toMatchObject({ subjectUserId: patient.userId });
  });

  it("pages with a cursor without repeating or skipping a session", async () => {
    const deps = createTestDeps();
    const mine = await seedFive(deps);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listSessions(deps, therapist, { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toEqual(mine.map((s) => s.id).reverse());
    expect(deps.audit.events()).toHaveLength(3);
  });

  it("returns 20 by default and accepts limits from 1 to 100 only", async () => {
    const deps = createTestDeps();
    for (let n = 1; n <= 21; n += 1) await storeSession(deps, { recordedAt: day(n) });

    const first = await listSessions(deps, therapist);
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    expect((await listSessions(deps, therapist, { limit: 100 })).items).toHaveLength(21);
    expect((await listSessions(deps, therapist, { limit: 1 })).items).toHaveLength(1);

    for (const limit of [0, 101, 2.5, -1]) {
      await expect(listSessions(deps, therapist, { limit })).rejects.toMatchObject({
        code: "validation.invalid_input",
        details: { field: "limit" },
      });
    }
  });

  it("rejects recordedFrom after recordedTo, an empty status list and a bad cursor", async () => {
    const deps = createTestDeps();
    await seedFive(deps);

    await expect(listSessions(deps, therapist, { recordedFrom: day(4), recordedTo: day(2) })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(listSessions(deps, therapist, { recordedFrom: new Date("nope") })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(listSessions(deps, therapist, { statuses: [] })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await expect(listSessions(deps, therapist, { cursor: "not a cursor" })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
  });

  it("shows a patient only their own finalized sessions, as summaries", async () => {
    const deps = createTestDeps();
    const [s1] = (await seedFive(deps)) as [Session];

    const page = await listSessions(deps, patient, {});

    expect(page.items.map((s) => s.id)).toEqual([s1.id]);
    expect(page.items[0]).not.toHaveProperty("sentiment");
    expect(page.items[0]).not.toHaveProperty("processing");
    expect(page.items[0]).not.toHaveProperty("transcript");
    expect(page.items[0]?.finalizedAt).toEqual(s1.review.finalizedAt);
    // Filters narrow a patient's scope, never widen it.
    expect((await listSessions(deps, patient, { statuses: ["ready"] })).items).toEqual([]);
    expect((await listSessions(deps, patient, { patientId: otherPatient.userId })).items).toEqual([]);
    expect(deps.audit.events()[0]).toMatchObject({
      action: "session.list",
      actorRole: "patient",
      subjectUserId: patient.userId,
      detail: { count: 1 },
    });
  });

  it("forbids an admin", async () => {
    const deps = createTestDeps();
    await expect(listSessions(deps, admin, {})).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});

describe("listSessions with text (search)", () => {
  it("finds sessions by transcript words, only among the therapist's own, and audits a search", async () => {
    const deps = createTestDeps();
    const insomnia = await storeSession(deps, { transcript: withText("I could not sleep, insomnia again."), recordedAt: day(1) });
    const panic = await storeSession(deps, { transcript: withText("A panic attack on the train."), recordedAt: day(2) });
    const both = await storeSession(deps, { transcript: withText("Panic at night.", "Then insomnia."), recordedAt: day(3) });
    await storeSession(deps, { therapistId: otherTherapist.userId, transcript: withText("insomnia and panic") });

    const ids = async (text: string) => (await listSessions(deps, therapist, { text })).items.map((s) => s.id);

    expect(await ids("insomnia")).toEqual([both.id, insomnia.id]);
    expect(await ids("PANIC")).toEqual([both.id, panic.id]);
    expect(await ids("  panic   insomnia ")).toEqual([both.id]);
    expect(await ids("divorce")).toEqual([]);
    expect((await listSessions(deps, otherTherapist, { text: "insomnia" })).items).toHaveLength(1);

    const events = deps.audit.events();
    expect(events.every((e) => e.action === "session.search")).toBe(true);
    // The audit log keeps ids and counts, never the words searched for.
    expect(JSON.stringify(events)).not.toMatch(/insomnia|panic/i);
  });

  it("combines search with filters", async () => {
    const deps = createTestDeps();
    const older = await storeSession(deps, { transcript: withText("insomnia"), recordedAt: day(1) });
    await storeSession(deps, { transcript: withText("insomnia"), recordedAt: day(5), patientId: otherPatient.userId });

    const page = await listSessions(deps, therapist, { text: "insomnia", patientId: patient.userId });
    expect(page.items.map((s) => s.id)).toEqual([older.id]);
  });

  it("lets a patient search their own finalized sessions only", async () => {
    const deps = createTestDeps();
    const finalized = await storeSession(deps, { status: "finalized", transcript: withText("insomnia") });
    await storeSession(deps, { status: "ready", transcript: withText("insomnia") });

    const page = await listSessions(deps, patient, { text: "insomnia" });
    expect(page.items.map((s) => s.id)).toEqual([finalized.id]);
    expect(page.items[0]).not.toHaveProperty("sentiment");
  });

  it("rejects empty or whitespace-only search text", async () => {
    const deps = createTestDeps();
    for (const text of ["", "   ", "\n\t"]) {
      await expect(listSessions(deps, therapist, { text })).rejects.toMatchObject({
        code: "validation.invalid_input",
        details: { field: "text" },
      });
    }
    expect(deps.audit.events()).toEqual([]);
  });
});

describe("session summaries", () => {
  it("lists what a session is and where it stands, never its transcript, words or sentiment", async () => {
    const deps = createTestDeps();
    const transcript = withText("I could not sleep, insomnia again.", "It was a long week.");
    const stored = await storeSession(deps, { transcript, status: "ready", recordedAt: day(2) });
    await storeSession(deps, { status: "finalized", recordedAt: day(1) });

    const listed = await listSessions(deps, therapist, {});
    const searched = await listSessions(deps, therapist, { text: "insomnia" });
    const pending = await listPendingReview(deps, therapist, {});

    const summary = {
      id: stored.id,
      therapistId: stored.therapistId,
      patientId: stored.patientId,
      title: stored.title,
      titleShared: false,
      status: "ready",
      recordedAt: day(2),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      version: stored.version,
      durationMs: stored.audio.durationMs,
      segmentCount: 2,
      finalizedAt: null,
      riskUnacknowledged: 0,
      riskAcknowledgedAlerts: 0,
    };
    expect(listed.items[0]).toStrictEqual(summary);
    expect(searched.items).toStrictEqual([summary]);
    expect(pending.items).toStrictEqual([summary]);
    const everything = JSON.stringify([listed, searched, pending]);
    expect(everything).not.toContain("insomnia");
    expect(everything).not.toContain("long week");
    expect(everything).not.toContain("sentiment");
  });
});

describe("listPendingReview", () => {
  it("lists only the therapist's ready sessions", async () => {
    const deps = createTestDeps();
    const [, , , s4, s5] = (await seedFive(deps)) as [Session, Session, Session, Session, Session];
    await storeSession(deps, { therapistId: otherTherapist.userId, status: "ready" });
    await storeSession(deps, { status: "failed" });

    const page = await listPendingReview(deps, therapist, {});

    expect(page.items.map((s) => s.id)).toEqual([s5.id, s4.id]);
    expect(page.items.every((s) => s.status === "ready")).toBe(true);
    expect(deps.audit.events()).toEqual([
      expect.objectContaining({ action: "session.list", actorId: therapist.userId, detail: { count: 2, statuses: "ready" } }),
    ]);

    const first = await listPendingReview(deps, therapist, { limit: 1 });
    const second = await listPendingReview(deps, therapist, { limit: 1, cursor: first.nextCursor ?? "" });
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual([s5.id, s4.id]);
    expect(second.nextCursor).toBeNull();
  });

  it("is for therapists only", async () => {
    const deps = createTestDeps();
    await expect(listPendingReview(deps, patient, {})).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(listPendingReview(deps, admin, {})).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(listPendingReview(deps, therapist, { limit: 0 })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
  });
});

describe("listSessions input and audit", () => {
  const refusedFor = (field: string) => expect.objectContaining({ code: "validation.invalid_input", details: { field } });

  it("names the field at fault for every refused filter", async () => {
    const deps = createTestDeps();
    await seedFive(deps);
    const attempt = (input: Parameters<typeof listSessions>[2]) => listSessions(deps, therapist, input);

    await expect(attempt({ recordedFrom: new Date("nope") })).rejects.toEqual(refusedFor("recordedFrom"));
    await expect(attempt({ recordedTo: new Date("nope") })).rejects.toEqual(refusedFor("recordedTo"));
    await expect(attempt({ recordedTo: "2026-01-01" as unknown as Date })).rejects.toEqual(refusedFor("recordedTo"));
    await expect(attempt({ recordedFrom: day(4), recordedTo: day(2) })).rejects.toEqual(refusedFor("recordedFrom"));
    await expect(attempt({ statuses: [] })).rejects.toEqual(refusedFor("statuses"));
    await expect(attempt({ statuses: ["ready", "archived" as "ready"] })).rejects.toMatchObject({
      code: "validation.invalid_input",
      message: 'Unknown status "archived".',
      details: { field: "statuses" },
    });
    await expect(attempt({ patientId: "   " })).rejects.toEqual(refusedFor("patientId"));
    await expect(attempt({ text: " ".repeat(3) })).rejects.toEqual(refusedFor("text"));
    await expect(attempt({ text: "a".repeat(501) })).rejects.toEqual(refusedFor("text"));
    await expect(attempt({ limit: 0 })).rejects.toMatchObject({ message: "limit must be a whole number from 1 to 100." });
    expect(deps.audit.events()).toEqual([]);
  });

  it("accepts a search of 500 characters, a one-day range whose ends are equal, and any single status", async () => {
    const deps = createTestDeps();
    await seedFive(deps);
    await expect(listSessions(deps, therapist, { text: ` ${"a".repeat(500)} ` })).resolves.toMatchObject({ items: [] });
    await expect(listSessions(deps, therapist, { recordedFrom: day(3), recordedTo: day(3) })).resolves.toMatchObject({ items: [] });
    await expect(listSessions(deps, therapist, { recordedFrom: day(3) })).resolves.toMatchObject({ items: { length: 3 } });
    await expect(listSessions(deps, therapist, { recordedTo: day(3) })).resolves.toMatchObject({ items: { length: 2 } });
    await expect(listSessions(deps, therapist, { statuses: ["transcribing"] })).resolves.toMatchObject({ items: { length: 1 } });
  });

  it("records which filters a listing used, never the search words", async () => {
    const deps = createTestDeps();
    await seedFive(deps);
    const first = await listSessions(deps, therapist, { limit: 1 });

    await listSessions(deps, therapist, {
      statuses: ["ready", "finalized"],
      recordedFrom: day(1),
      recordedTo: day(5),
      patientId: patient.userId,
      cursor: first.nextCursor ?? "",
    });
    await listSessions(deps, therapist, { text: "worried" });

    const [, filtered, search] = deps.audit.events();
    expect(filtered).toMatchObject({
      action: "session.list",
      subjectUserId: patient.userId,
      detail: {
        count: 1,
        statuses: "ready,finalized",
        recordedFrom: day(1).toISOString(),
        recordedTo: day(5).toISOString(),
        paged: true,
      },
    });
    expect(search).toMatchObject({ action: "session.search", detail: { count: 4 } });
    expect(search).not.toHaveProperty("subjectUserId");
    expect(JSON.stringify(search)).not.toContain("worried");
  });

  it("narrows a patient's listing with their filters, never widens it", async () => {
    const deps = createTestDeps();
    await seedFive(deps);

    expect((await listSessions(deps, patient, {})).items.map((s) => s.status)).toEqual(["finalized"]);
    expect((await listSessions(deps, patient, { patientId: patient.userId })).items).toHaveLength(1);
    expect((await listSessions(deps, patient, { patientId: otherPatient.userId })).items).toEqual([]);
    expect((await listSessions(deps, patient, { statuses: ["ready", "transcribing"] })).items).toEqual([]);
    expect((await listSessions(deps, patient, { statuses: ["ready", "finalized"] })).items).toHaveLength(1);
    expect((await listSessions(deps, patient, { recordedFrom: day(2) })).items).toEqual([]);
    expect(deps.audit.events().every((event) => event.subjectUserId === patient.userId)).toBe(true);
  });
});

describe("listPendingReview paging", () => {
  it("records that a later page was read", async () => {
    const deps = createTestDeps();
    await seedFive(deps);
    const first = await listPendingReview(deps, therapist, { limit: 1 });
    await listPendingReview(deps, therapist, { limit: 1, cursor: first.nextCursor ?? "" });
    expect(deps.audit.events().map((event) => event.detail)).toEqual([
      { count: 1, statuses: "ready" },
      { count: 1, statuses: "ready", paged: true },
    ]);
  });

  it("marks the therapist's sessions with risk flags to acknowledge, and never tells the patient", async () => {
    const deps = createTestDeps();
    deps.risk.script((input) => [findingOn(input, "worried and sad")]);
    const risk = await screenRisk(deps, sampleTranscript());
    // Finalized before the sign-off existed, its flag never acknowledged.
    const stored = await storeSession(deps, { status: "finalized", risk });

    expect((await listSessions(deps, therapist, {})).items).toMatchObject([{ id: stored.id, riskUnacknowledged: 1 }]);
    const [seen] = (await listSessions(deps, patient, {})).items;
    expect(seen?.id).toBe(stored.id);
    expect(seen).not.toHaveProperty("riskUnacknowledged");
  });
});
