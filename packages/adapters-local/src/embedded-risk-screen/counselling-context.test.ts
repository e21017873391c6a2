import type { RiskCategory, RiskFinding } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { riskDialogue } from "./risk-dialogue.test-support.ts";
import { screenTranscript } from "./embedded-risk-screen.ts";

// The context real counselling brings: each case below is written in our own words after the
// kind of turn real sessions hold, and each fails without the rule it names (the "still hears"
// cases are the controls: the rule takes back only what it names).

function findings(lines: string[], roles = true): RiskFinding[] {
  const output = screenTranscript(riskDialogue(lines, roles));
  if (output.status !== "screened") throw new Error(output.reason);
  return output.findings;
}

/** The findings on the last line of the dialogue. */
const onLast = (lines: string[], roles = true) => findings(lines, roles).filter((finding) => finding.evidence[0]?.segmentId === `seg-${lines.length}`);
const categories = (found: RiskFinding[]) => [...new Set(found.map((finding) => finding.category))].sort();
/** Findings that may page: the speaker's own, current, said as a statement or a yes to a named question. */
const paging = (found: RiskFinding[]) =>
  found.filter((finding) => finding.subject === "speaker" && finding.temporality === "current" && (finding.basis === "statement" || finding.basis === "answer_to_named_question"));
const suicideFamily: RiskCategory[] = ["active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"];
const ownRisk: RiskCategory[] = [...suicideFamily, "passive_death_wish", "self_harm"];

describe("harm reduction", () => {
  it.each([
    "I worry I'll OD one of these days, the stuff out there is so strong now.",
    "My biggest fear is dying from an overdose when I use on my own.",
    "I carry Narcan now because I'm terrified of overdosing.",
    "I'm terrified of overdosing, there's fentanyl in everything now.",
  ])("the fear of an accidental overdose, or naloxone kept, is no suicide method: %j", (line) => {
    const found = onLast(["T: How has your use been this month?", line]);
    expect(found.filter((finding) => suicideFamily.includes(finding.category))).toEqual([]);
    expect(paging(found)).toEqual([]);
  });

  it("still hears an overdose meant to end one's life", () => {
    expect(categories(onLast(["I'm going to overdose on my pills tonight."]))).toContain("suicide_method");
  });
});

describe("harm from drinking or drug use", () => {
  it.each([
    "I overdosed on heroin two years ago, I nearly died.",
    "I OD'd on the gear at a party last summer.",
    "My wife says I'm going to drink myself to death.",
    "I'm smoking myself to death, I know that.",
  ])("is substance use to review, not a method or a plan to end one's life: %j", (line) => {
    const found = onLast(["T: What worries you about it?", line]);
    expect(found.filter((finding) => ownRisk.includes(finding.category))).toEqual([]);
    expect(categories(found)).toEqual(["substance"]);
    expect(paging(found)).toEqual([]);
  });

  it("still hears dying said outright or an overdose meant, and an overdose of no drug used", () => {
    expect(categories(onLast(["I overdosed on heroin on purpose, I wanted to die."]))).toEqual(expect.arrayContaining(["suicide_intent_or_plan", "suicide_method"]));
    expect(categories(onLast(["I'm drinking myself to death, I want to be dead."]))).toContain("passive_death_wish");
    expect(categories(onLast(["I took an overdose of my tablets last night."]))).toContain("suicide_method");
  });
});

describe("going without food to lose weight", () => {
  it.each(["I've basically been starving myself to lose the weight.", "I've been starving myself so I can fit into the dress."])("is listed to review, never a page: %j", (line) => {
    const found = onLast(["T: How has the diet been going?", line]);
    expect(categories(found)).toEqual(["self_harm"]);
    expect(paging(found)).toEqual([]);
  });

  it("still pages starving said to punish, or with no reason given", () => {
    expect(paging(onLast(["I starve myself to lose weight because I deserve to suffer."])).map((finding) => finding.category)).toEqual(["self_harm"]);
    expect(paging(onLast(["I've been starving myself."])).map((finding) => finding.category)).toEqual(["self_harm"]);
  });
});

describe("medication counselling", () => {
  it.each([
    ["T: When do you take your tablets, all at once?", "Yes, all at once in the morning."],
    ["T: How are you getting on with the statin?", "Fine, I take all my tablets at once at night with dinner."],
    ["T: What did you take for the sore throat?", "I took the whole packet of paracetamol over the week for my throat."],
    ["T: The insulin lowers your blood sugar, so you inject it before meals.", "Right, so I inject the insulin before I eat."],
  ])("when, where and how medicines are taken or stored is no method and no collecting of means: %j → %j", (question, answer) => {
    const found = onLast([question, answer]);
    expect(found.filter((finding) => suicideFamily.includes(finding.category))).toEqual([]);
    expect(paging(found)).toEqual([]);
  });

  it("needles for insulin, a vaccine or a blood test are no drug use; a needle of drug use still is", () => {
    expect(onLast(["T: How are the injections going?", "I hate needles, so the insulin injections are hard for me."])).toEqual([]);
    expect(onLast(["T: Have you been using needles?", "P: Yes, for the insulin."])).toEqual([]);
    expect(categories(onLast(["T: Have you been using needles?", "P: Yes, most days."]))).toEqual(["substance"]);
    expect(categories(onLast(["I take extra insulin to get high."]))).toEqual(["substance"]);
  });

  it("still hears pills gathered to end one's life", () => {
    expect(categories(onLast(["I've been saving up my pills so I can take them all at once and not wake up."]))).toContain("preparatory_behaviour");
  });
});

