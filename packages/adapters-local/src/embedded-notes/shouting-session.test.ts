/**
 * A session with a father whose wife says he shouts at the children, written for the test (no real
 * session's words). Run as the pipeline runs it: the risk screen, then the writer, then core's
 * check. He says he would never hit them, that he feels he could put his fist through a wall, and
 * that he would quit his job if put on nights; he agrees to a time-out plan.
 */
import { formatNote } from "@confide/core";
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, noteLines, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Come in, Rob, take a seat. How's your week been?",
  "P: Yeah. Busy. Same as always.",
  "T: Mm-hmm. When we spoke on the phone you mentioned your wife had suggested you come along. Can you tell me a bit about that?",
  "P: Claire, yeah. She reckons I shout at the kids. Well, she doesn't reckon, she's said it about a hundred times now. Basically told me to sort it out or else.",
  "T: Right. And what do you make of what she's saying?",
  "P: Honestly? I think she's blowing it out of proportion. Every parent shouts. My dad shouted at us all the time, never did me any harm. She's making me out like I'm some kind of monster.",
  "T: Mm. Sounds like that stung a bit, hearing it from her.",
  "P: Well, yeah. I work my backside off for that family.",
  "T: Yeah. Can you tell me about the last time it happened? The shouting.",
  "P: Sunday. The boys were fighting over the Xbox, and Jack, he's nine, he threw the controller at his brother, and I just, I went. I was yelling. Properly yelling.",
  "T: Okay. What happened after?",
  "P: The little one, Alfie, he's six, he started crying and went and hid behind Claire. Like, behind her legs. And Jack just looked at me like, I dunno.",
  "T: Like what?",
  "P: Like he was scared of me.",
  "T: Mm. That sounds like it was hard to see.",
  "P: Yeah. Yeah, it was. And look, I'd never hit them. I want to be really clear on that. I'd never lay a finger on them.",
  "T: Okay. Thank you, I hear that. I do ask everyone this. Has it ever got physical with anyone at home, Claire or the boys? Pushing, grabbing, anything like that?",
  "P: No. Never. Never.",
  "T: Okay. And when you're that angry, what's it like in your body? What's going on?",
  "P: I go hot. Like my face goes hot, and my jaw, I clench my jaw. Sometimes I feel like I could put my fist through the wall. I don't. But I feel like I could.",
  "T: Have you ever done anything like that? Hit a wall, a door?",
  "P: Once. Years ago, before we had the kids, I punched a door at my old flat. Broke my knuckle. Not since.",
  "T: Okay. So that feeling's there, but you've been holding it. What's been going on for you lately, outside of home? You said busy.",
  "P: Work's a nightmare. They're restructuring so everyone's on edge, and they've got rid of two of the shift leads so I'm covering their stuff as well as mine, I'm in at six, I'm not home 'til seven half the time, and then I walk in the door and it's noise and toys everywhere and the boys screaming and I've just got nothing left, you know, there's nothing in the tank, and I think that's when I blow. It's not them. It's not really them.",
  "T: That's a lot to be carrying. Twelve, thirteen hour days, and your job not feeling secure.",
  "P: Yeah. And I can't say any of that to Claire 'cause she's got her own stuff, she works too.",
  "T: Mm-hmm. So you're kind of holding it all in at work, and then it comes out at home.",
  "P: Yeah. Yeah, that's probably it.",
  "T: How are you sleeping? And drinking, how's that?",
  "P: Sleep's rubbish. Drinking, couple of beers most nights. Helps me switch off.",
  "T: Okay. Is that something you'd want to look at?",
  "P: Maybe. I could maybe knock it on the head in the week. I dunno. We'll see.",
  "T: Okay, we can come back to that. Can I suggest something for the shouting specifically? It's called a time-out. It's pretty simple, but it works for a lot of people.",
  "P: Go on.",
  "T: So the idea is you learn to spot your early warning signs, like the hot face, the jaw. The moment you notice them, you say something like \"I need five minutes\", you leave the room, go out in the garden or wherever, and you don't stew on it, you do something to calm down, breathe, walk round. Then after, say, twenty minutes, you come back and deal with whatever it was, calmly.",
  "P: What, just walk off? Claire'll think I'm sulking.",
  "T: That's why it helps to tell her about it beforehand. So she knows it's the plan, not you storming off.",
  "P: Yeah. Okay. Yeah, I can do that. I'll do it this week. The hot face thing, I can spot that.",
  "T: And would you be okay talking it through with Claire?",
  "P: Yeah, I'll talk to her tonight. She'll probably laugh at me, but she'll be pleased, to be honest.",
  "T: Ha. Okay. And what about your GP, about the sleep and the stress? Would that be worth a visit?",
  "P: No. I'm not going to the doctor. They'll just stick me on tablets.",
  "T: Okay, that's your choice. And how are you thinking about work, going forward?",
  "P: Honestly, if they put me on nights as well I'll lose it. Not like that. I mean I'll pack it in.",
  "T: Right. Well, let's see how the time-out goes and we can talk more about work next time. Same time next week?",
  "P: Yeah. Tuesday. Fine.",
  "T: Great. And Rob, it took something to come in today and say all that.",
  "P: Yeah. Cheers.",
];


describe("a session about shouting at the children, as a clinician reads it", () => {
  const { flags, notes, risk } = run(session);

  it("lists the wall and the door as things hit in anger, to review, under a label that says so", () => {
    expect(flags.filter((flag) => flag.category === "harm_to_others").map((flag) => flag.tier)).toEqual(["review", "review"]);
    const assessment = formatNote("soap", notes, risk).sections.find((section) => section.key === "assessment");
    expect(noteLines(assessment)).toContain("To review — Harming someone else, thoughts or plans of it, or things hit in anger (2 times): \"Sometimes I feel like I could put my fist through the wall.\"");
  });

  it("reads no mood from what everyone at work feels", () => {
    expect("text" in notes.sessionMood ? notes.sessionMood.text : null).toBeNull();
  });

  it("writes the time-out, the talk with his wife and the next session; never quitting a job said under a condition", () => {
    expectGroundedPlan(notes, [
      "Agreed: “I'll do it this week.” — to “So she knows it's the plan, not you storming off.”",
      "Agreed: “Yeah, I'll talk to her tonight.” — to “And would you be okay talking it through with Claire?”",
      "Agreed: “Yeah. Tuesday.” — to “Same time next week?”",
    ]);
  });
});
