/**
 * Behaviour every SessionRepository adapter must show
 * (packages/core/src/ports/session-repository.ts).
 */
import { type ClinicalNotes, type Transcript, verifyNotes } from "@confide/core";
import { notAssessed, noteListFields } from "@confide/core/adapter-kit";
import type { NoteItemDraft, NotesDraft, Session, SessionQuery, SessionRepository, SessionSummary } from "@confide/core/ports";
import { createPlainWordsClaimReader } from "@confide/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectPages } from "./collect-pages.ts";
import { expectConfideError } from "./expect-confide-error.ts";
import { expectSameDates } from "./expect-same-dates.ts";
import { buildSession, buildTranscript, buildTranscriptionSettings, buildUploadedSession, minutesAfterEpoch } from "./fixtures.ts";

/** Where search engines legitimately differ; the suite asserts the declared behaviour either way. */
export interface SessionRepositoryCapabilities {
  /**
   * Search matches inflected forms of a word: true → "run" finds a session that says
   * "running"; false → it does not (whole words only, as written).
   */
  stemming: boolean;
}

export interface SessionRepositoryContractOptions {
  name: string;
  create: () => Promise<SessionRepository>;
  capabilities: SessionRepositoryCapabilities;
}

/** The order the port promises: recordedAt descending, then id descending. */
function newestFirst(a: Session, b: Session): number {
  const byTime = b.recordedAt.getTime() - a.recordedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const idsOf = (sessions: ReadonlyArray<{ id: string }>) => sessions.map((session) => session.id);

/** A transcript whose only segment says `text`. */
function saying(text: string) {
  return buildTranscript({
    segments: [{ id: "seg-1", speaker: "S2", startMs: 0, endMs: 4_000, text }],
  });
}

/**
 * A claim citing the start of the transcript's first segment (its citation holds; it is grounded
 * when the segment's words carry it, `claimSupport`), or nothing (unverified).
 */
const claim = (text: string, grounded = true): NoteItemDraft => ({
  text,
  evidence: grounded ? [{ segmentId: "seg-1", start: 0, end: 3 }] : [],
});

/**
 * Verified notes on `transcript` (whose first segment has at least 3 characters): the given
 * fields, every other one not assessed.
 */
function notesOn(transcript: Transcript, fields: Partial<NotesDraft>): ClinicalNotes {
  const none = notAssessed("Not part of this test.");
  const draft = {
    ...Object.fromEntries(noteListFields.map((field) => [field, none])),
    sessionMood: none,
    moodTrajectory: none,
    riskFlags: none,
    ...fields,
  } as NotesDraft;
  return verifyNotes(draft, transcript, { provider: "contract", model: "contract", promptVersion: "1", writtenAt: minutesAfterEpoch(-100) }, createPlainWordsClaimReader());
}

export function describeSessionRepositoryContract(options: SessionRepositoryContractOptions): void {
  describe(`SessionRepository contract: ${options.name}`, () => {
    let sessions: SessionRepository;

    beforeEach(async () => {
      sessions = await options.create();
    });

    afterEach(async () => {
      await sessions.close();
    });

    async function createAll(list: Session[]): Promise<void> {
      for (const session of list) await sessions.create(session);
    }

    async function listIds(query: Omit<SessionQuery, "limit"> & { limit?: number }): Promise<string[]> {
      const page = await sessions.list({ limit: 100, ...query });
      return idsOf(page.items);
    }

    describe("create and get", () => {
      it("returns a reviewed session exactly as written, every date a Date", async () => {
        const session = buildSession();
        await sessions.create(session);

        const stored = await sessions.get(session.id);
        expect(stored).toEqual(session);
        expectSameDates(stored, session, "session");
      });

      it("returns a just-uploaded session with its empty parts as null", async () => {
        const session = buildUploadedSession({
          audio: { ...buildSession().audio, durationMs: null, channels: null, originalName: null },
        });
        await sessions.create(session);

        const stored = await sessions.get(session.id);
        expect(stored).toEqual(session);
        expect(stored?.transcript).toBeNull();
        expect(stored?.sentiment).toBeNull();
        expect(stored?.processing.notifiedAt).toBeNull();
        expect(stored?.audio.durationMs).toBeNull();
      });

      it("returns a finalized, per-channel session with its optional fields", async () => {
        const transcript = buildTranscript({
          speakers: [
            { label: "ch0", role: "therapist", channel: 0 },
            { label: "ch1", role: "patient", channel: 1 },
          ],
          segments: [
            { id: "seg-1", speaker: "ch0", startMs: 0, endMs: 1_000, text: "Shall we start?" },
            { id: "seg-2", speaker: "ch1", startMs: 1_200, endMs: 2_000, text: "Yes.", confidence: 1 },
          ],
          revision: 4,
        });
        const session = buildSession({
          status: "finalized",
          settings: buildTranscriptionSettings({ channelLayout: "per-channel", channelRoles: ["therapist", "patient"] }),
          transcript,
          review: {
            edits: [
              { at: minutesAfterEpoch(-50), by: "t-1", kind: "speaker", target: "ch1", before: "therapist", after: "patient" },
              { at: minutesAfterEpoch(-40), by: "t-1", kind: "segment", target: "seg-2", before: "Yeah.", after: "Yes." },
            ],
            finalizedAt: minutesAfterEpoch(-30),
            finalizedBy: "t-1",
          },
          processing: {
            attempts: 3,
            lastError: { code: "provider.throttled", message: "Too many requests.", retryable: true },
            providerRef: "azure-job-42",
            submittedAt: minutesAfterEpoch(-55),
            polls: 5,
            notifiedAt: minutesAfterEpoch(-45),
            run: 2,
          },
        });
        await sessions.create(session);

        const stored = await sessions.get(session.id);
        expect(stored).toEqual(session);
        expectSameDates(stored, session, "session");
      });

      it("stores the version as given", async () => {
        const session = buildSession({ version: 7 });
        await sessions.create(session);

        expect((await sessions.get(session.id))?.version).toBe(7);
      });

      it("answers null for a missing id", async () => {
        expect(await sessions.get("session-missing")).toBeNull();
      });

      it("refuses a second session with the same id with session.version_conflict", async () => {
        const session = buildSession({ title: "First" });
        await sessions.create(session);

        await expectConfideError(sessions.create({ ...session, title: "Second" }), "session.version_conflict");
        expect((await sessions.get(session.id))?.title).toBe("First");
      });
    });

    describe("getStatus", () => {
      it("answers the therapist, patient, status, version and updatedAt a write stored, as get does", async () => {
        const session = buildSession({ status: "ready", version: 3, updatedAt: minutesAfterEpoch(-20) });
        await sessions.create(session);

        const state = await sessions.getStatus(session.id);
        expect(state).toEqual({
          therapistId: session.therapistId,
          patientId: session.patientId,
          status: "ready",
          version: 3,
          updatedAt: session.updatedAt,
        });
        expect(state?.updatedAt).toBeInstanceOf(Date);
        expect(Object.keys(state ?? {}).sort()).toEqual(["patientId", "status", "therapistId", "updatedAt", "version"]);
      });

      it("follows every update and answers null once the session is deleted or for a missing id", async () => {
        const session = buildUploadedSession({ version: 1 });
        await sessions.create(session);
        await sessions.update({ ...session, status: "queued", updatedAt: minutesAfterEpoch(3) }, 1);

        expect(await sessions.getStatus(session.id)).toMatchObject({ status: "queued", version: 2, updatedAt: minutesAfterEpoch(3) });
        await sessions.delete(session.id);
        expect(await sessions.getStatus(session.id)).toBeNull();
        expect(await sessions.getStatus("session-missing")).toBeNull();
      });
    });

    describe("update", () => {
      it("stores the session with the next version and the given updatedAt", async () => {
        const session = buildSession({ version: 1 });
        await sessions.create(session);
        const changed: Session = {
          ...session,
          title: "Renamed",
          updatedAt: minutesAfterEpoch(5),
          review: { ...session.review, finalizedAt: minutesAfterEpoch(5), finalizedBy: "t-1" },
          status: "finalized",
        };

        const returned = await sessions.update(changed, 1);

        const expected = { ...changed, version: 2 };
        expect(returned).toEqual(expected);
        expectSameDates(returned, expected, "returned");
        const stored = await sessions.get(session.id);
        expect(stored).toEqual(expected);
        expectSameDates(stored, expected, "stored");
      });

      it("keeps the session's note format through create, update and get, and a session stored without one reads without one", async () => {
        const session = buildSession({ version: 1, noteFormat: "dap" });
        await sessions.create(session);
        expect((await sessions.get(session.id))?.noteFormat).toBe("dap");

        const returned = await sessions.update({ ...session, noteFormat: "soap", updatedAt: minutesAfterEpoch(5) }, 1);
        expect(returned.noteFormat).toBe("soap");
        expect(await sessions.get(session.id)).toEqual({ ...session, noteFormat: "soap", updatedAt: minutesAfterEpoch(5), version: 2 });

        const { noteFormat: _none, ...older } = buildSession();
        await sessions.create(older);
        const storedOlder = await sessions.get(older.id);
        expect(storedOlder).toEqual(older);
        expect(storedOlder && "noteFormat" in storedOlder).toBe(false);
      });

      it("increments the version on every write", async () => {
        let session = buildSession({ version: 1 });
        await sessions.create(session);

        for (const expectedVersion of [1, 2, 3]) {
          session = await sessions.update({ ...session, title: `Write ${expectedVersion}` }, expectedVersion);
          expect(session.version).toBe(expectedVersion + 1);
        }
        expect(await sessions.get(session.id)).toMatchObject({ version: 4, title: "Write 3" });
      });

      it("replaces nested content, including removed segments and cleared sentiment", async () => {
        const session = buildSession();
        await sessions.create(session);
        const transcript = buildTranscript({ segments: [], revision: 2 });

        await sessions.update({ ...session, transcript, sentiment: null }, session.version);

        const stored = await sessions.get(session.id);
        expect(stored?.transcript).toEqual(transcript);
        expect(stored?.sentiment).toBeNull();
      });

      it("refuses a stale version with session.version_conflict and keeps the stored session", async () => {
        const session = buildSession({ version: 1, title: "Original" });
        await sessions.create(session);
        await sessions.update({ ...session, title: "First writer" }, 1);

        await expectConfideError(sessions.update({ ...session, title: "Second writer" }, 1), "session.version_conflict");
        await expectConfideError(sessions.update({ ...session, title: "From the future" }, 9), "session.version_conflict");
        expect(await sessions.get(session.id)).toMatchObject({ title: "First writer", version: 2 });
      });

      it("lets exactly one of two concurrent writers of the same version win", async () => {
        const session = buildSession({ version: 3 });
        await sessions.create(session);

        const outcomes = await Promise.allSettled([
          sessions.update({ ...session, title: "Writer A" }, 3),
          sessions.update({ ...session, title: "Writer B" }, 3),
        ]);

        const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
        const lost = outcomes.filter((outcome) => outcome.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        await expectConfideError(Promise.reject((lost[0] as PromiseRejectedResult).reason), "session.version_conflict");
        const winner = (won[0] as PromiseFulfilledResult<Session>).value;
        expect(await sessions.get(session.id)).toMatchObject({ title: winner.title, version: 4 });
      });

      it("refuses to update a deleted session with session.not_found", async () => {
        const session = buildSession();
        await sessions.create(session);
        await sessions.delete(session.id);

        await expectConfideError(sessions.update(session, session.version), "session.not_found");
        expect(await sessions.get(session.id)).toBeNull();
      });

      it("refuses to update a session that never existed with session.not_found", async () => {
        await expectConfideError(sessions.update(buildSession(), 1), "session.not_found");
      });
    });

    describe("delete", () => {
      it("removes the session from get, list and search", async () => {
        const session = buildSession({ title: "Bereavement counselling" });
        const other = buildSession({ therapistId: session.therapistId, title: "Bereavement follow-up" });
        await createAll([session, other]);

        await sessions.delete(session.id);

        expect(await sessions.get(session.id)).toBeNull();
        expect(await listIds({ therapistId: session.therapistId })).toEqual([other.id]);
        expect(await listIds({ text: "bereavement", searchAudience: "clinician" })).toEqual([other.id]);
      });

      it("does not throw for a missing id", async () => {
        await expect(sessions.delete("session-missing")).resolves.toBeUndefined();
      });
    });

    describe("list", () => {
      it("answers an empty page when nothing matches", async () => {
        expect(await sessions.list({ limit: 10 })).toEqual({ items: [], nextCursor: null });
      });

      it("returns summaries, never transcripts or sentiment, with dates as Dates", async () => {
        const session = buildSession({
          status: "finalized",
          review: { edits: [], finalizedAt: minutesAfterEpoch(-5), finalizedBy: "t-1" },
        });
        await sessions.create(session);

        const page = await sessions.list({ limit: 10 });
        const expected: SessionSummary = {
          id: session.id,
          therapistId: session.therapistId,
          patientId: session.patientId,
          title: session.title,
          titleShared: false,
          status: "finalized",
          recordedAt: session.recordedAt,
          createdAt: session.createdAt,
          updatedAt: session.updatedAt,
          version: session.version,
          durationMs: session.audio.durationMs,
          segmentCount: session.transcript?.segments.length ?? -1,
          finalizedAt: minutesAfterEpoch(-5),
          riskUnacknowledged: 0,
          riskAcknowledgedAlerts: 0,
        };
        expect(page.items).toEqual([expected]);
        expectSameDates(page.items[0], expected, "listed");
      });

      it("summarizes a session without transcript or known duration as 0 segments and a null duration", async () => {
        const session = buildUploadedSession({ audio: { ...buildSession().audio, durationMs: null } });
        await sessions.create(session);

        expect((await sessions.list({ limit: 10 })).items).toEqual([
          expect.objectContaining({ id: session.id, status: session.status, durationMs: null, segmentCount: 0, finalizedAt: null }),
        ]);
      });

      it("counts in a summary the current risk flags not yet acknowledged, as last written", async () => {
        const flag = (id: string, temporality: "current" | "history", acknowledged: boolean) => ({
          id,
          type: "self_harm" as const,
          severity: "high" as const,
          temporality,
          subject: "speaker" as const,
          speaker: "patient" as const,
          text: "Spoke of it",
          quote: "words",
          evidence: [{ segmentId: "seg-1", start: 0, end: 5 }],
          sources: ["screen:embedded" as const],
          rules: ["rule"],
          verification: { status: "grounded" as const },
          tier: "page" as const,
          alert: true,
          ...(acknowledged ? { acknowledgement: { by: "therapist-1", at: minutesAfterEpoch(-1) } } : {}),
        });
        const risk = {
          status: "screened" as const,
          flags: [flag("risk-a", "current", false), flag("risk-b", "current", false), flag("risk-c", "current", true), flag("risk-d", "history", false)],
          summary: "found",
          screens: [{ provider: "embedded", version: "1" }],
          transcriptRevision: 1,
          screenedAt: minutesAfterEpoch(-2),
        };
        const session = buildSession({ risk });
        const unscreened = buildSession({ risk: null });
        await sessions.create(session);
        await sessions.create(unscreened);
        const countOf = async (id: string) => (await sessions.list({ limit: 10 })).items.find((item) => item.id === id)?.riskUnacknowledged;
        expect(await countOf(session.id)).toBe(2);
        expect(await countOf(unscreened.id)).toBe(0);

        const [first, ...others] = risk.flags;
        await sessions.update({ ...session, risk: { ...risk, flags: [{ ...first!, acknowledgement: { by: "therapist-1", at: minutesAfterEpoch(0) } }, ...others] } }, session.version);
        expect(await countOf(session.id)).toBe(1);
      });

      it("takes a summary's duration from the transcript when the recording's header had none", async () => {
        const transcript = buildTranscript({ durationMs: 754_000 });
        const session = buildSession({ audio: { ...buildSession().audio, durationMs: null }, transcript });
        await sessions.create(session);

        expect((await sessions.list({ limit: 10 })).items).toEqual([
          expect.objectContaining({ id: session.id, durationMs: 754_000, segmentCount: transcript.segments.length }),
        ]);
      });

      it("lists a session as last written", async () => {
        const session = buildUploadedSession({ status: "queued", title: "Before" });
        await sessions.create(session);
        const transcript = buildTranscript();

        await sessions.update({ ...session, status: "ready", title: "After", transcript }, session.version);

        expect((await sessions.list({ limit: 10 })).items).toEqual([
          expect.objectContaining({ status: "ready", title: "After", version: session.version + 1, segmentCount: transcript.segments.length }),
        ]);
      });

      it("orders by recordedAt descending, then id descending", async () => {
        const same = minutesAfterEpoch(-60);
        const list = [
          buildSession({ id: "session-b", recordedAt: same }),
          buildSession({ id: "session-a", recordedAt: same }),
          buildSession({ id: "session-c", recordedAt: same }),
          buildSession({ id: "session-z", recordedAt: minutesAfterEpoch(-120) }),
          buildSession({ id: "session-0", recordedAt: minutesAfterEpoch(-10) }),
        ];
        await createAll(list);

        expect(await listIds({})).toEqual(["session-0", "session-c", "session-b", "session-a", "session-z"]);
      });

      it("filters by therapist and by patient", async () => {
        const therapist = "therapist-filter-1";
        const patient = "patient-filter-1";
        const mine = buildSession({ therapistId: therapist, patientId: patient });
        const minePatient2 = buildSession({ therapistId: therapist });
        const otherTherapist = buildSession({ patientId: patient });
        await createAll([mine, minePatient2, otherTherapist, buildSession()]);

        expect((await listIds({ therapistId: therapist })).sort()).toEqual([mine.id, minePatient2.id].sort());
        expect((await listIds({ patientId: patient })).sort()).toEqual([mine.id, otherTherapist.id].sort());
        expect(await listIds({ therapistId: therapist, patientId: patient })).toEqual([mine.id]);
      });

      it("filters by any of several statuses", async () => {
        const therapistId = "therapist-statuses";
        const ready = buildSession({ therapistId, status: "ready" });
        const failed = buildSession({ therapistId, status: "failed" });
        const queued = buildUploadedSession({ therapistId, status: "queued" });
        const finalized = buildSession({ therapistId, status: "finalized" });
        await createAll([ready, failed, queued, finalized]);

        expect((await listIds({ therapistId, statuses: ["ready", "failed"] })).sort()).toEqual(
          [ready.id, failed.id].sort(),
        );
        expect(await listIds({ therapistId, statuses: ["finalized"] })).toEqual([finalized.id]);
        expect(await listIds({ therapistId, statuses: ["analyzing"] })).toEqual([]);
      });

      it("filters by recordedFrom (inclusive) and recordedTo (exclusive)", async () => {
        const at = (minutes: number) => buildSession({ id: `session-at-${minutes}`, recordedAt: minutesAfterEpoch(minutes) });
        await createAll([at(0), at(10), at(20), at(30)]);

        expect(await listIds({ recordedFrom: minutesAfterEpoch(10) })).toEqual([
          "session-at-30",
          "session-at-20",
          "session-at-10",
        ]);
        expect(await listIds({ recordedTo: minutesAfterEpoch(20) })).toEqual(["session-at-10", "session-at-0"]);
        expect(await listIds({ recordedFrom: minutesAfterEpoch(10), recordedTo: minutesAfterEpoch(30) })).toEqual([
          "session-at-20",
          "session-at-10",
        ]);
      });

      it("pages through 25 sessions 10 at a time: 10, 10, 5, no gaps or repeats", async () => {
        // Five sessions share each recordedAt, so the cursor must carry the id tie-break.
        const list = Array.from({ length: 25 }, (_, index) =>
          buildSession({
            id: `session-page-${String(index).padStart(2, "0")}`,
            recordedAt: minutesAfterEpoch(-Math.floor(index / 5) * 60),
          }),
        );
        await createAll(list);

        const pages = await collectPages((cursor) => sessions.list({ limit: 10, cursor }));

        expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
        expect(pages.at(-1)?.nextCursor).toBeNull();
        expect(pages.flatMap((page) => idsOf(page.items))).toEqual(idsOf([...list].sort(newestFirst)));
      });

      it("has no next cursor after a full last page", async () => {
        await createAll(Array.from({ length: 20 }, () => buildSession()));

        const pages = await collectPages((cursor) => sessions.list({ limit: 10, cursor }));

        expect(pages.map((page) => page.items.length)).toEqual([10, 10]);
      });

      it("keeps filters while paging", async () => {
        const therapistId = "therapist-paging";
        const mine = Array.from({ length: 7 }, (_, index) =>
          buildSession({ therapistId, recordedAt: minutesAfterEpoch(-index) }),
        );
        const others = Array.from({ length: 7 }, (_, index) => buildSession({ recordedAt: minutesAfterEpoch(-index) }));
        await createAll([...mine, ...others]);

        const pages = await collectPages((cursor) => sessions.list({ therapistId, limit: 3, cursor }));

        expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
        expect(pages.flatMap((page) => idsOf(page.items))).toEqual(idsOf([...mine].sort(newestFirst)));
      });
    });

    describe("text search", () => {
      /** A clinician's search: the title's words are theirs whether or not the patient is shown it. */
      const search = (query: Omit<SessionQuery, "limit">) => listIds({ searchAudience: "clinician", ...query });

      it("finds words of the title and of the transcript, ignoring case", async () => {
        const byTitle = buildSession({ title: "Insomnia follow-up", transcript: saying("We talked about the garden.") });
        const byTranscript = buildSession({ title: "Weekly check-in", transcript: saying("The panic came back on the train.") });
        const neither = buildSession({ title: "Weekly check-in", transcript: saying("Nothing new this week.") });
        await createAll([byTitle, byTranscript, neither]);

        expect(await search({ text: "insomnia" })).toEqual([byTitle.id]);
        expect(await search({ text: "INSOMNIA" })).toEqual([byTitle.id]);
        expect(await search({ text: "Panic" })).toEqual([byTranscript.id]);
        expect(await search({ text: "volcano" })).toEqual([]);
      });

      it("requires every word of the query, wherever it appears", async () => {
        const both = buildSession({ title: "Insomnia follow-up", transcript: saying("My promotion at the bakery.") });
        const titleOnly = buildSession({ title: "Insomnia again", transcript: saying("We talked about the garden.") });
        const transcriptOnly = buildSession({ title: "Check-in", transcript: saying("A promotion is coming.") });
        await createAll([both, titleOnly, transcriptOnly]);

        expect(await search({ text: "insomnia promotion" })).toEqual([both.id]);
        expect(await search({ text: "Promotion BAKERY" })).toEqual([both.id]);
      });

      const { stemming } = options.capabilities;
      it(
        stemming
          ? "finds inflected forms of a word (declared: stemming)"
          : "matches whole words as written, not inflected forms (declared: no stemming)",
        async () => {
          const session = buildSession({ title: "Check-in", transcript: saying("I keep running late for work.") });
          await sessions.create(session);

          expect(await search({ text: "running" })).toEqual([session.id]);
          expect(await search({ text: "run" })).toEqual(stemming ? [session.id] : []);
          expect(await search({ text: "runn" }), "a word fragment is not a word").toEqual([]);
        },
      );

      it("matches whole words only, punctuation being a separator, in the title as in the transcript", async () => {
        const session = buildSession({ title: "Insomnia follow-up", transcript: saying("We spoke about the check-in routine.") });
        await sessions.create(session);

        expect(await search({ text: "follow" })).toEqual([session.id]);
        expect(await search({ text: "check in" })).toEqual([session.id]);
        expect(await search({ text: "follow-up, routine!" })).toEqual([session.id]);
        expect(await search({ text: "insom" }), "a fragment of a title word").toEqual([]);
        expect(await search({ text: "rout" }), "a fragment of a transcript word").toEqual([]);
        expect(await search({ text: "followup" }), "two words are not one").toEqual([]);
      });

      it("requires short common words of the query too (no word is ignored)", async () => {
        const withAnd = buildSession({ title: "Insomnia and worry", transcript: saying("Nothing new.") });
        const without = buildSession({ title: "Insomnia follow-up", transcript: saying("Nothing new.") });
        await createAll([withAnd, without]);

        expect(await search({ text: "insomnia and" })).toEqual([withAnd.id]);
        expect(await search({ text: "the insomnia" })).toEqual([]);
      });

      it("ignores case and width in any script (NFKC, lower-cased)", async () => {
        const session = buildSession({ title: "Ångest och sömn", transcript: saying("Sie sprach über Straße und Schlaf.") });
        await sessions.create(session);

        expect(await search({ text: "ÅNGEST" })).toEqual([session.id]);
        expect(await search({ text: "ＳＣＨＬＡＦ" }), "full-width letters").toEqual([session.id]);
        expect(await search({ text: "über straße" })).toEqual([session.id]);
      });

      it("filters nothing for a text without any word", async () => {
        const list = [buildSession(), buildSession()];
        await createAll(list);

        expect((await search({ text: " ?! -- " })).sort()).toEqual(idsOf(list).sort());
      });

      it("finds a session that has no transcript yet by its title", async () => {
        const session = buildUploadedSession({ title: "Grief and loss" });
        await sessions.create(session);

        expect(await search({ text: "grief" })).toEqual([session.id]);
      });

      it("combines the text with other filters and keeps the order", async () => {
        const therapistId = "therapist-search";
        const older = buildSession({ therapistId, title: "Anger at work", recordedAt: minutesAfterEpoch(-90) });
        const newer = buildSession({ therapistId, title: "Anger at home", recordedAt: minutesAfterEpoch(-30) });
        const otherTherapist = buildSession({ title: "Anger everywhere" });
        await createAll([older, newer, otherTherapist]);

        expect(await search({ therapistId, text: "anger" })).toEqual([newer.id, older.id]);
        expect(await search({ therapistId, text: "anger", statuses: ["finalized"] })).toEqual([]);
      });

      it("searches the text as last written", async () => {
        const session = buildSession({ title: "Insomnia follow-up", transcript: saying("We talked about the garden.") });
        await sessions.create(session);

        await sessions.update({ ...session, title: "Check-in", transcript: saying("The orchestra audition went fine.") }, session.version);

        expect(await search({ text: "insomnia" })).toEqual([]);
        expect(await search({ text: "garden" })).toEqual([]);
        expect(await search({ text: "orchestra" })).toEqual([session.id]);
      });

      it("finds a title for a patient only when the therapist shared it", async () => {
        const hidden = buildSession({ status: "finalized", title: "Bereavement week", transcript: saying("We talked about the garden.") });
        const shown = buildSession({ status: "finalized", title: "Bereavement and sleep", titleShared: true, transcript: saying("Nothing new this week.") });
        await createAll([hidden, shown]);
        expect(await listIds({ text: "bereavement", searchAudience: "patient" })).toEqual([shown.id]);
        expect(await listIds({ text: "bereavement" }), "no audience").toEqual([shown.id]);
        expect((await search({ text: "bereavement" })).sort()).toEqual([hidden.id, shown.id].sort());
        await sessions.update({ ...hidden, titleShared: true }, hidden.version);
        expect((await listIds({ text: "bereavement", searchAudience: "patient" })).sort()).toEqual([hidden.id, shown.id].sort());
      });
    });

    describe("text search over clinical notes, by audience", () => {
      const transcript = saying("We talked about the garden and herbal tea.");
      /**
       * Words said nowhere in the transcript or title, one per part of the notes. The patient
       * summary is a sentence its cited words support ("herbal tea", two of its three content
       * words): the patient reads only supported sentences.
       */
      const notes = () =>
        notesOn(transcript, {
          keyTopics: [claim("Hypnogram review")],
          followUpTopics: [claim("Melatonin dosage", false)],
          riskFlags: [{ ...claim("Possible overdose risk"), type: "self_harm", severity: "low" }],
          therapistNotes: [claim("Watch countertransference.")],
          patientSummary: [claim("Herbal tea with lavender.")],
        });

      it("finds every word of the notes for a clinician, grounded or not, and the therapist's own review", async () => {
        const reviewed: ClinicalNotes = {
          ...notes(),
          review: { therapistNotes: "Somnologist referral.", patientSummary: null, editedAt: minutesAfterEpoch(-90), editedBy: "therapist-1" },
        };
        const session = buildSession({ transcript, notes: reviewed });
        await createAll([session, buildSession({ transcript })]);

        for (const word of ["hypnogram", "Melatonin", "overdose", "countertransference", "lavender", "somnologist"]) {
          expect(await listIds({ text: word, searchAudience: "clinician" }), word).toEqual([session.id]);
        }
        expect((await listIds({ text: "garden", searchAudience: "clinician" })).length).toBe(2);
      });

      it("never finds a session by the notes for a patient, finalized or not (and not without an audience)", async () => {
        const ready = buildSession({ transcript, notes: notes() });
        const finalized = buildSession({ transcript, notes: notes(), status: "finalized" });
        await createAll([ready, finalized]);

        for (const word of ["hypnogram", "melatonin", "overdose", "countertransference"]) {
          expect(await listIds({ text: word, searchAudience: "patient" }), word).toEqual([]);
          expect(await listIds({ text: word }), `${word}, no audience`).toEqual([]);
        }
        expect((await listIds({ text: "garden", searchAudience: "patient" })).sort()).toEqual([ready.id, finalized.id].sort());
      });

      it("finds the patient summary for a patient only once the session is finalized with its summary released, as the patient reads it", async () => {
        const session = buildSession({ transcript, notes: notes() });
        await sessions.create(session);
        expect(await listIds({ text: "lavender", searchAudience: "patient" })).toEqual([]);

        // Finalized without releasing the summary: the patient's search does not reach it.
        const kept = await sessions.update({ ...session, status: "finalized", review: { ...session.review, summaryReleased: false } }, session.version);
        expect(await listIds({ text: "lavender", searchAudience: "patient" })).toEqual([]);

        const finalized = await sessions.update({ ...kept, review: { ...kept.review, summaryReleased: true } }, kept.version);
        expect(await listIds({ text: "lavender tea", searchAudience: "patient" })).toEqual([session.id]);

        // The therapist's own summary replaces the written one: only its words are the patient's.
        const own = notes();
        await sessions.update(
          { ...finalized, notes: { ...own, review: { therapistNotes: null, patientSummary: "Keep a sleep diary.", editedAt: minutesAfterEpoch(-80), editedBy: "therapist-1" } } },
          finalized.version,
        );
        expect(await listIds({ text: "diary", searchAudience: "patient" })).toEqual([session.id]);
        expect(await listIds({ text: "lavender", searchAudience: "patient" })).toEqual([]);
      });

      it("searches the notes as last written", async () => {
        const session = buildSession({ transcript, notes: notes() });
        await sessions.create(session);

        await sessions.update({ ...session, notes: notesOn(transcript, { keyTopics: [claim("Orchestra audition")] }) }, session.version);

        expect(await listIds({ text: "hypnogram", searchAudience: "clinician" })).toEqual([]);
        expect(await listIds({ text: "orchestra", searchAudience: "clinician" })).toEqual([session.id]);
      });
    });

    describe("findStale", () => {
      it("returns sessions in the given statuses not written since the given time, oldest first", async () => {
        const stale = (minutes: number, status: Session["status"]) =>
          buildUploadedSession({ status, updatedAt: minutesAfterEpoch(minutes) });
        const oldest = stale(-50, "transcribing");
        const middle = stale(-40, "queued");
        const youngerStale = stale(-20, "analyzing");
        const fresh = stale(5, "queued");
        const otherStatus = buildSession({ status: "ready", updatedAt: minutesAfterEpoch(-60) });
        await createAll([youngerStale, fresh, middle, otherStatus, oldest]);

        const found = await sessions.findStale({
          statuses: ["queued", "transcribing", "analyzing"],
          updatedBefore: minutesAfterEpoch(0),
          limit: 10,
        });

        expect(idsOf(found)).toEqual([oldest.id, middle.id, youngerStale.id]);
        expectSameDates(found[0], oldest, "stale");
      });

      it("returns at most `limit` sessions, the oldest", async () => {
        const list = Array.from({ length: 5 }, (_, index) =>
          buildUploadedSession({ status: "queued", updatedAt: minutesAfterEpoch(-10 * (index + 1)) }),
        );
        await createAll(list);

        const found = await sessions.findStale({ statuses: ["queued"], updatedBefore: minutesAfterEpoch(0), limit: 2 });

        expect(idsOf(found)).toEqual([list[4]?.id, list[3]?.id]);
      });

      it("keeps a live session's state, lists it by status live, and finds it stale", async () => {
        const detachedAt = minutesAfterEpoch(-3);
        const live = buildUploadedSession({
          status: "live",
          updatedAt: minutesAfterEpoch(-2),
          live: {
            format: { encoding: "pcm", channels: 2 },
            parts: 3,
            storedBytes: 192_000,
            resumeTokenSha256: "a".repeat(64),
            agenda: [
              { id: "topic-1", text: "Sleep", source: "therapist", covered: { segmentId: "seg-0002", matchedTerms: ["sleep"], at: detachedAt } },
              { id: "topic-2", text: "Work", source: "follow_up", covered: null },
            ],
            detachedAt,
          },
        });
        await createAll([live, buildUploadedSession({ status: "queued", updatedAt: minutesAfterEpoch(-2) })]);

        expect((await sessions.get(live.id))?.live).toEqual(live.live);
        expect(await listIds({ statuses: ["live"] })).toEqual([live.id]);
        const found = await sessions.findStale({ statuses: ["live"], updatedBefore: minutesAfterEpoch(0), limit: 10 });
        expect(idsOf(found)).toEqual([live.id]);
        expect(found[0]?.live?.detachedAt).toEqual(detachedAt);
      });

      it("answers [] when nothing is stale", async () => {
        await sessions.create(buildUploadedSession({ status: "queued", updatedAt: minutesAfterEpoch(10) }));

        expect(
          await sessions.findStale({ statuses: ["queued"], updatedBefore: minutesAfterEpoch(0), limit: 10 }),
        ).toEqual([]);
      });

    describe("findRetentionCandidates", () => {
      const finalized = (minutes: number, overrides: Partial<Session> = {}) => {
        const session = buildSession({ status: "finalized", ...overrides });
        return { ...session, review: { ...session.review, finalizedAt: minutesAfterEpoch(minutes), finalizedBy: session.therapistId } };
      };

      it("answers finalized sessions finalized before the cutoff, oldest first, with the date they count from", async () => {
        const oldest = finalized(-50);
        const middle = finalized(-40, { updatedAt: minutesAfterEpoch(30) });
        const fresh = finalized(5);
        const ready = buildSession({ status: "ready", updatedAt: minutesAfterEpoch(-60) });
        await createAll([middle, fresh, ready, oldest]);

        const found = await sessions.findRetentionCandidates({ rule: "session", before: minutesAfterEpoch(0), limit: 10 });

        expect(found).toEqual([
          { id: oldest.id, therapistId: oldest.therapistId, patientId: oldest.patientId, status: "finalized", at: minutesAfterEpoch(-50) },
          { id: middle.id, therapistId: middle.therapistId, patientId: middle.patientId, status: "finalized", at: minutesAfterEpoch(-40) },
        ]);
        expect(found[0]?.at).toBeInstanceOf(Date);
      });

      it("for the audio rule, leaves out sessions whose recording was removed", async () => {
        const kept = finalized(-50);
        const removedOne = finalized(-45);
        removedOne.audio = { ...removedOne.audio, removed: { at: minutesAfterEpoch(-1), rule: "audio" } };
        await createAll([kept, removedOne]);

        expect(idsOf(await sessions.findRetentionCandidates({ rule: "audio", before: minutesAfterEpoch(0), limit: 10 }))).toEqual([kept.id]);
        expect(idsOf(await sessions.findRetentionCandidates({ rule: "session", before: minutesAfterEpoch(0), limit: 10 }))).toEqual([
          kept.id,
          removedOne.id,
        ]);
        const stored = await sessions.get(removedOne.id);
        expect(stored?.audio.removed).toEqual({ at: minutesAfterEpoch(-1), rule: "audio" });
      });

      it("for the failed rule, answers failed sessions by their last write", async () => {
        const failed = buildSession({ status: "failed", updatedAt: minutesAfterEpoch(-30) });
        const failedLater = buildSession({ status: "failed", updatedAt: minutesAfterEpoch(10) });
        const otherFinalized = finalized(-90);
        await createAll([failedLater, otherFinalized, failed]);

        const found = await sessions.findRetentionCandidates({ rule: "failed", before: minutesAfterEpoch(0), limit: 10 });

        expect(found).toEqual([{ id: failed.id, therapistId: failed.therapistId, patientId: failed.patientId, status: "failed", at: minutesAfterEpoch(-30) }]);
      });

      it("pages by keyset: a batch at a time, ties in the date ordered by id", async () => {
        const list = [finalized(-10, { id: "session-keyset-b" }), finalized(-10, { id: "session-keyset-a" }), finalized(-20), finalized(-5), finalized(-1)];
        await createAll(list);
        const seen: string[] = [];
        let after: { at: Date; id: string } | undefined;
        for (;;) {
          const batch = await sessions.findRetentionCandidates({ rule: "session", before: minutesAfterEpoch(0), limit: 2, ...(after ? { after } : {}) });
          seen.push(...idsOf(batch));
          const last = batch.at(-1);
          if (batch.length < 2 || last === undefined) break;
          after = { at: last.at, id: last.id };
        }

        expect(seen).toEqual([list[2]?.id, "session-keyset-a", "session-keyset-b", list[3]?.id, list[4]?.id]);
      });

      it("refuses a limit outside 1-1000", async () => {
        await expectConfideError(sessions.findRetentionCandidates({ rule: "audio", before: minutesAfterEpoch(0), limit: 0 }), "validation.invalid_input");
        await expectConfideError(sessions.findRetentionCandidates({ rule: "audio", before: minutesAfterEpoch(0), limit: 1001 }), "validation.invalid_input");
      });
    });
    });
  });
}
