/**
 * A session with a man whose betting has got out of hand, written for the test (no real session's
 * words). Run as the pipeline runs it: the risk screen, then the writer, then core's check. He
 * says yes to self-exclusion and says when, and decides to tell his partner; the five-a-side he
 * only might ring is not written as decided.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Last week you said the betting had got out of hand. How has this week been?",
  "P: Not great. I lost four hundred on Saturday on the football. That was the rent money.",
  "T: Four hundred. How are you feeling about that?",
  "P: Gutted. Sick, really. My partner doesn't know yet. I keep chasing it, thinking the next one will win it back.",
  "T: Chasing the losses.",
  "P: Yeah. I had the apps deleted but I downloaded them again on Friday night.",
  "T: What was going on on Friday night?",
  "P: I was on my own, bored, had a couple of beers. It just feels like the only thing that gives me a lift.",
  "T: So boredom and being on your own are part of it. What do you think about self-exclusion, blocking yourself from the sites?",
  "P: I've heard of it. GamStop or something.",
  "T: That's the one. Would you be willing to sign up to it this week?",
  "P: Yeah. I'll do it tonight, before I change my mind.",
  "T: And your partner?",
  "P: I need to tell her. I'm going to tell her on Sunday when the kids are at her mum's.",
  "T: That takes courage. Is there anything that would help you get through the weekends?",
  "P: Maybe the five-a-side lads. They play Saturday mornings. I used to go.",
  "T: How about giving them a ring?",
  "P: I might. I don't know if they still want me.",
  "T: Let's see how it goes. Same time next week?",
  "P: Yes, please.",
];

describe("a session about gambling, as a clinician reads its plan", () => {
  const { flags, notes } = run(session);

  it("lists the drinking to review, and no risk to his life in chasing losses", () => {
    expect(flags.map((flag) => [flag.category, flag.evidence[0]?.segmentId])).toEqual([["substance", "seg-7"]]);
  });

  it("names the betting the therapist opened with in the first topic line", () => {
    expect(listed(notes.topicSummary)[0]?.text).toBe("Talked mainly about partner and betting.");
  });

  it("quotes what he said yes to in his own words, with when, what he decided, and the next session", () => {
    expectGroundedPlan(notes, [
      "Agreed: “I'll do it tonight, before I change my mind.” — to “Would you be willing to sign up to it this week?”",
      "I'm going to tell her on Sunday when the kids are at her mum's.",
      "Agreed: “Yes, please.” — to “Same time next week?”",
    ]);
  });
});
