import { describe, expect, it } from "vitest";
import { allNotAssessed, notAssessed, type ClinicalNotes, type NotesDraft } from "./clinical-notes.ts";
import { verifyNotes } from "./note-evidence.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import { noteAsDocumentReference } from "./fhir-document-reference.ts";
import { formatNote, isNoteFormat, moodNotRead, noteAsPlainText, noteFormats, toConfirmLead, type NoteSentence } from "./note-formats.ts";
import type { RiskScreenResult } from "./risk-flag.ts";
import { flagsOfFindings, noRiskLanguageFound, riskScreenSummary } from "./risk-screen.ts";

const transcript = {
  revision: 1,
  speakers: [
    { label: "T", role: "therapist" as const },
    { label: "P", role: "patient" as const },
  ],
  segments: [
    { id: "s1", speaker: "T", startMs: 0, endMs: 1_000, text: "How has the week been with your sleep?" },
    { id: "s2", speaker: "P", startMs: 1_000, endMs: 2_000, text: "I have been sleeping badly and I feel hopeless about work." },
    { id: "s3", speaker: "T", startMs: 2_000, endMs: 3_000, text: "Let's try the breathing exercise before bed." },
    { id: "s4", speaker: "P", startMs: 3_000, endMs: 4_000, text: "I will write in my sleep diary every night." },
  ],
};

/** An item citing `quote` in segment `segmentId` (found in its text). */
function cite(segmentId: string, quote: string, text = quote) {
  const segment = transcript.segments.find((candidate) => candidate.id === segmentId)!;
  const start = segment.text.indexOf(quote);
  return { text, quote, evidence: [{ segmentId, start, end: start + quote.length }] };
}

function notesOf(overrides: Partial<NotesDraft> = {}): ClinicalNotes {
  const draft: NotesDraft = {
    ...allNotAssessed("the writer does not fill this field"),
    topicSummary: [cite("s2", "sleeping badly", "The patient described sleeping badly.")],
    significantQuotes: [{ ...cite("s2", "I feel hopeless about work"), speaker: "patient" }],
    strategies: [cite("s3", "breathing exercise", "Breathing exercise before bed.")],
    actionItems: [cite("s4", "I will write in my sleep diary every night", "Keep a sleep diary every night.")],
    sessionMood: { ...cite("s2", "hopeless", "negative"), value: "negative" },
    ...overrides,
  };
  return verifyNotes(draft, transcript, { provider: "test", model: "m", promptVersion: "p", writtenAt: new Date(0) }, createPlainWordsClaimReader());
}

function screen(flags: RiskScreenResult["flags"]): RiskScreenResult {
  const result = { status: "screened" as const, flags };
  return { ...result, summary: riskScreenSummary(result), screens: [{ provider: "embedded", version: "1" }], transcriptRevision: 1, screenedAt: new Date(0) };
}

/** The screen's result for these findings, each flag given an id. */
const screenedFindings = (findings: Parameters<typeof flagsOfFindings>[0]) =>
  screen(flagsOfFindings(findings, "screen:embedded", transcript).map((flag, index) => ({ ...flag, id: `risk-${index + 1}` })));

const noFlags = screen([]);
const hopelessFlag = screenedFindings([{ ...cite("s2", "I feel hopeless"), category: "passive_death_wish", temporality: "current", subject: "speaker", basis: "mention", text: "Spoke of hopelessness", rule: "r" }]);

const texts = (sentences: NoteSentence[]) => sentences.map((sentence) => sentence.text);
const section = (format: (typeof noteFormats)[number], key: string, notes = notesOf(), risk: RiskScreenResult | null = noFlags) =>
  formatNote(format, notes, risk).sections.find((candidate) => candidate.key === key)!;

