/**
 * A crisis team nurse phones a woman 48 hours after she left hospital following an overdose, as
 * speech recognition gives it (lower case, little punctuation, one medicine misheard), written for
 * the test by a helper who saw neither the screen nor the writer (no real session's words). She
 * still has the thoughts, sat with the tablets last night and cannot promise for tonight: it pages.
 * The means are taken round to a neighbour's and a safety plan is gone over. Run as the pipeline
 * runs it.
 */
import { describe, expect, it } from "vitest";
import { listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: hello is that um is that jo",
  "P: yeah speaking",
  "T: hi jo it's sam from the crisis team we said we'd give you a ring today now you're home from the hospital is now an ok time to talk",
  "P: yeah it's fine i'm just sat in the kitchen",
  "T: how have the last couple of days been since you got home",
  "P: honestly i don't know tired i'm dead tired all the time",
  "T: mm",
  "P: i've mostly just been sleeping or lying on the sofa with the telly on",
  "T: and how's your mood been",
  "P: low really low like a heavy grey thing sitting on me",
  "T: i'm sorry it's that heavy i need to ask you some direct questions is that ok",
  "P: yeah go on they asked me all this on the ward",
  "T: since you got home have you had any thoughts of ending your life",
  "P: yeah um yeah i have they haven't really gone away if i'm honest",
  "T: thank you for telling me that how often are they there",
  "P: most of the day they're sort of there in the background they get louder at night when steve's gone up to bed",
  "T: and when they get louder what do they say",
  "P: that everyone would be better off that i'm just a weight on everyone",
  "T: mm",
  "P: last night i went in the bathroom and got the tablets out and sat on the edge of the bath with them for a long time",
  "T: ok what tablets are those jo",
  "P: the cocoa damol there's still a box and a half in the cabinet steve was meant to lock them in the car or take them back to the chemist and he just hasn't he's been working all hours",
  "T: are they the same ones you took last week",
  "P: yeah same ones i took the rest of the other box on tuesday that's why i was in",
  "T: ok so the tablets are still in the bathroom cabinet right now",
  "P: yeah they're still there",
  "T: and last night what stopped you",
  "P: i don't know i thought about ella finding me i put them back",
  "T: that's really important that you put them back jo do you think you might act on the thoughts today or tonight",
  "P: i don't know i honestly don't know i'm not going to do anything right this minute but tonight i can't promise",
  "T: ok i really appreciate you being this honest with me is anyone with you now",
  "P: no steve's at work till six ella's at school my mum picks her up",
  "T: and just so i've asked have you had any thoughts of harming anyone else or ella",
  "P: god no never ella's the reason i'm still here",
  "T: ok i'm going to be straight with you jo i'm worried about you and i want someone to come and see you today",
  "P: i'm not going back to a and e i'm not sitting in that waiting room for fourteen hours again it nearly killed me",
  "T: that's ok i'm not talking about a and e the home treatment team can come out to your house this afternoon would that be alright",
  "P: yeah yeah ok as long as it's at home",
  "T: ok i'll arrange that straight after this call and they'll ring you before they come can we talk about the tablets",
  "P: ok",
  "T: would you be willing to ring steve and ask him to take them back to the pharmacy today",
  "P: my mum'll kill me if she finds out they're still here she'll go mad at steve",
  "T: i hear that what matters most is that they're not in the house tonight",
  "P: ok i'll ring steve as soon as we're off the phone and tell him he has to take them back to the chemist today",
  "T: and until he can could they go somewhere you can't get to them",
  "P: i could put them in the shed i suppose, no he's got the key. my neighbour pat's in she's lovely",
  "T: would you be willing to take them round to pat's for now",
  "P: yeah ok i'll take them round to hers when we've finished talking she won't ask questions",
  "T: thank you is there anything else in the house you've thought about using",
  "P: no i've not thought about anything else like that the doctor on the ward asked me if i'd ever tried hanging myself and no i never have",
  "T: ok and have you had anything to drink since you got home",
  "P: a couple of glasses of wine on sunday night that's all i know i'm not supposed to with the new tablets",
  "T: which tablets did they start you on",
  "P: the mirtha zapping 15 milligrams at night it makes me sleep like the dead",
  "T: it can be quite sedating at first especially with alcohol so it's worth going easy have you got the safety plan they did with you on the ward",
  "P: yeah it's on the fridge",
  "T: could we go through it together",
  "P: ok um warning signs it says when i stop replying to messages and when i start going in the bathroom at night",
  "T: mm",
  "P: things that help having a bath walking the dog my sister's voice notes i usually walk the dog first thing but i haven't since i got back",
  "T: and people you can contact",
  "P: my sister claire steve the crisis line and you lot",
  "T: is there anything on there you think isn't going to work right now",
  "P: the bath one i don't want to be in the bathroom on my own at the moment that's where the tablets are",
  "T: that makes sense shall we cross that one off for now",
  "P: yeah",
  "T: and claire how would you feel about letting her know how you're doing today",
  "P: i haven't told her how bad it is she's in leeds she'd just be on the train straight down",
  "T: would that be a bad thing",
  "P: no maybe not ok i'll text her after i've been to pat's and ask her to ring me tonight",
  "T: that sounds really good and tonight if the thoughts get louder what will you do",
  "P: wake steve up or ring the crisis line i'll ring the line rather than go in the bathroom",
  "T: the crisis line number's at the bottom of your plan it's open all night",
  "P: yeah i know",
  "T: is there anything else on your mind",
  "P: i was meant to be going back to work on monday the ward said a routine would help but i can't face it",
  "T: there's no rush with that the team this afternoon can talk to you about a fit note",
  "P: ok i might go and stay at my mum's for a few days as well i don't know",
  "T: that's something to talk about with them too so just to go over it you'll ring steve take the tablets round to pat's text claire and the home treatment team will ring you before they come this afternoon",
  "P: yeah that's right",
  "T: and if anything changes before they get there ring the crisis line or 999",
  "P: i will thank you sorry for being such a pain",
  "T: you're not a pain at all i'll ring you back at three to check the tablets have gone to pat's is that ok",
  "P: ok yeah ring me at three",
];

