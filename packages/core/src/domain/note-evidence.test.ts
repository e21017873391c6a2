import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allNotAssessed, notAssessed, noteListFields, type NotesDraft } from "./clinical-notes.ts";
import { normalizeForQuote, quoteAppearsIn, riskFlagsOf, roleOfSegment, segmentOf, threatReason, verifyItem, verifyNotes } from "./note-evidence.ts";
import type { Transcript } from "./transcript.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";

const transcript: Pick<Transcript, "speakers" | "segments" | "revision"> = {
  revision: 3,
  speakers: [
    { label: "S1", role: "therapist" },
    { label: "S2", role: "patient" },
    { label: "S3", role: "unknown" },
  ],
  segments: [
    { id: "seg-1", speaker: "S1", startMs: 0, endMs: 2000, text: "How was your week?" },
    { id: "seg-2", speaker: "S2", startMs: 2000, endMs: 6000, text: "Honestly, I've been SO anxious at work." },
    { id: "seg-3", speaker: "S2", startMs: 6000, endMs: 9000, text: "I will call my sister next week." },
    { id: "seg-4", speaker: "S3", startMs: 9000, endMs: 9500, text: "Hello?" },
  ],
};

const claims = createPlainWordsClaimReader();
const provenance = { provider: "test", model: "m", promptVersion: "1", writtenAt: new Date("2026-01-01T00:00:00Z") };

const draftNotAssessed = (): NotesDraft => allNotAssessed("not in this test");

describe("normalizeForQuote", () => {
  it("ignores case, punctuation and spacing", () => {
    expect(normalizeForQuote("  Honestly,  I've been\nSO anxious!! ")).toBe("honestly i ve been so anxious");
  });

  it("keeps letters and digits of every script", () => {
    expect(normalizeForQuote("Ça va — 2 fois ½")).toBe("ça va 2 fois 1 2");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (text) => normalizeForQuote(normalizeForQuote(text)) === normalizeForQuote(text)));
  });
});

describe("quoteAppearsIn", () => {
  it("finds words on word boundaries only", () => {
    expect(quoteAppearsIn("so anxious", "I've been SO anxious at work.")).toBe(true);
    expect(quoteAppearsIn("anxious at", "I've been SO anxious at work.")).toBe(true);
    expect(quoteAppearsIn("nxious", "I've been SO anxious at work.")).toBe(false);
  });

  it("never matches an empty or punctuation-only quote", () => {
    expect(quoteAppearsIn("", "anything")).toBe(false);
    expect(quoteAppearsIn("?!", "anything?!")).toBe(false);
  });

  it("finds every run of whole words of a text, whatever its case and punctuation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (words, a, b) => {
          const from = a % words.length;
          const to = from + 1 + (b % (words.length - from));
          const text = words.map((word, index) => (index % 2 === 0 ? word.toUpperCase() : `${word},`)).join("  ");
          return quoteAppearsIn(words.slice(from, to).join(" "), text);
        },
      ),
    );
  });
});