describe("progress-note formats", () => {
  it("lays SOAP, DAP and BIRP out in their sections, in the order clinicians write them", () => {
    const keys = (format: (typeof noteFormats)[number]) => formatNote(format, notesOf(), noFlags).sections.map((candidate) => candidate.key);
    expect(keys("soap")).toEqual(["subjective", "objective", "assessment", "plan"]);
    expect(keys("dap")).toEqual(["data", "assessment", "plan"]);
    expect(keys("birp")).toEqual(["behavior", "intervention", "response", "plan"]);
    expect(formatNote("dap", notesOf(), noFlags).name).toBe("DAP progress note");
    expect(noteFormats.every(isNoteFormat)).toBe(true);
    expect(isNoteFormat("SOAP")).toBe(false);
  });

  it("puts what the patient said in Data / Subjective / Behavior, interventions in Intervention, commitments in Plan", () => {
    expect(texts(section("dap", "data").sentences)).toEqual([
      "The patient described sleeping badly.",
      "I feel hopeless about work",
      "Strategy discussed: Breathing exercise before bed. (\"breathing exercise\")",
    ]);
    // BIRP's Behavior is how the patient presented: the mood line with what they said.
    expect(texts(section("birp", "behavior").sentences)).toEqual(["The patient described sleeping badly.", "negative", "I feel hopeless about work"]);
    expect(texts(section("soap", "subjective").sentences)).toEqual(["The patient described sleeping badly.", "I feel hopeless about work"]);
    expect(texts(section("birp", "intervention").sentences)).toEqual(["Strategy discussed: Breathing exercise before bed. (\"breathing exercise\")"]);
    expect(texts(section("dap", "plan").sentences)).toEqual(["Keep a sleep diary every night."]);
    // SOAP's Plan is only what was agreed or is to confirm; what the therapist offered is assessed with the session.
    expect(texts(section("soap", "plan").sentences)).toEqual(["Keep a sleep diary every night."]);
    expect(texts(section("soap", "assessment").sentences)).toContain("Strategy discussed: Breathing exercise before bed. (\"breathing exercise\")");
  });

  it("puts what the therapist did before what they proposed in BIRP's Intervention and DAP's Data, in SOAP nowhere, and in Confide's fields only when written", () => {
    const asked = { ...cite("s1", "How has the week been with your sleep?", "Asked: “How has the week been with your sleep?”"), speaker: "therapist" as const };
    const notes = notesOf({ interventions: [asked] });
    const strategy = "Strategy discussed: Breathing exercise before bed. (\"breathing exercise\")";
    expect(texts(section("birp", "intervention", notes).sentences)).toEqual(["Asked: “How has the week been with your sleep?”", strategy]);
    expect(section("birp", "intervention", notes).sentences[0]).toMatchObject({ from: "interventions", speaker: "therapist", verification: { status: "grounded" } });
    expect(texts(section("dap", "data", notes).sentences)).toEqual([
      "The patient described sleeping badly.",
      "I feel hopeless about work",
      "Asked: “How has the week been with your sleep?”",
      strategy,
    ]);
    expect(formatNote("soap", notes, noFlags).sections.flatMap((candidate) => texts(candidate.sentences))).not.toContain("Asked: “How has the week been with your sleep?”");
    const titles = (written: ClinicalNotes) => formatNote("confide", written, noFlags).sections.map((candidate) => candidate.title);
    expect(titles(notes)).toContain("What the therapist did");
    // Notes whose writer does not write it (an LLM's, or notes written before it existed) have no such section, and BIRP says what it always said.
    expect(titles(notesOf())).not.toContain("What the therapist did");
    expect(section("birp", "intervention", notesOf({ strategies: notAssessed("no proposals") })).notAssessed).toBe(
      "Not assessed: the words of the session do not show what you did. Add the interventions you used.",
    );
    // Written and empty: the reason is the writer's, in Confide's fields.
    const none = formatNote("confide", notesOf({ interventions: notAssessed("none of the acts recognised") }), noFlags).sections.find((candidate) => candidate.title === "What the therapist did");
    expect(none?.notAssessed).toBe("Not assessed: none of the acts recognised");
  });

  it("never puts a proposal the patient did not take up in a Plan; one taken up is a strategy where the format lists them and a plan line in the Plan", () => {
    const agreed = { ...cite("s3", "Let's try the breathing exercise before bed.", "Agreed: Let's try the breathing exercise before bed."), evidence: [cite("s3", "Let's try the breathing exercise before bed.").evidence[0]!, cite("s4", "I will").evidence[0]!] };
    const proposals = [cite("s3", "the breathing exercise", "Breathing exercise before bed."), cite("s1", "your sleep", "Sleep.")];
    const notes = notesOf({ actionItems: [agreed], strategies: proposals });
    for (const format of ["soap", "dap", "birp"] as const) expect(texts(section(format, "plan", notes).sentences)).toEqual(["Agreed: Let's try the breathing exercise before bed."]);
    const offered = ['Strategy discussed: Breathing exercise before bed. ("the breathing exercise")', 'Strategy discussed: Sleep. ("your sleep")'];
    expect(texts(section("soap", "assessment", notes).sentences).filter((text) => text.startsWith("Strategy discussed"))).toEqual(offered);
    expect(texts(section("birp", "intervention", notes).sentences)).toEqual(offered);
    expect(texts(section("dap", "data", notes).sentences).filter((text) => text.startsWith("Strategy discussed"))).toEqual(offered);
    // Nothing agreed and only proposals: the Plan says no plan was agreed.
    expect(section("soap", "plan", notesOf({ actionItems: [], followUpTopics: [], strategies: proposals })).notAssessed).toBe("No plan was agreed in words the notes could find. If one was made, add it.");
  });

  it("never fills SOAP's Objective from a recording: it says it was not assessed", () => {
    const objective = section("soap", "objective");
    expect(objective.sentences).toEqual([]);
    expect(objective.notAssessed).toMatch(/^Not assessed: a recording cannot show appearance, behaviour or mental status/);
  });

  it("always carries the risk screen's result in the assessment (BIRP: the response), with its honest wording when it found nothing", () => {
    for (const [format, key] of [["soap", "assessment"], ["dap", "assessment"], ["birp", "response"]] as const) {
      const sentences = section(format, key).sentences.filter((sentence) => sentence.from === "riskScreen");
      expect(texts(sentences), format).toEqual([noRiskLanguageFound]);
      expect(sentences[0]!.verification).toBeNull();
    }
    const withFlag = section("dap", "assessment", notesOf(), hopelessFlag).sentences.filter((sentence) => sentence.from === "riskScreen");
    expect(texts(withFlag)).toEqual([hopelessFlag.summary, 'To review — Wish to be dead, or no point in going on (passive): "I feel hopeless"']);
    expect(withFlag[1]!.evidence).toEqual(hopelessFlag.flags[0]!.evidence);
    const unscreened = section("dap", "assessment", notesOf(), null).sentences.filter((sentence) => sentence.from === "riskScreen");
    expect(texts(unscreened)).toEqual(["The automated risk screen has not run on this transcript. This is not a risk assessment."]);
    expect(JSON.stringify(formatNote("confide", notesOf(), noFlags))).not.toMatch(/\bNone\b/);
  });

  it("says a risk line's words answered a question: a bare yes means nothing on its own", () => {
    const answered = (basis: "answer_to_named_question" | "answer_to_other_question" | "mention") =>
      screenedFindings([{ ...cite("s4", "I will"), category: "active_ideation", temporality: "current", subject: "speaker", basis, text: "Answered yes when asked about: thoughts of ending their life", rule: "r" }]);
    const line = (risk: RiskScreenResult) => texts(section("soap", "assessment", notesOf(), risk).sentences.filter((sentence) => sentence.from === "riskScreen")).at(-1);
    expect(line(answered("answer_to_named_question"))).toBe('Needs attention now — Thoughts of ending their life: "I will" (in answer to a question)');
    expect(line(answered("answer_to_other_question"))).toBe('To review — Thoughts of ending their life: "I will" (in answer to a question)');
    expect(line(answered("mention"))).toBe('To review — Thoughts of ending their life: "I will"');
    // Raised twice, the line says how many times.
    const twice = screenedFindings([
      { ...cite("s2", "I feel hopeless"), category: "passive_death_wish", temporality: "current", subject: "speaker", basis: "mention", text: "Spoke of hopelessness", rule: "r" },
      { ...cite("s4", "every night"), category: "passive_death_wish", temporality: "current", subject: "speaker", basis: "mention", text: "Spoke of nights", rule: "r" },
    ]);
    expect(line(twice)).toBe('To review — Wish to be dead, or no point in going on (passive) (2 times): "I feel hopeless"');
  });

  it("shows a follow-up item to confirm under its own lead, apart from the plan, its quote not said twice", () => {
    const doubt = { ...cite("s4", "I will write in my sleep diary every night.", `${toConfirmLead}I will write in my sleep diary every night.`), speaker: "patient" as const };
    const plan = section("dap", "plan", notesOf({ actionItems: notAssessed("nothing firm"), followUpTopics: [doubt, cite("s2", "sleeping badly", "sleep")] }));
    expect(texts(plan.sentences)).toEqual(["To confirm: I will write in my sleep diary every night.", 'To follow up: sleep ("sleeping badly")']);
    // Only a follow-up item takes that lead as its own: a strategy opening the same words still gets the strategy's lead.
    const strategy = section("birp", "intervention", notesOf({ strategies: [cite("s3", "Let's try the breathing exercise before bed.", `${toConfirmLead}Let's try the breathing exercise before bed.`)] }));
    expect(texts(strategy.sentences)[0]).toMatch(/^Strategy discussed: To confirm: /);
  });

  it("says a section is not assessed when nothing fills it, never an empty list", () => {
    const empty = notesOf({ actionItems: notAssessed("no commitments"), followUpTopics: [] });
    const plan = section("dap", "plan", empty);
    expect(plan.sentences).toEqual([]);
    expect(plan.notAssessed).toBe("No plan was agreed in words the notes could find. If one was made, add it.");
    expect(section("birp", "intervention", notesOf({ strategies: notAssessed("no proposals") })).notAssessed).toBe(
      "Not assessed: the words of the session do not show what you did. Add the interventions you used.",
    );
    const confideActions = section("confide", "actionItems", empty);
    expect(confideActions.notAssessed).toBe("Not assessed: no commitments");
  });

  it("keeps every sentence's evidence and verification, and adds no claim the notes do not make", () => {
    const notes = notesOf({ strategies: [{ text: "Exposure therapy was agreed.", quote: "exposure", evidence: [{ segmentId: "s3", start: 0, end: 5 }] }] });
    expect(notes.quality.unverified).toBe(1);
    for (const format of noteFormats) {
      const sentences = formatNote(format, notes, noFlags).sections.flatMap((candidate) => candidate.sentences);
      const claims = sentences.filter((sentence) => sentence.from !== "riskScreen");
      for (const sentence of claims) expect(sentence.verification, `${format}: ${sentence.text}`).not.toBeNull();
      const exposure = sentences.find((sentence) => sentence.text.startsWith("Strategy discussed: Exposure therapy was agreed."));
      expect(exposure?.verification?.status, format).toBe("unverified");
    }
  });

  it("says once what the writer left to the clinician, naming the fields, not once per field", () => {
    const left = "Left to your clinical judgement.";
    const notes = notesOf({ triggers: notAssessed(left), followUpTopics: notAssessed(left), unresolvedConcerns: notAssessed(left) });
    const sections = formatNote("confide", notes, noFlags).sections;
    expect(sections.filter((candidate) => candidate.notAssessed === left)).toEqual([
      { key: "not_written", title: "Triggers, Follow-up topics and Unresolved concerns", sentences: [], notAssessed: left },
    ]);
    expect(sections.map((candidate) => candidate.title)).not.toContain("Triggers");
  });

  it("adds the therapist's own notes as their own section", () => {
    const notes = { ...notesOf(), review: { therapistNotes: "Consider a referral for sleep assessment.", patientSummary: null, editedAt: new Date(0), editedBy: "t" } };
    const last = formatNote("soap", notes, noFlags).sections.at(-1)!;
    expect(last).toMatchObject({ key: "therapist_notes", title: "Therapist's notes", notAssessed: null });
    expect(last.sentences).toEqual([{ text: "Consider a referral for sleep assessment.", evidence: [], verification: null, from: "therapist" }]);
  });
});

