/**
 * A young person's session about cutting, with a safety plan made together, written for the test by
 * a helper who saw neither the writer nor its rules (no real session's words). Run as the pipeline
 * runs it: the risk screen, then the writer, then core's check. She cut three days ago, denies any
 * wish to die, had passing thoughts "back around Christmas", and agrees to give her blades to her
 * mum.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Ellie. Thanks for coming in again. Mum's in the waiting room, and I thought it'd be just you and me for this bit, like last time, if that's still okay. Last time we talked a bit about the cutting. How have things been this week?",
  "P: Um. Okay. Not really. I did it again.",
  "T: Thank you for telling me. When was that?",
  "P: Saturday. So, like, three days ago.",
  "T: Can you tell me a bit about what happened?",
  "P: I had a row with my mum about my phone and she took it off me, and I went up to my room and I just felt, like, really full up. Like I was going to explode. And I did it on my arm. Here. Like the top bit, so no one sees.",
  "T: Okay. Can I ask how deep it was? Did it need any medical treatment? And how does it look now?",
  "P: No. It wasn't deep. It was just, like, scratches, kind of. It stopped bleeding really quick. I put plasters on. It's healing now, it's not red or sore or anything.",
  "T: Okay. And afterwards, how did you feel?",
  "P: Better for, like, a bit. Calmer. And then really bad. Like, why do I do this. Guilty. It always goes like that.",
  "T: Ellie, I'm going to ask you something directly. I ask because it's important, not because I'm assuming anything. When you cut, is it because you want to end your life?",
  "P: No. No, it's not like that. I don't want to die. It's just to get the feeling out.",
  "T: And have you had any thoughts of killing yourself recently?",
  "P: No. Not now. Like... back around Christmas, when all the stuff with my dad was happening, I did sometimes think it'd be easier if I wasn't here. But I never, like, planned anything. And I don't think that now.",
  "T: Thank you for being so honest. So around Christmas there were some thoughts that it'd be easier not to be here, but no plans, and right now you're not having those thoughts.",
  "P: Yeah. Not since then.",
  "T: If those thoughts did come back, would you be able to tell someone?",
  "P: I'd tell you, I think. Or my aunt.",
  "T: Okay. What I'd like to do today, if you're up for it, is make a safety plan together. It's a plan for what you can do when you get that full-up feeling, before it gets to cutting. You write it on paper, in your own words, and you keep it, and you can take a photo of it on your phone as well. The first bit is warning signs. What tells you it's building up?",
  "P: Um. When I'm in my room with the door shut. And I just lie on my bed scrolling and I can't stop. And, like, my chest goes fizzy. And I go really quiet.",
  "T: Door shut, scrolling, chest going fizzy, going quiet. Let's write those down. And what sets it off?",
  "P: Rows with Mum. And school, when people say stuff. Nights are the worst.",
  "T: Okay. The next bit is things you can do yourself to get through the feeling. Some people find a really strong sensation helps, like holding an ice cube till it melts. Have you tried anything like that?",
  "P: I saw the ice cube thing on TikTok. I haven't tried it. I could, though. There's always ice in the freezer. Yeah, put ice cube. And drawing. I like drawing, I do it when I can't sleep. Like, manga stuff. When I'm drawing it takes my mind somewhere else.",
  "T: That's brilliant. Ice cube, drawing. Anything else?",
  "P: Music. With my headphones. Loud.",
  "T: Great. The third bit is people. Who could you go to, or message, when it's getting bad?",
  "P: My Aunt Becky. She's my mum's sister, she's really chill, she doesn't freak out. I could text her.",
  "T: Aunt Becky. Anyone at school?",
  "P: Mrs Patel, the school nurse. She's nice. I go there sometimes at lunch.",
  "T: Mrs Patel. And if it's night-time and you can't get hold of anyone, there's the crisis line. It's open all night. Could we put Aunt Becky and the crisis number in your phone now, as favourites, before you leave?",
  "P: Yeah. [pause] Okay. Done. Both of them.",
  "T: Thanks. The next bit is a hard one. Making things safer at home. What do you use?",
  "P: Blades. Out of a pencil sharpener. I've got them in a tin in my drawer.",
  "T: How would you feel about those not being in your room?",
  "P: I don't know. Like... I'd feel a bit panicky, I think. Like they're my backup.",
  "T: That makes sense. They've been a way of coping. And having them right there makes it a lot easier to use them when that feeling hits. What would feel possible?",
  "P: I could give them to my mum, I suppose. But then she'd know. She doesn't know. She thinks I'm just moody.",
  "T: So giving them to Mum would mean telling her. How would you feel about that? I could be there with you, today, and help you explain. You wouldn't have to do it on your own.",
  "P: [pause] If you're there. Yeah. She'll probably cry. But if you're there it's okay. Can you, like, start it?",
  "T: Yes. I can start it, and you can say as much or as little as you want. We'll bring her in at the end of this session.",
  "P: Okay. And then I'll give her the tin when we get home. Like, straight away. Before I change my mind.",
  "T: That's a really brave decision, Ellie. Let's write that in: give the tin of blades to Mum when you get home today.",
  "P: Yeah.",
  "T: And what if Mum does react strongly?",
  "P: If she kicks off I'll just go to Aunt Becky's for the night. Or I'll stop talking to her. I dunno.",
  "T: I'll be there to help it go as well as it can. Is there anything else you'd like on the plan?",
  "P: Maybe, like, reasons. Reasons not to. My cat, Biscuit. And art. I want to do art for GCSE.",
  "T: Biscuit, and art. Lovely. Let's add those. I'd like to see you again next week. Same day, Tuesday at four?",
  "P: Yeah, that's fine. After school.",
  "T: Great. Tuesday at four, next week. And in the meantime, if you ever hurt yourself and it's deep, or it won't stop bleeding, you go to A&E or ring 999. Okay?",
  "P: Yeah. It's never been like that, but okay.",
  "T: Right. Shall I go and get Mum?",
  "P: Yeah. Okay. Can you sit next to me?",
];


describe("a session about cutting, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists the cutting and her blades to review, the thoughts at Christmas as past, and never the blades given to her mum as preparing to die", () => {
    expect(flags.map((flag) => [flag.category, flag.tier, flag.temporality])).toEqual([
      ["self_harm", "review", "current"],
      ["passive_death_wish", "review", "history"],
      ["self_harm", "review", "current"],
    ]);
    expect(flags.some((flag) => flag.category === "preparatory_behaviour" || flag.tier === "page")).toBe(false);
    // She said the cutting is not to die: the blades she names are what she cuts with, not a way to die.
    expect(flags[2]).toMatchObject({ category: "self_harm", text: "Named what they use to hurt themselves", quote: "Blades." });
  });

  it("writes giving the tin to her mum and the next appointment; never what she would do if her mum kicks off", () => {
    expectGroundedPlan(notes, ["And then I'll give her the tin when we get home.", "Agreed: “Yeah, that's fine.” — to “Same day, Tuesday at four?”"]);
  });
});
