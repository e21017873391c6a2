/** The mood in a clinician's words, each with the words that show it. Dialogues written for the test. */
import { currentRiskSpans, flagsOfFindings, type MoodNote, verifyNotes } from "@confide/core";
import { screenTranscript } from "../embedded-risk-screen/embedded-risk-screen.ts";
import { isNotAssessed } from "@confide/core/adapter-kit";
import type { NoteWriterInput } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";
import { clinicalMoodReading } from "./clinical-mood.ts";
import { readSegment } from "./segment-reader.ts";

const provenance = { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) };

function notesOf(turns: string[]) {
  const segments = turns.map((turn, index) => ({ id: `seg-${index}`, speaker: turn.startsWith("T: ") ? "T" : "P", startMs: index * 5_000, endMs: index * 5_000 + 4_000, text: turn.slice(3) }));
  const input: NoteWriterInput = {
    language: "en-US",
    speakers: [
      { label: "T", role: "therapist" },
      { label: "P", role: "patient" },
    ],
    segments,
    // A sentiment analyser that reads every patient turn as very positive: the mood must not follow it.
    sentiment: segments.filter((segment) => segment.speaker === "P").map((segment) => ({ segmentId: segment.id, label: "positive", scores: { positive: 0.9, neutral: 0.1, negative: 0, mixed: 0 } })),
  };
  // As the pipeline does: the risk screen runs first, and the writer is told where it found a current risk.
  const screened = screenTranscript(input);
  const flags = screened.status === "screened" ? flagsOfFindings(screened.findings, "screen:embedded", input) : [];
  const told = { ...input, currentRisks: currentRiskSpans(flags) };
  return verifyNotes(writeEmbeddedNotes(told), { ...told, revision: 1 }, provenance, createWinkClaimReader());
}

const moodOf = (turns: string[]) => notesOf(turns).sessionMood as MoodNote;

