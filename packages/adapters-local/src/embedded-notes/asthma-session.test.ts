/**
 * A session with a teenager whose asthma sent him to A and E, who uses only his reliever, written
 * for the test (no real session's words). Run as the pipeline runs it: the risk screen, then the
 * writer, then core's check. The inhalers are named by colour ("the blue one"), which is no low
 * mood; the plan is said as acts alone in answer to "So what's the plan?".
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Thanks for coming in, Sam. The nurse mentioned your asthma has been playing up. What's been happening?",
  "P: I ended up in A and E two weeks ago. Couldn't breathe after football. It was really scary.",
  "T: That sounds frightening. How have you been getting on with the brown inhaler, the preventer?",
  "P: Honestly, I don't really use it. Only the blue one when I need it.",
  "T: So the blue one gets you through, and the brown one doesn't feel like it does much.",
  "P: Yeah. It doesn't do anything when I take it. And I forget, mornings are a rush.",
  "T: The preventer works slowly. It calms the swelling in your airways over a few weeks, so you don't feel it straight away.",
  "P: Right. Nobody ever told me that.",
  "T: What would be different for you if your asthma was under control?",
  "P: I could play the full match without stopping. I want to get into the county squad next year.",
  "T: The county squad matters a lot to you.",
  "P: It does. My coach said I need to be fitter, but I'm not unfit, it's my chest.",
  "T: You've got a real goal there. On a scale of one to ten, how important is it to take the preventer every day?",
  "P: Probably a seven. I just don't want to be the kid with the inhaler.",
  "T: You're worried what the others think.",
  "P: Kind of. Nobody else on the team has one.",
  "T: So what's the plan?",
  "P: Keep it by my toothbrush and take it morning and night. Set an alarm on my phone as well.",
  "T: That sounds like a good plan. What will you do if you forget one?",
  "P: Just take it when I remember, I suppose.",
  "T: Would you be willing to come back in four weeks so we can check your peak flow?",
  "P: Yeah, okay.",
  "T: So you'll keep the preventer by your toothbrush, take it twice a day, set an alarm, and come back in four weeks. Have I got that right?",
  "P: Yeah, that's it.",
];

describe("a session about a preventer inhaler left unused, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("finds no risk language", () => {
    expect(flags).toEqual([]);
  });

  it("reads no low mood from the colour of his inhaler: with no word of feeling of his own, the mood is left to the clinician", () => {
    const mood = notes.sessionMood;
    expect("text" in mood ? mood.text : mood.reason).toMatch(/^No words of feeling this writer recognises in the patient's turns/);
    expect(listed(notes.topicSummary)[0]?.text).toBe("Talked mainly about asthma and inhaler.");
  });

  it("writes the plan he said in answer to the question, the visit he said yes to, and the summary he confirmed", () => {
    expectGroundedPlan(notes, [
      "Agreed: “Keep it by my toothbrush and take it morning and night. Set an alarm on my phone as well.” — to “So what's the plan?”",
      "Agreed: “Yeah, okay.” — to “Would you be willing to come back in four weeks so we can check your peak flow?”",
      "Agreed: So you'll keep the preventer by your toothbrush, take it twice a day, set an alarm, and come back in four weeks. — “Yeah, that's it.”",
    ]);
  });
});
