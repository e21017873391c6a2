/**
 * A university counsellor with a student who, asked outright, says he has been thinking of killing
 * himself, has looked up how many of his paracetamol it would take, keeps a box in his drawer and
 * would probably do it after his results next week; written for the test by a helper who saw
 * neither the writer nor its rules (no real session's words, transcriber's notes as "(pause)").
 * Run as the pipeline runs it. The session must page, and its page must quote what he said.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Okay, Callum. So, um, last time we met it was mostly about the exams and how far behind you were feeling. How have things been since then?",
  "P: Not great, honestly. I, um -- I had the stats paper on Tuesday and I just sort of sat there. I wrote my name and, like, half of question one, and then I left early.",
  "T: Mm-hmm. That sounds like a really hard morning.",
  "P: Yeah. And I've got two more next week and I haven't -- I haven't really opened anything for those. I just lie in bed and scroll and then it's, like, four in the afternoon.",
  "T: When you're lying there, what's going through your head?",
  "P: That I've wasted it. Like, my parents took out a loan for my accommodation, and my mum tells everyone at her work that I'm at uni, and I'm just -- I'm going to fail. I'm going to have to tell them. And I can't see how I'm supposed to tell them that.",
  "T: How's your sleep been? And eating?",
  "P: Sleep's all over the place. I'm up till five, then asleep till two. Eating's, um, whatever's there. Cereal, mostly. I don't really bother.",
  "T: And how would you describe your mood over the last couple of weeks?",
  "P: Low. Like, really low. Worse than it was before Christmas.",
  "T: Callum, sometimes when people feel as low as you're describing, and they can't see a way out, they start having thoughts about ending their life. I want to ask you directly. Have you been having any thoughts of killing yourself?",
  "P: (pause) Um. Yeah. Yeah, I have.",
  "T: Thank you for telling me. I know that's not an easy thing to say out loud. Can you tell me a bit more about those thoughts -- when they come, what they're like?",
  "P: It's mostly at night. It's like, it would just be easier. For everyone. They wouldn't have to deal with me failing, and I wouldn't have to, you know, see their faces. And it started as just, like, a thought, but the last week or so it's been more -- more like actually thinking about it. Properly.",
  "T: Mm-hmm. When you say actually thinking about it, have you thought about how you might do it?",
  "P: Yeah. I've got paracetamol. I, um, I looked up how many it would take. Online. And I've got a box in my drawer, I've kind of -- I've kept it there. In my bedside drawer. Separate from the other stuff.",
  "T: And have you thought about when?",
  "P: The results come out next Friday. I think I'd -- I'd probably do it after that. Once I know. Like, if it's what I think it's going to be, I don't see the point in carrying on after that.",
  "T: Okay. So you've been thinking about it, you've looked up an amount, you've got tablets set aside, and you're thinking about after the results next week. Have I got that right?",
  "P: Yeah. (pause) It sounds worse when you say it like that.",
  "T: It sounds serious, and I'm taking it seriously. I'm really glad you're here and that you told me. Can I ask -- have you ever tried to end your life before, or hurt yourself?",
  "P: No. Never. This is -- no.",
  "T: And right now, sitting here today, how likely do you feel you are to act on it?",
  "P: I don't know. Not today. I'm not going to do anything today. But next week, I -- honestly, I don't know. I think I probably would.",
  "T: Okay. Is there any part of you that wants to stay alive? Anything holding you back?",
  "P: My little sister. She's fourteen. I think about her finding out and that's -- that's the bit I can't get past.",
  "T: What I'd like to do, Callum, is work out with you, right now, how we keep you safe, starting today. Is that okay?",
  "P: Yeah. Okay.",
  "T: Okay. The first thing is the paracetamol. Having it there in your drawer makes a bad night much more dangerous. Is there someone you could give it to?",
  "P: Um. My flatmate, Josh. He's -- he's alright. He'd probably ask why, though.",
  "T: You don't have to tell him everything. You could just say you're not feeling great and you'd rather not have them in your room. Would you be willing to do that?",
  "P: Yeah. Yeah, I can give them to Josh. He's in tonight, I'll do it as soon as I get back. Today.",
  "T: Thank you. That's a really important step. The second thing -- I'd like to ring the crisis team, with you, now, while you're here, so they know about you and can follow you up. Would that be alright?",
  "P: Now? Like, right now?",
  "T: Right now, from this room. I'll do the talking to start with, and you can join in as much or as little as you want.",
  "P: (pause) Okay. Yeah. Okay, we can do that.",
  "T: And I'd also like you to see your GP. Could you get in tomorrow? I can write you a short letter to take.",
  "P: I'm registered at the campus practice. They do a walk-in thing in the mornings. Yeah, I'll go tomorrow.",
  "T: Good. And the last thing is a safety plan. It's a sheet we fill in together -- your warning signs, things that help, people you can contact, numbers to ring at night. Would you do that with me before you leave today?",
  "P: Yeah. I'll do that.",
  "T: What about your parents? Is telling them something you'd want help with?",
  "P: Not yet. Maybe after I've seen the GP. I don't know. I'm not ready for that.",
  "T: That's okay, we can come back to it. The results next week may not be the end of the road in the way they feel right now. And the exams themselves -- you mentioned the extenuating circumstances form last time.",
  "P: I might do that. If the GP gives me a note or whatever, I might put one in. I haven't decided.",
  "T: Okay. Before I make the call -- if tonight things get worse, before you've seen the GP, what would you do?",
  "P: Um. Ring the number you give me. Or go and knock on Josh's door.",
  "T: Yes. Or 999, or A&E, if you feel you can't keep yourself safe. Okay?",
  "P: Yeah. Okay. I will.",
];


describe("a session with current intent and a plan, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("pages on his yes to the direct question, quoting the yes, not the pause before it", () => {
    const paged = flags.filter((flag) => flag.tier === "page");
    expect(paged.map((flag) => [flag.category, flag.quote])).toEqual([["active_ideation", "Yeah."]]);
    // The method, the looking up and the time are listed with it.
    expect(new Set(flags.map((flag) => flag.category))).toEqual(new Set(["passive_death_wish", "active_ideation", "suicide_method", "preparatory_behaviour", "suicide_intent_or_plan"]));
  });

  it("reads the mood as distressed and never positive", () => {
    expect("text" in notes.sessionMood ? notes.sessionMood.text : "").toMatch(/^Presented as distressed/);
  });

  it("writes handing the tablets over, the GP tomorrow and the safety plan", () => {
    expectGroundedPlan(notes, [
      "He's in tonight, I'll do it as soon as I get back. Today.",
      "Agreed: “Yeah, I'll go tomorrow.” — to “I can write you a short letter to take.”",
      "Agreed: It's a sheet we fill in together -- your warning signs, things that help, people you can contact, numbers to ring at night. — “I'll do that.”",
    ]);
  });
});
