/**
 * A school counsellor with a fifteen-year-old who has been missing school and is bullied online,
 * written for the test (no real session's words). Run as the pipeline runs it: the risk screen,
 * then the writer, then core's check. She says twice she will tell her mum, is unsure about the
 * counsellor speaking to her head of year, and agrees to meet again on Thursday.
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hi Maya, come in. Have a seat, anywhere's fine.",
  "P: Okay.",
  "T: So, um, thanks for coming along. I know it was Mrs Adebayo who sort of asked you to pop in, so it wasn't exactly your idea.",
  "P: Yeah.",
  "T: Have you got any idea why she mentioned it?",
  "P: 'Cause I've been off, I guess.",
  "T: Mm-hmm. Yeah, that's part of it. Attendance flagged that you've missed quite a lot the last, what, three weeks or so?",
  "P: Dunno. Maybe.",
  "T: Okay. And just so you know, I'm not here to tell you off, that's not really my job. I'm more just wondering how things are going for you.",
  "P: Fine.",
  "T: Fine. Okay. Is that fine like actually fine, or fine like you don't really want to get into it?",
  "P: The second one.",
  "T: Ha, yeah, fair enough. That's honest. Um, can I ask what the days you're not in are like? Like, where are you?",
  "P: At home. Mum leaves for work at like seven, so. I just stay in bed.",
  "T: Right. Does she know?",
  "P: No. Well, she got the letter but I told her it was a mistake on the system. Please don't ring her.",
  "T: I hear you. I'm not gonna go doing things behind your back, okay? If there's ever something I have to pass on to keep you safe, I'll tell you first. That's the deal. Does that sound alright?",
  "P: I guess.",
  "T: So when you're at home in bed, what's, what's going on for you? What makes it easier not to come in?",
  "P: It's just, everyone's being weird. There's this group chat and they made this thing, like a video with my picture on it, and it's been going round and literally everyone's seen it, even people in year eleven have seen it, and when I walk down the corridor people do the noise, this stupid noise from the video, and I just can't, I can't be here when that's going on, so I just don't come in.",
  "T: That sounds really awful. Like, genuinely horrible. How long's that been happening? And is it still going round now, or has it died down?",
  "P: Since before half term. They keep reposting it. Someone made a new account last night and put it up again.",
  "T: And how are you feeling with all of it? Like, day to day?",
  "P: I dunno. Sad. Embarrassed. Like I just want to disappear. Not, not like that. Just like I wish nobody could see me.",
  "T: Okay. Thank you for saying that, and for being clear about what you mean. I do need to check, 'cause it's part of my job to ask. When you say disappear, have you had any thoughts about hurting yourself, or not wanting to be alive?",
  "P: No. No, not that. I just want them to stop.",
  "T: Okay. Thank you. And if that ever did change, would you tell someone?",
  "P: Yeah. I'd tell you, I suppose. Or my mum.",
  "T: Good. Can I ask about your mum, then? What do you think she'd do if she knew?",
  "P: She'd go mental. Not at me, at them. She'd come storming up to school and it would make it so much worse. And she's already stressed with work and stuff.",
  "T: Mm-hmm. So it sounds like you're kind of protecting her a bit.",
  "P: I suppose.",
  "T: The thing is, you're carrying all of this on your own at the minute, and that's a lot for anyone. Is there a way of telling her that feels, I dunno, manageable? Like you tell her, but you also tell her what you need from her? Like, \"Mum, I need to tell you something, but I need you not to come marching into school about it.\"",
  "P: She would though. Ha.",
  "T: Maybe. But then she'd know. And she could help with the attendance stuff, so you wouldn't have to keep hiding letters.",
  "P: Yeah. Okay. I'll tell her. I'll tell her tonight, I think, 'cause she's off tomorrow so she won't be rushing.",
  "T: Okay. That's a big step, Maya. Do you want to think about what you'd say?",
  "P: I'll just say it. I might show her the chat, maybe, I dunno.",
  "T: That's up to you. Screenshots can actually be really useful if you do want school to do something. Which, um, brings me to the other thing. Would you want me to have a word with Mr Hall, your head of year? He deals with the online stuff and he can actually do something about the people involved.",
  "P: Um. Maybe. I'll think about it. I don't want everyone to think I grassed.",
  "T: That's completely fair. It's your call, and if you did want it we could talk about how to do it so it doesn't come back on you. No pressure today. Could we meet again? How about Thursday? Same time, period four?",
  "P: Yeah, Thursday's fine.",
  "T: Great. So Thursday, period four, here. And you'll have spoken to Mum by then.",
  "P: Yeah.",
  "T: And what about tomorrow, d'you reckon you'll come in?",
  "P: Maybe. Depends.",
  "T: Okay, that's honest. Anything else before you head off?",
  "P: No. Thanks. It was alright actually.",
  "T: Good. I'm really glad you came.",
];


describe("a school counselling session, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists her wish to disappear to review, and takes her yes to Thursday for no answer about it", () => {
    expect(flags.map((flag) => [flag.category, flag.tier, flag.quote])).toEqual([["passive_death_wish", "review", "Like I just want to disappear."]]);
  });

  it("writes telling her mum once, the next meeting, and the offer she will think about to confirm", () => {
    expectGroundedPlan(notes, [
      "I'll tell her. I'll tell her tonight, I think, 'cause she's off tomorrow so she won't be rushing.",
      "Agreed: “I'll just say it.” — to “Do you want to think about what you'd say?”",
      "Agreed: “Yeah, Thursday's fine.” — to “Could we meet again? How about Thursday? Same time, period four?”",
    ]);
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual(["To confirm: Would you want me to have a word with Mr Hall, your head of year? — “I'll think about it.”"]);
  });
});
