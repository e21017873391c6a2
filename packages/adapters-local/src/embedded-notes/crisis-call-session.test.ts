/**
 * A crisis-line call, written for the test by a helper who saw neither the writer nor the screen
 * (no real session's words), as speech recognition gives it: lowercase, unpunctuated, "robe" for
 * rope. A man who has been drinking sits in his car with a rope bought that afternoon; he agrees to
 * go inside, give his car keys to his flatmate and ring his sister. Run as the pipeline runs it.
 */
import { describe, expect, it } from "vitest";
import { listed, noteLines, runSession as run } from "./session-run.test-support.ts";
import { formatNote } from "@confide/core";

const session = [
  "T: hello you're through to the crisis line my name's sam um can i take your first name",
  "P: um yeah it's dan",
  "T: hi dan thanks for calling tonight what's going on for you",
  "P: i don't i don't really know why i rang to be honest i'm just sat in the car",
  "T: ok you're in the car where are you right now",
  "P: outside my house on the drive engine's off i'm not going anywhere yet",
  "T: ok thank you for telling me that it sounds like things are really hard right now",
  "P: yeah you could say that i've had a lot to drink i'm not gonna lie",
  "T: mm how much have you had tonight",
  "P: um most of a bottle of vodka and some cans before that like five or six cans i don't know",
  "T: ok that's a lot have you taken anything else as well any tablets or anything",
  "P: no no just the drink",
  "T: ok and is there anyone with you",
  "P: no my flat mate tom's inside he's asleep or gaming or something he doesn't know i'm out here",
  "T: ok so tom's in the house can you tell me what's happened what's brought you to ringing tonight",
  "P: just everything man like lisa left in march and then i lost the job in june and my dad's not been well and i've just been like i'm so tired of it all honestly i don't want to be here anymore",
  "T: mm",
  "P: i've been thinking about it for weeks like properly thinking and i just thought today tonight's the night you know i'm done",
  "T: dan i'm really glad you called and i'm going to ask you straight because it matters when you say you don't want to be here anymore are you thinking about killing yourself",
  "P: yeah",
  "T: ok thank you for being honest with me have you thought about how you'd do it",
  "P: um",
  "P: i got a robe in the boot i bought it this afternoon from b and q",
  "T: you've got a rope in the boot of the car",
  "P: yeah",
  "T: and were you planning to use it tonight",
  "P: i was gonna drive out to the woods up by the reservoir there's a car park up there nobody goes at night i was just sat here sort of working up to it and then i don't know i rang you instead",
  "T: i'm really glad you rang instead there's a part of you that picked up the phone tonight and i want to talk to that part as well is that ok",
  "P: yeah i guess",
  "T: have you ever tried to end your life before",
  "P: once when i was nineteen took a load of pills ended up in a and e nobody really talked about it after",
  "T: ok thank you for telling me that so you've been somewhere this dark before and you got through it",
  "P: yeah barely",
  "T: who else is in your life dan apart from tom",
  "P: my sister katie she's in leeds she's got a little boy my nephew alfie he's four he's he's mad about dinosaurs",
  "T: he sounds great does katie know how you've been feeling",
  "P: not really she rings on sundays and i just say i'm fine she's got enough going on",
  "T: mm ok i want to be really straight with you you've had a lot to drink and you shouldn't be driving anywhere tonight where are the car keys right now",
  "P: in the ignition",
  "T: ok one thing that would really help right now is if you got out of the car and went back in the house would you be willing to do that",
  "P: what's the point it doesn't change anything does it",
  "T: it doesn't fix everything no but it puts some distance between you and the rope and it means you're not on your own out there in the dark",
  "P: i don't know",
  "T: you said tom's inside is he someone you could give the car keys to just for tonight",
  "P: he'd ask why",
  "T: he might what would you want to say to him",
  "P: um that i'm in a bit of a state i guess he's a good lad he wouldn't make a big thing of it",
  "T: that sounds like a good mate to have so how about this you take the keys out get out of the car leave the rope where it is in the boot go inside and give the keys to tom for tonight could you do that",
  "P: yeah ok ok i'll do that",
  "T: thank you can you do it now while you're still on the phone to me",
  "P: yeah hang on",
  "P: right i've got the keys i'm out it's freezing",
  "T: you're doing really well dan keep talking to me as you go in",
  "P: i'm in the hall now tom's door's shut",
  "T: ok can you knock and give him the keys and keep me on the line",
  "P: tom mate can you hang on to these for tonight yeah no i'll explain tomorrow just hang on to them cheers",
  "P: ok he's got them",
  "T: well done that's a really big step how are you feeling right now",
  "P: bit shaky i still don't really want to be here if i'm honest",
  "T: i hear that and i'm glad you're telling me you mentioned katie would you be willing to ring her now and i'll stay on the line with you while you do",
  "P: it's nearly midnight she'll have alfie asleep",
  "T: if katie knew what tonight had been like for you what do you think she'd want",
  "P: she'd want me to ring she'd kill me if she found out i didn't",
  "T: so could you ring her on tom's phone and keep me here on your mobile",
  "P: yeah alright i'll ring her from tom's phone don't hang up though",
  "T: i'm not going anywhere i'm staying right here",
  "P: ok it's ringing",
  "P: katie it's me no i'm not alright um can you just can you stay on for a bit",
  "P: ok she's on she's crying a bit she says she's glad i rang",
  "T: i'm really glad too dan there's something else i want to ask you because of what you've told me tonight the drinking the rope and how you're feeling i'd like to get someone out to see you tonight that could be the crisis team or an ambulance would you be ok with that",
  "P: um",
  "T: take your time i'm still here",
  "P: i don't want an i'm balance outside with the lights going and all the neighbours",
  "T: that's a fair worry they don't need to come with blue lights it's about making sure you're safe tonight and getting you some proper support",
  "P: um",
  "T: dan are you still with me",
  "P: yeah i'm here",
  "P: ok yeah ok they can come",
  "T: thank you that's a really brave thing to agree to can i just confirm the address for them",
  "P: fourteen ashdown close",
  "T: fourteen ashdown close thank you and you're inside now with tom and katie's on the other phone",
  "P: yeah",
  "T: ok i'm going to stay on the line with you until they get there can you stay in the house and not go back out to the car",
  "P: yeah i'm not going back out there tom's got the keys anyway",
  "T: good is there anything else in the house you might use to hurt yourself tonight",
  "P: no there's no tablets or nothing i should probably stop drinking though",
  "T: that'd help maybe put the rest of the drink away for tonight",
  "P: yeah there's none left anyway",
  "T: ok so while we wait tell me about alfie and these dinosaurs",
  "P: ha he's got this t rex he takes everywhere he calls it uncle dan",
];