describe("verifyItem", () => {
  it("grounds an item whose spans are in range", () => {
    expect(verifyItem({ text: "anxiety at work", evidence: [{ segmentId: "seg-2", start: 0, end: 39 }] }, transcript)).toEqual({
      status: "grounded",
    });
  });

  it("grounds a patient's quote said by the patient, in other case and punctuation", () => {
    const item = { text: "been so anxious", quote: "been so anxious", speaker: "patient" as const, evidence: [{ segmentId: "seg-2", start: 10, end: 29 }] };
    expect(verifyItem(item, transcript).status).toBe("grounded");
  });

  it("grounds a quote that runs across the cited segments in transcript order", () => {
    const item = {
      text: "work and sister",
      quote: "anxious at work. I will call",
      evidence: [
        { segmentId: "seg-3", start: 0, end: 5 },
        { segmentId: "seg-2", start: 0, end: 5 },
      ],
    };
    expect(verifyItem(item, transcript).status).toBe("grounded");
  });

  it.each([
    ["no evidence", { text: "x", evidence: [] }, "cites no transcript segment"],
    ["evidence not a list", { text: "x", evidence: "seg-2" as unknown as [] }, "cites no transcript segment"],
    ["a malformed span", { text: "x", evidence: [{ segmentId: "seg-2", start: 0.5, end: 3 }] }, "whole-number"],
    ["a missing segment", { text: "x", evidence: [{ segmentId: "seg-9", start: 0, end: 1 }] }, "seg-9 does not exist"],
    ["a span past the end", { text: "x", evidence: [{ segmentId: "seg-1", start: 0, end: 19 }] }, "outside segment seg-1 (18 characters)"],
    ["a negative start", { text: "x", evidence: [{ segmentId: "seg-1", start: -1, end: 2 }] }, "outside segment"],
    ["an empty span", { text: "x", evidence: [{ segmentId: "seg-1", start: 4, end: 4 }] }, "outside segment"],
    [
      "the therapist's words given as the patient's",
      { text: "x", speaker: "patient" as const, evidence: [{ segmentId: "seg-1", start: 0, end: 3 }] },
      "said by the therapist, not the patient",
    ],
    [
      "an unknown speaker's words given as the patient's",
      { text: "x", speaker: "patient" as const, evidence: [{ segmentId: "seg-4", start: 0, end: 3 }] },
      "said by the unknown speaker, not the patient",
    ],
    [
      "a quote that was never said",
      { text: "x", quote: "I want to quit my job", evidence: [{ segmentId: "seg-2", start: 0, end: 10 }] },
      "do not appear in the cited segments",
    ],
    [
      "a quote said in another segment than the one cited",
      { text: "x", quote: "call my sister", evidence: [{ segmentId: "seg-2", start: 0, end: 10 }] },
      "do not appear in the cited segments",
    ],
  ])("marks %s unverified", (_name, item, reason) => {
    const verification = verifyItem(item, transcript);
    expect(verification.status).toBe("unverified");
    expect(verification.status === "unverified" && verification.reason).toContain(reason);
  });

  it("grounds any in-range span of an existing segment, and nothing outside", () => {
    fc.assert(
      fc.property(fc.constantFrom(...transcript.segments), fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }), (segment, start, end) => {
        const inRange = start >= 0 && end > start && end <= segment.text.length;
        const status = verifyItem({ text: "x", evidence: [{ segmentId: segment.id, start, end }] }, transcript).status;
        return status === (inRange ? "grounded" : "unverified");
      }),
    );
  });

  it("grounds a quote cut from a cited segment at word boundaries, and never one with a word the segment lacks", () => {
    const patient = transcript.segments[1]!;
    const words = normalizeForQuote(patient.text).split(" ");
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.stringMatching(/^[a-z]{3,10}$/), (a, b, extra) => {
        const from = a % words.length;
        const to = from + 1 + (b % (words.length - from));
        const quote = words.slice(from, to).join(" ");
        const evidence = [{ segmentId: patient.id, start: 0, end: patient.text.length }];
        const grounded = verifyItem({ text: quote, quote, speaker: "patient", evidence }, transcript).status === "grounded";
        const invented = `${quote} ${extra}`;
        const inventedStatus = verifyItem({ text: invented, quote: invented, evidence }, transcript).status;
        return grounded && (words.includes(extra) || inventedStatus === "unverified");
      }),
    );
  });
});

