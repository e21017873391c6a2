import { describe, expect, it } from "vitest";
import { createTestDeps } from "../testing/test-deps.ts";
import { sampleTranscript, storeSession } from "../use-cases/sessions/session-fixture.test-support.ts";
import { fromSessionDocument, fromSessionSummaryDocument, toSessionDocument } from "./session-document.ts";
import { statusChangesBetween, toSessionSummary, type Session } from "./session.ts";

/** What a database hands back: the document as JSON text, parsed again. */
const throughJson = (session: Session) => fromSessionDocument(JSON.stringify(toSessionDocument(session)));

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 30 + minutes));

/** A ready session with its transcript and sentiment, plus the overrides. */
async function buildSession(overrides: Partial<Session> = {}): Promise<Session> {
  return storeSession(createTestDeps(), overrides);
}

/** Every Date in `expected` is a Date in `actual` at the same path, for the same instant. */
function expectSameDates(actual: unknown, expected: unknown, path = "value"): void {
  if (expected instanceof Date) {
    expect(actual, `${path} is a Date`).toBeInstanceOf(Date);
    expect((actual as Date).getTime(), `${path} is the instant written`).toBe(expected.getTime());
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    expect(typeof actual === "object" && actual !== null, `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(expected)) {
      expectSameDates((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  }
}

describe("session document", () => {
  it("round-trips a session through JSON with every date revived, nested ones included", async () => {
    const session = await buildSession({
      review: {
        edits: [{ at: at(-3), by: "t", kind: "segment", target: "seg-1", before: "a", after: "b" }],
        finalizedAt: at(-2),
        finalizedBy: "t",
      },
      processing: { attempts: 0, lastError: null, providerRef: "job-1", submittedAt: at(-5), polls: 2, notifiedAt: at(-1), run: 0 },
      statusHistory: [{ status: "uploaded", version: 1, at: at(-4) }],
    });

    const back = throughJson(session);

    expect(back).toEqual(session);
    expectSameDates(back, session);
  });

  it("stores dates as tagged ISO strings and drops undefined properties", async () => {
    const session = await buildSession({ recordedAt: new Date("2026-03-02T09:30:00.123Z") });
    const withUndefined = { ...session, settings: { ...session.settings, candidateLanguages: undefined } } as unknown as Session;

    const document = toSessionDocument(withUndefined);

    expect(document.recordedAt).toEqual({ $date: "2026-03-02T09:30:00.123Z" });
    expect("candidateLanguages" in (document.settings as object)).toBe(false);
  });

  it("reads a transcript stored before engine warnings were kept as one with no warnings", async () => {
    const session = await buildSession({
      transcript: { ...sampleTranscript(), warnings: [{ type: "unsupported", feature: "diarization", message: "One speaker." }] },
    });
    const document = toSessionDocument(session);
    const { warnings: _warnings, ...older } = document.transcript as Record<string, unknown>;

    expect(fromSessionDocument({ ...document, transcript: older }).transcript?.warnings).toEqual([]);
    expect(throughJson(session).transcript?.warnings).toEqual([
      { type: "unsupported", feature: "diarization", message: "One speaker." },
    ]);
  });

  it("reads a session stored before status changes were kept as one with no status history", async () => {
    const session = await buildSession({ statusHistory: [{ status: "uploaded", version: 1, at: at(0) }] });
    const { statusHistory: _history, ...older } = toSessionDocument(session);

    const read = fromSessionDocument(JSON.stringify(older));

    expect(read.statusHistory).toBeUndefined();
    expect(statusChangesBetween(read, 0, read.version)).toEqual([]);
    expect(read).toEqual({ ...session, statusHistory: undefined });
  });

  it("reads a summary from a store's projection of the document: segments counted, everything else ignored", async () => {
    const session = await buildSession({
      audio: { ...(await buildSession()).audio, durationMs: null },
      review: { edits: [], finalizedAt: at(-2), finalizedBy: "t" },
    });
    const { transcript, sentiment: _sentiment, ...rest } = toSessionDocument(session);
    const projection = {
      ...rest,
      transcript: { ...(transcript as object), segments: undefined, segmentCount: session.transcript?.segments.length },
    };

    const summary = fromSessionSummaryDocument(JSON.stringify(projection));

    expect(summary).toEqual(toSessionSummary(session));
    expect(summary.durationMs).toBe(session.transcript?.durationMs);
    expect(summary.segmentCount).toBeGreaterThan(0);
    expectSameDates(summary, toSessionSummary(session));
  });

  it("reads a session stored before submission times were kept as one whose job has none", async () => {
    const session = await buildSession({
      status: "transcribing",
      processing: { attempts: 0, lastError: null, providerRef: "job-1", submittedAt: at(-5), polls: 2, notifiedAt: null, run: 0 },
    });
    const document = toSessionDocument(session);
    const { submittedAt: _submittedAt, ...older } = document.processing as Record<string, unknown>;

    const read = fromSessionDocument(JSON.stringify({ ...document, processing: older }));

    expect(read.processing.submittedAt).toBeUndefined();
    expect(read.processing).toEqual({ attempts: 0, lastError: null, providerRef: "job-1", polls: 2, notifiedAt: null, run: 0 });
  });

  it("leaves objects that merely contain a $date key among others alone", () => {
    const parsed = fromSessionDocument({ odd: { $date: "2026-03-02T09:30:00.000Z", other: 1 }, text: "2026-03-02" });

    expect(parsed).toEqual({ odd: { $date: "2026-03-02T09:30:00.000Z", other: 1 }, text: "2026-03-02" });
  });

  it("refuses an invalid date or a non-finite number with validation.invalid_input", async () => {
    const invalid = expect.objectContaining({ code: "validation.invalid_input" });
    const base = await buildSession();
    expect(() => toSessionDocument({ ...base, updatedAt: new Date("nonsense") })).toThrow(invalid);
    expect(() => toSessionDocument({ ...base, version: Number.NaN })).toThrow(invalid);
  });
});
