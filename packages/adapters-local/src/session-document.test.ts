import type { Session } from "@confide/core";
import { describe, expect, it } from "vitest";
import {
  buildSession,
  buildTranscript,
  expectConfideError,
  expectSameDates,
  minutesAfterEpoch,
} from "@confide/contracts";
import { fromSessionDocument, toSessionDocument } from "./session-document.ts";

/** What a database hands back: the document as JSON text, parsed again. */
const throughJson = (session: Session) => fromSessionDocument(JSON.stringify(toSessionDocument(session)));

describe("session document", () => {
  it("round-trips a session through JSON with every date revived, nested ones included", () => {
    const session = buildSession({
      review: {
        edits: [{ at: minutesAfterEpoch(-3), by: "t", kind: "segment", target: "seg-1", before: "a", after: "b" }],
        finalizedAt: minutesAfterEpoch(-2),
        finalizedBy: "t",
      },
      processing: { attempts: 0, lastError: null, providerRef: null, polls: 0, notifiedAt: minutesAfterEpoch(-1), run: 0 },
    });

    const back = throughJson(session);

    expect(back).toEqual(session);
    expectSameDates(back, session);
  });

  it("stores dates as tagged ISO strings and drops undefined properties", () => {
    const session = buildSession({ recordedAt: new Date("2026-03-02T09:30:00.123Z") });
    const withUndefined = { ...session, settings: { ...session.settings, candidateLanguages: undefined } } as unknown as Session;

    const document = toSessionDocument(withUndefined);

    expect(document.recordedAt).toEqual({ $date: "2026-03-02T09:30:00.123Z" });
    expect("candidateLanguages" in (document.settings as object)).toBe(false);
  });

  it("reads a transcript stored before engine warnings were kept as one with no warnings", () => {
    const session = buildSession({
      transcript: buildTranscript({
        warnings: [{ type: "unsupported", feature: "diarization", message: "One speaker." }],
      }),
    });
    const document = toSessionDocument(session);
    const { warnings: _warnings, ...older } = document.transcript as Record<string, unknown>;

    expect(fromSessionDocument({ ...document, transcript: older }).transcript?.warnings).toEqual([]);
    expect(throughJson(session).transcript?.warnings).toEqual([
      { type: "unsupported", feature: "diarization", message: "One speaker." },
    ]);
  });

  it("leaves objects that merely contain a $date key among others alone", () => {
    const parsed = fromSessionDocument({ odd: { $date: "2026-03-02T09:30:00.000Z", other: 1 }, text: "2026-03-02" });

    expect(parsed).toEqual({ odd: { $date: "2026-03-02T09:30:00.000Z", other: 1 }, text: "2026-03-02" });
  });

  it("refuses an invalid date or a non-finite number with validation.invalid_input", async () => {
    await expectConfideError(
      Promise.resolve().then(() => toSessionDocument(buildSession({ updatedAt: new Date("nonsense") }))),
      "validation.invalid_input",
    );
    await expectConfideError(
      Promise.resolve().then(() => toSessionDocument(buildSession({ version: Number.NaN }))),
      "validation.invalid_input",
    );
  });
});