describe("session mood in a clinician's words", () => {
  it("names the mood with the patient's words that show it, cited, and no engine words or numbers", () => {
    const mood = moodOf([
      "T: How have things been?",
      "P: I've been so lonely since the move, and sad most evenings.",
      "T: That sounds hard.",
      "P: Yes, I feel sad and lonely when the house is quiet.",
    ]);
    expect(mood.text).toMatch(/^Presented as low \(“lonely”, “sad”\)\.$/);
    expect(mood.value).toBe("negative");
    expect(mood.verification.status).toBe("grounded");
    expect(mood.text).not.toMatch(/valence|sentiment|statements|\d/);
  });

  it("reads low from how people say a hard stretch: feeling down, struggling, a hard or tough time, been better, pretty rough", () => {
    for (const words of ["I've been feeling down since the move.", "I am struggling with the new shifts.", "It has been a hard time with the new baby.", "Honestly I have been better these weeks.", "Honestly pretty rough since the funeral."]) {
      const mood = moodOf(["T: How have things been?", `P: ${words}`]);
      expect(mood.text, words).toMatch(/^Presented as low /);
      expect(mood.value, words).toBe("negative");
    }
  });

  it("reads being sick of something as anger, as being fed up is", () => {
    const mood = moodOf(["T: How do you feel about the advice?", "P: I'm sick of everyone at work lecturing me about my weight."]);
    expect(mood.text).toMatch(/^Presented as angry \(“sick of”\)/);
  });

  it("reads being overwhelmed as stress (anxious), not as marked distress", () => {
    const mood = moodOf(["T: How is the move going?", "P: I feel so overwhelmed by all the boxes and the paperwork."]);
    expect(mood.text).toMatch(/^Presented as anxious /);
  });

  it("never reads positive a session where the risk screen finds a current risk the mood's words do not show", () => {
    // No word of the mood lexicon names the risk here; the screen reads it as self-harm now.
    const mood = moodOf([
      "T: How have things been since we last met?",
      "P: I'm so happy and hopeful about the new flat, I'm excited, really glad.",
      "T: And the other thing we talked about?",
      "P: I have been cutting my arms again most nights.",
    ]);
    // Nor mixed with hope: the hope about the flat is in the transcript, the line reads the risk.
    expect(mood.text).toBe("Presented as distressed (“I have been cutting my arms again most nights.”).");
    expect(mood.value).toBe("very_negative");
    expect(mood.verification.status).toBe("grounded");
    // Its window is charted at the bottom, distressed first, as the line reads it.
    const risky = (mood.windows ?? []).find((window) => window.balance === -1);
    expect(risky?.moods[0]).toBe("distressed");
  });

  it("does not read someone else's risk, or risk in the past, as the patient's distress now", () => {
    for (const line of ["My cousin has been cutting her arms, it breaks my heart.", "Years ago I used to cut my arms, but that is long behind me."]) {
      const mood = moodOf(["T: How have things been?", "P: I'm so happy and hopeful about the new flat, I'm excited, really glad.", "T: And?", `P: ${line}`]);
      expect(mood.text, line).not.toMatch(/distressed/);
    }
  });

  it("reads mixed when two moods show", () => {
    const mood = moodOf([
      "P: I'm really worried about the court date and I can't sleep for the stress.",
      "T: And the new job?",
      "P: I'm excited about the job, genuinely hopeful for once, and I'm worried too.",
    ]);
    expect(mood.text).toMatch(/^Mixed: presented as anxious .* and hopeful /);
    expect(mood.value).toBe("mixed");
  });

  it("never reads positive a session with a current risk statement, however warm its thanks", () => {
    const mood = moodOf([
      "P: Honestly I want to die, I've saved up my pills.",
      "T: Thank you for telling me. Let's make a plan to keep you safe today.",
      "P: Okay. I'm glad I told you, I feel happy you listened, thank you so much, I'm grateful.",
    ]);
    expect(mood.text).toMatch(/^(Mixed: presented as|Presented as) distressed/);
    expect(mood.value).not.toMatch(/positive/);
  });

  it("reads no mood, saying so, where the patient said no word of feeling — never 'calm' for nothing found", () => {
    const notes = notesOf(["T: What did you do at the weekend?", "P: We went to the market and then cooked a curry with my brother."]);
    expect(isNotAssessed(notes.sessionMood)).toBe(true);
    expect(JSON.stringify(notes.sessionMood)).toContain("No words of feeling this writer recognises");
    expect(JSON.stringify(notes.sessionMood)).not.toContain("calm");
  });

  it("reads no feeling from a pleasant word asked about, a greeting, a courtesy, one only tried for or wished for, someone else's feeling or one denied", () => {
    for (const turn of [
      "P: How does anyone ever get happy?",
      "P: Thanks for listening, happy holidays.",
      "P: She was angry with the landlord, my sister.",
      "P: They were so stressed about the move.",
      "P: My son always seems so happy at school.",
      "P: Nothing makes me happy now.",
      "P: I'm glad to hear that you are keeping well.",
      "P: I keep trying to stay hopeful and positive.",
      "P: Maybe one day I could be happy in a quieter job.",
      "P: I just want to feel calm again.",
      "P: I scared her. I put my fist through the door.",
      "P: I really upset my mum.",
      "P: My boy was scared of me.",
      "P: My husband won't change anything, hes happy the way it is.",
      "P: I'm positive with flu, so I'm stuck at home.",
      "P: I tested positive for flu.",
      "P: The test came back positive.",
      "P: She refuses to do something positive about it.",
      "P: I'm glad you're doing well.",
    ]) {
      expect(isNotAssessed(notesOf(["T: What happened this week?", turn]).sessionMood), turn).toBe(true);
    }
    // The patient's own feeling stays: an unpleasant word asked, "me" as the one feeling, "I" after the word.
    for (const turn of ["P: Why am I so anxious all the time?", "P: Her silence makes me angry.", "P: My son makes me so happy.", "P: I never told them how sad I am.", "P: Honestly I'm distraught.", "P: I'm glad to hear the clinic has a place.", "P: It scared me half to death.", "P: I'm scared her dad will find out.", "P: It scares me if I'm honest.", "P: I feel really positive about the move.", "P: I'm glad I went."]) {
      expect(isNotAssessed(notesOf(["T: What happened this week?", turn]).sessionMood), turn).toBe(false);
    }
  });

  it("reads hating an act as low, not angry", () => {
    expect(notesOf(["T: How was it?", "P: My mum was crying in the car. I hate seeing her like that."]).sessionMood).toMatchObject({ text: "Presented as low (“hate”)." });
    expect(notesOf(["T: How was it?", "P: I hate my manager and the way he talks to me."]).sessionMood).toMatchObject({ text: "Presented as angry (“hate”)." });
  });

  it("reads the everyday words of low mood, and a feeling of being wrecked only as the patient's own", () => {
    for (const [turn, word] of [
      ["P: Feeling pretty bummed about work, honestly.", "bummed"],
      ["P: I'm burnt out from all the coursework.", "burnt out"],
      ["P: I'm in a bad mood all the time.", "bad mood"],
      ["P: She walked out on me. I am destroyed.", "I am destroyed"],
      ["P: I feel very bad about it.", "feel very bad"],
      ["P: It's been a rough year.", "rough year"],
      ["P: I've got no direction any more.", "no direction"],
      ["P: I've been feeling really low.", "feeling really low"],
      ["P: I feel flat most days.", "feel flat"],
      ["P: I've been feeling a bit blue.", "feeling a bit blue"],
      ["P: I'm so blue since she left.", "I'm so blue"],
      ["P: I've been feeling kind of low.", "feeling kind of low"],
      ["P: I feel a little blue today.", "feel a little blue"],
      ["P: I'm gutted, honestly.", "gutted"],
      ["P: I'm knackered all the time.", "knackered"],
    ] as const) {
      expect(notesOf(["T: How have things been?", turn]).sessionMood, turn).toMatchObject({ text: `Presented as low (“${word}”).` });
    }
    // A thing destroyed or crushed is an event, not the patient's feeling; a price or an income "low" is no mood.
    expect(isNotAssessed(notesOf(["T: What happened?", "P: The storm destroyed our fence and crushed the car."]).sessionMood)).toBe(true);
    expect(isNotAssessed(notesOf(["T: What happened?", "P: The price is really low and my income is low."]).sessionMood)).toBe(true);
    // An inhaler, a car or a sky that is blue shows no mood.
    expect(isNotAssessed(notesOf(["T: Which inhaler do you use?", "P: Only the blue one. The blue inhaler helps when my chest is tight."]).sessionMood)).toBe(true);
    expect(notesOf(["T: How was it?", "P: I'm fuming about it."]).sessionMood).toMatchObject({ text: "Presented as angry (“fuming”)." });
    expect(notesOf(["T: How was it?", "P: I'm chuffed with how it went."]).sessionMood).toMatchObject({ text: "Presented as hopeful (“chuffed”)." });
  });

  it("reads a feeling the therapist said back and the patient agreed with, saying so, after the patient's own words", () => {
    const agreed = notesOf(["T: How has it been?", "P: My brother keeps saying I'll be back inside.", "T: That sounds really frustrating.", "P: It is. He never lets up."]);
    expect(agreed.sessionMood).toMatchObject({ value: "negative", text: "Presented as angry (agreed when the therapist said “frustrating”).", verification: { status: "grounded" } });
    expect(isNotAssessed(agreed.sessionMood) ? [] : agreed.sessionMood.evidence.map((span) => span.segmentId)).toEqual(["seg-2", "seg-3"]);
    const both = notesOf(["T: How has it been?", "P: I'm so angry with him.", "T: You're feeling let down and frustrated.", "P: Yeah."]);
    expect(both.sessionMood).toMatchObject({ text: "Presented as angry (“angry”; agreed when the therapist said “frustrated”)." });
    // Not agreed, asked, or no saying back of the patient: nothing read from the therapist's words.
    for (const [said, answer] of [
      ["That sounds really frustrating.", "Not really, it's fine."],
      ["That sounds really frustrating.", "Okay."],
      ["Does that feel frustrating?", "Yeah."],
      ["It calms the swelling in your airways over a few weeks.", "Right."],
      ["Some people feel frustrated at first.", "Yeah."],
    ]) {
      expect(isNotAssessed(notesOf(["T: How has it been?", "P: My brother keeps on at me.", `T: ${said}`, `P: ${answer}`]).sessionMood), `${said} / ${answer}`).toBe(true);
    }
  });

  it("reads having nothing to live for as distress", () => {
    expect(notesOf(["T: How are you?", "P: I've got nothing to live for."]).sessionMood).toMatchObject({ text: "Presented as distressed (“nothing to live for”)." });
  });

  it("moves the trajectory with the same words as the mood", () => {
    const notes = notesOf([
      "P: I was so anxious and scared on Monday, I couldn't breathe.",
      "T: And by Friday?",
      "P: By Friday I felt calm and hopeful again, relieved even.",
      "T: Good.",
    ]);
    expect(isNotAssessed(notes.moodTrajectory)).toBe(false);
    expect(notes.moodTrajectory).toMatchObject({ value: "improving", text: "Brighter in the second half of the session than in the first." });
  });

  it("says nothing of how the mood moved when words of feeling fall in one half of the session only", () => {
    // Two early turns are not "the second half": every word of feeling here is in the first few minutes.
    const notes = notesOf([
      "T: How have things been?",
      "P: Pretty rough, I feel so sad and tired of everything.",
      "T: What has been hardest?",
      "P: I'm lonely in the evenings.",
      "T: Who could you call in the evenings?",
      "P: My brother.",
      "T: Would you call him on Monday?",
      "P: Yes, I'll call him on Monday.",
      "T: And the walk?",
      "P: I'll take the dog out after work.",
      "T: See you next week.",
      "P: Okay, see you then.",
    ]);
    expect(notes.moodTrajectory).toMatchObject({ status: "not_assessed", reason: expect.stringMatching(/^Words of feeling only in the first half of the session/) });
  });

  it("reads feeling better or worse as the mood moving, never as a mood of its own", () => {
    const better = notesOf(["T: How was the week?", "P: I felt so sad and lonely.", "T: Tell me more.", "P: Just lonely.", "T: And now, after talking?", "P: A bit better now.", "T: Good.", "P: Yes, I feel better."]);
    expect(better.moodTrajectory).toMatchObject({ value: "improving", verification: { status: "grounded" } });
    expect(better.sessionMood).toMatchObject({ text: "Presented as low (“sad”, “lonely”)." });
    const worse = notesOf(["T: How was the week?", "P: I felt calm and relaxed at first.", "T: Go on.", "P: It was fine.", "T: And since the call?", "P: I feel worse.", "T: I see.", "P: A bit worse now, honestly."]);
    expect(worse.moodTrajectory).toMatchObject({ value: "declining" });
    // "I feel worse" shows low mood as well ("feel bad" by its lemmas): it stays in the mood line.
    expect(moodOf(["T: How are you?", "P: I feel worse."])).toMatchObject({ text: "Presented as low (“feel worse”)." });
    // Alone, "a bit better" shows no mood; denied, asked, wished for or foreseen it moves nothing.
    expect(isNotAssessed(notesOf(["T: How are you?", "P: A bit better."]).sessionMood)).toBe(true);
    for (const words of ["I don't feel better at all.", "Will I ever feel a bit better?", "I just want to feel better.", "I think I'll feel better by the spring."]) {
      const notes = notesOf(["T: How was the week?", "P: I felt so sad.", "T: Go on.", "P: Lonely too.", "T: And now?", `P: ${words}`, "T: Okay.", "P: Yes."]);
      expect(isNotAssessed(notes.moodTrajectory) ? "not told" : (notes.moodTrajectory as { value: string }).value, words).not.toBe("improving");
    }
  });

  it("reads feeling better or worse than when the session began, or than before, as the mood moving", () => {
    const better = notesOf(["T: How was the week?", "P: I felt so sad and lonely.", "T: Tell me more.", "P: Just lonely.", "T: And now, after talking?", "P: Better than when I came in.", "T: Good.", "P: Much better than before."]);
    expect(better.moodTrajectory).toMatchObject({ value: "improving" });
    const worse = notesOf(["T: How was the week?", "P: I felt calm and relaxed at first.", "T: Go on.", "P: It was fine.", "T: And since the call?", "P: Worse than at the start, if anything.", "T: I see.", "P: Worse than earlier, honestly."]);
    expect(worse.moodTrajectory).toMatchObject({ value: "declining" });
    // Foreseen, it moves nothing.
    const foreseen = notesOf(["T: How was the week?", "P: I felt so sad and lonely.", "T: Tell me more.", "P: Just lonely.", "T: And now?", "P: It will be better than before, I hope.", "T: Okay.", "P: Yes."]);
    expect(isNotAssessed(foreseen.moodTrajectory) ? "not told" : (foreseen.moodTrajectory as { value: string }).value).not.toBe("improving");
  });

  it("reads no feeling in a word of mood that names a thing", () => {
    for (const words of ["I take my blood pressure tablet at night.", "The doctor says it is a stress fracture.", "My tyre pressure light came on."]) {
      expect(isNotAssessed(notesOf(["T: How are you?", `P: ${words}`]).sessionMood), words).toBe(true);
    }
    expect(moodOf(["T: How are you?", "P: Work puts so much pressure on me."])).toMatchObject({ text: expect.stringMatching(/anxious/) });
  });

  it("counts a statement of current risk the screen found as distress in its half", () => {
    // The risk statement has no word of the mood lexicon; the screen finds it. The end feels better.
    const notes = notesOf([
      "T: How have things been since last time?",
      "P: On Tuesday I sat in the car and thought about driving into the river.",
      "T: Thank you for telling me. What helps?",
      "P: Music, and the dog.",
      "T: Could you call your brother when it gets bad?",
      "P: Yes, I'll call him.",
      "T: How are you feeling about the plan?",
      "P: Still sad, but hopeful about the plan.",
    ]);
    expect(notes.moodTrajectory).toMatchObject({ value: "improving", verification: { status: "grounded" } });
  });
});