describe("a crisis team's call after an overdose, as speech recognition gives it", () => {
  const { flags, notes } = run(session);

  it("pages on her yes to thoughts of ending her life, and lists the tablets, last week's overdose and the night she cannot promise; never the safety plan, the means made safe or her yes to the nurse's call back", () => {
    expect(flags.map((flag) => [flag.category, flag.tier, flag.quote])).toEqual([
      ["active_ideation", "page", "yeah um yeah i have they haven't really gone away if i'm honest"],
      ["active_ideation", "review", "most of the day they're sort of there in the background they get louder at night when steve's gone up to bed"],
      ["active_ideation", "review", "that everyone would be better off that i'm just a weight on everyone"],
      ["suicide_method", "review", "last night i went in the bathroom and got the tablets out and sat on the edge of the bath with them for a long time"],
      ["preparatory_behaviour", "review", "last night i went in the bathroom and got the tablets out and sat on the edge of the bath with them for a long time"],
      ["suicide_method", "review", "yeah same ones i took the rest of the other box on tuesday that's why i was in"],
      ["suicide_method", "review", "yeah they're still there"],
      ["suicide_intent_or_plan", "review", "i don't know i honestly don't know i'm not going to do anything right this minute but tonight i can't promise"],
      ["substance", "review", "a couple of glasses of wine on sunday night that's all i know i'm not supposed to with the new tablets"],
    ]);
  });

  it("writes the steps she took on, the text run on after 'no maybe not ok' and the summary she confirmed; staying at her mum's stays to confirm", () => {
    expect(listed(notes.actionItems).map((item) => [item.text, item.verification?.status])).toEqual([
      ["ok i'll ring steve as soon as we're off the phone and tell him he has to take them back to the chemist today", "grounded"],
      ["yeah ok i'll take them round to hers when we've finished talking she won't ask questions", "grounded"],
      ["no maybe not ok i'll text her after i've been to pat's and ask her to ring me tonight", "grounded"],
      ["wake steve up or ring the crisis line i'll ring the line rather than go in the bathroom", "grounded"],
      [
        "Agreed: that's something to talk about with them too so just to go over it you'll ring steve take the tablets round to pat's text claire and the home treatment team will ring you before they come this afternoon — “yeah that's right”",
        "grounded",
      ],
    ]);
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual(["To confirm: ok i might go and stay at my mum's for a few days as well i don't know"]);
  });
});