describe("a crisis call, as a clinician reads it", () => {
  const { flags, notes, risk } = run(session);

  it("pages, and says the words it pages on answered a question", () => {
    expect(flags.some((flag) => flag.tier === "page")).toBe(true);
    const assessment = formatNote("soap", notes, risk).sections.find((section) => section.key === "assessment");
    expect(noteLines(assessment)).toContain('Needs attention now — Thoughts of ending their life (2 times): "yeah" (in answer to a question)');
  });

  it("lists no hesitation, no leave given, no car keys handed over and no saying as risk", () => {
    const quoted = flags.map((flag) => flag.quote);
    for (const said of ["um", "yeah i guess", "yeah hang on", "yeah ok ok i'll do that"]) expect(quoted, said).not.toContain(said);
    expect(flags.some((flag) => flag.category === "abuse")).toBe(false);
    // The rope is read as the answer to how: the words after "um".
    expect(quoted).toContain("i got a robe in the boot i bought it this afternoon from b and q");
  });

  it("writes the keys given to his flatmate and ringing his sister; reads him low, never hopeful", () => {
    const plan = listed(notes.actionItems).map((item) => item.text);
    expect(plan.some((line) => line.startsWith("Agreed: that sounds like a good mate to have") && line.endsWith("— “yeah ok ok i'll do that”"))).toBe(true);
    expect(plan).toContain("yeah alright i'll ring her from tom's phone don't hang up though");
    expect(notes.sessionMood).toMatchObject({ text: "Presented as low (“tired of”).", value: "negative" });
  });
});
