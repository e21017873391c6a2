/**
 * A nurse's brief intervention with a man whose liver tests came back raised, written for the test
 * (no real session's words). Run as the pipeline runs it: the risk screen, then the writer, then
 * core's check. He tells a typical evening's drinking, agrees to two alcohol-free days in a summary
 * announced with "just to sum up:", takes the leaflet over a referral, and comes back for a blood
 * test.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Come in, have a seat. So, um, Dr Patel asked me to have a chat with you about your blood results. Is that okay?",
  "P: Yeah, yeah, go on. I figured it'd be something like that.",
  "T: So the liver tests came back a bit raised. Not hugely, but the GGT and the ALT were both up. Did anyone go through that with you?",
  "P: She mentioned it on the phone. Said it might be the drink.",
  "T: Mm-hmm. And what did you make of that?",
  "P: Honestly? I thought, well, everyone my age has a drink. I'm not, you know, I'm not falling down the street or anything.",
  "T: Yeah. So it felt a bit like, hang on, I'm not someone with a drink problem.",
  "P: Exactly. I go to work, I pay my bills. I just have a few pints of an evening.",
  "T: Can you tell me what a typical evening looks like?",
  "P: I get in about six, have my tea, and then I'll pop down the Crown, or sometimes just have a few cans in front of the telly. Four, five pints. Maybe more on a Friday.",
  "T: Mm-hmm. And is that most nights, would you say? Would it be alright if I shared a bit about what that works out to?",
  "P: Most nights, yeah. Maybe not Sundays. Go on then.",
  "T: So a pint of normal-strength lager is about two to three units. At four or five pints a night, most nights, you're probably looking at somewhere around sixty to seventy units a week. The guideline's fourteen.",
  "P: Sixty? Bloody hell. That sounds a lot when you say it like that.",
  "T: It does sound a lot, doesn't it. What's going through your mind?",
  "P: I mean... I knew it was more than fourteen. Everyone's more than fourteen. But sixty, I dunno.",
  "T: So part of you is thinking it's normal, what everyone does, and part of you is a bit taken aback by the number.",
  "P: Yeah. Yeah, that's fair.",
  "T: What do you get out of the drinking? What are the good things about it for you?",
  "P: It's, um, it's me time, isn't it. Work's stressful, I'm on my feet all day. I get home and it takes the edge off. And the lads at the Crown, that's my social life really, since the wife and I split.",
  "T: Right, so it helps you unwind, and the pub's where your mates are.",
  "P: That's it. I don't want to be sat at home on my own staring at the wall.",
  "T: That makes a lot of sense. And on the other side, are there things about it that you're less keen on?",
  "P: Well, this, obviously. The liver thing. My dad, um... my dad had problems with his liver before he died. He was a big drinker.",
  "T: Oh, I'm sorry. That must make these results feel quite close to home.",
  "P: Yeah. It did a bit, when she rang. And, um, I'm not sleeping great. I wake up at three, four in the morning, need a wee, can't get back off. And the money, if I'm honest. It adds up.",
  "T: So there's your dad, there's the sleep, the money... and now these results. But there's also the unwinding and the company at the pub, which really matter to you.",
  "P: Yeah. I don't want to stop completely. I'm not doing that.",
  "T: No, and nobody's saying you have to stop completely. It's your decision. What, if anything, do you think you might want to do about it?",
  "P: I suppose I could cut down a bit. Not go every night.",
  "T: What would that look like?",
  "P: Maybe... have a couple of nights off in the week. Like Monday and Tuesday, they're dead at the Crown anyway, nobody's in.",
  "T: Monday and Tuesday as alcohol-free days. How confident do you feel about that, say out of ten?",
  "P: Mm, seven? Tuesday's fine. Monday, after the first day back at work, that's harder.",
  "T: What would help with the Mondays?",
  "P: I dunno. Not having cans in the fridge, probably. If they're there I'll have them.",
  "T: So not buying in cans for the start of the week.",
  "P: Yeah. I'll do that. I'll do my shop on a Saturday and just not get any for Monday.",
  "T: That sounds really practical. And some people find it helps to swap to a lower-strength pint or have a soft drink in between on the nights they do go out. Is that something you'd want to think about?",
  "P: I'll think about it. Not promising. The lads'd take the mick.",
  "T: Fair enough, that's one to park for now. So just to sum up: you've decided to have Monday and Tuesday as alcohol-free days starting this week, and you're going to not buy cans in for those nights. Have I got that right?",
  "P: Yeah, that's right.",
  "T: Great. I've got a leaflet here with a units chart and some tips, and there's also the local alcohol service, Change Grow Live, if at any point you wanted a bit more support. Would you like me to put a referral through, or would you rather just take the leaflet for now?",
  "P: Just the leaflet for now, ta. I'll see how I go on my own first.",
  "T: That's absolutely fine, the number's on the back if you change your mind. And would you be happy to come back for a repeat liver test in about six weeks, so we can see if anything's shifted?",
  "P: Yeah, go on. I'll book it at the desk on the way out.",
  "T: Brilliant. And I'll book you in with me for ten minutes after that to go through the results together.",
  "P: Alright. Cheers, love. It's, um... it was better than I thought it'd be, this.",
];


describe("a brief intervention about drinking, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists the drinking to review, and nothing else", () => {
    expect(new Set(flags.map((flag) => [flag.category, flag.tier].join(" ")))).toEqual(new Set(["substance review"]));
  });

  it("writes the alcohol-free days he confirmed, the cans, and the blood test he said yes to", () => {
    expectGroundedPlan(notes, [
      "Agreed: “I'll do that.” — to “So not buying in cans for the start of the week.”",
      "I'll do my shop on a Saturday and just not get any for Monday.",
      "Agreed: you've decided to have Monday and Tuesday as alcohol-free days starting this week, and you're going to not buy cans in for those nights. — “Yeah, that's right.”",
      "Agreed: “Yeah, go on.” — to “And would you be happy to come back for a repeat liver test in about six weeks, so we can see if anything's shifted?”",
      "I'll book it at the desk on the way out.",
    ]);
  });

  it("leaves the typical evening he told out of what is to confirm: a habit, not a plan", () => {
    const toConfirm = listed(notes.followUpTopics).map((item) => item.text);
    expect(toConfirm).toEqual([
      "To confirm: I suppose I could cut down a bit.",
      "To confirm: And some people find it helps to swap to a lower-strength pint or have a soft drink in between on the nights they do go out. — “I'll think about it.”",
    ]);
  });
});
