/**
 * A session with a woman who has smoked for thirty years and wants to stop for her
 * granddaughter, written for the test (no real session's words). Run as the pipeline runs it:
 * the risk screen, then the writer, then core's check. Her plan is agreed four ways: a referral
 * accepted, a step said alone in answer to "What's your next step?", a summary confirmed, and a
 * commitment of her own to another act after it.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Linda, thanks for seeing me. Your GP mentioned you've been thinking about your smoking. Is it okay if we talk about that today?",
  "P: Yeah, that's fine. I know I should stop. I've been smoking for thirty years.",
  "T: Thirty years. What's got you thinking about it now?",
  "P: My granddaughter. She asked me why I smell funny. And I get so out of breath on the stairs.",
  "T: So your granddaughter and your breathing are both telling you something.",
  "P: Exactly. Part of me really wants to stop, but it's the only time I get to myself. Ten minutes in the garden with a cup of tea.",
  "T: The cigarette is your break, your bit of peace in the day.",
  "P: It is. I'm scared I'll be like a bear with a sore head if I stop.",
  "T: That makes sense. Lots of people worry about that. What have you tried before?",
  "P: I went cold turkey twice. Lasted about a week each time.",
  "T: A week is something. What helped during that week?",
  "P: Keeping busy. Chewing gum. My daughter was really supportive.",
  "T: On a scale of one to ten, how confident are you that you could stop this time?",
  "P: About a five. Maybe six with some help.",
  "T: There's a stop smoking service at the surgery. They do patches and weekly check-ins. Would you like me to refer you?",
  "P: Yes, please. I think the patches would help.",
  "T: What's your next step?",
  "P: Pick a quit date. Probably the first of next month, after my birthday.",
  "T: And what will you do with those ten minutes in the garden?",
  "P: I'll still have my tea out there. Just without the cigarette.",
  "T: It sounds like you've got a real plan forming. Let me check I've got it. You're going to see the stop smoking service, use the patches, and keep your tea break in the garden. Is that right?",
  "P: That's right. And I'll tell my daughter so she can keep me on track.",
];

describe("a session about stopping smoking, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("finds no risk language, typed or as speech recognition gives it (lower case, no punctuation): a yes to a referral is no more of the smoking", () => {
    expect(flags).toEqual([]);
    const spoken = session.map((line) => `${line.slice(0, 3)}${line.slice(3).toLowerCase().replace(/[.,!?;:]/g, "")}`);
    expect(run(spoken).flags).toEqual([]);
  });

  it("reads her fear and her two minds, and what the therapist summarised", () => {
    const mood = notes.sessionMood;
    expect("text" in mood ? mood.text : mood.reason).toBe("Mixed: presented as anxious (“scared”) and ambivalent (“Part of me”).");
    expect(listed(notes.interventions).map((item) => item.text)).toContain("Summarised: “You're going to see the stop smoking service, use the patches, and keep your tea break in the garden.”");
  });

  it("writes the referral, the step she named, the summary she confirmed and the act she added", () => {
    expectGroundedPlan(notes, [
      "Agreed: “Yes, please.” — to “There's a stop smoking service at the surgery. They do patches and weekly check-ins. Would you like me to refer you?”",
      "Agreed: “Pick a quit date.” — to “What's your next step?”",
      "Agreed: You're going to see the stop smoking service, use the patches, and keep your tea break in the garden. — “That's right.”",
      "And I'll tell my daughter so she can keep me on track.",
    ]);
  });
});