describe("a mood raised past the ordinary", () => {
  it("reads elevated, never hopeful or positive, beside the pleasant words it colours", () => {
    const mood = moodOf([
      "T: How have you been since you stopped the lithium?",
      "P: Honestly? Amazing. I feel invincible. I'm so happy, I could take on the world.",
      "T: How much are you sleeping?",
      "P: Three hours. I don't need sleep, my mind is racing with ideas.",
    ]);
    expect(mood.text).toMatch(/^Presented as elevated \(/);
    expect(mood.text).not.toMatch(/hopeful/);
    expect(mood.value).toBe("neutral");
  });
});

describe("a word that names suicide without saying whose", () => {
  it("shows no distress of the patient's where the screen read no risk of theirs", () => {
    const mood = moodOf(["T: How was the inquest?", "P: Numb. And then the coroner said suicide and it was official. I feel so guilty."]);
    expect(mood.text).toBe("Presented as low (“Numb”, “guilty”).");
    // Their own, it is distress.
    expect(moodOf(["T: How have you been?", "P: I've been feeling suicidal again this week."]).text).toMatch(/^Presented as distressed/);
  });
});

describe("a current risk the screen found, in words the lexicon does not hold", () => {
  it("reads no hope beside it: a caller in crisis is not 'low and hopeful'", () => {
    const mood = moodOf([
      "T: What's brought you to ringing tonight?",
      "P: I'm so tired of it all. I don't want to be here anymore.",
      "T: Are you thinking about killing yourself?",
      "P: Yeah.",
      "T: I'm glad you rang. Could you ring your sister now?",
      "P: Ok it's ringing. She's crying, she says she's glad I rang. I'm glad I rang too.",
    ]);
    expect(mood.text).not.toMatch(/hopeful/);
    expect(mood.value).not.toMatch(/positive|mixed/);
  });
});

describe("the words quoted for a mood", () => {
  it("quotes a short screened answer ('I think so.') as distress only when nothing longer shows it", () => {
    const turns = ["T: Have you had thoughts of ending your life?", "P: I think so.", "T: Tell me more.", "P: Some nights I think about taking all my tablets at once."];
    const segments = turns.map((turn, index) => readSegment({ id: `s${index}`, speaker: turn[0]!, startMs: index * 60_000, text: turn.slice(3) }, turn.startsWith("T") ? "therapist" : "patient"));
    const long = turns[3]!.slice(3);
    const answer = { segmentId: "s1", start: 0, end: "I think so.".length };
    const statement = { segmentId: "s3", start: 0, end: long.length };
    const both = clinicalMoodReading(segments, [answer, statement]).mood;
    if (isNotAssessed(both)) throw new Error("not assessed");
    expect(both.text).toBe(`Presented as distressed (“${long}”).`);
    const answerOnly = clinicalMoodReading(segments, [answer]).mood;
    if (isNotAssessed(answerOnly)) throw new Error("not assessed");
    expect(answerOnly.text).toBe("Presented as distressed (“I think so.”).");
  });
});

describe("one reading: the mood line, the trajectory and the mood chart's windows", () => {
  it("a session with a suicidal disclosure reads distressed everywhere and never positive, its window at the bottom", () => {
    const turns = [
      "T: How has the week been?",
      "P: I felt happy and hopeful on Monday, I was glad to see my friends and excited about the trip.",
      "T: And after that?",
      "P: Since Wednesday I want to die, I can't cope any more.",
      "T: Thank you for telling me.",
      "P: I'm grateful you listened, I feel relieved and hopeful now.",
    ];
    const segments = turns.map((turn, index) =>
      readSegment({ id: `s${index}`, speaker: turn[0]!, startMs: index * 120_000, text: turn.slice(3) }, turn.startsWith("T") ? "therapist" : "patient"),
    );
    // Where the risk screen found the statement (the writer asks the embedded screen; here it is given).
    const said = turns[3]!.slice(3);
    const risks = [{ segmentId: "s3", start: said.indexOf("I want to die"), end: said.indexOf("I want to die") + "I want to die".length }];
    const mood = clinicalMoodReading(segments, risks).mood;
    if (isNotAssessed(mood)) throw new Error("not assessed");
    expect(mood.value).not.toMatch(/positive/);
    expect(mood.text).toMatch(/^(Mixed: presented as|Presented as) distressed/);
    const windows = mood.windows ?? [];
    const risky = windows.find((window) => window.startMs <= 360_000 && window.endMs > 360_000)!;
    expect(risky).toMatchObject({ balance: -1 });
    expect(risky.moods[0]).toBe("distressed");
    // Every window the patient spoke in is charted, read from the same words as the line.
    expect(windows.length).toBe(3);
    expect(windows.flatMap((window) => window.moods)).toEqual(expect.arrayContaining(["hopeful", "distressed"]));
    const trajectory = clinicalMoodReading(segments, risks).trajectory;
    expect(isNotAssessed(trajectory) ? "not assessed" : trajectory.value).not.toBe("not assessed");
  });
});
