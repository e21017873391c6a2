/**
 * A perinatal practitioner and a mother of a three-month-old with unwanted, intrusive thoughts of
 * harming her baby, written for the test by a helper who saw neither the writer nor the screen (no
 * real session's words). She has no wish or plan to harm anyone, denies thoughts of suicide, and
 * agrees to a graded bath plan, to tell her partner tonight and to a group referral. Run as the
 * pipeline runs it.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Amira, come on in. Is Layla asleep in the car seat there?",
  "P: She is, finally. She was up most of the night so, fingers crossed she stays down.",
  "T: Let's keep our voices low then. How have things been since we spoke on the phone last week?",
  "P: Um. Honestly? Not great. I've been dreading coming in, if I'm honest.",
  "T: Dreading it. Can you say a bit about that?",
  "P: Because I have to say it out loud. The stuff I mentioned on the phone. I've never said it properly to anyone.",
  "T: Mm. Take your time. There's no rush at all.",
  "P: Okay. So... I get these thoughts. Like, I'll be carrying her down the stairs and suddenly there's this picture in my head of me just — dropping her. Letting go. And I see it, like really see it. And then I have to grip the banister and I feel sick.",
  "T: Mm-hm.",
  "P: And it's not just the stairs. The other night I was chopping onions and she was in her bouncer and I got this flash of the knife and her. I put the knife in the drawer and I went and sat in the bathroom and cried. I'm a horrible person. Who thinks that about their own baby?",
  "T: That sounds really frightening, to have those images come into your head.",
  "P: It is. It's horrifying.",
  "T: Can I ask — when those pictures come, what's your reaction to them? What do you feel?",
  "P: Disgust. Terror. I want them out. I'd never — I love her more than anything. That's what makes it so awful.",
  "T: And is there any part of you that wants to act on them? Any wish to hurt her?",
  "P: No. God, no. That's the whole — no. It's the opposite.",
  "T: Okay. I ask because it matters, and what you're describing is actually really common after having a baby. These are what we call intrusive thoughts. They're unwanted, they pop in out of nowhere, and the reason they hurt so much is that they go against everything you value.",
  "P: Common? Really?",
  "T: Really. Lots of new parents get them, mums and dads. For some people they get very sticky, and they start doing things to cope, like avoiding situations or checking. When that happens we often think of it as perinatal OCD. And what we know is pretty consistent: people who have these thoughts and are horrified by them are not people who go on to harm their babies.",
  "P: (long pause) I thought you'd have to call social services.",
  "T: I can hear how scared you've been of that. From what you've told me, there's nothing here that makes me worried about Layla's safety. What I'm worried about is how much you're suffering.",
  "P: Okay. (crying) Sorry.",
  "T: Don't be sorry. There's tissues just there.",
  "P: Thanks.",
  "T: You mentioned coping by avoiding things. What sort of things have you stopped doing?",
  "P: Bath time, mainly. I won't bath her on my own. I wait until Dan's home and I make him do it, and I make up some excuse like my back's bad. Last week I just did top-and-tail for three days because he was on nights.",
  "T: So the bath feels like the danger zone.",
  "P: Yeah, the water. I get the thought that I'll hold her under. I can't even say it properly.",
  "T: You just did say it. That takes a lot.",
  "P: Mm.",
  "T: Anything else? Knives, the stairs?",
  "P: I keep the knives in a locked drawer now. Dan thinks it's for when she's crawling. And I sort of — I go over things in my head. Like, did I do anything? And I check she's breathing, a lot. Like twenty times a night.",
  "T: Okay. That's really helpful to know. Can I ask about you for a minute. With all this going on, and how exhausted and upset you've been — have you had any thoughts of ending your life, or of harming yourself?",
  "P: No. No, nothing like that. I'm shattered and I feel like a terrible mum but I don't want to die. I want to get better for her.",
  "T: Thank you for telling me. I'll probably keep checking in about that, it's something I ask everybody.",
  "P: That's fine.",
  "T: So one of the things that tends to help with this kind of problem is gradually doing the things you've been avoiding, so your brain learns the thought is just a thought. Bath time seems like the obvious place to start. What would you think about doing a bath with Dan there, but you doing the actual bathing?",
  "P: With him in the room?",
  "T: With him in the room, sitting on the side, not helping unless you ask.",
  "P: ...I could maybe do that. Yeah. I think I could do that.",
  "T: And then the next step, if that goes okay — doing one on your own, before we next meet.",
  "P: On my own. (pause) By next week?",
  "T: That's the idea. We'd plan it together. The thoughts will probably come. The point is you let them be there and you carry on with the bath anyway.",
  "P: Okay. Yes. With him first, this weekend, and then on my own by the time I see you next week. I'll do it.",
  "T: Brilliant. Another thing some people find helpful is writing the thought down and reading it out loud, over and over, until it gets boring. Sort of deliberately bringing it on.",
  "P: No. Sorry, I can't do that. Not yet. Writing it down, it'd feel like it was real.",
  "T: That's absolutely fine, we don't have to do that one. We can park it.",
  "P: Thank you.",
  "T: What about Dan? Does he know about any of this?",
  "P: No. He thinks I'm just tired. I'm scared that if I tell him he'll look at me differently. What if he won't leave me alone with her?",
  "T: That's a really understandable fear. What do you imagine he'd actually say?",
  "P: Honestly? He'd probably say \"why didn't you tell me.\" He's soft like that.",
  "T: It sounds like he'd want to know. And if he's going to be sitting in for the bath, it might help him to know why.",
  "P: Yeah. That's true. Okay, I'll tell him. Tonight, after she goes down. Before I lose my nerve.",
  "T: Would it help if I gave you the leaflet on intrusive thoughts to show him?",
  "P: Yes please. Then it's not just me saying it.",
  "T: I'll grab one at the end. Now, the other thing. We run a perinatal psychology group on Thursday mornings. It's for mums with anxiety and OCD-type difficulties, it's CBT-based, and babies can come along. Would you like me to refer you?",
  "P: A group. Um. What if I'm the only one with thoughts like mine?",
  "T: You really won't be. Most of the women who come have had something similar.",
  "P: Okay. Yeah. Go on then, refer me. I'd rather know I'm not the only one.",
  "T: I'll do that today. You'll get a letter with a start date.",
  "P: Okay.",
  "T: Can I check something — if, hypothetically, the thoughts got a lot worse before the group starts, or you started feeling hopeless, what would you do?",
  "P: I suppose I'd ring you? Or the health visitor.",
  "T: Yes, either of us, and out of hours the crisis line number is on the card. I'll write it on the back of the leaflet.",
  "P: Okay.",
  "T: Let's recap. Bath with Dan there this weekend, then one on your own before next week. Talk to Dan tonight. I'll send the referral to the group. And we're leaving the writing exercise for now.",
  "P: Yes. That's it.",
  "T: How are you feeling, compared to when you walked in?",
  "P: Lighter. Still scared. But lighter. I honestly thought you were going to take her off me.",
  "T: No. You're a mum who loves her baby and has a horrible, very treatable problem. See you next Tuesday.",
  "P: Thank you. Really.",
];

describe("a mother with intrusive thoughts, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists no risk: the thoughts are feared, not intended, and the bath she will give is no method", () => {
    expect(flags).toEqual([]);
  });

  it("never offers the intrusive thought or her avoidance as a step; writes the bath plan and telling Dan", () => {
    expectGroundedPlan(notes, ["Agreed: “I'll do it.” — to “The point is you let them be there and you carry on with the bath anyway.”", "Okay, I'll tell him."]);
    const toConfirm = listed(notes.followUpTopics).map((item) => item.text);
    expect(toConfirm.some((line) => /hold her under|won't bath her/.test(line))).toBe(false);
  });

  it("reads her anxious, never positive", () => {
    expect(notes.sessionMood).toMatchObject({ text: "Presented as anxious (“dreading”, “scared”).", value: "negative" });
  });
});
