/**
 * A session about weight and blood sugar with a man the practice nurse referred, written for the
 * test (no real session's words), typed and in speech recognition's form (lower case, no marks).
 * Run as the pipeline runs it: the risk screen, then the writer, then core's check. He picks a
 * walk and where the biscuits are kept; he refuses to give them up, which is no plan.
 */
import { describe, expect, it } from "vitest";
import { listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Gary, thanks for coming in. The nurse asked me to talk with you about your weight and your blood sugar. Is that okay?",
  "P: Yeah, fine. I know, I know. She's been on at me for ages.",
  "T: On a scale of one to ten, how important is it to you to lose some weight right now?",
  "P: Maybe a six. I get out of breath on the stairs at work and my knees are killing me.",
  "T: A six. Why a six and not a three?",
  "P: Because I want to be around for my grandkids. I can't even kick a ball with them in the garden.",
  "T: So your grandkids are a big reason. What gets in the way?",
  "P: Nights, mostly. I'm fine all day, then I sit in front of the telly and eat crisps and biscuits till bed.",
  "T: Would it be alright if I shared what's worked for some people?",
  "P: Go on.",
  "T: Some people keep the snacks out of the house, or swap them for fruit, or go for a short walk after tea. What do you make of those?",
  "P: The walk I could do. The dog would love it. I'm not giving up biscuits though.",
  "T: So a walk after tea with the dog. How often?",
  "P: I'll do it Monday to Friday, twenty minutes round the park.",
  "T: And the biscuits?",
  "P: I'll keep them in the cupboard, not next to the chair. That's as far as I'll go.",
  "T: That sounds like a sensible start. Let's check your weight again at the next appointment in a month.",
  "P: Fair enough.",
];
/** The same session as speech recognition gives it: lower case, no punctuation. */
const spoken = session.map((turn) => `${turn.slice(0, 3)}${turn.slice(3).replace(/[.,!?]/g, "").toLowerCase()}`);

describe("a session about weight, as a clinician reads it", () => {
  it("writes the walk and where the biscuits go, in both forms, and no refusal", () => {
    for (const [form, turns] of [["typed", session], ["spoken", spoken]] as const) {
      const { flags, notes } = run(turns);
      expect(flags, form).toEqual([]);
      const items = listed(notes.actionItems);
      expect(items.map((item) => item.text.toLowerCase().replace(/[.,]/g, "")), form).toEqual([
        "i'll do it monday to friday twenty minutes round the park",
        expect.stringMatching(/^i'll keep them in the cupboard not next to the chair/),
      ]);
      expect(items.every((item) => item.verification?.status === "grounded"), form).toBe(true);
    }
  });

  it("takes no 'ages' ('she's been on at me for ages') for a topic, and heads the topics with the weight", () => {
    const { notes } = run(session);
    const topics = listed(notes.keyTopics).map((item) => item.text);
    expect(topics).not.toContain("ages");
    expect(listed(notes.topicSummary)[0]?.text).toMatch(/^Talked mainly about weight\b/);
  });
});
