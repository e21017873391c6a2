/**
 * A community mental health nurse and an 81-year-old man at home after a fall, as speech
 * recognition gives it, written for the test by a helper who saw neither the screen nor the
 * writer (no real session's words). He has kept back some of his sleeping tablets "in case" and
 * has thought of taking them all with a drop of scotch on his late wife's anniversary next week:
 * a page. He turns down the lunch club. Run as the pipeline runs it.
 */
import { describe, expect, it } from "vitest";
import { listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: hello frank it's claire from the community mental health team can i come in",
  "P: come in come in mind the step the door sticks you have to give it a shove",
  "T: thank you",
  "P: sit yourself down there not that one the springs have gone in that one",
  "T: thanks so it's been a fortnight since i was last here how have things been",
  "P: er not so bad not so good the wrist's mending they took the pot off tuesday but it's stiff as a board and my knee's killing me since the fall",
  "T: mm how are you getting about the house",
  "P: slowly i've got the frame they gave me but i don't like it it makes me feel like an old man which i suppose i am eighty one in march",
  "T: mm",
  "P: karen says i should get one of them pendant alarms round my neck you press the button and somebody comes i said i'm not wearing a bell like a cat",
  "T: and what do you think yourself",
  "P: well after lying on that kitchen floor all night till the postman heard me i suppose she's got a point i just don't want to be a bother to anybody",
  "T: you're not a bother frank last time you told me your mood had been low since the fall how's that been this fortnight",
  "P: low i'd say low it's quiet you see it's very quiet since bess went",
  "T: bess your dog",
  "P: aye fourteen she was collie cross she couldn't get up the back step at the end and the vet said it was the kindest thing so they put her to sleep three weeks ago tuesday i held her head while they did it",
  "T: oh frank i'm so sorry",
  "P: the house is that quiet you don't realise i used to walk her twice a day round the rec that was my routine morning and teatime and now i don't go out hardly at all",
  "T: so when bess went you lost her and your routine and your reason to get out all in one go",
  "P: that's about the size of it yeah",
  "T: mm",
  "P: i was thinking maybe one day another dog a little one but who'd look after it if i ended up back in hospital",
  "T: how are you sleeping",
  "P: not good up and down all night i have a wee dram before bed to help me off and sometimes another when i wake up at three",
  "T: how much would you say on a usual night",
  "P: oh i don't know a couple of fingers maybe three the bottle goes down quicker than it used to i'll say that",
  "T: and is that more than before",
  "P: aye before it was just christmas really jean didn't like it in the house she'd give me a look",
  "T: mm and karen's still doing your tablets in the dosette box",
  "P: every sunday regular as clockwork she puts my pills in the dozette box the blood pressure ones and the water tablet and the zopa clone at night for sleeping and she ticks them off on her sheet",
  "T: and are you taking them how she sets them out",
  "P: the blood pressure ones yes",
  "T: and the others",
  "P: well",
  "T: it's okay frank you can tell me",
  "P: the sleeping ones i've not been taking them all",
  "T: okay what's been happening with them",
  "P: i've been keeping some of them back in case",
  "T: in case of what",
  "P: i don't know just in case they're in my old tobacco tin in the drawer by the bed",
  "T: thank you for telling me i know that wasn't easy to say how many do you think are in there",
  "P: i've not counted fifteen twenty maybe i started after bess",
  "T: and when you say in case can you tell me what you've been thinking",
  "P: it's next thursday it's jean's anniversary three years and i've thought i might take them all that night with a drop of scotch and just go to sleep and that would be that",
  "T: okay i'm really glad you've told me have you been thinking about that a lot",
  "P: most nights if i'm honest it's not that i'm miserable exactly i've had a good innings eighty years that's more than a lot of folk get i just don't see what i'm hanging about for jean's gone bess is gone i'm no use to anybody",
  "T: how likely do you think it is that you would do it",
  "P: i don't know i honestly don't know some days i think i would and then karen rings and i think i couldn't do that to her and then it gets dark and",
  "T: and then it gets dark",
  "P: aye it's the nights",
  "T: have you done anything else to get ready for it written anything sorted things out",
  "P: the will's been with the solicitor for years that's nothing new but i started a letter for karen it's in the bureau i've not finished it",
  "T: have you ever tried to harm yourself before or come close to it",
  "P: no never i'm not that sort or i didn't think i was",
  "T: frank i'm going to be honest with you because you've been honest with me what you've told me worries me you've got tablets saved up you've got a day in mind you've started a letter you're drinking at night and you're on your own and that all adds up to me wanting to get you more help today not next week",
  "P: i'm not going in any hospital i'll tell you that now i'm not going in one of them places",
  "T: i hear you and hospital isn't the only option there's the home treatment team they can come out and see you here at home every day for a while would you be willing for me to ring them today before i leave",
  "P: they'll be wasting their time on me but if it's here and not hospital aye alright ring them",
  "T: thank you and the tablets in the tin would you let me take them with me today and get them back to the pharmacy so they're not in the house",
  "P: i'd rather you didn't",
  "T: mm",
  "P: aye go on then take them they're in the top drawer you'd best take them before i change my mind",
  "T: thank you frank that's a really important thing you've just done and i'd like to ask the gp to look at the sleeping tablets too whether you should still be having them at all with the whisky would that be alright",
  "P: aye they never did me much good anyway",
  "T: and karen i think karen needs to know what's been going on especially with the box because she thinks you're taking them",
  "P: no don't tell karen she's got enough on with the grandkids and her job she'll only worry",
  "T: i know you want to protect her and i think she'd want to know so she can help would you rather ring her yourself with me sat here or shall i ring her",
  "P: i couldn't say it to her you ring her aye you ring her",
  "T: okay i'll ring her before i go and next thursday the anniversary i really don't want you on your own that day would you go to karen's or could she come here",
  "P: she's asked me before to go to hers for it and i said no last year i sat here on my own with jean's photo",
  "T: would you go this year",
  "P: aye alright i'll go to karen's on thursday if she'll fetch me",
  "T: i'm sure she will and the whisky i wonder about leaving the bottle at karen's for now or cutting down",
  "P: i'm not giving up my dram at my age i'll think about cutting down",
  "T: okay we can come back to that there's also a lunch club at st mark's on wednesdays some people find it",
  "P: i'm not going to them lunch clubs full of old folk",
  "T: fair enough i'll leave the crisis line number here on the fridge it's twenty four hours if it gets bad in the night you can ring them",
  "P: put it wherever you like love i could murder a cup of tea have you time for one",
  "T: i'll make it while i ring the team and then i'll come back and see you monday",
  "P: aye monday i'm not going anywhere",
];

describe("an older man's tablets kept back for his wife's anniversary, as speech recognition gives it", () => {
  const { flags, notes } = run(session);

  it("pages on taking them all with a drop of scotch that night, and lists the tablets kept back and his hopelessness to review", () => {
    expect(flags.filter((flag) => flag.tier === "page").map((flag) => [flag.category, flag.quote])).toEqual([
      ["suicide_intent_or_plan", "it's next thursday it's jean's anniversary three years and i've thought i might take them all that night with a drop of scotch and just go to sleep and that would be that"],
    ]);
    expect(flags.map((flag) => flag.category)).toContain("preparatory_behaviour");
    expect(flags.find((flag) => flag.category === "preparatory_behaviour")?.quote).toBe("i've been keeping some of them back in case");
  });

  it("writes no plan line for the lunch club he turns down, nor for the whisky he owns up to", () => {
    const lines = [...listed(notes.actionItems), ...listed(notes.followUpTopics)].map((item) => item.text);
    expect(lines.filter((line) => line.includes("lunch club") || line.includes("i'll say that"))).toEqual([]);
  });
});
