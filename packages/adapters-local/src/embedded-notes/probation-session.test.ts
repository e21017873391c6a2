/**
 * A session with a man six weeks out of prison, referred by his probation officer, written for the
 * test (no real session's words). Run as the pipeline runs it: the risk screen, then the writer,
 * then core's check. He names no feeling in his own words but agrees when the therapist says one
 * back; his plan holds what is arranged, what he said yes to and the next session.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Good to see you, Dean. Your probation officer asked me to see you about staying out of trouble since you got out. How's it been?",
  "P: Alright, mostly. Six weeks out now. It's harder than I thought.",
  "T: What's been hardest?",
  "P: Money. And the lads I used to knock about with keep messaging me. They know I've got nothing.",
  "T: So there's pressure from old mates, and not much money coming in.",
  "P: Yeah. My brother winds me up as well, I could kill him sometimes. He keeps saying I'll be back inside by Christmas.",
  "T: That sounds really frustrating, having him expect the worst.",
  "P: It is. I'm not going back inside. I've got a little girl now.",
  "T: Your daughter is a big reason to stay out.",
  "P: She's everything. I missed her first birthday.",
  "T: What would help you keep away from the old crowd?",
  "P: Changing my number, probably. And getting a job so I'm not sat at home.",
  "T: Where are you with work?",
  "P: I've got an interview at the warehouse on Thursday. I'm going to the job centre on Monday to sort my CV first.",
  "T: That's a real step forward. Would you be willing to change your number this week?",
  "P: Yeah, I'll do it tomorrow.",
  "T: And the lads, if they turn up at the door?",
  "P: I'll tell them I'm done. I'm not getting dragged back in.",
  "T: Let's meet again after your interview.",
  "P: Yeah, sound.",
];

describe("a session about staying out of prison, as a clinician reads it", () => {
  const { notes } = run(session);

  it("reads the feeling he agreed with when the therapist said it back, and says so", () => {
    expect(notes.sessionMood).toMatchObject({ value: "negative", text: "Presented as angry (agreed when the therapist said “frustrating”).", verification: { status: "grounded" } });
  });

  it("writes what is arranged, what he said yes to, what he will tell his old mates and the next session", () => {
    expectGroundedPlan(notes, [
      "I've got an interview at the warehouse on Thursday.",
      "I'm going to the job centre on Monday to sort my CV first.",
      "Agreed: “Yeah, I'll do it tomorrow.” — to “Would you be willing to change your number this week?”",
      "I'll tell them I'm done.",
      "Agreed: “Yeah, sound.” — to “Let's meet again after your interview.”",
    ]);
  });
});
