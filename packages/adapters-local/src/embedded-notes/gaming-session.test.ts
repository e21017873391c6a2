/**
 * A family support worker and a 15-year-old who games late and misses school, written for the test
 * by a helper who saw neither the writer nor the screen (no real session's words). He speaks as
 * gamers do ("I'll murder them next round", "headshot"), says he is fine when asked, and grudgingly
 * agrees to leave his phone downstairs and to go in for the first two lessons on Monday. Run as the
 * pipeline runs it.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Jayden, thanks for letting me in. Is it alright if we sit here in the kitchen?",
  "P: Yeah. Wherever's fine.",
  "T: Your mum said she's at work till about four, so it's just us today. That okay with you?",
  "P: Mm. Yeah.",
  "T: So last time I came round we talked a bit about school. How's this week been?",
  "P: Dunno. Same as usual. Didn't go Tuesday or Wednesday.",
  "T: Okay. What happened on those mornings?",
  "P: I just couldn't get up. I was dead tired. Like, I didn't sleep till three or something.",
  "T: Three in the morning. What were you up to till then?",
  "P: Gaming. I was on with my mates. We had this squad thing going and you can't just leave halfway through, they'd be well annoyed with me.",
  "T: Right, so there's a bit of pressure to stay on with them.",
  "P: Kind of. It's not pressure, it's just... that's when everyone's on.",
  "T: Mm. What's the game?",
  "P: It's a shooter. Battle royale. You drop in and it's last squad standing.",
  "T: And how did it go the other night?",
  "P: Terrible. I got killed like four times in a row by the same guy. He was camping on this roof. Got a headshot on me from miles away.",
  "T: That sounds frustrating.",
  "P: It's so annoying. I'll murder them next round though, I've worked out where he hides.",
  "T: (laughs) Okay. So when you lose like that, how does it leave you feeling?",
  "P: Honestly I just want to die when I lose. It's so embarrassing, everyone's on the mic laughing.",
  "T: Can I check something with you, Jayden? I ask everyone this, and I'd rather ask than not. When you say you want to die when you lose, is that just a way of speaking, or have you been having any thoughts of actually not wanting to be alive, or of hurting yourself?",
  "P: What? No. No, it's just what you say. Everyone says it.",
  "T: Okay. And more generally, how's your mood been? Have you been feeling low or down at all, or not safe?",
  "P: No, I'm fine. I'm just bored. School's boring, everything's boring except gaming.",
  "T: Fair enough. Thanks for answering that straight. If that ever did change, would you tell someone? Me, or your mum?",
  "P: Yeah, I guess. It's not like that though.",
  "T: Got it. So tell me about the mornings. What happens when your mum tries to get you up?",
  "P: She just shouts. She comes in and opens the curtains and I tell her to get out and then it's a whole thing.",
  "T: A whole argument.",
  "P: Yeah. And then she says she's gonna take the console off me and I say she can't 'cause I paid for half of it with my birthday money.",
  "T: Mm. So it sounds like the mornings are pretty rough for both of you.",
  "P: I mean, yeah. She's always stressed. She says school keeps ringing her at work.",
  "T: She did mention that to me too. The attendance officer's been in touch. How do you feel about school itself, apart from being tired?",
  "P: It's alright. Some of it. I don't mind PE and computing. Maths is long. And there's this one teacher who's always on at me.",
  "T: On at you how?",
  "P: Like, asking where my homework is in front of everyone.",
  "T: That's embarrassing.",
  "P: Yeah.",
  "T: Can I ask, is there anything else going on at school, with other kids or anything, that makes you not want to go?",
  "P: Not really. My mates are there. It's just the getting up.",
  "T: Okay. So if the main thing is the getting up, and the getting up's hard because you're on till three... what do you reckon might help?",
  "P: Dunno. Just let me sleep in.",
  "T: (laughs) I don't think school would go for that one.",
  "P: No.",
  "T: One thing that works for a lot of families is the phone and the controller going downstairs at a set time, so they charge in the kitchen overnight. What would you think about that from, say, eleven on school nights?",
  "P: Eleven's way too early. Nobody's even on properly till ten.",
  "T: Okay, so that still gives you an hour. And weekends would be different, this would just be Sunday to Thursday.",
  "P: Can't I just keep it in my room and, like, not use it?",
  "T: You could, but be honest with me. If it's next to your bed and someone messages you at midnight, what happens?",
  "P: ...I'd go on. Yeah.",
  "T: So what about giving it a go? Phone and controller charge downstairs from eleven on school nights. Try it for a week and see.",
  "P: Fine, whatever. I'll try it.",
  "T: Thank you. I know that's not nothing. Your mum did say to me she'd like you to delete the game altogether.",
  "P: No way. I'm not deleting it. I've got like two years of stuff on there.",
  "T: Okay. I'm not going to push that today.",
  "P: She'll just go on about it.",
  "T: Maybe. Which is partly why I'd like to get the three of us in a room. Could I come round and meet you and your mum together next week?",
  "P: Here?",
  "T: Here, yeah, or at the centre if you'd rather. After school, so it doesn't clash.",
  "P: Here's fine. Yeah, okay.",
  "T: Great. And what about Monday? Is there a bit of Monday you think you could do?",
  "P: Monday's double maths first.",
  "T: Ah.",
  "P: (laughs) Yeah.",
  "T: What if it was just the first two lessons? Get in, get them done, and then we see how you feel.",
  "P: Just the first two?",
  "T: To start with, yeah.",
  "P: Alright. I'll go in for the first two. Don't tell Mr Hughes I said maths is long though.",
  "T: (laughs) Your secret's safe. So, just so we're both clear: phone and controller downstairs from eleven, Sunday to Thursday. First two lessons on Monday. And I'll come round next week and see you and your mum together.",
  "P: Yeah.",
  "T: I'll text your mum to sort out a time. Anything you want me to tell her?",
  "P: Just tell her not to shout in the mornings.",
  "T: I hear you. Mornings are definitely something we can talk about when we're all together.",
  "P: Okay.",
  "T: Good. Right, good luck on Monday. And with the guy on the roof.",
  "P: He's getting headshot next time, trust me.",
];

describe("a teenager who games, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("never pages on a game's words; wanting to die when he loses is listed to review in his words", () => {
    expect(flags.map((flag) => [flag.category, flag.tier, flag.quote])).toEqual([["passive_death_wish", "review", "Honestly I just want to die when I lose."]]);
  });

  it("writes the phone trial and the two lessons, never the next round", () => {
    expectGroundedPlan(notes, ["Agreed: Try it for a week and see. — “I'll try it.”", "I'll go in for the first two."]);
  });
});
