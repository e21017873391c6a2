/**
 * A bereavement session with a woman whose husband died four months ago, written for the test (no
 * real session's words). Run as the pipeline runs it: the risk screen, then the writer, then core's
 * check. She wonders what the point of it all is, denies any thought of ending her life when asked
 * outright, and agrees to ring her daughter, to go to a group, and to keep a crisis number by the
 * phone; the counsellor sums it up without asking "is that right?".
 */
import { describe, expect, it } from "vitest";
import { expectGroundedPlan, listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hello Margaret, come on in. Sit wherever's comfortable. How have things been this week?",
  "P: Oh, you know. Up and down. More down, if I'm honest.",
  "T: More down.",
  "P: It's four months on Tuesday. Everyone thinks I should be getting on with things by now.",
  "T: Mm. Has someone said that to you?",
  "P: Not in so many words. But the phone's stopped ringing. At the start everyone was round, casseroles and cards. Now it's just me and the clock.",
  "T: Just you and the clock. That sounds very lonely.",
  "P: It is. Forty-six years we were married. I don't know how to be in the house without him.",
  "T: Yeah. Forty-six years. Of course you don't.",
  "P: And I keep going over it. That last night.",
  "T: Would you like to tell me about it?",
  "P: He was in the hospice, and the nurse said he was comfortable, he was settled, so I went home for a bath and a bit of sleep. And they rang at half four in the morning. He'd gone. I wasn't there.",
  "T: Oh, Margaret.",
  "P: I should have stayed. I keep thinking he was on his own, and he'd have been wondering where I was.",
  "T: So there's a lot of guilt, that you weren't there at the very end.",
  "P: Yes. Terrible guilt. I'd sat with him every day for three weeks and then the one night...",
  "T: Every day for three weeks. You were there for him all that time. And the nurse told you he was settled.",
  "P: I know. I know that, in my head. It's just, in here, it doesn't feel like it counts.",
  "T: Mm-hmm. That's very common, that the head knows one thing and the heart feels another. It's something a lot of people carry after a death.",
  "P: Is it? I thought it was just me.",
  "T: It's really not just you. Can I ask how you're spending your days at the moment?",
  "P: I don't go out much. I do the shopping on a Friday. I don't really see anyone. Sometimes I don't get dressed.",
  "T: And how's your daughter? You mentioned Karen last time.",
  "P: She's very good but she's got the kids and her job. I don't want to be a burden. So when she asks, I say I'm fine.",
  "T: So you're protecting her from how hard it is.",
  "P: I suppose I am. Sometimes I sit there at night and I wonder what the point of it all is, really.",
  "T: Thank you for telling me that. When you say you wonder what the point is, I want to ask you directly, because it's important. Have you had any thoughts of ending your life, or of harming yourself?",
  "P: No. No, not like that. I wouldn't do anything.",
  "T: Have you ever thought about how you might do it, or made any plans?",
  "P: No, never. It's more... I just think, what am I here for now. But I wouldn't. I couldn't do that to Karen. And the grandchildren, Lily and Ben. They keep me going, those two.",
  "T: So the thoughts are more about what's the point, rather than wanting to act on them. And Karen and the grandchildren are a real reason to keep going.",
  "P: Yes. That's it exactly.",
  "T: Have you ever felt like this before, or done anything to harm yourself in the past?",
  "P: No. Never.",
  "T: Okay. Thank you for being so open with me. I'm going to give you a number, just in case those thoughts ever get stronger, or you feel you can't keep yourself safe, especially at night. It's the Samaritans, 116 123, it's free and it's open all day and all night.",
  "P: Alright. I'll put it by the phone.",
  "T: And if things got really bad, you could also ring your GP or 111. Would you be okay to do that?",
  "P: Yes. I would.",
  "T: I'm wondering about Karen. You're trying not to be a burden, but I wonder what she'd want.",
  "P: She'd want to know. She'd be cross with me if she knew I was sitting there like this.",
  "T: What would it be like to give her a ring and tell her a bit of how it really is?",
  "P: I could ring her Sunday. She's usually not so rushed on a Sunday evening.",
  "T: Sunday evening.",
  "P: Yes. I'll ring her on Sunday and tell her I've been finding it hard. Not all of it, but some.",
  "T: That sounds like a good step. And I mentioned the bereavement group at St Mark's last time, on Wednesday afternoons. Have you thought any more about it?",
  "P: I was nervous about walking in on my own. But... yes. I'll go. This Wednesday. If I don't go this week I'll talk myself out of it.",
  "T: Would it help if I let the group facilitator, Ann, know you're coming, so she looks out for you at the door?",
  "P: Oh, yes, would you? That would help.",
  "T: I'll do that today. So, just to go over: you'll ring Karen on Sunday evening, you'll go to the group at St Mark's on Wednesday, I'll let Ann know, and you've got the Samaritans number by the phone. And we'll meet again same time in two weeks.",
  "P: Yes. That's right. Thank you, love. I feel a bit lighter for saying it out loud.",
];


describe("a bereavement session, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists her wondering what the point of it all is to review, and pages nothing", () => {
    expect(flags.map((flag) => [flag.category, flag.tier, flag.quote])).toEqual([["passive_death_wish", "review", "Sometimes I sit there at night and I wonder what the point of it all is, really."]]);
  });

  it("records the screening questions the counsellor asked", () => {
    expect(listed(notes.interventions).map((item) => item.text)).toEqual(
      expect.arrayContaining(["Asked: “Have you had any thoughts of ending your life, or of harming yourself?”", "Acknowledged: “That sounds very lonely.”"]),
    );
  });

  it("writes the number kept by the phone, the call, the group she will go to, the facilitator told, and the summary she confirmed", () => {
    expectGroundedPlan(notes, [
      "Agreed: “I'll put it by the phone.” — to “I'm going to give you a number, just in case those thoughts ever get stronger, or you feel you can't keep yourself safe, especially at night.”",
      "I'll ring her on Sunday and tell her I've been finding it hard.",
      // "I'll go." with its time in a sentence of its own, and where to from the counsellor's turn.
      "Agreed: “I'll go. This Wednesday.” — to “And I mentioned the bereavement group at St Mark's last time, on Wednesday afternoons.”",
      // "Oh, yes, would you? That would help.": the offer echoed back, then accepted.
      "Agreed: “That would help.” — to “Would it help if I let the group facilitator, Ann, know you're coming, so she looks out for you at the door?”",
      // Announced by "just to go over:", quoted from where the summary opens.
      "Agreed: you'll ring Karen on Sunday evening, you'll go to the group at St Mark's on Wednesday, I'll let Ann know, and you've got the Samaritans number by the phone. — “Yes.”",
    ]);
  });
});
