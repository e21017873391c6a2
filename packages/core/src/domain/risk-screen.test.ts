import { describe, expect, it } from "vitest";
import { riskFlagId } from "./risk-flag-id.ts";
import type { RiskFinding } from "./risk-flag.ts";
import { alertsTherapist, flagsOfFindings, mergeRiskFlags, noRiskLanguageFound, riskFlagsToAlert, riskScreenSummary, severityOf } from "./risk-screen.ts";

const transcript = {
  speakers: [
    { label: "T", role: "therapist" as const },
    { label: "P", role: "patient" as const },
    { label: "X", role: "unknown" as const },
  ],
  segments: [
    { id: "s1", speaker: "T", startMs: 0, endMs: 1, text: "Have you thought of killing yourself?" },
    { id: "s2", speaker: "P", startMs: 1, endMs: 2, text: "I want to kill myself." },
    { id: "s3", speaker: "X", startMs: 2, endMs: 3, text: "I want to die." },
  ],
};

function finding(segmentId: string, quote: string, overrides: Partial<RiskFinding> = {}): RiskFinding {
  const text = transcript.segments.find((segment) => segment.id === segmentId)?.text ?? "";
  const start = text.indexOf(quote);
  return { category: "active_ideation", temporality: "current", subject: "speaker", basis: "statement", text: "Spoke of killing themselves", quote, evidence: [{ segmentId, start, end: start + quote.length }], rule: "r", ...overrides };
}

/** A substance finding on `quote`, the whole of segment `segmentId`'s words as cited. */
const substanceFinding = (segmentId: string, quote: string, basis: RiskFinding["basis"]): RiskFinding => ({
  category: "substance",
  temporality: "current",
  subject: "speaker",
  basis,
  text: "Spoke of alcohol, drug or tobacco use",
  quote,
  evidence: [{ segmentId, start: 0, end: quote.length }],
  rule: "r",
});

