/**
 * A whole motivational-interviewing session about drinking, written for the test (no real
 * session's words): the GP found raised liver tests, the patient's father died of liver disease, and
 * the patient is of two minds — sustain talk, a reported warning, a hypothetical, habits told — then
 * a plan of his own, a summary checked with him, a repeat test to book and the next session. It
 * runs as the pipeline runs it, and the note is read as a clinician reads it.
 */
import { formatNote } from "@confide/core";
import { describe, expect, it } from "vitest";
import { listed, noteLines as lines, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Thanks for coming in today. What brings you here?",
  "P: Well, my GP sent me really. She said my liver tests came back a bit off and she reckons it's the drinking.",
  "T: How do you feel about what she said?",
  "P: Honestly I was a bit shocked. I don't think of myself as a big drinker. I have a few pints after work, same as everyone.",
  "T: A few pints after work. What does a usual week look like?",
  "P: Usually four or five pints most nights, more at the weekend. I'm not gonna pretend it's nothing, but I'm not an alcoholic either.",
  "T: You don't see yourself as someone with a drinking problem, and at the same time the test results worried you.",
  "P: Yeah. My wife's been on at me for ages. She keeps saying you're gonna end up like your dad.",
  "T: What happened with your dad?",
  "P: He died at sixty-one. Liver. I was nineteen.",
  "T: That must be hard to think about now.",
  "P: It is. I don't really talk about it. I'm forty-eight now, so it's not that far off, is it.",
  "T: It sounds like part of you is worried you could be heading the same way.",
  "P: Part of me, yeah. The other part just wants a pint after a long shift. I'm not gonna stop going to the pub, the lads are all I've got outside of home.",
  "T: The pub matters to you for the company as much as the beer.",
  "P: Exactly. If I did cut down I'd probably sleep better, to be fair. I wake up at three every night.",
  "T: What would cutting down look like for you, if you decided to?",
  "P: I reckon I could stick to two pints on weeknights. Have a lime and soda after that.",
  "T: How would the lads take that?",
  "P: They'd take the mick at first. But Gaz did it last year after his heart scare, and nobody said much in the end.",
  "T: So you've seen it done. What would help you keep to two?",
  "P: I'm gonna tell the lads at darts on Thursday, so they know. And I'll keep Sundays dry, that's when I drink the most watching the football.",
  "T: That's a clear plan. Some people find it helps to keep a drinks diary on their phone for the first few weeks.",
  "P: I could do that, I suppose. I'm not great with apps.",
  "T: It can be a notebook too. What matters is seeing the numbers.",
  "P: Yeah, maybe. I'll think about it.",
  "T: Let me check I've got it. You're going to keep to two pints on weeknights, tell the lads on Thursday, and keep Sundays dry.",
  "P: Yeah, that's it.",
  "T: And your GP wants to repeat the blood tests. Would you be willing to book that in for next month?",
  "P: Yes, I'll ring the surgery on Monday.",
  "T: Shall we meet again in two weeks to see how it's gone?",
  "P: Yeah, go on then.",
  "T: How are you feeling about it all now?",
  "P: Bit nervous, but better than when I came in. I feel like I've actually got a plan.",
];

describe("a session about drinking, as a clinician reads its note", () => {
  const { flags, notes, risk } = run(session);

  it("lists the drinking to review, and nothing said of booking care or of the next session", () => {
    expect(new Set(flags.map((flag) => flag.category))).toEqual(new Set(["substance"]));
    const quoted = flags.map((flag) => flag.quote);
    for (const care of ["ring the surgery", "go on then"]) expect(quoted.filter((quote) => quote.includes(care)), care).toEqual([]);
  });

  it("writes the plan he made and the summary he confirmed, the call to book and the next session — not the habit, the sustain talk or what his wife said", () => {
    expect(listed(notes.actionItems).map((item) => item.text)).toEqual([
      "I'm gonna tell the lads at darts on Thursday, so they know.",
      "And I'll keep Sundays dry, that's when I drink the most watching the football.",
      "Agreed: You're going to keep to two pints on weeknights, tell the lads on Thursday, and keep Sundays dry. — “Yeah, that's it.”",
      "Yes, I'll ring the surgery on Monday.",
      "Agreed: “Yeah, go on then.” — to “Shall we meet again in two weeks to see how it's gone?”",
    ]);
    // The diary was taken up only tentatively: one to confirm, never the plan.
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual([
      "To confirm: Some people find it helps to keep a drinks diary on their phone for the first few weeks. — “I could do that, I suppose.”",
    ]);
  });

  it("reads him of two minds, never positive, and never lower at the end when he said he felt better than when he came in", () => {
    expect(notes.sessionMood).toMatchObject({ value: expect.stringMatching(/negative|mixed/) });
    expect((notes.sessionMood as { text: string }).text).toMatch(/ambivalent/);
    expect(notes.moodTrajectory).not.toMatchObject({ value: "declining" });
  });

  it("puts the drinking to review in BIRP's Response and the agreed steps in its Plan", () => {
    const note = formatNote("birp", notes, risk);
    const section = (key: string) => note.sections.find((candidate) => candidate.key === key);
    expect(lines(section("response")).filter((line) => line.startsWith("To review — "))).toEqual([expect.stringMatching(/^To review — Alcohol/)]);
    expect(lines(section("plan"))).toHaveLength(6);
  });
});

describe("the same session as speech recognition gives it: lower case, no marks", () => {
  const spoken = session.map((turn) => `${turn.slice(0, 3)}${turn.slice(3).toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, "")}`);
  const { notes, risk } = run(spoken);

  it("still writes the summary he confirmed, and no habit, sustain talk or manner of speaking as the plan", () => {
    const plan = listed(notes.actionItems).map((item) => item.text);
    expect(plan).toContain("Agreed: let me check i've got it you're going to keep to two pints on weeknights tell the lads on thursday and keep sundays dry — “yeah that's it”");
    expect(plan).toContain("Agreed: “yeah go on then” — to “shall we meet again in two weeks to see how it's gone”");
    expect(plan.filter((line) => /pretend|usually|not gonna stop/.test(line))).toEqual([]);
  });

  it("lists no question run into a statement as a strategy", () => {
    const note = formatNote("birp", notes, risk);
    const strategies = lines(note.sections.find((section) => section.key === "intervention")).filter((line) => line.startsWith("Strategy discussed"));
    expect(strategies).toEqual(["Strategy discussed: that's a clear plan some people find it helps to keep a drinks diary on their phone for the first few weeks"]);
  });
});

