/**
 * A pharmacist's counselling on a new statin, written for the test (no real session's words):
 * side effects, what it is for, when to take it, grapefruit juice, a dose taken twice by mistake,
 * when to stop and call, and a blood test to book. Medicine talk is no risk language, a blood
 * pressure tablet shows no feeling, and the booking the patient accepts is part of the plan.
 */
import { formatNote } from "@confide/core";
import { describe, expect, it } from "vitest";
import { listed, noteLines as lines, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi, I'm the pharmacist. Your doctor has started you on a statin, atorvastatin twenty milligrams. Have you taken one before?",
  "P: No, this is the first time. To be honest I'm a bit worried about it. My sister said they made her muscles ache.",
  "T: That's a fair worry. Some people do get muscle aches. Most don't, and if it happens we can change the dose or try a different one.",
  "P: Okay. What is it actually for? I feel fine.",
  "T: Your cholesterol came back high, and with your blood pressure it raises the chance of a heart attack or a stroke over the next ten years. The statin lowers that.",
  "P: Right. My dad had a heart attack at fifty-five, so I suppose I should take it seriously.",
  "T: It sounds like your dad's heart attack is on your mind.",
  "P: Yeah. He survived, but he was never the same after.",
  "T: When would be the easiest time for you to take it each day?",
  "P: Probably at night, when I take my blood pressure tablet.",
  "T: Night is a good time. Do you drink grapefruit juice at all?",
  "P: Sometimes in the morning. Is that a problem?",
  "T: Large amounts can raise the level of the statin in your blood, so it's best to avoid grapefruit juice while you take it.",
  "P: Okay, I'll stop the grapefruit juice then.",
  "T: And if you ever take too many by mistake, or miss a dose, just carry on with the next one at the usual time. Don't double up.",
  "P: Got it. What if I get the aches?",
  "T: If you get muscle pain you can't explain, especially with weakness or dark urine, stop taking it and call us or your GP straight away.",
  "P: Okay, I'll call you if that happens.",
  "T: Your GP will want a blood test in about three months to check your liver and cholesterol. Can I book that for you now?",
  "P: Yes, please.",
  "T: Is there anything else worrying you?",
  "P: Not really. I feel better now I know what it's for.",
];

describe("a pharmacist's counselling on a statin, as a clinician reads its note", () => {
  const { flags, notes, risk } = run(session);

  it("finds no risk language in talk of doses, too many taken by mistake, or stopping a medicine", () => {
    expect(flags).toEqual([]);
  });

  it("reads the worry the patient said, not the blood pressure tablet", () => {
    expect(notes.sessionMood).toMatchObject({ text: "Presented as anxious (“worried”)." });
    expect(listed(notes.emotionalThemes).map((theme) => [theme.text, theme.evidence.length])).toEqual([["anxiety", 1]]);
  });

  it("writes the change the patient committed to and the blood test they accepted to have booked, both grounded", () => {
    const items = listed(notes.actionItems);
    expect(items.map((item) => item.text)).toEqual(["Okay, I'll stop the grapefruit juice then.", "Agreed: “Yes, please.” — to “Your GP will want a blood test in about three months to check your liver and cholesterol. Can I book that for you now?”"]);
    expect(items.map((item) => item.verification?.status)).toEqual(["grounded", "grounded"]);
    const note = formatNote("soap", notes, risk);
    expect(lines(note.sections.find((section) => section.key === "plan"))).toHaveLength(3);
  });

  it("leaves the safety-net advice the patient said they would follow if it happens to confirm, never a plan line", () => {
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual([
      "To confirm: If you get muscle pain you can't explain, especially with weakness or dark urine, stop taking it and call us or your GP straight away. — “Okay, I'll call you if that happens.”",
    ]);
  });
});