describe("death by illness or loss", () => {
  const intent = (found: RiskFinding[]) => found.filter((finding) => finding.category === "suicide_intent_or_plan");

  it.each([
    "My grandfather died last Tuesday and the funeral is next week.",
    "My grandmother died on Sunday.",
    "Since my wife died this year I can't sleep.",
    "Mum is going to die soon and I can't cope.",
    "My husband is in the hospice now, he will die any day.",
    "My dad is going to die next month, the doctors say.",
    "I have terminal cancer, I'm going to die by Christmas.",
    "The consultant said I have weeks to live, I won't be here for Christmas.",
  ])("a prognosis, a death that happened or someone else's dying is no intent or plan: %j", (line) => {
    const found = onLast(["T: How have things been since we last met?", line]);
    expect(intent(found)).toEqual([]);
    expect(paging(found)).toEqual([]);
  });

  it("a time said beside a prognosis is no plan of when, though dying is in the sentence next to it", () => {
    const lines = ["T: What happened after you moved?", "I was scared I would die. Then this year the doctors gave me a few months to live."];
    expect(intent(onLast(lines))).toEqual([]);
  });

  it("still hears dying said outright, or a time with no illness or loss beside it", () => {
    expect(categories(onLast(["I have cancer and I'm going to kill myself before it gets me."]))).toContain("suicide_intent_or_plan");
    expect(paging(onLast(["I have cancer and I'm going to kill myself before it gets me."]))).not.toEqual([]);
    expect(categories(onLast(["I'm going to overdose this weekend, my mum died last year."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["I'm going to die tonight."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["I want to die this weekend."]))).toContain("suicide_intent_or_plan");
  });

  it("someone else's suicide said outright stays theirs to review", () => {
    const found = onLast(["My brother said he is going to kill himself on Friday."]);
    expect(found.some((finding) => finding.subject === "other_person")).toBe(true);
  });
});

describe("cut back, cut down, cut with", () => {
  it.each([
    "You never know what it's cut with, that's the scary part.",
    "I found out what it was cut with.",
  ])("is not cutting oneself: %j", (line) => {
    expect(onLast([line]).filter((finding) => finding.category === "self_harm")).toEqual([]);
  });

  it("still hears cutting oneself", () => {
    expect(categories(onLast(["I cut myself again last night."]))).toContain("self_harm");
  });
});

describe("idioms of killing and dying", () => {
  it.each([
    ["I just need to stabilize myself before the move.", ["active_ideation", "suicide_intent_or_plan"]],
    ["I canceled my subscription to the streaming service.", ["preparatory_behaviour"]],
    ["I almost killed myself falling off the ladder last summer.", ["active_ideation", "suicide_intent_or_plan"]],
    ["I thought I was going to die when the car spun.", ["suicide_intent_or_plan", "passive_death_wish"]],
    ["In the supermarket my chest went tight and I felt like I was going to die.", ["suicide_intent_or_plan", "passive_death_wish"]],
    ["I felt as if I was gonna die right there on the platform.", ["suicide_intent_or_plan", "passive_death_wish"]],
    ["Every time it starts I'm terrified I'm going to die.", ["suicide_intent_or_plan", "passive_death_wish"]],
    ["I was scared that I was going to die of a heart attack.", ["suicide_intent_or_plan", "passive_death_wish"]],
    ["This year I'm tie-dying sweatshirts for everyone.", ["suicide_intent_or_plan", "active_ideation"]],
    ["I guess I'm hurt, and I've been hurt for a long time.", ["self_harm", "abuse"]],
    ["I've read enough about domestic violence to know it's not my fault.", ["self_harm"]],
    ["How can I take a bit of the pressure off myself before exams?", ["active_ideation"]],
    ["Talking it through got some weight off myself.", ["active_ideation"]],
    ["It feels like the burden on my shoulders is finally lighter.", ["passive_death_wish"]],
    ["My flatmates wouldn't care if I came or went.", ["passive_death_wish"]],
    ["I lost the job because od the lockdown rules.", ["suicide_method"]],
    ["We keep a few weeks worth of food in the cupboard since the storms.", ["preparatory_behaviour"]],
  ] as const)("%j raises none of %j", (line, none) => {
    const found = onLast([line]);
    expect(found.filter((finding) => (none as readonly RiskCategory[]).includes(finding.category))).toEqual([]);
  });

  it("still hears being a burden to others, not caring if one goes, an OD, and pills kept back", () => {
    expect(categories(onLast(["I feel like such a burden on my family."]))).toContain("passive_death_wish");
    expect(categories(onLast(["I wouldn't mind if I didn't wake up."]))).toContain("passive_death_wish");
    expect(categories(onLast(["I nearly took an od last week."]))).toContain("suicide_method");
    expect(categories(onLast(["I've got a few weeks worth of my tablets saved."]))).toContain("preparatory_behaviour");
  });

  it("still hears intent beside a feeling, and dying by one's own hand after a fear of it", () => {
    expect(categories(onLast(["I feel hopeless and I'm going to die tonight."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["I feel like I'm going to die by my own hand."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["I'm scared I'm going to die by suicide if nothing changes."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["I felt like I was going to kill myself."]))).toContain("active_ideation");
  });

  it("still hears 'off myself' as killing oneself when nothing is taken off", () => {
    for (const line of ["Some nights I want to off myself.", "I'll get drunk and off myself."]) {
      expect(categories(onLast([line])), line).toContain("active_ideation");
    }
  });
});

describe("reported speech", () => {
  it.each([
    "People keep telling me I should just kill myself because I'm annoying.",
    "The hotline decided I was suicidal and sent the police round.",
    "He makes it sound like I hurt him on purpose.",
    "He keeps posting things that make it seem like I hurt him so much.",
  ])("someone else's words about the speaker are no statement of the speaker's: %j", (line) => {
    expect(paging(onLast([line]))).toEqual([]);
  });

  it("still hears the speaker's own words", () => {
    expect(paging(onLast(["I want to kill myself."]))).toHaveLength(1);
  });
});

describe("the patient's own questions", () => {
  it.each([
    "Should I just move on or should I take revenge?",
  ])("a question the patient asks is no statement: %j", (line) => {
    expect(paging(onLast([line]))).toEqual([]);
  });

  it("a question that states the risk first, presupposes it or tells it inside still pages", () => {
    expect(paging(onLast(["I want to kill myself. What do I do?"]))).not.toEqual([]);
    expect(paging(onLast(["Why do I keep wanting to hurt myself when I'm stressed?"]))).not.toEqual([]);
    expect(paging(onLast(["Should I tell my therapist that I cut myself last night?"]))).not.toEqual([]);
    expect(paging(onLast(["What are some of the quickest ways to kill myself?"]))).not.toEqual([]);
  });

  it.each(["How do I stop cutting?", "What should I do to stop self harming?", "How can I resist the need to cut?", "Should I tell my therapist about my cutting?"])(
    "asking how to stop it, or naming it as one's own, says one does it now: %j pages",
    (line) => {
      expect(paging(onLast([line])).map((finding) => finding.category)).toEqual(["self_harm"]);
    },
  );

  it("a question about self-harm in general, or about stopping something else, does not page", () => {
    expect(paging(onLast(["Is it normal for teenagers to self harm?"]))).toEqual([]);
    expect(paging(onLast(["How do I stop my sister from cutting?"]))).toEqual([]);
    expect(paging(onLast(["How do I stop cutting corners at work?"]))).toEqual([]);
    expect(paging(onLast(["Where can I buy a good cutting board?"]))).toEqual([]);
  });
});

describe("a yes to a question that names no risk", () => {
  it.each([
    ["T: Have you made a plan for the exam week?", "P: Yes, I have."],
    ["T: Have you got everything ready for the move?", "P: Yes I have."],
    ["T: Are you planning on seeing her soon?", "P: Yeah, I am."],
    // Pills and everyday things asked of as what they are: medicine taken, a knife carried, a bridge crossed.
    ["T: Have you been taking your tablets?", "P: Yes."],
    ["T: Did you take your pills this morning?", "P: Yes, I did."],
    ["T: Do you keep the tablets in the kitchen?", "P: Yes."],
    ["T: So your plan is to leave the tablets next to your toothbrush and take one each night.", "P: Yep, that's it."],
    ["T: Have you got enough tablets to last the month?", "P: Yes."],
    ["T: Do you carry a knife?", "P: Yeah."],
    ["T: Do you walk over the bridge on the way to work?", "P: Yes."],
  ])("with no talk of suicide or self-harm before it, a yes raises no risk to life or body: %j %j", (question, answer) => {
    expect(findings([question, answer]).filter((finding) => ownRisk.includes(finding.category))).toEqual([]);
  });

  it("a yes still answers a question asked in words of dying, or after suicide was talked about, and any yes to a question of drink or drugs", () => {
    expect(categories(onLast(["T: Over the past month, have you wished you were dead?", "P: Yes, a few times."]))).toContain("passive_death_wish");
    expect(categories(onLast(["T: Do you ever feel like life isn't worth living?", "P: Yeah, a lot lately."]))).toContain("passive_death_wish");
    expect(categories(onLast(["P: I keep thinking about killing myself.", "T: Have you made a plan?", "P: Yes."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["T: Have you been drinking more this month?", "P: Yes, most nights."]))).toContain("substance");
  });

  it("an answer that does not know is no yes, whatever words follow it", () => {
    expect(onLast(["T: How do you think the weed fits with your revision?", "P: I dunno. Probably makes it harder to revise. I'm too lazy after."])).toEqual([]);
    expect(onLast(["T: Have you been drinking more this month?", "P: Not sure, I've not been counting."])).toEqual([]);
    expect(categories(onLast(["T: Have you been drinking more this month?", "P: Probably, yeah. Most nights."]))).toEqual(["substance"]);
  });

  it("a bare backchannel to a reflection listens; to a question it says yes", () => {
    expect(onLast(["T: And you mentioned a few options: an app to track your drinks, and not keeping wine at home.", "Mm-hmm."])).toEqual([]);
    expect(categories(onLast(["T: Have you been drinking more this month?", "Mm-hmm."]))).toEqual(["substance"]);
    expect(categories(onLast(["T: You've been drinking more since the divorce, most nights.", "Yeah, that's fair."]))).toEqual(["substance"]);
  });

  it("an answer that does not know but gives a number is an estimate, and cans a day are drink", () => {
    expect(categories(onLast(["T: How many cans a day?", "P: I dunno, six, maybe eight on a Friday."]))).toEqual(["substance"]);
    expect(categories(onLast(["T: How many pints a week?", "P: Not sure. Twenty maybe."]))).toEqual(["substance"]);
    expect(onLast(["T: How many cans a day?", "P: I dunno, it depends on the week."])).toEqual([]);
    expect(onLast(["T: How many of the drills did you do?", "P: I dunno, six maybe."])).toEqual([]);
  });

  it("pills or an everyday thing asked of as a means still ground a yes: gathered, kept back, too many, used on oneself", () => {
    expect(categories(onLast(["T: Have you been saving up your tablets?", "P: Yes."]))).toContain("preparatory_behaviour");
    expect(categories(onLast(["T: Are those the pills you've been keeping?", "P: Yes."]))).toContain("suicide_method");
    expect(categories(onLast(["T: Have you got enough pills to end it?", "P: Yes."]))).toContain("suicide_method");
    expect(categories(onLast(["T: Did you take too many of your pills?", "P: Yes."]))).toContain("suicide_method");
    expect(categories(onLast(["T: Have you thought about jumping off the bridge?", "P: Yes."]))).toContain("suicide_method");
    expect(categories(onLast(["T: Did you use the knife on yourself?", "P: Yes."]))).toContain("suicide_method");
    expect(categories(onLast(["P: Some days I wish I could just disappear.", "T: Have you got pills at home?", "P: Yes."]))).toContain("suicide_method");
  });
});

describe("follow-up answers", () => {
  it("say more of a risk disclosed for two answers, then drift: a third answer is not about it", () => {
    const lines = [
      "P: I looked up how many of my pills it would take.",
      "T: Have you got them at home?",
      "P: Yes, a full box.",
      "T: When did you last look?",
      "P: On Sunday night.",
      "T: Do you have your exams this week?",
      "P: Two of them, on Thursday.",
    ];
    const byTurn = (turn: number) => findings(lines).filter((finding) => finding.evidence[0]?.segmentId === `seg-${turn}`);
    expect(byTurn(3).map((finding) => finding.rule)).toContain("answer.follow_up");
    expect(byTurn(5).map((finding) => finding.rule)).toContain("answer.follow_up");
    expect(byTurn(7)).toEqual([]);
  });
});

describe("questions of care and of the next session", () => {
  it("an answer to a question of booking care or of meeting again tells of care, not more of the risk", () => {
    const lines = [
      "P: I have four or five pints most nights.",
      "T: Your GP wants to repeat the blood tests. Would you be willing to book that in for next month?",
      "P: Yes, I'll ring the surgery on Monday.",
      "T: Could you see your GP before then?",
      "P: Yes, on Tuesday.",
      "T: Shall we meet again in two weeks to see how it's gone?",
      "P: Yeah, go on then.",
    ];
    const found = findings(lines);
    expect(found.map((finding) => finding.evidence[0]?.segmentId)).toEqual(["seg-1"]);
  });

  it("a yes to the therapist's offer to set up care accepts it, said with punctuation or run on as speech recognition gives it", () => {
    for (const offer of [
      "T: There's a stop smoking service at the surgery. They do patches and weekly check-ins. Would you like me to refer you?",
      "T: there's a stop smoking service at the surgery they do patches and weekly check-ins would you like me to refer you",
      "T: You mentioned the drinking. Shall I book you in with the alcohol nurse?",
    ]) {
      expect(onLast(["P: I've smoked for thirty years.", offer, "P: yes please i think the patches would help"]), offer).toEqual([]);
    }
    // Asked of the use, a yes still tells of it; an offer that names suicide outright is no offer of care alone.
    expect(onLast(["P: I've smoked for thirty years.", "T: Are you still smoking every day?", "P: Yes, I am."]).map((finding) => finding.category)).toEqual(["substance"]);
    expect(onLast(["T: Have you been thinking about killing yourself? Would you like me to refer you?", "P: Yes."])).not.toEqual([]);
  });

  it("a question of going anywhere else, or of doing it again, still asks of the risk", () => {
    const lines = ["P: I looked up how many of my pills it would take.", "T: Would you go to the bridge?", "P: Yes, on Sunday."];
    expect(onLast(lines)).not.toEqual([]);
    const again = ["P: I cut my arm last night.", "T: Have you done it again since?", "P: Yes, twice."];
    expect(onLast(again).map((finding) => finding.rule)).toContain("answer.follow_up");
  });
});

describe("a session about a medicine", () => {
  const diabetes = [
    "T: So you went the whole night without insulin.",
    "P: Pretty much. They said my ketones were really high.",
    "T: How would you feel about checking your sugar before you go out and again before bed?",
    "P: Yeah, I can do that.",
  ];

  it("a medicine named by the therapist starts no talk of suicide: a yes to going out is no plan", () => {
    expect(findings(diabetes)).toEqual([]);
  });

  it("a medicine asked of as a means still does, and a place named with it still counts", () => {
    const saving = ["T: Can you tell me more about the pills you've been saving?", "P: I've got about a hundred paracetamol from different shops."];
    expect(categories(onLast(saving))).toContain("suicide_method");
    const bridge = ["T: What was going through your mind on the roof?", "P: Just that I was gonna jump, I was counting to ten."];
    expect(categories(onLast(bridge))).toContain("active_ideation");
  });

  it("a level running high is a reading, not a drug: being high still is", () => {
    expect(categories(onLast(["They said my ketones were really high."]))).toEqual([]);
    expect(categories(onLast(["I was really high at the party."]))).toContain("substance");
  });

  it.each(["before you go out", "before you go to bed", "when you leave work"])("\"%s\" after suicide was talked about sets no time", (when) => {
    const lines = ["P: I've been thinking about killing myself.", `T: Could you call your sister ${when}?`, "P: Yeah."];
    expect(categories(onLast(lines))).not.toContain("suicide_intent_or_plan");
  });

  it("\"before I go\" said of dying still does", () => {
    expect(categories(onLast(["P: I've been thinking about killing myself.", "T: What have you been thinking?", "I want to see my mum before I go."]))).toContain("suicide_intent_or_plan");
  });
});

describe("things hit or broken in anger", () => {
  it.each(["Last time I punched the door.", "I smashed up the kitchen when she left.", "i put my fist through the bathroom door"])("%j is listed to review as near to harming someone, never a statement that pages", (line) => {
    const found = onLast(["T: What happens when it builds?", line]);
    expect(found.map((finding) => [finding.category, finding.basis, finding.rule])).toEqual([["harm_to_others", "mention", "others.things_hit_in_anger"]]);
  });

  it("leaves out what others think was done, a door kicked in to help, and a blow meant to hurt oneself", () => {
    expect(onLast(["T: How is the wrist?", "I fell over the dog but everyone thinks I punched a wall."])).toEqual([]);
    expect(onLast(["T: What happened?", "I kicked the door in to get the dog out."])).toEqual([]);
    expect(categories(onLast(["T: What happened?", "I punched the wall on purpose, I wanted it to hurt."]))).not.toContain("harm_to_others");
  });
});

describe("a date told is no time set", () => {
  it("\"in June of this year\" beside words of dying sets no time for them", () => {
    const line = "Coming to terms with having to die is hard, I only told my brother in June of this year.";
    expect(categories(onLast(["T: That sounds like a lot to carry.", line]))).not.toContain("suicide_intent_or_plan");
  });

  it("a time set still is: this weekend, or by the end of this year", () => {
    expect(categories(onLast(["T: What's been on your mind?", "I'm going to kill myself this weekend."]))).toContain("suicide_intent_or_plan");
    expect(categories(onLast(["T: What's been on your mind?", "I want to die, I'll be dead by the end of this year."]))).toContain("suicide_intent_or_plan");
  });
});

describe("stopping the use of a thing, not a drug", () => {
  it.each(["I am going to quit using my phone late at night.", "I'll stop using it before I sleep then.", "I quit using the app last month."])("%j raises no substance flag", (line) => {
    expect(categories(onLast(["T: The light from screens keeps you awake.", line]))).not.toContain("substance");
  });

  it("still hears stopping drug use, said bare", () => {
    expect(categories(onLast(["I stopped using two years ago."]))).toContain("substance");
  });
});

describe("acts of everyday life", () => {
  it.each(["I'm putting my affairs in order for the move.", "I'm giving away my old clothes to charity.", "I cancelled my gym and phone contract."])(
    "%j is listed to review, alone or where suicide was just talked about (the statement that named it pages)",
    (line) => {
      const alone = onLast([line]);
      expect(alone.map((finding) => finding.category)).toContain("preparatory_behaviour");
      expect(paging(alone)).toEqual([]);
      const lines = ["Sometimes I think about killing myself.", "T: Tell me more.", line];
      const inContext = onLast(lines);
      expect(inContext.map((finding) => finding.category)).toContain("preparatory_behaviour");
      expect(paging(inContext)).toEqual([]);
      expect(paging(findings(lines))).not.toEqual([]);
    },
  );
});

describe("what is not the speaker's own", () => {
  it.each([
    "I heard my stepdaughter overdosed today.",
    "Both of my parents committed suicide together.",
    "I've never tried or thought about suicide.",
    "I'm too scared to ever commit suicide.",
  ])("%j does not page", (line) => {
    expect(paging(onLast([line]))).toEqual([]);
  });
});

describe("a page needs the risk named outright", () => {
  it.each([
    // Inferred from other words: a decision with no risk named, the end of a chat, a hope.
    ["T: Do you have any thoughts of suicide?", "Yes, sometimes.", "T: What helps?", "Treating myself more kindly. Maybe I'll feel better then."],
    ["T: I'm glad we talked.", "Thanks, you've been great. I'm going to end it now."],
    // Violence done, a weapon named, a figure of speech: no intent to harm.
    ["I ended up slapping my cousin for shouting in my nan's face."],
    ["Any advice on how I could bring it up with him without a row?"],
    ["I've punished myself for years trying to keep him in my life."],
  ])("inferred risk is listed to review, never a page: %j", (...lines: string[]) => {
    expect(paging(onLast(lines))).toEqual([]);
  });

  it.each([
    ["I'm going to end my life tonight."],
    ["I've decided, I'm going to kill myself on Sunday."],
    ["I hurt myself again last night."],
    ["I keep thinking about how I could hurt them when they laugh at me."],
    ["I'm going to stab him if he comes near my kids again."],
  ])("the same risk named outright pages: %j", (...lines: string[]) => {
    expect(paging(onLast(lines))).not.toEqual([]);
  });

  it("right after suicide was named, 'do it' names it; with no such talk it is listed to review", () => {
    const named = ["T: Have you been thinking about killing yourself?", "All the time.", "T: When did it get this bad?", "I'm going to do it on Friday when the house is empty."];
    expect(paging(onLast(named))).not.toEqual([]);
    const notNamed = ["T: How was the bath last night?", "Lovely.", "T: And the week ahead?", "I'm going to do it on Friday when the house is empty."];
    expect(paging(onLast(notNamed))).toEqual([]);
  });

  it("a yes to a question that named the risk still pages when the answer goes on in words that only infer it", () => {
    const lines = ["T: Have you had thoughts of ending your life?", "Yeah. I've already written letters to each of my kids."];
    expect(paging(onLast(lines)).map((finding) => finding.basis)).toContain("answer_to_named_question");
  });

  it("self-harm named by what is done to the body pages; punishing oneself is listed to review", () => {
    expect(paging(onLast(["I scratch my arms until they bleed when it gets bad."]))).not.toEqual([]);
    expect(paging(onLast(["I held the lighter against my wrist again."]))).not.toEqual([]);
  });

  it.each([
    ["I attempted again on Saturday, I took everything in the cupboard."],
    ["Last night I swallowed the whole strip hoping I'd never wake up."],
    ["I keep picturing myself strangling him while he sleeps."],
  ])("an attempt, an act meant not to wake up, an image of hurting someone name it: %j", (...lines: string[]) => {
    expect(paging(onLast(lines))).not.toEqual([]);
  });

  it("a misspelled suicide is still named, and a patient's sentence with its I left out is theirs", () => {
    expect(paging(onLast(["T: Is something in particular making you sad?", "plan to sucide"]))).toHaveLength(1);
    // Speaker not known: only an explicit first-person statement may page.
    expect(paging(onLast(["Is something in particular making you sad?", "plan to sucide"], false))).toEqual([]);
    expect(paging(onLast(["Is something in particular making you sad?", "I plan to sucide"], false))).toHaveLength(1);
  });

  it("people described as suicidal are not the speaker", () => {
    expect(paging(onLast(["Volunteering on the crisis line, I learned how cut off suicidal people feel."], false))).toEqual([]);
    expect(paging(onLast(["Volunteering on the crisis line, I learned how suicidal I feel."], false))).toHaveLength(1);
    // One microphone: a counsellor speaking of others in the first person.
    expect(paging(onLast(["In my experience, clients who self-harm are often ashamed of it, I find."], false))).toEqual([]);
    expect(paging(onLast(["In my experience, I self-harm when I am ashamed."], false))).toHaveLength(1);
  });
});

describe("said as now", () => {
  it("a time named as past ('at that time', 'from that time') makes it history", () => {
    const found = onLast(["After the divorce, at that time, I nearly committed suicide."]);
    expect(found.map((finding) => finding.temporality)).toContain("history");
    expect(paging(found)).toEqual([]);
  });

  it("'it goes away when I hurt myself' is now; 'it went away when' is the past", () => {
    expect(paging(onLast(["The guilt sits in my chest and only goes away when I hurt myself."]))).toHaveLength(1);
    expect(paging(onLast(["The urge went away when I started the new job, I stopped cutting."]))).toEqual([]);
  });
});

describe("a fear of harming someone", () => {
  it.each([
    "Since her operation I'm so scared I'm going to hurt my wife that I keep away from her.",
    "I'm afraid I might hurt her by accident when I lift her.",
    "Sometimes I'm scared I'll hurt the baby, and I hate that the thought even comes.",
    "I'm worried I'll hurt my little brother when I lose my temper.",
  ])("is listed to review in its own words, never a page: %j", (line) => {
    const found = onLast(["T: What worries you most right now?", line]);
    expect(categories(found)).toEqual(["harm_to_others"]);
    expect(found.map((finding) => finding.text)).toEqual(["Spoke of a fear of hurting someone"]);
    expect(paging(found)).toEqual([]);
  });

  it("still pages an intent said without fear, or with the fear in another clause", () => {
    expect(paging(onLast(["I'm going to hurt him when he gets home."]))).toHaveLength(1);
    expect(paging(onLast(["He scared me for years and now I want to hurt him."]))).toHaveLength(1);
  });
});

describe("a word that only looks like 'myself'", () => {
  it.each(["My last relationship really hurt my self esteem.", "They hurt my self-esteem when they laughed.", "Losing the job hurt my self worth."])(
    "self-esteem and self-worth are not the speaker hurting themselves: %j",
    (line) => {
      const found = onLast(["T: How did the breakup leave you?", line], false);
      expect(found.filter((finding) => finding.category === "self_harm")).toEqual([]);
    },
  );

  it("still hears 'my self' written apart", () => {
    expect(paging(onLast(["I hurt my self again last night."], false))).toHaveLength(1);
  });
});

describe("everyday words that only sound like risk", () => {
  it.each([
    ["worn out", "Between the night shifts and the kids I've completely burned myself out this year."],
    ["hurt feelings", "Whatever I say I will hurt her feelings, so I keep putting it off."],
    ["a harsh trade", "The market is cut throat, everyone is after the same contracts."],
    ["pay cut", "They say we are cutting wages again this quarter."],
    ["laid off", "With the way the firm is doing, I expect I'll be cut."],
    ["frustration", "With the twins at home all day I'm tearing my hair out."],
    ["trying", "Numbing out is the mind's way of coping, in an attempt to shield us from too much."],
    ["tired ('exhausted' reads 'exhaust')", "After the late shift I'm exhausted and I just order a takeaway. I've stopped checking my sugar."],
  ])("%s is no risk statement: %j", (_kind, line) => {
    const found = onLast(["T: How have things been this week?", line], false);
    expect(paging(found)).toEqual([]);
    expect(found.filter((finding) => finding.category === "self_harm" || suicideFamily.includes(finding.category))).toEqual([]);
  });

  it("a reading or a result that was high is no drug use", () => {
    for (const line of ["My last reading was really high and the nurse was cross with me.", "The number was high again on Monday.", "My glucose has been quite high."]) {
      expect(onLast(["T: How are the blood sugars?", line]), line).toEqual([]);
    }
    expect(categories(onLast(["T: How was the weekend?", "I was really high the whole time."]))).toEqual(["substance"]);
  });

  it("tiredness after suicide was talked about is no method; the car's exhaust is", () => {
    const talked = ["P: I keep thinking about suicide.", "T: What have you thought about?"];
    expect(categories(onLast([...talked, "P: Honestly I'm just exhausted."]))).not.toContain("suicide_method");
    expect(categories(onLast([...talked, "P: The exhaust, in the garage."]))).toContain("suicide_method");
  });

  it("still hears what the same words say when they mean harm", () => {
    expect(paging(onLast(["I burned myself with the lighter again last night."], false))).not.toEqual([]);
    expect(paging(onLast(["I've been cutting since the summer."], false))).not.toEqual([]);
    expect(paging(onLast(["I'm cutting most nights now."], false))).not.toEqual([]);
    expect(paging(onLast(["I took the tablets in an attempt to end my life."], false))).not.toEqual([]);
    expect(paging(onLast(["I want to hurt him so his feelings match mine."], false))).not.toEqual([]);
  });

  it("pulling one's hair out is listed to review, never a page", () => {
    const found = onLast(["When the anxiety gets bad I pull my hair out."], false);
    expect(paging(found)).toEqual([]);
  });
});

describe("whose act it is", () => {
  it("a counsellor's 'many clients we see' speaks of those people, not of the speaker", () => {
    expect(paging(onLast(["Many clients we see get unwanted thoughts about harming a child, and it frightens them."], false))).toEqual([]);
    expect(paging(onLast(["Most clients I work with feel suicidal at some point."], false))).toEqual([]);
    // Told to someone, the statement stays the speaker's.
    expect(paging(onLast(["I told my friends I feel suicidal."], false))).toHaveLength(1);
  });

  it("someone who wants to hurt the speaker is no intent of the speaker's", () => {
    expect(paging(onLast(["I keep sensing that he wants to hurt me when he drinks."]))).toEqual([]);
    expect(paging(onLast(["I keep sensing that I want to hurt him when he drinks."]))).toHaveLength(1);
  });
});

describe("means made safe", () => {
  const safetyQuestion = "T: What could you do with the tablets, to make them harder to get to?";

  it.each([
    [safetyQuestion, "I could give them to my sister. She's coming round on Sunday."],
    ["T: Where are the pills now?", "I'll hand them in at the pharmacy."],
    ["T: What about the knives in the kitchen?", "My partner said she'll lock them away, and I'll give the big one to my brother."],
    ["T: How are things at home?", "I've asked my flatmate to get rid of my old paracetamol."],
  ])("a means handed over, locked away or got rid of is no preparation or method: %s — %j", (question, line) => {
    const found = onLast(["I keep thinking I'd be better off dead.", question, line]);
    expect(found.filter((finding) => suicideFamily.includes(finding.category))).toEqual([]);
  });

  it.each([
    // Handed to someone by name, or by a name as speech recognition writes it; named two turns before by the speaker.
    ["I've got a box of my mum's old sleeping tablets in the cupboard.", "T: Could you give those to someone to keep for now?", "I could give them to Dan. He's coming round on Saturday."],
    ["i've got my mum's old sleeping tablets in the cupboard", "T: could you give those to someone to keep for now", "i could give them to dan he's coming round on saturday"],
    ["I've got my mum's old sleeping tablets in the cupboard.", "T: Could you take them to the pharmacy?", "I'll take them to the chemist on Monday."],
  ])("a means handed to someone named, or taken to the pharmacy, is no method: %j", (means, question, line) => {
    const found = onLast(["I keep thinking I'd be better off dead.", means, question, line]);
    expect(found.filter((finding) => suicideFamily.includes(finding.category))).toEqual([]);
  });

  it("means taken round to someone's home to keep are made safe, and a yes to checking they went there agrees to nothing more", () => {
    const before = ["I keep thinking I'd be better off dead.", "I've still got a box of tablets in the cabinet."];
    expect(onLast([...before, "T: would you be willing to take them round to pat's for now", "yeah ok i'll take the tablets round to pat's when we've finished talking"])).toEqual([]);
    expect(onLast([...before, "T: i'll ring you back at three to check the tablets have gone to pat's is that ok", "ok yeah ring me at three"])).toEqual([]);
    expect(onLast([...before, "T: so you'll take the tablets over to your mum's tonight", "yeah that's right"])).toEqual([]);
    // Taken to someone, not to their home to keep: still heard.
    expect(categories(onLast(["I keep thinking I'd be better off dead.", "T: What are you going to do?", "I'll take the knife to him."]))).not.toEqual([]);
  });

  it("a yes to a means made safe agrees to it, unless the question also names the risk", () => {
    const before = ["I keep thinking I'd be better off dead.", "I've got my mum's old sleeping tablets in the cupboard."];
    expect(onLast([...before, "T: So you'll give the tablets to Dan on Saturday?", "Yes."])).toEqual([]);
    expect(onLast([...before, "T: so you'll give the tablets to dan on saturday", "yes"])).toEqual([]);
    const named = onLast([...before, "T: would you give the tablets to dan and are you still thinking of killing yourself", "yeah"]);
    expect(categories(paging(named))).toContain("active_ideation");
  });

  it("still hears things given away, a person got rid of, and a means given with dying said outright", () => {
    expect(categories(onLast(["I keep thinking I'd be better off dead.", "T: What have you been doing this week?", "I gave my guitar to my brother."]))).toContain("preparatory_behaviour");
    // Dying said outright: the words stay to review, read by the clinician.
    expect(categories(onLast(["I keep thinking I'd be better off dead.", "T: Where are the pills now?", "I'll give them to my sister so I don't kill myself."]))).toContain("preparatory_behaviour");
    // Without a means named, "them" given away is things given away.
    expect(categories(onLast(["I keep thinking I'd be better off dead.", "T: What did you do with your records?", "I gave them to my brother."]))).toContain("preparatory_behaviour");
  });

  it("reads mum's tablets kept as a means asked of, not as medication taken not as prescribed", () => {
    const found = onLast(["I've thought about ending it.", "T: Have you thought about how you might do it?", "Not really. I've got my mum's old tablets in the cupboard, and I've looked at them."]);
    expect(categories(found)).toEqual(["suicide_method"]);
    expect(categories(onLast(["T: How do you sleep?", "I've been taking my mum's diazepam as well."]))).toEqual(["substance"]);
  });
});
