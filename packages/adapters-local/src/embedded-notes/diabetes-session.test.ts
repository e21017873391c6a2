/**
 * A session with a young woman with type 1 diabetes who took off her insulin pump for a party and
 * was taken to hospital, written for the test (no real session's words). Run as the pipeline runs
 * it: the risk screen, then the writer, then core's check. Insulin is named, "could have died" is
 * said, and the therapist asks about going out: none of it is talk of suicide. The care she left
 * undone is quoted before the party she describes, and what she agreed is the plan.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Thanks for coming in. Your mum mentioned you ended up in A&E after the weekend. Do you want to tell me what happened?",
  "P: It was Jade's eighteenth. We all got ready at hers, did our hair, wore these matching dresses, it was really nice.",
  "T: Sounds like a big night.",
  "P: Yeah. The thing is, I didn't wear my pump. The dress was tight and it showed, so I just took it off and left it at Jade's.",
  "T: So you went the whole night without insulin.",
  "P: Pretty much. I had a few drinks as well. By two I was throwing up and my mum had to come and get me. They said my ketones were really high.",
  "T: That sounds frightening. How are you feeling about it now?",
  "P: Embarrassed, mostly. And scared, to be honest. The nurse said I could have died.",
  "T: It sounds like part of you wants to fit in with your friends, and part of you knows your body needs the pump.",
  "P: Exactly. I hate being the one with the diabetes thing. Nobody else has to think about it.",
  "T: What would make it easier to keep the pump on at a party?",
  "P: Maybe wearing it on my leg instead, under a dress nobody sees it.",
  "T: That's one idea. What else?",
  "P: I could tell Jade, so she knows what to look for if I'm not right.",
  "T: How would you feel about checking your sugar before you go out and again before bed?",
  "P: Yeah, I can do that. I'll set a reminder on my phone.",
  "T: And the drinking?",
  "P: I don't know. I'm not going to stop drinking completely, everyone drinks. Maybe I'll stick to two.",
  "T: So you'll stick to two drinks, check your sugar before and after, and wear the pump on your leg. Have I got that right?",
  "P: Yeah, that's right.",
  "T: Would it help to see the diabetes nurse together about the pump site?",
  "P: Yes, I'd like that.",
  "T: Okay. Let's meet again in two weeks.",
  "P: Okay, thanks.",
];

describe("a session about an insulin pump left off at a party, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists the drinking to review and nothing of suicide: insulin named, 'could have died' and going out are no risk of it", () => {
    expect(flags.map((flag) => [flag.category, flag.evidence[0]?.segmentId])).toEqual([["substance", "seg-5"]]);
  });

  it("quotes the pump left off, not the dresses", () => {
    const quotes = listed(notes.significantQuotes).map((item) => item.text);
    expect(quotes[0]).toBe("Yeah. The thing is, I didn't wear my pump. The dress was tight and it showed, so I just took it off and left it at Jade's.");
    expect(quotes.some((quote) => quote.includes("matching dresses"))).toBe(false);
    expect(listed(notes.topicSummary)[0]?.text).toMatch(/^Talked mainly about pump\b/);
  });

  it("writes what she agreed: the checks, the reminder, the summary she confirmed and the nurse", () => {
    expectGroundedPlan(notes, [
      "Agreed: “Yeah, I can do that.” — to “How would you feel about checking your sugar before you go out and again before bed?”",
      "I'll set a reminder on my phone.",
      "Agreed: So you'll stick to two drinks, check your sugar before and after, and wear the pump on your leg. — “Yeah, that's right.”",
      "Agreed: “Yes, I'd like that.” — to “Would it help to see the diabetes nurse together about the pump site?”",
    ]);
  });
});
