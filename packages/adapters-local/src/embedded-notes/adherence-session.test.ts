/**
 * A session with a man who misses doses of his HIV medication at his girlfriend's, who does not
 * know, written for the test (no real session's words). Run as the pipeline runs it: the risk
 * screen, then the writer, then core's check. He takes up a pill case by "one" and says yes to
 * checking in again; telling her is "not yet", and no plan.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Marcus. The clinic asked me to see you because a few doses of your HIV medication have been missed. How are things going with the tablets?",
  "P: Yeah, I've missed a few. Maybe three or four last month.",
  "T: What tends to get in the way?",
  "P: Weekends mostly. I stay at my girlfriend's and I don't want her to see the bottle. She doesn't know.",
  "T: So keeping it private from her matters a lot, and the tablets give it away.",
  "P: Yeah. I'm not ready to tell her. I'm scared she'll leave.",
  "T: That's a hard position to be in. You're protecting the relationship and your health at the same time.",
  "P: Exactly. It's exhausting, to be honest.",
  "T: What do you know about what happens when doses are missed?",
  "P: The doctor said the virus can become resistant. That worries me.",
  "T: It can, yes. Keeping the level steady is what keeps the virus down. How important is that to you, from one to ten?",
  "P: Ten. I want to stay well. I just don't know how to do it at hers.",
  "T: Some people carry a day's dose in a small pill case, so there's no bottle. Would that work for you?",
  "P: That could work. I'll get one this week.",
  "T: And if you did decide to tell her at some point, the clinic has a partner notification service that can help with that conversation.",
  "P: Maybe one day. Not yet.",
  "T: That's your decision to make, and there's no rush. Shall we check in again in a month, with your next blood test?",
  "P: Yes, that's fine.",
];

describe("a session about missed HIV medication, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("finds no risk language", () => {
    expect(flags).toEqual([]);
  });

  it("acknowledges his position in the therapist's words", () => {
    expect(listed(notes.interventions).map((item) => item.text)).toContain("Acknowledged: “That's a hard position to be in.”");
  });

  it("writes the pill case he will get, with what 'one' is, and the check-in he said yes to; not telling her", () => {
    expectGroundedPlan(notes, [
      "Agreed: “I'll get one this week.” — to “Some people carry a day's dose in a small pill case, so there's no bottle.”",
      "Agreed: “Yes, that's fine.” — to “Shall we check in again in a month, with your next blood test?”",
    ]);
  });
});
