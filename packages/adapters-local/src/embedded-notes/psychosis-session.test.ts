/**
 * An early-intervention session with a young man who hears a critical voice and takes his tablet
 * irregularly, written for the test by a helper who saw neither the writer nor its rules (no real
 * session's words). Run as the pipeline runs it: the risk screen, then the writer, then core's
 * check. He moves his tablet to ten at night with an alarm and keeps it next to the telly, and
 * agrees to a medication review and a football group.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hiya Jordan. Thanks for letting me in. How's your week been?",
  "P: Alright. Same as usual. Not much. Been in mostly. Played a bit of FIFA.",
  "T: Mm-hmm. Last time you said the voice had been quite loud. How's it been this week?",
  "P: Still there. It's worse at night.",
  "T: What's it been saying?",
  "P: Same stuff. That I'm useless. That I'm a waste of space. That everyone can see what a loser I am. It's like a constant commentary, like, \"look at him, he can't even make a sandwich.\" I put my headphones in, that helps a bit. It does your head in, honestly.",
  "T: That sounds really wearing, having that running commentary all the time. Has it said anything different lately? Anything telling you to do things?",
  "P: No. Just slagging me off.",
  "T: Okay. I'm going to ask you straight, like I do every time. Does it ever tell you to hurt yourself?",
  "P: No.",
  "T: Or to hurt anyone else?",
  "P: No. Nothing like that. It's just, like, mean.",
  "T: Okay. And apart from the voice, have you had any thoughts of hurting yourself, or of not wanting to be here?",
  "P: No. I get fed up, but not that.",
  "T: Thanks for being straight with me. How are things with the neighbours?",
  "P: They're still at it. The ones next door, the couple. I hear them through the wall, talking, and I know it's about me, because they go quiet when I go in the kitchen. And the bloke, he's always outside having a fag when I go out, like he's waiting for me. Like he's keeping tabs. I reckon someone's told them something about me. I dunno who. I've started keeping the curtains shut all the time so they can't see in. I don't go out much 'cause of it.",
  "T: That sounds really unsettling, feeling watched in your own flat. Have you had any contact with them? Said anything to them?",
  "P: No. I just keep my head down. I'm not gonna start anything.",
  "T: Okay. Have you thought about doing anything to protect yourself from them?",
  "P: Like what? No. I just keep the door locked.",
  "T: Okay. Out of a hundred, how sure are you that they're talking about you?",
  "P: Like... eighty? Some days less. When I've slept it's less.",
  "T: That's interesting. So when you've slept better it feels less certain. Let's talk about the tablets. How's that been going? How many days this week, do you reckon?",
  "P: Honestly? On and off. Three? Maybe four. I forget. I'm meant to take it in the morning, but I'm not up till like twelve, and then I'm half asleep and I forget, and then it's the evening and I think, is it too late now.",
  "T: Mm-hmm. And apart from forgetting, is there anything about the tablet that puts you off?",
  "P: I've put weight on. Like a stone. And it makes me feel a bit slowed down. Foggy.",
  "T: Yeah. Those are real side effects and they're worth talking to Dr Okafor about. Have you noticed any difference with the voice on the days you take it?",
  "P: Maybe it's quieter. I dunno. Maybe.",
  "T: So, a couple of ideas. I checked with Dr Okafor last week and she said it's fine to take it at night instead. That way the foggy bit happens while you're asleep. How would that be?",
  "P: Yeah. Night's better. I'm always up at night anyway.",
  "T: What would help you remember?",
  "P: I could set an alarm on my phone. Like ten o'clock.",
  "T: That sounds good. Do you want to set it now?",
  "P: Yeah, go on. Done. Ten o'clock, every day. I called it \"tab\".",
  "T: Nice. And where will you keep the tablets?",
  "P: Next to the telly. I'm always there at ten.",
  "T: Perfect. The other thing is, I think it'd be good to have a proper medication review with Dr Okafor, about the weight and the fogginess. She's got a slot next Tuesday at two. Would you come to that? It'd be at the clinic, and I can meet you there.",
  "P: Okay. Tuesday at two. Yeah, I'll come. Can you text me the day before?",
  "T: Course. I'll text you on Monday. And I wanted to mention the football group again. It's Fridays at half six, at the leisure centre. It's run by our team, so it's other young people who've been through similar stuff. Nobody asks questions. Do you fancy it?",
  "P: I used to play. Before all this. I dunno, I'd be rubbish now.",
  "T: Nobody's any good, honestly. It's more of a kickabout.",
  "P: Is Marcus going? The one from the group.",
  "T: I think Marcus goes most weeks, yeah.",
  "P: Alright. Yeah. I'll go on Friday.",
  "T: Great. And the last thing. A while back we talked about having a meeting with your mum, with the family, to talk about what's been happening and how they could support you. How do you feel about that now?",
  "P: Nah. Not yet. She'll just worry. She'll be on at me all the time. Maybe later on, I dunno. Not now.",
  "T: That's okay. It's your choice. We'll leave it, and we can come back to it whenever you want. Can I ask, are you still smoking weed?",
  "P: Bit at the weekend. Less than before.",
  "T: Okay. For a lot of people it makes the voices and that suspicious feeling worse. Just something to keep an eye on.",
  "P: Yeah, I know. I've heard.",
  "T: So, let me check I've got it right. Tablet at night, ten o'clock, with the phone alarm. Tuesday at two with Dr Okafor, and I'll text you Monday. Football on Friday. And we're leaving the family meeting for now.",
  "P: Yeah. That's it.",
  "T: And if the voice changes, if it starts telling you to do things, or you feel unsafe, you ring the team, or the crisis line out of hours. Have you still got the number on your fridge?",
  "P: Yeah, it's there. Cheers. See you Tuesday.",
];


describe("an early-intervention session, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("reads where the tablets will be kept and when he takes them as medicine, not a method or a substance", () => {
    expect(flags.filter((flag) => flag.subject === "speaker")).toEqual([]);
  });

  it("writes the review he will come to, with where it is, and the group", () => {
    expectGroundedPlan(notes, ["Agreed: “Yeah, I'll come.” — to “It'd be at the clinic, and I can meet you there.”", "I'll go on Friday."]);
  });
});
