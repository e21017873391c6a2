/**
 * A whole safety-planning session, written for the test (no real session's words): the patient has
 * had suicidal thoughts, thought of a method on Tuesday and has a parent's sleeping tablets at home;
 * the session works through warning signs, what helps, whom to call, saving the crisis number,
 * giving the tablets to a brother, a summary and the next session. It runs as the pipeline runs
 * it — the risk screen first, then the writer, then core's check — and the note is read as a
 * clinician reads it, in SOAP and BIRP.
 */
import { formatNote } from "@confide/core";
import { describe, expect, it } from "vitest";
import { listed, noteLines as lines, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Sam, thanks for coming in. Last time you told me about the thoughts of killing yourself. How have things been since?",
  "P: Honestly pretty rough. On Tuesday I sat in the car for an hour and thought about driving into the river.",
  "T: Thank you for telling me that. Have you had any intention of acting on those thoughts?",
  "P: Not really. I don't want to do it, I just get so tired of feeling like this.",
  "T: Have you thought about how you would do it, apart from the car?",
  "P: My mum's old sleeping tablets are still in the bathroom cupboard. I think about them sometimes.",
  "T: I'm glad you can say that out loud. Could we work on a safety plan together today?",
  "P: Okay. Yes, I think that would help.",
  "T: What are the first signs that the thoughts are coming back?",
  "P: I stop sleeping and I stay in my room with the curtains shut.",
  "T: And when you notice that, what helps you, even a little?",
  "P: Music helps. And walking the dog round the park.",
  "T: So the plan could start with music and a walk with the dog. Who could you call when it gets bad?",
  "P: My brother Dan. He always picks up.",
  "T: Would you be willing to call Dan if the thoughts come back?",
  "P: Yes, I'll call him. He said I can ring him whenever.",
  "T: And if Dan doesn't answer, would you call the crisis line? Could you save the number in your phone now?",
  "P: Yes, I'll save it now.",
  "T: About the tablets, could you give those to someone to keep for now?",
  "P: I could give them to Dan. He's coming round on Saturday.",
  "T: So you'll give the tablets to Dan on Saturday?",
  "P: Yes. I'll give them to him on Saturday.",
  "T: Let me sum up. When you stop sleeping and shut yourself in, you'll put music on or take the dog out, you'll call Dan, and if he doesn't answer you'll call the crisis line. The tablets go to Dan on Saturday. Is that right?",
  "P: Yes, that sounds right.",
  "T: How are you feeling about the plan?",
  "P: A bit better. It helps to have it written down.",
  "T: Let's meet again next Thursday at the same time.",
  "P: Okay, I'll be there.",
];

describe("a safety-planning session, as a clinician reads its note", () => {
  const { flags, notes } = run(session);

  it("lists the disclosure and the means to review, and none of the protective answers", () => {
    const quoted = flags.map((flag) => flag.quote);
    // The method thought of, on a day told of the past: a method to review, never a plan with a time set.
    expect(flags.filter((flag) => flag.quote.includes("driving into the river")).map((flag) => flag.category)).toEqual(["suicide_method"]);
    expect(quoted.some((quote) => quote.includes("sleeping tablets"))).toBe(true);
    for (const protective of ["I could give them to Dan", "I'll call him", "I'll save it now", "that sounds right", "I'll give them to him"]) {
      expect(quoted.filter((quote) => quote.includes(protective)), protective).toEqual([]);
    }
  });

  it("writes the plan that was agreed, each line with what it answered, and the next session", () => {
    expect(listed(notes.actionItems).map((item) => item.text)).toEqual([
      "Agreed: “Yes, I'll call him.” — to “Would you be willing to call Dan if the thoughts come back?”",
      "Agreed: “Yes, I'll save it now.” — to “Could you save the number in your phone now?”",
      "Agreed: “I'll give them to him on Saturday.” — to “So you'll give the tablets to Dan on Saturday?”",
      "Agreed: “Okay, I'll be there.” — to “Let's meet again next Thursday at the same time.”",
    ]);
  });

  it("never reads the mood positive, and reads how it moved from the patient's own words", () => {
    expect(notes.sessionMood).toMatchObject({ value: expect.stringMatching(/negative/) });
    // The first half holds the disclosure; the second only "A bit better." — a word of the mood moving, never read as a mood of its own.
    expect(notes.moodTrajectory).toMatchObject({ value: "improving", text: "Brighter in the second half of the session than in the first.", verification: { status: "grounded" } });
    const [, later] = (notes.moodTrajectory as { evidence: Array<{ segmentId: string; start: number; end: number }> }).evidence;
    const said = session[Number(later!.segmentId.replace("seg-", ""))]!.slice(3);
    expect(said.slice(later!.start, later!.end)).toBe("bit better");
    expect((notes.sessionMood as { text: string }).text).not.toMatch(/hopeful|better/);
  });

  it("puts the safety plan in BIRP's Intervention and the agreed steps in its Plan", () => {
    const note = formatNote("birp", notes, run(session).risk);
    const section = (key: string) => note.sections.find((candidate) => candidate.key === key);
    expect(lines(section("intervention"))[0]).toBe("Safety plan: “Could we work on a safety plan together today?”");
    expect(lines(section("plan"))).toHaveLength(4);
    expect(lines(section("response"))[0]).toBe("Brighter in the second half of the session than in the first.");
  });
});
