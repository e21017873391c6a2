/**
 * A drug-service session with a man on methadone who used heroin twice this week, written for the
 * test (no real session's words). Run as the pipeline runs it: the risk screen, then the writer,
 * then core's check. The key worker speaks of overdose risk as harm reduction; he denies any
 * thought of ending his life; he takes a naloxone kit, says yes to a dose review and the next
 * session, and says he will try to keep away from a friend but cannot promise.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Alright Dean, come through. How've you been?",
  "P: Yeah, alright. Bit rough, to be honest. I'm not gonna lie to you, I used. This week.",
  "T: Okay. Thanks for telling me straight, I appreciate that. When was that?",
  "P: Tuesday, and then again Saturday night.",
  "T: Mm-hmm. Twice. And how were you using it, smoking or injecting?",
  "P: Smoked it Tuesday. Saturday I, um, I had a dig. First time in ages.",
  "T: Right. Okay. And had you had your methadone those days?",
  "P: Yeah, picked it up both days. Sixty mil, same as always.",
  "T: So that's on top of the sixty. That's the bit that worries me, Dean, 'cause the two together, that's where the overdose risk really goes up, especially if your tolerance for the gear's dropped, which it will have. Were you on your own?",
  "P: Tuesday I was with Lee. Saturday, yeah, on my own.",
  "T: Mm. Anything else on board? Any tablets, bit of drink, anything like that?",
  "P: Few cans Saturday. No tabs.",
  "T: Okay. What was going on, do you think? What led up to it?",
  "P: It's just, Lee came round Tuesday and he had some on him, and I wasn't even, I wasn't even thinking about it, I'd been doing really well, you know, like four months, and he's just sat there on my settee and it's right there and I just thought, one won't hurt, and then Saturday I was on my own and I was proper low and I just thought, well, I know where to get it, and that was that.",
  "T: Yeah. That makes a lot of sense, actually. So Lee turning up with it, and then feeling low on your own.",
  "P: Yeah. Pretty much.",
  "T: And four months is a really good stretch. This week doesn't wipe that out.",
  "P: Feels like it does.",
  "T: I get that. Can I ask about the low bit? How low are we talking?",
  "P: Just fed up. Skint. Bored. Not like, I'm not gonna do anything stupid.",
  "T: Okay. I always ask, so bear with me. Any thoughts of ending your life, or not caring if you didn't wake up?",
  "P: No. No, not that. I've been there before, I went over two years ago at my sister's, and that weren't on purpose but it frightened the life out of me. I don't want that again.",
  "T: That was the time the paramedics brought you round?",
  "P: Yeah. Narcan'd me in the hallway. Our Kerry found me.",
  "T: That must've been terrifying, for her and for you. Which actually brings me to something. Have you got a naloxone kit at home at the minute?",
  "P: No. I had one, I dunno where it went.",
  "T: Would you take one today? I've got them here, there's the nasal one or the injectable one, whichever you'd prefer, and I can run through it with you.",
  "P: Yeah, go on. I'll take one. The nose one.",
  "T: Brilliant. And would it be worth showing Kerry, or whoever's around you, how to use it? 'Cause obviously it's not you who'd be using it on yourself.",
  "P: Yeah. I'll show our Kerry. She'd want to know.",
  "T: Good. I'll go through it properly at the end. The other thing I wanted to talk about is your dose. Some people use on top because the methadone's not quite holding them, like they're getting withdrawals towards the end of the day. Is that any of it?",
  "P: Bit, yeah. By like tea time I'm starting to feel it. Sweats and that.",
  "T: Okay, so that's worth looking at. Would you be happy for me to book you in with Dr Patel for a dose review? She can look at whether sixty's still right for you.",
  "P: Yeah. Yeah, book it. That'd help.",
  "T: Okay, I'll get that booked and text you the date. And in terms of Lee, what do you reckon?",
  "P: I mean, he's my mate, I've known him since school. But yeah. I'll try and keep away from him. I'll try. I can't promise I won't see him, he lives round the corner.",
  "T: That's fair, trying's honest. Maybe if he does come round, you could meet him outside rather than him being in your flat?",
  "P: Maybe. I dunno.",
  "T: Okay. And if you did use again, what would make it safer?",
  "P: If I did, I'd just smoke it, I wouldn't dig. And not on my own, I suppose.",
  "T: Okay, that's good thinking. Don't use alone, go low and slow, try a small bit first, and have the kit nearby. And where you injected, how's that looking?",
  "P: It's alright. Bit of a bruise, no redness or nothing.",
  "T: If it goes red or hot or swollen, go straight to the walk-in, don't leave it. And would you think about going back to the needle exchange, just so you've got clean kit if you do inject?",
  "P: Nah. I'm not gonna be doing it again, so I don't need to.",
  "T: Okay. Offer's always there. And Kelly, does she know about this week?",
  "P: No. And I'm not telling her. She'd leave.",
  "T: Okay, that's your call. Let's leave that there for now. So, same time next week?",
  "P: Yeah, Wednesday. I'll be here.",
  "T: Great. Let's get that kit sorted, then.",
];


describe("a drug-service session, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("finds no risk of suicide in talk of overdose risk and in his story of using", () => {
    expect(flags).toEqual([]);
  });

  it("writes what he said yes to, and leaves to confirm what he did not promise", () => {
    expectGroundedPlan(notes, [
      "Agreed: “Yeah, go on.” — to “Would you take one today?”",
      "I'll take one.",
      "Agreed: “Yeah.” — to “Would you be happy for me to book you in with Dr Patel for a dose review?”",
      "Agreed: “Yeah, Wednesday.” — to “So, same time next week?”",
    ]);
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual(["To confirm: I'll show our Kerry.", "To confirm: I'll try and keep away from him."]);
    // "I'm not gonna lie to you, I used." is a manner of speaking, never a plan.
    expect(JSON.stringify(notes)).not.toContain("lie to you, I used");
  });
});
