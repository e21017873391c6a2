/**
 * A health visitor with a mother seven weeks after birth, written for the test by a helper who saw
 * neither the writer nor its rules (no real session's words). Run as the pipeline runs it: the risk
 * screen, then the writer, then core's check. Asked outright, she denies any thought of harming
 * herself or her baby; the health visitor closes with safety-netting ("if you ever did have
 * thoughts of harming yourself… ring the GP, or 111… Is that okay?"), which she agrees to.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Sophie, thanks for having me. Oh, look at him, he's fast asleep.",
  "P: Yeah, finally. He's been up since five. Sorry about the mess, I haven't... I haven't had a chance to do anything.",
  "T: Don't worry about the mess at all, honestly. So, seven weeks now. He's looking really well. How are you doing?",
  "P: Um. Yeah, I'm okay. I'm fine. [pause] Sorry. Sorry, I don't know why I'm crying.",
  "T: That's alright. Take your time. There's no rush.",
  "P: It's just, everyone keeps asking about him, and he's fine, he's putting on weight and everything, and then you ask about me and I just... I'm not really okay. I don't think I am.",
  "T: Thank you for telling me. It sounds like you've been holding a lot in.",
  "P: Yeah. I just feel like I'm rubbish at it. Like everyone else seems to know what they're doing and I'm just... He cries and I don't know why, and I feel like I should know. I'm his mum. I should know.",
  "T: You feel like you should have all the answers, and when you don't, it feels like you're failing.",
  "P: Yeah. Failing. That's exactly it. I said that to Dan the other night, I said I'm failing at this, and he just said don't be silly. But I really do feel it.",
  "T: Mm. How's your sleep been?",
  "P: Awful. I know everyone says that with a newborn, but even when he's asleep, I can't. I did the whole sleep-when-the-baby-sleeps thing and I just lie there with my eyes open. Because... this is going to sound mad.",
  "T: Go on. It's okay.",
  "P: I keep thinking he's going to stop breathing. In the night. So I get up and check him, I put my hand on his chest. Sometimes I do it like ten times before I can lie down, and then I think, well, what if he stopped just after I checked? So I get up again. And I've got these pictures in my head of, like, going in and finding him. It's horrible. I know he's fine. I know that. But the thought just comes in and I can't get rid of it.",
  "T: That sounds exhausting. And really frightening. Those kinds of thoughts, the ones that pop in and won't leave, are really common after having a baby, especially when you're this tired. They're very distressing, but having them doesn't mean anything's going to happen to him. Is it okay if I ask you a few more questions about how you've been feeling? It's a set of things we ask every mum, it just helps me get a picture.",
  "P: Yeah, okay.",
  "T: Over the last week or so, have you been able to laugh and see the funny side of things?",
  "P: Um. Not really. Dan was trying to make me laugh the other day and I just couldn't. A bit, maybe. Less than before.",
  "T: And looking forward to things?",
  "P: Not much. I used to look forward to my mum coming round, and now I sort of dread it because I feel like she's watching me.",
  "T: Have you been blaming yourself when things go wrong?",
  "P: All the time. If he cries, it's my fault. If he doesn't feed well, my fault.",
  "T: Mm-hmm. Feeling anxious or worried without a good reason? Or scared, panicky?",
  "P: Yeah. Most of the time. Panicky at night, mainly. My heart goes really fast when I'm checking him.",
  "T: Things getting on top of you?",
  "P: Yeah. Some days I can't even get dressed. Like today. I'm still in this.",
  "T: And feeling sad, or miserable, or crying?",
  "P: Yeah. Crying most days, I'd say. Usually in the afternoon, when Dan's at work and it's just me.",
  "T: Thank you. I'm going to ask you something now that I ask every mum, and it's okay to answer honestly, whatever the answer is. Have you had any thoughts of harming yourself?",
  "P: No. No, I haven't. I've thought... sometimes I think I'd like to just get in the car and drive somewhere and sleep for a week. Like, escape. But not hurting myself. No.",
  "T: Okay. So wanting a break, to get away and sleep, but no thoughts of hurting yourself.",
  "P: No. Never.",
  "T: And have you had any thoughts of harming Theo?",
  "P: God, no. No. It's the opposite. I'm terrified something's going to happen to him. I'd never... no.",
  "T: Thank you. I know those are hard questions. And what you're describing, the checking, the worry, it's all about keeping him safe. So from what you've told me, you've been feeling low and tearful most days, really anxious, not sleeping even when you can, and blaming yourself a lot. I think it would be really worth you seeing your GP about how you're feeling. This is something that does get better with the right support.",
  "P: Do you think I've got postnatal depression?",
  "T: I think some of what you're describing could fit with that, and with anxiety too, and the GP's the right person to look at it properly with you. It's really common, and it isn't a sign that you're failing.",
  "P: Okay. Yeah. I think... yeah, I think I should go. I've been putting it off.",
  "T: Would it help if I booked it for you? I can ring the surgery when I'm back at the office and try to get you in this week.",
  "P: Would you? That would actually really help. I can't face ringing at eight o'clock with him screaming.",
  "T: Of course. I'll ring them this afternoon and text you the time. You mentioned Dan. Does he know how you've been feeling?",
  "P: Sort of. He knows I'm tired. He keeps saying he'll help more, but he's back at work and I feel bad, like he needs his sleep.",
  "T: You need sleep too. Is there any way he could take one of the night feeds?",
  "P: I'm feeding him myself, but I have expressed a bit. And Dan did say he'd do one if I wanted. So... yeah. He could do the late one, the eleven o'clock one, with a bottle. And I'd go to bed at nine with earplugs in.",
  "T: That would give you a proper block of sleep. How do you feel about that?",
  "P: Nervous. But yeah. We'll do that. I'll tell him tonight and we'll start tonight, actually. He offered, so.",
  "T: That sounds like a really good plan. There are also some baby groups locally. There's one at the children's centre on a Wednesday morning. Some mums find it helps just being around others going through the same thing.",
  "P: Maybe. I might try one at some point. Not yet. I can barely get out of the house at the minute.",
  "T: That's completely fine. It'll be there when you're ready. And I'll give you a ring on Friday to see how the GP appointment went. Is that okay?",
  "P: Yeah, that's fine.",
  "T: Before I go, if things start to feel worse, or if you ever did have thoughts of harming yourself or Theo, I want you to ring the GP, or 111, straight away. Or me. Is that okay?",
  "P: Yeah. Yeah, I will. Honestly, I feel a bit better just saying it all out loud. Thank you.",
];


describe("a health visitor's session after a birth, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("pages nothing and lists nothing: her denials are denials, and a yes to safety-netting agrees to ring for help", () => {
    expect(flags).toEqual([]);
  });

  it("writes the night feed, the health visitor's call and the booking she took up, the last to confirm", () => {
    expectGroundedPlan(notes, [
      "Agreed: “We'll do that.” — to “That would give you a proper block of sleep.”",
      "I'll tell him tonight and we'll start tonight, actually.",
      "Agreed: “Yeah, that's fine.” — to “And I'll give you a ring on Friday to see how the GP appointment went.”",
    ]);
    // "Would you? That would actually really help. I can't face ringing…": the offer echoed back and taken up, with a doubt after it.
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual(["To confirm: Would it help if I booked it for you? — “That would actually really help.”"]);
  });
});