describe("a note as plain text", () => {
  it("is each section's title and sentences, quotes attributed, ready to paste into a record", () => {
    const text = noteAsPlainText(formatNote("dap", notesOf(), noFlags));
    expect(text).toBe(
      [
        "DAP progress note",
        "",
        "DATA",
        "- The patient described sleeping badly.",
        '- Patient: "I feel hopeless about work"',
        '- Strategy discussed: Breathing exercise before bed. ("breathing exercise")',
        "",
        "ASSESSMENT",
        "- negative",
        `- ${noRiskLanguageFound}`,
        "",
        "PLAN",
        "- Keep a sleep diary every night.",
      ].join("\n"),
    );
  });

  it("leaves out what did not hold against the transcript, and says how many", () => {
    const notes = notesOf({ strategies: [{ text: "Exposure therapy was agreed.", quote: "exposure", evidence: [{ segmentId: "s3", start: 0, end: 5 }] }] });
    const text = noteAsPlainText(formatNote("birp", notes, noFlags));
    expect(text).not.toContain("Exposure therapy");
    expect(text).toContain("INTERVENTION\nLeft out: no statement here held against the transcript.");
    expect(text.endsWith("1 statement was left out: what they cite does not support them. Review them in the console.")).toBe(true);
    expect(noteAsPlainText(formatNote("soap", notesOf(), noFlags))).toContain("OBJECTIVE\nNot assessed: a recording cannot show");
  });
});

