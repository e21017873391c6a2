/**
 * A session with a man who has been violent at home, written for the test (no real session's
 * words): he is staying at a friend's, has booked onto the programme the court suggested, may move
 * to his aunt's, and agrees a step for when anger builds. What he arranged is the plan, with when
 * it starts; what he only might do is not written as decided. The door he punched is listed to
 * review, never paged.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Last time we talked about the night the police came. How have things been since?",
  "P: Better, mostly. I haven't lost it like that again. I'm still staying at my mate's.",
  "T: That's a big change. What's helped?",
  "P: Honestly, being out of the house. When me and her are in the same room it just goes off.",
  "T: What happens in your body when it starts to go off?",
  "P: My chest goes tight and I start shouting. Last time I punched the door.",
  "T: You noticed the signs before it got physical that time.",
  "P: Yeah, but only just. I don't want to be that bloke. My dad was that bloke.",
  "T: You mentioned the programme the court suggested. Where are you with that?",
  "P: I've booked onto it. It starts on the fourteenth, Tuesday evenings for twelve weeks.",
  "T: That's a real step. How do you feel about going?",
  "P: Nervous. I don't like groups. But I'll go.",
  "T: And the housing?",
  "P: My aunt said I can stay with her in Leeds for a bit. I might move there next month, I'm not sure yet.",
  "T: What would you do if you felt it building again before the programme starts?",
  "P: Walk out. Go round the block. I did that on Sunday and it worked.",
  "T: Would you be willing to text your mate when you leave, so someone knows?",
  "P: Yeah, I can do that.",
];

describe("a session about anger at home, as a clinician reads its plan", () => {
  const { flags, notes } = run(session);

  it("lists the door he punched to review, under harming someone else, and pages no one", () => {
    expect(flags.map((flag) => [flag.category, flag.evidence[0]?.segmentId, flag.tier, flag.text])).toEqual([["harm_to_others", "seg-5", "review", "Spoke of hitting or breaking things in anger"]]);
  });

  it("writes the programme he booked onto, with when it starts, and the step he agreed — not the move he is unsure of", () => {
    expectGroundedPlan(notes, [
      "I've booked onto it. It starts on the fourteenth, Tuesday evenings for twelve weeks.",
      "Agreed: “Yeah, I can do that.” — to “Would you be willing to text your mate when you leave, so someone knows?”",
    ]);
    // The move he is unsure of is for the clinician to confirm with him.
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual(["To confirm: I might move there next month, I'm not sure yet."]);
  });
});
