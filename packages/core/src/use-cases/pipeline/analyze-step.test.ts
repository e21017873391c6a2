import { describe, expect, it, vi } from "vitest";
import type { Session } from "../../domain/session.ts";
import type { Transcript } from "../../domain/transcript.ts";
import type { LanguageAnalyzer } from "../../ports/language-analyzer.ts";
import { createKeywordLanguageAnalyzer } from "../../testing/keyword-language-analyzer.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { sampleTranscript, storeSession, therapist } from "../sessions/session-fixture.test-support.ts";
import { analyze } from "./analyze-step.ts";

/** The keyword analyzer, keeping the options of each call and able to run something during it. */
function watchedAnalyzer(during?: () => Promise<void>) {
  const inner = createKeywordLanguageAnalyzer();
  const calls: Array<{ texts: string[]; language: string; signal: AbortSignal | undefined }> = [];
  const analyzer: LanguageAnalyzer = {
    ...inner,
    async sentiment(texts, options) {
      calls.push({ texts, language: options.language, signal: options.signal });
      await during?.();
      return inner.sentiment(texts, options);
    },
  };
  return { analyzer, calls };
}

/** The sample transcript in `language`, its second speaker's role not known. */
function unknownPatient(language = "en-GB"): Transcript {
  const transcript = sampleTranscript();
  return { ...transcript, language, speakers: [{ label: "S1", role: "therapist" }, { label: "S2", role: "unknown" }] };
}

const roleSet = { at: new Date("2026-01-01T00:00:00Z"), by: therapist.userId, kind: "speaker" as const, target: "S2", before: "patient", after: "unknown" };

async function setUp(options: { reviewed?: boolean; during?: () => Promise<void>; leaseMs?: number } = {}) {
  const logger = createRecordingLogger();
  const watched = watchedAnalyzer(options.during);
  const deps = createTestDeps({ language: watched.analyzer, logger, ...(options.leaseMs === undefined ? {} : { settings: { leaseMs: options.leaseMs } }) });
  const stored = await storeSession(deps, { status: "analyzing", transcript: unknownPatient() });
  const session: Session = options.reviewed ? await deps.sessions.update({ ...stored, review: { ...stored.review, edits: [roleSet] } }, stored.version) : stored;
  return { deps, session, logger, calls: watched.calls };
}

describe("the analyzing step", () => {
  it("measures the words of a speaker of unknown role while the roles are the assigner's guess, in the transcript's language, with a signal, and logs it", async () => {
    const { deps, session, logger, calls } = await setUp();
    await analyze(deps, session, undefined);

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ texts: ["I feel much better and happy, thank you.", "I am worried and sad about my job."], language: "en-GB" });
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
    const saved = (await deps.sessions.get(session.id)) as Session;
    expect(saved.status).toBe("writing_notes");
    expect(saved.sentiment?.segments.map((segment) => segment.segmentId)).toEqual(["seg-2", "seg-4"]);
    expect(logger.entries).toContainEqual({ level: "info", message: "session.analyzed", fields: { sessionId: session.id, segments: 2 } });
  });

  it("measures no one once the therapist has set the roles and named no patient", async () => {
    const { deps, session, calls } = await setUp({ reviewed: true });
    await analyze(deps, session, undefined);

    expect(calls[0]?.texts ?? []).toEqual([]);
    const saved = (await deps.sessions.get(session.id)) as Session;
    expect(saved.status).toBe("writing_notes");
    expect(saved.sentiment?.segments).toEqual([]);
  });

  it("writes nothing when another delivery took the session during the call", async () => {
    let taken: Session | undefined;
    const { deps, session } = await setUp({
      leaseMs: 15,
      during: async () => {
        const current = (await deps.sessions.get(session.id)) as Session;
        taken = await deps.sessions.update({ ...current, title: "Taken over" }, current.version);
        // The lease is renewed every leaseMs / 3 (fake timers): a renewal finds the session taken.
        await vi.advanceTimersByTimeAsync(10);
      },
    });

    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      expect(await analyze(deps, session, undefined)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect(await deps.sessions.get(session.id)).toEqual(taken);
  });
});