describe("every section of every format, in full", () => {
  /** Every field filled, and a screen with a current, a past, someone else's and an unattributed flag. */
  const full = () =>
    notesOf({
      keyTopics: [cite("s2", "work", "work")],
      emotionalThemes: [cite("s2", "hopeless", "hopelessness")],
      triggers: [cite("s2", "work", "work")],
      followUpTopics: [cite("s2", "sleeping badly", "sleep")],
      unresolvedConcerns: [cite("s2", "hopeless about work", "hopeless about work")],
      significantQuotes: [{ ...cite("s2", "I feel hopeless about work"), speaker: "patient" }, { ...cite("s3", "Let's try the breathing exercise"), speaker: "therapist" }],
      moodTrajectory: { ...cite("s4", "every night", "declining"), value: "declining" },
      sessionMood: { ...cite("s2", "hopeless", "very_negative"), value: "very_negative" },
    });
  const flags = screen(
    flagsOfFindings(
      [
        { ...cite("s2", "I feel hopeless"), category: "passive_death_wish", temporality: "history", subject: "speaker", basis: "mention", text: "Spoke of hopelessness", rule: "r" },
        { ...cite("s4", "sleep diary"), category: "substance", temporality: "current", subject: "other_person", basis: "mention", text: "Spoke of a diary", rule: "r" },
      ],
      "screen:embedded",
      transcript,
    ).map((flag, index) => ({ ...flag, id: `risk-${index + 1}`, ...(index === 1 ? { speaker: "unknown" as const } : {}) })),
  );
  const layout = (format: (typeof noteFormats)[number]) =>
    formatNote(format, full(), flags).sections.map((candidate) => [candidate.title, candidate.notAssessed ?? texts(candidate.sentences)]);
  const mood = ["very_negative"];
  const trajectory = ["declining"];
  const risk = [
    flags.summary,
    'To review — Wish to be dead, or no point in going on (passive): "I feel hopeless" (in the past)',
    'To review — Other substances: "sleep diary" (about someone else, speaker not known)',
  ];
  const said = ["The patient described sleeping badly.", "I feel hopeless about work", "Let's try the breathing exercise", 'Emotional theme: hopelessness ("hopeless")', "Trigger: work"];
  const plan = ["Keep a sleep diary every night.", 'To follow up: sleep ("sleeping badly")'];
  const strategy = 'Strategy discussed: Breathing exercise before bed. ("breathing exercise")';
  const unresolved = "Unresolved concern: hopeless about work";

  it("SOAP", () => {
    expect(layout("soap")).toEqual([
      ["Subjective", said],
      ["Objective", "Not assessed: a recording cannot show appearance, behaviour or mental status. Add your own observations."],
      ["Assessment", [...mood, ...trajectory, ...risk, strategy, unresolved]],
      ["Plan", plan],
    ]);
  });

  it("DAP", () => {
    expect(layout("dap")).toEqual([
      ["Data", [...said.slice(0, 3), strategy, ...said.slice(3)]],
      ["Assessment", [...mood, ...trajectory, ...risk, unresolved]],
      ["Plan", plan],
    ]);
  });

  it("BIRP", () => {
    expect(layout("birp")).toEqual([
      ["Behavior", [said[0], ...mood, ...said.slice(1)]],
      ["Intervention", [strategy]],
      ["Response", [...trajectory, ...risk, unresolved]],
      ["Plan", plan],
    ]);
  });

  it("Confide's fields", () => {
    const notes = { ...full(), strategies: notAssessed("the writer does not infer strategies") };
    expect(formatNote("confide", notes, flags).sections.map((candidate) => [candidate.title, candidate.notAssessed ?? texts(candidate.sentences)])).toEqual([
      ["Risk screen", risk],
      ["Key topics", ["Topic: work"]],
      ["Summary", ["The patient described sleeping badly."]],
      ["Mood", mood],
      ["How the mood moved", trajectory],
      ["Emotional themes", ['Emotional theme: hopelessness ("hopeless")']],
      ["Triggers", ["Trigger: work"]],
      ["Strategies", "Not assessed: the writer does not infer strategies"],
      ["Significant quotes", ["I feel hopeless about work", "Let's try the breathing exercise"]],
      ["Action items", ["Keep a sleep diary every night."]],
      ["Follow-up topics", ['To follow up: sleep ("sleeping badly")']],
      ["Unresolved concerns", [unresolved]],
    ]);
    expect(formatNote("confide", notes, flags).name).toBe("Session notes");
    expect(formatNote("birp", notes, flags).name).toBe("BIRP progress note");
    expect(formatNote("soap", notes, flags).name).toBe("SOAP progress note");
  });

  it("says in a format's section that the mood was not read, never passing over it in silence; Confide's layout gives the reason in its own section", () => {
    const unread = notesOf({ sessionMood: notAssessed("No words of feeling in the patient's turns.") });
    for (const [format, key] of [["soap", "assessment"], ["dap", "assessment"], ["birp", "behavior"]] as const) {
      expect(texts(section(format, key, unread).sentences), format).toContain(moodNotRead);
    }
    expect(section("dap", "assessment", unread).sentences[0]).toEqual({ text: moodNotRead, evidence: [], verification: null, from: "sessionMood" });
    expect(noteAsPlainText(formatNote("soap", unread, noFlags))).toContain("ASSESSMENT\n- Mood: not read from the transcript. Add your own observation.\n");
    // A mood read is said in the writer's words, never as not read.
    expect(texts(section("soap", "assessment").sentences)).not.toContain(moodNotRead);
    const confide = formatNote("confide", unread, noFlags);
    expect(confide.sections.flatMap((candidate) => texts(candidate.sentences))).not.toContain(moodNotRead);
    expect(noteAsPlainText(confide)).toContain("No words of feeling in the patient's turns.");
  });

  it("says where each sentence comes from; the screen's summary cites nothing", () => {
    const assessment = formatNote("dap", full(), flags).sections[1]!.sentences;
    expect(assessment.map((sentence) => sentence.from)).toEqual(["sessionMood", "moodTrajectory", "riskScreen", "riskScreen", "riskScreen", "unresolvedConcerns"]);
    expect(assessment[2]).toEqual({ text: flags.summary, evidence: [], verification: null, from: "riskScreen" });
    expect(section("dap", "assessment", full(), null).sentences[2]).toEqual({
      text: "The automated risk screen has not run on this transcript. This is not a risk assessment.",
      evidence: [],
      verification: null,
      from: "riskScreen",
    });
  });

  it("keeps whose words a quote is, and says so in the text", () => {
    const note = formatNote("dap", full(), flags);
    const quotes = note.sections[0]!.sentences.filter((sentence) => sentence.from === "significantQuotes");
    expect(quotes.map((sentence) => sentence.speaker)).toEqual(["patient", "therapist"]);
    expect(noteAsPlainText(note)).toContain('- Patient: "I feel hopeless about work"\n- Therapist: "Let\'s try the breathing exercise"');
  });

  it("takes the screen's summary, or writes it when a stored result has none", () => {
    const withoutSummary = { ...flags, summary: "" };
    expect(section("dap", "assessment", full(), withoutSummary).sentences.find((sentence) => sentence.from === "riskScreen")?.text).toBe(riskScreenSummary(flags));
  });

  it("trims the therapist's own notes, and adds no section for blank ones", () => {
    const review = (therapistNotes: string | null) => ({ ...full(), review: { therapistNotes, patientSummary: null, editedAt: new Date(0), editedBy: "t" } });
    expect(formatNote("dap", review("  See again in a week.  "), flags).sections.at(-1)?.sentences[0]?.text).toBe("See again in a week.");
    expect(formatNote("dap", review("   "), flags).sections.at(-1)?.key).toBe("plan");
    expect(formatNote("dap", review(null), flags).sections.at(-1)?.key).toBe("plan");
  });

  it("counts what it leaves out of the text, in words that agree with the count", () => {
    const broken = { text: "Made up.", quote: "nothing like this", evidence: [{ segmentId: "s3", start: 0, end: 5 }] };
    const notes = notesOf({ strategies: [broken, { ...broken, text: "Also made up." }] });
    expect(noteAsPlainText(formatNote("dap", notes, noFlags)).endsWith("\n\n2 statements were left out: what they cite does not support them. Review them in the console.")).toBe(true);
    expect(noteAsPlainText(formatNote("dap", notesOf(), noFlags))).not.toContain("left out");
  });

  it("tells only format names apart", () => {
    expect(isNoteFormat(3)).toBe(false);
    expect(isNoteFormat(undefined)).toBe(false);
    expect(isNoteFormat("dap")).toBe(true);
  });
});