describe("verifyNotes", () => {
  it("keeps every item, marks the failing ones and counts them", () => {
    const draft: NotesDraft = {
      ...draftNotAssessed(),
      keyTopics: [
        { text: "work", evidence: [{ segmentId: "seg-2", start: 34, end: 38 }] },
        { text: "family", evidence: [{ segmentId: "seg-99", start: 0, end: 1 }] },
      ],
      sessionMood: { value: "negative", text: "Anxious", evidence: [{ segmentId: "seg-2", start: 0, end: 10 }] },
      riskFlags: [
        { type: "self_harm", severity: "high", text: "Said to want to die", quote: "I want to die", speaker: "patient", evidence: [{ segmentId: "seg-2", start: 0, end: 5 }] },
      ],
    };
    const notes = verifyNotes(draft, transcript, provenance, claims);
    expect(notes.keyTopics).toEqual([
      { text: "work", evidence: [{ segmentId: "seg-2", start: 34, end: 38 }], verification: { status: "grounded" }, support: "paraphrased" },
      {
        text: "family",
        evidence: [{ segmentId: "seg-99", start: 0, end: 1 }],
        verification: { status: "unverified", reason: "The cited segment seg-99 does not exist." },
      },
    ]);
    // The risk flag is not grounded, and is kept.
    expect(riskFlagsOf(notes)).toHaveLength(1);
    expect(riskFlagsOf(notes)[0]?.verification.status).toBe("unverified");
    expect(notes.quality).toEqual({ grounded: 2, unverified: 2, notAssessed: noteListFields.length - 1 + 1 });
    expect(notes).toMatchObject({ transcriptRevision: 3, stale: false, review: null, provenance });
  });

  it("judges each claim's support: an unsupported claim is kept, unverified and counted; topics ignore negation; mood carries none", () => {
    const draft: NotesDraft = {
      ...draftNotAssessed(),
      // seg-2: "Honestly, I've been SO anxious at work."; seg-3: "I will call my sister next week."
      topicSummary: [
        { text: "Patient reports anxiety at work and a fight with her partner", evidence: [{ segmentId: "seg-2", start: 0, end: 39 }] },
        { text: "Patient has been anxious at work", evidence: [{ segmentId: "seg-2", start: 0, end: 39 }] },
      ],
      actionItems: [{ text: "I will call my sister next week.", quote: "I will call my sister next week.", speaker: "patient", evidence: [{ segmentId: "seg-3", start: 0, end: 32 }] }],
      keyTopics: [{ text: "sister", evidence: [{ segmentId: "seg-3", start: 10, end: 16 }] }],
      followUpTopics: [{ text: "work", evidence: [{ segmentId: "seg-2", start: 34, end: 38 }] }],
      sessionMood: { value: "negative", text: "Mostly low", evidence: [{ segmentId: "seg-2", start: 0, end: 10 }] },
    };
    const notes = verifyNotes(draft, transcript, provenance, claims);
    expect(notes.topicSummary).toMatchObject([
      { support: "unsupported", verification: { status: "unverified", reason: "The cited words do not support what the item says." } },
      { support: "paraphrased", verification: { status: "grounded" } },
    ]);
    expect(notes.actionItems).toMatchObject([{ support: "quoted", verification: { status: "grounded" } }]);
    expect(notes.keyTopics).toMatchObject([{ support: "paraphrased" }]);
    expect(notes.followUpTopics).toMatchObject([{ support: "paraphrased" }]);
    expect(notes.sessionMood).toMatchObject({ verification: { status: "grounded" } });
    expect(notes.sessionMood).not.toHaveProperty("support");
    expect(notes.quality).toEqual({ grounded: 5, unverified: 1, notAssessed: noteListFields.length - 4 + 2 });
  });

  it("reads key and follow-up topics as topics and every other list as statements", () => {
    const negated = { ...transcript, segments: [...transcript.segments, { id: "seg-5", speaker: "S2", startMs: 9500, endMs: 10000, text: "I can't sleep." }] };
    const sleep = [{ text: "sleep", evidence: [{ segmentId: "seg-5", start: 0, end: 14 }] }];
    const draft = Object.fromEntries(noteListFields.map((name) => [name, sleep])) as unknown as NotesDraft;
    const notes = verifyNotes({ ...draft, sessionMood: notAssessed("no"), moodTrajectory: notAssessed("no"), riskFlags: [{ ...sleep[0]!, type: "other", severity: "low" }] }, negated, provenance, claims);
    const supports = Object.fromEntries([...noteListFields, "riskFlags" as const].map((name) => [name, (notes[name] as Array<{ support?: string }>)[0]?.support]));
    expect(supports).toEqual({
      ...Object.fromEntries([...noteListFields, "riskFlags"].map((name) => [name, "unsupported"])),
      keyTopics: "paraphrased",
      followUpTopics: "paraphrased",
    });
  });

  it("checks what the therapist did like any statement when the writer wrote it, and adds nothing when it did not", () => {
    // seg-1 is the therapist's: "How was your week?"; seg-2 the patient's.
    const asked = { text: "Asked: “How was your week?”", quote: "How was your week?", speaker: "therapist" as const, evidence: [{ segmentId: "seg-1", start: 0, end: 18 }] };
    const misattributed = { ...asked, text: "Reflected: “anxious at work”", quote: "anxious at work", evidence: [{ segmentId: "seg-2", start: 0, end: 39 }] };
    const notes = verifyNotes({ ...draftNotAssessed(), interventions: [asked, misattributed] }, transcript, provenance, claims);
    expect(notes.interventions).toMatchObject([{ verification: { status: "grounded" }, support: "quoted" }, { verification: { status: "unverified" } }]);
    expect(notes.quality).toEqual({ grounded: 1, unverified: 1, notAssessed: noteListFields.length + 3 });
    expect(verifyNotes({ ...draftNotAssessed(), interventions: notAssessed("none") }, transcript, provenance, claims).interventions).toEqual(notAssessed("none"));
    expect(verifyNotes(draftNotAssessed(), transcript, provenance, claims)).not.toHaveProperty("interventions");
  });

  it("holds back a plan line or line to confirm citing a turn where the screen read harm to someone else, whoever wrote it", () => {
    const commitment = { text: "I will call my sister next week.", quote: "I will call my sister next week.", speaker: "patient" as const, evidence: [{ segmentId: "seg-3", start: 0, end: 32 }] };
    const quote = { text: "I will call my sister next week.", quote: "I will call my sister next week.", evidence: [{ segmentId: "seg-3", start: 0, end: 32 }] };
    const draft = { ...draftNotAssessed(), actionItems: [commitment], followUpTopics: [{ ...commitment, text: "To confirm: I will call my sister next week." }], significantQuotes: [quote] };
    const held = verifyNotes(draft, transcript, provenance, claims, { harmToOthers: [{ segmentId: "seg-3", start: 0, end: 10 }] });
    expect(held.actionItems).toMatchObject([{ verification: { status: "unverified", reason: threatReason } }]);
    expect(held.followUpTopics).toMatchObject([{ verification: { status: "unverified", reason: threatReason } }]);
    // Other fields, and other turns, are not held back.
    expect(held.significantQuotes).toMatchObject([{ verification: { status: "grounded" } }]);
    expect(held.quality).toMatchObject({ grounded: 1, unverified: 2 });
    const elsewhere = verifyNotes(draft, transcript, provenance, claims, { harmToOthers: [{ segmentId: "seg-2", start: 0, end: 10 }] });
    expect(elsewhere.actionItems).toMatchObject([{ verification: { status: "grounded" } }]);
    // One cited turn of threats is enough: an agreement citing the proposal and the threatening answer is held back.
    const agreement = { ...commitment, evidence: [{ segmentId: "seg-2", start: 0, end: 9 }, ...commitment.evidence] };
    expect(verifyNotes({ ...draft, actionItems: [agreement] }, transcript, provenance, claims, { harmToOthers: [{ segmentId: "seg-3", start: 0, end: 10 }] }).actionItems).toMatchObject([
      { verification: { status: "unverified", reason: threatReason } },
    ]);
    expect(verifyNotes(draft, transcript, provenance, claims).actionItems).toMatchObject([{ verification: { status: "grounded" } }]);
  });

  it("keeps the reason of a field not assessed", () => {
    const notes = verifyNotes(draftNotAssessed(), transcript, provenance, claims);
    expect(notes.strategies).toEqual({ status: "not_assessed", reason: "not in this test" });
    expect(riskFlagsOf(notes)).toEqual([]);
    expect(notes.quality).toEqual({ grounded: 0, unverified: 0, notAssessed: noteListFields.length + 3 });
  });

  it("counts every item once, whatever the draft", () => {
    const span = fc.record({
      segmentId: fc.constantFrom("seg-1", "seg-2", "seg-3", "seg-4", "nope"),
      start: fc.integer({ min: -2, max: 45 }),
      end: fc.integer({ min: -2, max: 45 }),
    });
    const item = fc.record({ text: fc.string(), evidence: fc.array(span, { maxLength: 3 }) });
    const field = fc.oneof(fc.constant(notAssessed("no")), fc.array(item, { maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(field, { minLength: noteListFields.length, maxLength: noteListFields.length }), (fields) => {
        const draft = { ...draftNotAssessed(), ...Object.fromEntries(noteListFields.map((name, index) => [name, fields[index]])) } as NotesDraft;
        const notes = verifyNotes(draft, transcript, provenance, claims);
        const items = fields.reduce((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
        const notAssessedFields = fields.filter((value) => !Array.isArray(value)).length + 3;
        return (
          notes.quality.grounded + notes.quality.unverified === items &&
          notes.quality.notAssessed === notAssessedFields &&
          noteListFields.every((name, index) => {
            const value = notes[name];
            return Array.isArray(value) ? value.length === (fields[index] as unknown[]).length : true;
          })
        );
      }),
    );
  });
});

describe("a session mood is checked against the words it cites", () => {
  const words = createPlainWordsClaimReader();
  /** The plain reader, knowing a few emotion words' kinds. */
  const reader = {
    name: "plain-with-kinds",
    read: (text: string) =>
      words.read(text).map((word) => {
        const kinds = ({ better: undefined, despair: ["sadness"], scared: ["fear"], hopeful: ["hope"] } as Record<string, string[] | undefined>)[word.value.toLowerCase()];
        return kinds ? { ...word, kinds } : word;
      }),
  };
  const transcript = {
    revision: 1,
    speakers: [
      { label: "T", role: "therapist" as const },
      { label: "P", role: "patient" as const },
    ],
    segments: [
      { id: "s1", speaker: "T", startMs: 0, endMs: 1, text: "How was the week?" },
      { id: "s2", speaker: "P", startMs: 1, endMs: 2, text: "A bit better, I went out twice." },
      { id: "s3", speaker: "P", startMs: 2, endMs: 3, text: "I'm scared the flat will go." },
    ],
  };
  const provenance = { provider: "p", model: "m", promptVersion: "v", writtenAt: new Date(0) };
  const draft = (value: "very_negative" | "positive" | "neutral", segmentId: string, text: string) => ({
    ...allNotAssessed("not written"),
    sessionMood: { value, text, evidence: [{ segmentId, start: 0, end: 5 }] },
  });

  it("leaves unverified a mood the cited words do not show: despair citing 'better'", () => {
    const notes = verifyNotes(draft("very_negative", "s2", "Patient is in despair."), transcript, provenance, reader);
    expect(notes.sessionMood).toMatchObject({ verification: { status: "unverified" } });
  });

  it("keeps a mood its cited words show, and a neutral mood that claims no feeling", () => {
    expect(verifyNotes(draft("very_negative", "s3", "Presented as anxious."), transcript, provenance, reader).sessionMood).toMatchObject({ verification: { status: "grounded" } });
    expect(verifyNotes(draft("neutral", "s2", "No marked mood."), transcript, provenance, reader).sessionMood).toMatchObject({ verification: { status: "grounded" } });
    expect(verifyNotes(draft("positive", "s3", "Presented as hopeful."), transcript, provenance, reader).sessionMood).toMatchObject({ verification: { status: "unverified" } });
  });

  it("counts only the patient's words, not negated: the therapist's fear or the patient's 'not scared' show no fear", () => {
    const withWords = {
      ...transcript,
      segments: [
        { id: "s1", speaker: "T", startMs: 0, endMs: 1, text: "I am scared for you." },
        { id: "s2", speaker: "P", startMs: 1, endMs: 2, text: "I am not scared at all." },
        { id: "s3", speaker: "P", startMs: 2, endMs: 3, text: "I am scared of the dark." },
      ],
    };
    const mood = (segmentId: string) => ({ ...allNotAssessed("not written"), sessionMood: { value: "negative" as const, text: "Patient is scared.", evidence: [{ segmentId, start: 0, end: 5 }] } });
    expect(verifyNotes(mood("s1"), withWords, provenance, reader).sessionMood).toMatchObject({ verification: { status: "unverified" } });
    expect(verifyNotes(mood("s2"), withWords, provenance, reader).sessionMood).toMatchObject({ verification: { status: "unverified" } });
    expect(verifyNotes(mood("s3"), withWords, provenance, reader).sessionMood).toMatchObject({ verification: { status: "grounded" } });
  });
});

describe("segmentOf and roleOfSegment: the transcript's one index", () => {
  const source = {
    speakers: [
      { label: "T", role: "therapist" as const },
      { label: "P", role: "patient" as const },
    ],
    segments: [
      { id: "s1", speaker: "T", startMs: 0, endMs: 1, text: "How was the week?" },
      { id: "s2", speaker: "P", startMs: 1, endMs: 2, text: "Long." },
      { id: "s3", speaker: "Z", startMs: 2, endMs: 3, text: "Hello?" },
    ],
  };

  it("finds a segment by id, and nothing for an id the transcript lacks", () => {
    expect(segmentOf(source, "s2")?.text).toBe("Long.");
    expect(segmentOf(source, "s9")).toBeUndefined();
  });

  it("gives the role of the segment's speaker, unknown for a speaker or segment the transcript lacks", () => {
    expect(roleOfSegment(source, "s1")).toBe("therapist");
    expect(roleOfSegment(source, "s2")).toBe("patient");
    expect(roleOfSegment(source, "s3")).toBe("unknown");
    expect(roleOfSegment(source, "s9")).toBe("unknown");
  });
});