describe("risk flags", () => {
  it("groups a substance answer that names none by the substance the question before it asked about", () => {
    const asked = {
      speakers: transcript.speakers,
      segments: [
        { id: "q", speaker: "T", startMs: 0, endMs: 1, text: "How many pints would that be on a usual evening?" },
        { id: "n", speaker: "T", startMs: 1, endMs: 2, text: "Roughly." },
        { id: "a", speaker: "P", startMs: 2, endMs: 3, text: "Four, maybe five." },
        { id: "b", speaker: "P", startMs: 3, endMs: 4, text: "Six on a Friday." },
        { id: "w", speaker: "P", startMs: 4, endMs: 5, text: "Some wine too." },
        { id: "c", speaker: "T", startMs: 5, endMs: 6, text: "And how many cigarettes a day?" },
        { id: "t", speaker: "P", startMs: 6, endMs: 7, text: "Twenty." },
        { id: "v", speaker: "P", startMs: 7, endMs: 8, text: "Vodka, mostly." },
      ],
    };
    const substances = (findings: RiskFinding[]) => flagsOfFindings(findings, "screen:test", asked).map((flag) => flag.substance);
    // The question is the other speaker's turn before, however many turns the answer took.
    expect(substances([substanceFinding("a", "Four, maybe five.", "answer_to_other_question"), substanceFinding("b", "Six on a Friday.", "answer_to_named_question")])).toEqual(["alcohol", "alcohol"]);
    // Words that name a substance are read first; a statement, or an answer with no question before it, is read alone.
    expect(substances([substanceFinding("w", "Some wine too.", "answer_to_other_question")])).toEqual(["alcohol"]);
    // Only the asker's turn just before is read, never the answerer's own earlier words; an answer naming its own substance keeps it.
    expect(substances([substanceFinding("t", "Twenty.", "answer_to_other_question")])).toEqual(["tobacco"]);
    expect(substances([substanceFinding("v", "Vodka, mostly.", "answer_to_other_question")])).toEqual(["alcohol"]);
    expect(substances([{ ...substanceFinding("t", "Twenty.", "answer_to_other_question"), evidence: [] }])).toEqual(["other"]);
    expect(substances([substanceFinding("a", "Four, maybe five.", "mention")])).toEqual(["other"]);
    expect(substances([{ ...substanceFinding("a", "Four, maybe five.", "answer_to_other_question"), evidence: [{ segmentId: "gone", start: 0, end: 4 }] }])).toEqual(["other"]);
    const unasked = { ...asked, segments: asked.segments.slice(2) };
    expect(flagsOfFindings([substanceFinding("a", "Four, maybe five.", "answer_to_other_question")], "screen:test", unasked).map((flag) => flag.substance)).toEqual(["other"]);
  });

  it("groups an answer whose words and question name no substance by the substance of the flag before it", () => {
    const said = {
      speakers: transcript.speakers,
      segments: [
        { id: "s", speaker: "P", startMs: 0, endMs: 1, text: "I smoke three cigarettes a day." },
        { id: "q", speaker: "T", startMs: 1, endMs: 2, text: "Have you thought about what it costs?" },
        { id: "a", speaker: "P", startMs: 2, endMs: 3, text: "I guess. About five pounds a pack." },
        { id: "d", speaker: "P", startMs: 3, endMs: 4, text: "And I drink at the weekend." },
        { id: "r", speaker: "T", startMs: 4, endMs: 5, text: "How often?" },
        { id: "b", speaker: "P", startMs: 5, endMs: 6, text: "Every Saturday." },
      ],
    };
    const substances = (findings: RiskFinding[]) => flagsOfFindings(findings, "screen:test", said).map((flag) => flag.substance);
    const smoking = substanceFinding("s", "I smoke three cigarettes a day.", "mention");
    const guess = substanceFinding("a", "I guess.", "answer_to_other_question");
    expect(substances([smoking, guess])).toEqual(["tobacco", "tobacco"]);
    // The latest substance named before it, not the first; an answer with none before it stays "other"; a flag of "other" passes nothing on.
    expect(substances([smoking, substanceFinding("d", "And I drink at the weekend.", "mention"), substanceFinding("b", "Every Saturday.", "answer_to_other_question")])).toEqual(["tobacco", "alcohol", "alcohol"]);
    expect(substances([guess])).toEqual(["other"]);
    expect(substances([substanceFinding("a", "I guess.", "mention"), guess])).toEqual(["other", "other"]);
    // A statement naming none is not an answer: it takes nothing from before.
    expect(substances([smoking, substanceFinding("a", "I guess.", "mention")])).toEqual(["tobacco", "other"]);
    // The question before it, when it names one, comes first; a flag of another risk, or of "other", between them passes nothing on.
    const pints = { ...said, segments: [...said.segments, { id: "p", speaker: "T", startMs: 6, endMs: 7, text: "How many pints, then?" }, { id: "f", speaker: "P", startMs: 7, endMs: 8, text: "Four." }] };
    expect(flagsOfFindings([smoking, substanceFinding("f", "Four.", "answer_to_other_question")], "screen:test", pints).map((flag) => flag.substance)).toEqual(["tobacco", "alcohol"]);
    const other = { ...finding("s2", "I want to kill myself."), evidence: [{ segmentId: "d", start: 0, end: 5 }] };
    expect(substances([smoking, other, guess])).toEqual(["tobacco", undefined, "tobacco"]);
    expect(substances([smoking, substanceFinding("d", "And I", "mention"), guess])).toEqual(["tobacco", "other", "tobacco"]);
  });

  it("reads smoking as cannabis where the speaker's turn or the question before it names cannabis, else as tobacco", () => {
    const said = {
      speakers: transcript.speakers,
      segments: [
        { id: "q", speaker: "T", startMs: 0, endMs: 1, text: "How often are you using the weed these days?" },
        { id: "a", speaker: "P", startMs: 1, endMs: 2, text: "I smoke after school to calm down." },
        { id: "b", speaker: "P", startMs: 2, endMs: 3, text: "I smoke twenty cigarettes as well." },
        { id: "d", speaker: "T", startMs: 3, endMs: 4, text: "And how is the drinking?" },
        { id: "e", speaker: "P", startMs: 4, endMs: 5, text: "I smoke more than I drink, to be honest." },
        { id: "f", speaker: "P", startMs: 5, endMs: 6, text: "I smoke most nights. Weed is what gets me to sleep." },
      ],
    };
    const mention = (segmentId: string, quote: string) => substanceFinding(segmentId, quote, "mention");
    const substance = (finding: RiskFinding, source = said) => flagsOfFindings([finding], "screen:test", source)[0]?.substance;
    expect(substance(mention("a", "I smoke after school to calm down."))).toBe("cannabis");
    // Its own turn names cannabis, with no question before it.
    expect(substance(mention("f", "I smoke most nights."), { ...said, segments: said.segments.slice(5) })).toBe("cannabis");
    // Cigarettes are tobacco, whatever was asked; a question of drink makes smoking no cannabis; nothing asked, tobacco.
    expect(substance(mention("b", "I smoke twenty cigarettes as well."))).toBe("tobacco");
    expect(substance(mention("e", "I smoke more than I drink, to be honest."))).toBe("alcohol");
    expect(substance(mention("e", "I smoke more"))).toBe("tobacco");
    expect(substance(mention("a", "I smoke after school to calm down."), { ...said, segments: said.segments.slice(1, 2) })).toBe("tobacco");
    // Smoking opening the quote; a quote that also names a drink keeps the drink; no turn to read, tobacco.
    const opening = { ...said, segments: [said.segments[0]!, { id: "o", speaker: "P", startMs: 1, endMs: 2, text: "Smoking it is the only thing that helps." }] };
    expect(substance(mention("o", "Smoking it is the only thing that helps."), opening)).toBe("cannabis");
    const both = { ...said, segments: [said.segments[0]!, { id: "m", speaker: "P", startMs: 1, endMs: 2, text: "I smoke and drink every night." }] };
    expect(substance(mention("m", "I smoke and drink every night."), both)).toBe("alcohol");
    expect(substance({ ...mention("a", "I smoke after school to calm down."), evidence: [] })).toBe("tobacco");
    expect(substance({ ...mention("a", "I smoke after school to calm down."), evidence: [{ segmentId: "gone", start: 0, end: 7 }] })).toBe("tobacco");
    // The question read whole, its segments apart: "weed" at the end of one is still a word.
    const split = {
      ...said,
      segments: [
        { id: "q1", speaker: "T", startMs: 0, endMs: 1, text: "And the weed" },
        { id: "q2", speaker: "T", startMs: 1, endMs: 2, text: "how often?" },
        { id: "s", speaker: "P", startMs: 2, endMs: 3, text: "I smoke every evening." },
      ],
    };
    expect(substance(mention("s", "I smoke every evening."), split)).toBe("cannabis");
  });

  it("weighs past risk and someone else's risk low, whatever the category", () => {
    expect(severityOf({ category: "active_ideation", temporality: "current", subject: "speaker" })).toBe("high");
    expect(severityOf({ category: "active_ideation", temporality: "history", subject: "speaker" })).toBe("low");
    expect(severityOf({ category: "active_ideation", temporality: "current", subject: "other_person" })).toBe("low");
    expect(severityOf({ category: "substance", temporality: "current", subject: "speaker" })).toBe("moderate");
  });

  it("alerts exactly when the page rule pages", () => {
    const paging = { category: "active_ideation", temporality: "current", subject: "speaker", speaker: "patient", basis: "statement" } as const;
    expect(alertsTherapist(paging)).toBe(true);
    expect(alertsTherapist({ ...paging, temporality: "history" })).toBe(false);
    expect(alertsTherapist({ ...paging, basis: "mention" })).toBe(false);
  });

  it("drops the therapist's words, marks unknown speakers, checks every citation", () => {
    const flags = flagsOfFindings(
      [finding("s1", "killing yourself"), finding("s2", "kill myself"), finding("s3", "want to die"), finding("s3", "want to die", { basis: "answer_to_named_question" }), finding("s2", "never said")],
      "screen:test",
      transcript,
    );
    expect(flags.map((flag) => [flag.evidence[0]?.segmentId, flag.speaker, flag.tier, flag.alert, flag.verification.status])).toEqual([
      ["s2", "patient", "page", true, "grounded"],
      ["s3", "unknown", "page", true, "grounded"],
      ["s3", "unknown", "review", false, "grounded"],
      ["s2", "patient", "page", true, "unverified"],
    ]);
    expect(flags[1]?.speakerNote).toMatch(/^Speaker not known: the recording has no speaker roles/);
  });

  it("with one microphone, lists to review a statement in words addressed to 'you', as a therapist's are, and says why", () => {
    const spoken = {
      speakers: [{ label: "X", role: "unknown" as const }, { label: "P", role: "patient" as const }],
      segments: [
        { id: "u1", speaker: "X", startMs: 0, endMs: 1, text: "You said your week was hard, and you told me you thought I want to die is what you feel." },
        { id: "u2", speaker: "X", startMs: 1, endMs: 2, text: "You know, I want to die, I can't go on like this." },
        { id: "p1", speaker: "P", startMs: 2, endMs: 3, text: "You asked, you listened, you helped: I want to die." },
      ],
    };
    const at = (segmentId: string) => {
      const text = spoken.segments.find((segment) => segment.id === segmentId)!.text;
      const start = text.indexOf("I want to die");
      return finding("s3", "I want to die", { evidence: [{ segmentId, start, end: start + "I want to die".length }] });
    };
    const flags = flagsOfFindings([at("u1"), at("u2"), at("p1")], "screen:test", spoken);
    expect(flags.map((flag) => [flag.evidence[0]?.segmentId, flag.speaker, flag.tier])).toEqual([
      ["u1", "unknown", "review"],
      ["u2", "unknown", "page"],
      // Known as the patient's, words addressed to "you" still page.
      ["p1", "patient", "page"],
    ]);
    expect(flags[0]?.speakerNote).toMatch(/^Speaker not known, and these words speak to someone/);
    expect(flags[1]?.speakerNote).toMatch(/^Speaker not known: the recording has no speaker roles/);
  });

  it("with one microphone, lists to review a statement by the speaker who speaks to the other all session as a counsellor, and says why", () => {
    const statement = "I want to die";
    const session = (counsellorLine: string) => ({
      speakers: [{ label: "A", role: "unknown" as const }, { label: "B", role: "unknown" as const }],
      segments: [
        { id: "a1", speaker: "A", startMs: 0, endMs: 1, text: "How was your week? You said you felt alone, and your sleep was poor; you are tired, you told me." },
        { id: "b1", speaker: "B", startMs: 1, endMs: 2, text: "I am so tired, my nights are long, I lie awake and I cry, I hate it, me and my thoughts, I know myself. I want to die." },
        { id: "a2", speaker: "A", startMs: 2, endMs: 3, text: counsellorLine },
      ],
    });
    const at = (transcriptOf: { segments: ReadonlyArray<{ id: string; text: string }> }, segmentId: string) => {
      const text = transcriptOf.segments.find((segment) => segment.id === segmentId)!.text;
      const start = text.indexOf(statement);
      return finding("s3", statement, { evidence: [{ segmentId, start, end: start + statement.length }] });
    };
    // A's turn speaks of the speaker more than to "you", so the turn alone would page; A's way of speaking all session does not.
    const spoken = session("When I was young I thought I want to die, I did, and I got help.");
    const flags = flagsOfFindings([at(spoken, "a2"), at(spoken, "b1")], "screen:test", spoken);
    expect(flags.map((flag) => [flag.evidence[0]?.segmentId, flag.speaker, flag.tier])).toEqual([
      ["a2", "unknown", "review"],
      ["b1", "unknown", "page"],
    ]);
    expect(flags[0]?.speakerNote).toMatch(/^Speaker not known, and whoever said this speaks to the other person/);
    expect(flags[1]?.speakerNote).toMatch(/^Speaker not known: the recording has no speaker roles/);
    // A finding citing both speakers, or a segment the transcript does not have, is no counsellor's alone: it pages as any speaker's.
    const both = at(spoken, "a2");
    const patientSpan = at(spoken, "b1").evidence[0]!;
    const across = flagsOfFindings([{ ...both, evidence: [...both.evidence, patientSpan] }], "screen:test", spoken);
    expect(across.map((flag) => [flag.speaker, flag.tier])).toEqual([["unknown", "page"]]);
    expect(across[0]?.speakerNote).toMatch(/^Speaker not known: the recording has no speaker roles/);
    const missing = flagsOfFindings([{ ...both, evidence: [{ segmentId: "gone", start: 0, end: 4 }] }], "screen:test", spoken);
    expect(missing[0]?.speakerNote).toMatch(/^Speaker not known: the recording has no speaker roles/);
    // Words addressed to "you" in the turn itself keep the turn's own note.
    const addressed = session("You said to me you thought I want to die, and you told your sister you felt it.");
    expect(flagsOfFindings([at(addressed, "a2")], "screen:test", addressed)[0]?.speakerNote).toMatch(/^Speaker not known, and these words speak to someone/);
    // What that speaker only mentions, or answers to a question that named no risk, is dropped, as the therapist's words are;
    // the other speaker's mention stays, and so does a yes to a question that named the risk.
    const weak = flagsOfFindings(
      [
        { ...at(spoken, "a2"), basis: "mention" },
        { ...at(spoken, "a2"), basis: "answer_to_other_question" },
        { ...at(spoken, "a2"), basis: "answer_to_named_question" },
        { ...at(spoken, "b1"), basis: "mention" },
      ],
      "screen:test",
      spoken,
    );
    expect(weak.map((flag) => [flag.evidence[0]?.segmentId, flag.basis])).toEqual([
      ["a2", "answer_to_named_question"],
      ["b1", "mention"],
    ]);
    // A mention citing both speakers is no counsellor's alone: it stays.
    expect(flagsOfFindings([{ ...both, basis: "mention", evidence: [...both.evidence, patientSpan] }], "screen:test", spoken)).toHaveLength(1);
    // A known patient who speaks to "you" all session is still the patient: their mention stays, with no note.
    const known = { ...spoken, speakers: [{ label: "A", role: "patient" as const }, { label: "B", role: "therapist" as const }] };
    const kept = flagsOfFindings([{ ...at(known, "a2"), basis: "mention" }], "screen:test", known);
    expect(kept.map((flag) => [flag.speaker, flag.tier, flag.speakerNote])).toEqual([["patient", "review", undefined]]);
  });

  it("merges flags of one type on overlapping words, keeping the higher severity and every source, in transcript order", () => {
    const [screen] = flagsOfFindings([finding("s2", "kill myself", { category: "passive_death_wish" })], "screen:a", transcript);
    const [later] = flagsOfFindings([finding("s3", "want to die")], "screen:a", transcript);
    const writer = { ...screen!, severity: "high" as const, sources: ["notes:w" as const], rules: ["notes:w"] };
    const merged = mergeRiskFlags([[later!, screen!], [writer]], (id) => Number(id.slice(1)));
    expect(merged.map((flag) => [flag.id, flag.evidence[0]?.segmentId, flag.severity, flag.sources])).toEqual([
      [riskFlagId(screen!), "s2", "high", ["screen:a", "notes:w"]],
      [riskFlagId(later!), "s3", "high", ["screen:a"]],
    ]);
  });

  it("alerts again only for what is new or more severe", () => {
    const flags = flagsOfFindings([finding("s2", "kill myself")], "screen:a", transcript);
    const first = { flags: mergeRiskFlags([flags], () => 0) };
    expect(riskFlagsToAlert(null, first)).toHaveLength(1);
    expect(riskFlagsToAlert(first, first)).toEqual([]);
    expect(riskFlagsToAlert(first, null)).toEqual([]);
  });

  it("never says 'None': an empty screen says what it means", () => {
    expect(riskScreenSummary({ status: "screened", flags: [] })).toBe(noRiskLanguageFound);
    expect(noRiskLanguageFound).toBe("No risk language found by the automated screen — this is not a risk assessment.");
    expect(riskScreenSummary({ status: "not_screened", reason: "English only", flags: [] })).toBe("The automated risk screen did not run: English only. This is not a risk assessment.");
    const flags = mergeRiskFlags([flagsOfFindings([finding("s2", "kill myself"), finding("s3", "want to die", { temporality: "history" })], "screen:a", transcript)], () => 0);
    expect(riskScreenSummary({ status: "screened", flags })).toBe(
      "The automated screen found risk language: 1 needing attention now, 1 to review. Review each with its words — this is not a risk assessment.",
    );
  });
});
