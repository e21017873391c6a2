/**
 * A session with a teenager caught shoplifting for the third time, written for the test (no real
 * session's words). Run as the pipeline runs it: the risk screen, then the writer, then core's
 * check. The concern is told in verbs ("I got caught taking stuff"), not a noun; the plan is the
 * choice she made, the meeting she agreed to, the step she said yes to and the session after it.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Kia ora, Mere. Your youth worker said you wanted to talk about what happened at the supermarket.",
  "P: Yeah. I got caught taking stuff. Makeup and a phone charger. It's the third time.",
  "T: The third time. What was going on for you when it happened?",
  "P: My mates were doing it and daring me. I don't even need that stuff, I just didn't want to look soft.",
  "T: So part of it was about how your friends see you.",
  "P: Pretty much. And it's a buzz, honestly, for like five minutes. Then I feel sick about it.",
  "T: What happened after you were caught?",
  "P: They called the police. My nan had to come and get me. She didn't say anything in the car, she just cried. That was worse than the cops.",
  "T: Your nan matters a lot to you.",
  "P: She's basically raised me. My whānau would be so shamed if I ended up in court.",
  "T: What would you like to be different?",
  "P: I don't want to get a record. I want to do my apprenticeship next year and you can't with a conviction.",
  "T: That's a strong reason. What could you do when your mates start daring you?",
  "P: I don't know. Just say I've got to go home, I guess. Or not go to the mall with them on Saturdays.",
  "T: Which of those feels doable?",
  "P: Not going on Saturdays. I'll go to my cousin's touch rugby instead.",
  "T: And the youth worker mentioned a restorative meeting with the store manager. How do you feel about that?",
  "P: Scared. But I'll do it. I want to say sorry properly.",
  "T: Would you be willing to write down what you want to say before the meeting?",
  "P: Yeah, okay.",
  "T: You've thought about this a lot. Shall we meet after the restorative meeting to talk about how it went?",
  "P: Sure.",
];

describe("a session about shoplifting, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("finds no risk language: shame, crying and the police are no risk statement", () => {
    expect(flags).toEqual([]);
  });

  it("heads the topics with what happened, told in verbs, and keeps whānau whole", () => {
    expect(listed(notes.topicSummary)[0]?.text).toBe("Talked mainly about getting caught taking and youth worker.");
    const topics = listed(notes.keyTopics).map((item) => item.text);
    expect(topics.some((topic) => /^(?:wh|nau|ā)$/u.test(topic))).toBe(false);
  });

  it("writes her choice, the meeting she agreed to, the step she said yes to and the session after", () => {
    expectGroundedPlan(notes, [
      "I'll go to my cousin's touch rugby instead.",
      "Agreed: “But I'll do it.” — to “And the youth worker mentioned a restorative meeting with the store manager.”",
      "Agreed: “Yeah, okay.” — to “Would you be willing to write down what you want to say before the meeting?”",
      "Agreed: “Sure.” — to “Shall we meet after the restorative meeting to talk about how it went?”",
    ]);
  });
});
