/**
 * A session with a teenager who smokes cannabis most evenings and a therapist who lectures him,
 * written for the test (no real session's words). Run as the pipeline runs it: the risk screen,
 * then the writer, then core's check. He agrees to nothing he is told to do: only the visit he
 * says he will make, grudgingly, is a plan.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Right, Jordan. Your mum's worried about the weed. How much are you smoking?",
  "P: Not that much. A couple of joints most evenings, more at weekends.",
  "T: That's every day, then. You know it affects your memory, and your grades have dropped.",
  "P: My grades dropped because the teacher hates me. It's not the weed.",
  "T: Cannabis at your age changes how the brain develops. You really need to stop.",
  "P: Everyone smokes. It helps me sleep. I'm not going to stop just because you say so.",
  "T: You should think about what your mum's going through.",
  "P: Whatever.",
  "T: What would it take for you to cut down?",
  "P: I don't know. Maybe if I had something else to do in the evenings.",
  "T: What about joining the gym with your brother? He goes on Tuesdays and Thursdays.",
  "P: I might. I'll think about it.",
  "T: You need to take this seriously. If you get caught with it at school you'll be excluded.",
  "P: I know, I know. I'm not stupid.",
  "T: So you'll cut down to weekends only?",
  "P: If you say so.",
  "T: And you'll come back next week?",
  "P: Do I have to? Fine, I'll come back next week.",
];

describe("a session about cannabis with a lecturing therapist, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists the cannabis to review", () => {
    expect(flags.map((flag) => [flag.category, flag.evidence[0]?.segmentId])).toEqual([["substance", "seg-1"]]);
  });

  it("heads the topics with the weed, not his grades", () => {
    expect(listed(notes.topicSummary)[0]?.text).toBe("Talked mainly about weed and grades.");
  });

  it("writes no plan of what he was told or answered with 'if you say so', only the visit he said he would make", () => {
    expectGroundedPlan(notes, ["Fine, I'll come back next week."]);
    expect(listed(notes.followUpTopics)).toEqual([]);
  });
});
