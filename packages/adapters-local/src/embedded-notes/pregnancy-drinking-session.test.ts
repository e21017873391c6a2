/**
 * A session with a pregnant patient afraid she harmed the baby by drinking before she knew, written
 * for the test (no real session's words): she has stopped, is terrified and tearful, takes up a
 * joint visit to the midwife asked as a question ("Would it help to…?" — "Yes, I'd like that.")
 * and a way to hold the worry at night. Her mood is never read positive, however much better she
 * feels at the end.
 */
import { formatNote } from "@confide/core";
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, noteLines as lines, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi, thanks for coming to see me. The midwife mentioned you wanted to talk about drinking.",
  "P: Yeah. I'm eighteen weeks. Before I knew I was pregnant I was going out a lot, drinking most weekends.",
  "T: How do you feel about that now?",
  "P: Terrified, honestly. I keep reading stuff online and I'm scared I've already hurt the baby.",
  "T: That sounds really frightening. It's good that you came in to talk about it.",
  "P: I cried the whole night after I found out. My partner says I'm overreacting, but it's on my mind all the time.",
  "T: What's your drinking like now?",
  "P: I've stopped completely since I found out. Not even a glass at my sister's wedding.",
  "T: That took real determination. What helped you stop?",
  "P: Just thinking about the baby. I don't want to mess this up.",
  "T: Many babies exposed to alcohol early on are fine, and stopping now makes a real difference. Your midwife can talk you through the scans.",
  "P: Okay. That actually helps. I feel a bit better.",
  "T: Would it help to see the midwife together next week to go through your worries?",
  "P: Yes, I'd like that.",
  "T: And if the worry gets too much at night, you could jot it down and bring the list to your next appointment.",
  "P: I'll try that. I'm going to keep a notebook by the bed.",
];

describe("a pregnant patient's session about drinking, as a clinician reads its note", () => {
  const { notes, risk } = run(session);

  it("reads her terrified, never positive, and the end a little brighter", () => {
    expect(notes.sessionMood).toMatchObject({ value: "negative", text: "Presented as anxious (“Terrified”, “scared”)." });
    expect(notes.moodTrajectory).toMatchObject({ value: "improving" });
  });

  it("writes the visit she took up when asked, the proposal she agreed to and her own step, each grounded", () => {
    expectGroundedPlan(notes, [
      "Agreed: “Yes, I'd like that.” — to “Would it help to see the midwife together next week to go through your worries?”",
      "Agreed: And if the worry gets too much at night, you could jot it down and bring the list to your next appointment. — “I'll try that.”",
      "I'm going to keep a notebook by the bed.",
    ]);
  });

  it("lists the proposal as what the therapist did, and the visit asked about as no strategy", () => {
    const note = formatNote("birp", notes, risk);
    const strategies = lines(note.sections.find((section) => section.key === "intervention")).filter((line) => line.startsWith("Strategy discussed"));
    expect(strategies).toEqual(["Strategy discussed: And if the worry gets too much at night, you could jot it down and bring the list to your next appointment."]);
  });
});