describe("a note as a FHIR DocumentReference", () => {
  const facts = { sessionId: "session-1", patientId: "p-1", therapistId: "t-1", recordedAt: new Date("2026-11-01T10:00:00Z"), finalizedAt: new Date("2026-11-02T09:00:00Z"), finalizedBy: "t-2" };

  it("is a LOINC progress note with the text in English, signed by who finalised it", () => {
    const note = formatNote("dap", notesOf(), noFlags);
    const document = noteAsDocumentReference(note, facts);
    expect(document).toEqual({
      resourceType: "DocumentReference",
      status: "current",
      docStatus: "final",
      type: { coding: [{ system: "http://loinc.org", code: "11506-3", display: "Progress note" }], text: "DAP progress note" },
      subject: { reference: "Patient/p-1" },
      date: "2026-11-02T09:00:00.000Z",
      author: [{ reference: "Practitioner/t-1" }],
      authenticator: { reference: "Practitioner/t-2" },
      description: "DAP progress note",
      content: [
        {
          attachment: {
            contentType: "text/plain; charset=utf-8",
            language: "en",
            data: Buffer.from(noteAsPlainText(note), "utf8").toString("base64"),
            title: "DAP progress note",
            creation: "2026-11-02T09:00:00.000Z",
          },
        },
      ],
      context: { period: { start: "2026-11-01T10:00:00.000Z" }, related: [{ identifier: { system: "urn:confide:session", value: "session-1" } }] },
    });
  });

  it("names the author as the signer when who finalised is not known", () => {
    expect(noteAsDocumentReference(formatNote("dap", notesOf(), noFlags), { ...facts, finalizedBy: null }).authenticator).toEqual({ reference: "Practitioner/t-1" });
  });
});
