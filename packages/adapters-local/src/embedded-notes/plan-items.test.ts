/**
 * The plan is what was agreed: a patient's commitment to a future act, or a therapist's proposal
 * the patient took up (citing the turn that assented). Every dialogue here is written for the
 * test.
 */
import { currentRiskSpans, flagsOfFindings, harmToOthersSpans, type NoteItem, verifyNotes } from "@confide/core";
import { screenTranscript } from "../embedded-risk-screen/embedded-risk-screen.ts";
import { isNotAssessed } from "@confide/core/adapter-kit";
import { describe, expect, it } from "vitest";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { dialogueInput as input } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";
import { readSegment } from "./segment-reader.ts";
import { agreedPrefix, namingOnlyPhrases, plainAssentPhrases, proposes } from "./suggestions.ts";

const provenance = { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) };

/** The input as the pipeline gives it: the risk screen runs first, and the writer is told where it found a current risk. */
function screenedInput(turns: string[]) {
  const given = input(turns);
  const screened = screenTranscript(given);
  return { ...given, currentRisks: currentRiskSpans(screened.status === "screened" ? flagsOfFindings(screened.findings, "screen:embedded", given) : []) };
}

function notesOf(turns: string[]) {
  const given = input(turns);
  return verifyNotes(writeEmbeddedNotes(given), { ...given, revision: 1 }, provenance, createWinkClaimReader());
}

function plan(turns: string[]): NoteItem[] {
  const notes = notesOf(turns);
  return isNotAssessed(notes.actionItems) ? [] : notes.actionItems;
}

/** Asserts the plan's lines, as written, and that core's check grounds every one. */
function expectGroundedPlanOf(turns: string[], lines: string[]): void {
  const items = plan(turns);
  expect(items.map((item) => item.text)).toEqual(lines);
  expect(items.every((item) => item.verification.status === "grounded")).toBe(true);
}

/** The items to confirm with the patient (written as follow-up topics), by text. */
function toConfirm(turns: string[]): string[] {
  const notes = notesOf(turns);
  return isNotAssessed(notes.followUpTopics) ? [] : notes.followUpTopics.map((item) => item.text);
}

describe("plan items: what was agreed", () => {
  it("takes a therapist's proposal the patient took up, citing the proposal and the turn that assented", () => {
    const items = plan([
      "P: I can't sleep before my exams.",
      "T: It might help to keep your phone out of the bedroom after ten.",
      "P: That's a good idea, I'll try that tonight.",
    ]);
    expect(items).toHaveLength(1);
    // The note shows the assenting words beside the proposal.
    expect(items[0]!.text).toBe(`${agreedPrefix}It might help to keep your phone out of the bedroom after ten. — “That's a good idea, I'll try that tonight.”`);
    expect(items[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-1", "seg-2"]);
    expect(items[0]!.verification.status).toBe("grounded");
  });

  it("takes the patient's own commitment in their words", () => {
    const items = plan(["T: What will you do about the rent?", "P: I will call the housing office on Monday to ask about a payment plan."]);
    expect(items.map((item) => item.quote)).toEqual(["I will call the housing office on Monday to ask about a payment plan."]);
    expect(items[0]!.speaker).toBe("patient");
  });

  it("never takes a question, a reflection, information or agenda for a plan, even when the patient answers yes", () => {
    expect(
      plan([
        "T: Maybe you could tell me about how much you drank last week?",
        "P: Yes, about six cans a night.",
        "T: I'm just going to talk to you about your goals today.",
        "P: Okay.",
        "T: It sounds like the weekends are the hardest part.",
        "P: Yes, that's right.",
      ]),
    ).toEqual([]);
  });

  it("does not take a proposal met by thanks, a bare okay, a hedge or a refusal", () => {
    expect(
      plan([
        "T: You could try writing your worries down before bed.",
        "P: Okay, thanks.",
        "T: Maybe you could ask your brother for a lift to the appointment.",
        "P: Perhaps I will try that, I don't know.",
        "T: How about joining the walking group on Saturdays?",
        "P: That's a good idea but I can't get there on weekends.",
      ]),
    ).toEqual([]);
  });

  it("does not take reported, hypothetical, habitual or predicted futures, sustain talk, refusals or acts of the session", () => {
    expect(
      plan([
        "T: What happened then?",
        "P: So I finally said, 'Fine, I'll go see someone.'",
        "T: And now?",
        "P: If she calls again I'll just hang up. Usually I'll stay in bed until noon. I'll be fine.",
        "T: What about the smoking?",
        "P: I'm going to keep smoking, I'm not going to stop. I'll tell you what happened at work. I'm going to work and back every day.",
      ]),
    ).toEqual([]);
  });

  it("takes a habit of use kept up, named by what is had or taken, as sustain talk: no plan and nothing to confirm", () => {
    for (const said of ["I'm going to keep having a few beers after work.", "I'll keep taking my bets on a Saturday.", "I'm going to continue having a smoke at lunch."]) {
      const turns = ["T: What do you make of what the doctor said?", `P: Honestly, she's overreacting. ${said}`];
      expect(plan(turns), said).toEqual([]);
      expect(toConfirm(turns), said).toEqual([]);
    }
    // A healthy habit kept up stays a line to confirm.
    expect(toConfirm(["T: What's helped?", "P: I'm going to keep walking after work."])).toEqual(["To confirm: I'm going to keep walking after work."]);
  });

  it("writes what the therapist proposed, taken up or not, as the strategies discussed; never a question that only asks", () => {
    const given = input([
      "T: Is there anyone at home you can confide in?",
      "P: Not really.",
      "T: You could try writing your worries down before bed. There are programs you can apply for at the town hall.",
      "P: Okay, thanks.",
      "T: Going to the town hall means asking for help in person.",
      "P: Hm.",
      // Broken off: no whole strategy to quote.
      "T: And maybe you could ask your…",
    ]);
    const strategies = writeEmbeddedNotes(given).strategies;
    expect(isNotAssessed(strategies) ? [] : strategies.map((item) => [item.text, item.speaker])).toEqual([["You could try writing your worries down before bed.", "therapist"]]);
  });

  it("never lists asking to be told how it went as a strategy or a plan: it is part of the sessions", () => {
    const given = input([
      "T: Perhaps you could walk the dog before work.",
      "P: Sure, I will.",
      "T: Be sure to get back in touch with me about the walks. Let me know how it goes!",
      "P: Yes, I will do that.",
    ]);
    const notes = writeEmbeddedNotes(given);
    expect(isNotAssessed(notes.strategies) ? [] : notes.strategies.map((item) => item.text)).toEqual(["Perhaps you could walk the dog before work."]);
    expect(isNotAssessed(notes.actionItems) ? [] : notes.actionItems.map((item) => item.evidence[0]?.segmentId)).toEqual(["seg-0"]);
  });

  it("agrees to no attitude: not stressing, being confident, staying positive, working on oneself", () => {
    for (const [proposal, assent] of [
      ["T: Don't stress about the rota, and work on yourself.", "P: Will do."],
      ["T: Be confident in what you can do. You are clearly the one for this role.", "P: Thanks, so I'll go with it."],
      ["T: You should try to stay positive this week.", "P: Sounds good."],
      ["T: Maybe you could avoid the negative vibes at the office.", "P: That's good advice."],
      ["T: Don't let the gossip get to you.", "P: I will try, thanks."],
      ["T: I think you should come to terms with the move.", "P: That's a great idea."],
      ["T: You can still find some good in a rough month.", "P: That's a good idea."],
    ]) {
      expect(plan(["P: Work has been awful lately.", proposal!, assent!]), proposal).toEqual([]);
    }
    // Remembering to do an act is the act.
    expect(plan(["P: I have so much to study.", "T: Remember to take a short break every hour.", "P: I will do that, thanks."]).map((item) => item.evidence[0]?.segmentId)).toEqual(["seg-1"]);
    const strategies = notesOf(["P: Work has been awful lately.", "T: Avoid the negative vibes. You could also ask your manager for a quieter desk."]).strategies;
    expect(isNotAssessed(strategies) ? [] : strategies.map((item) => item.text)).toEqual(["You could also ask your manager for a quieter desk."]);
    // Finding a good one of something is an act, not an outlook.
    expect(plan(["P: I can't cope with it alone.", "T: Maybe find a good counsellor near you.", "P: That's a good idea."])).toHaveLength(1);
  });

  it("takes nothing up from reassurance or a reflection, nor from a plan that was", () => {
    expect(plan(["P: I keep going over what happened.", "T: It's normal to feel like this while the dust settles.", "P: okay, will do that, thanks"])).toEqual([]);
    expect(plan(["P: I feel stuck.", "T: You seem like a very thoughtful person, and you care a lot.", "P: Okay, I will do that."])).toEqual([]);
    expect(plan(["T: What were you hoping for this year?", "P: I planned to visit my brother in spring but then the borders closed."])).toEqual([]);
  });

  it("reads an option put forward, and a proposal opened by \"perhaps trying\", as proposals", () => {
    const agreed = (turns: string[]) => plan(turns).map((item) => item.text);
    expect(agreed(["P: I can't sleep at all.", "T: Another option is to read a paper book before bed instead of the phone.", "P: That's a good idea."])).toEqual([
      "Agreed: Another option is to read a paper book before bed instead of the phone. — “That's a good idea.”",
    ]);
    expect(agreed(["P: I feel so alone.", "T: Perhaps trying a local walking group could bring you some company.", "P: That sounds like a good idea."])).toEqual([
      "Agreed: Perhaps trying a local walking group could bring you some company. — “That sounds like a good idea.”",
    ]);
    // A tool of the work named without a verb, and a suggestion announced, are proposals too.
    expect(agreed(["P: My head goes round and round.", "T: How about a thought record?", "P: Yeah, I can do that."])).toEqual(["Agreed: “Yeah, I can do that.” — to “How about a thought record?”"]);
    expect(agreed(["P: My head goes round and round.", "T: The other thing I wanted to suggest was a thought record.", "P: Yeah, I can do that."])).toEqual([
      "Agreed: The other thing I wanted to suggest was a thought record. — “Yeah, I can do that.”",
    ]);
    expect(agreed(["P: I keep putting it off.", "T: You could book it now, at the desk.", "P: Yes, let's do that."])).toEqual(["Agreed: You could book it now, at the desk. — “Yes, let's do that.”"]);
    // A topic named is no proposal.
    expect(agreed(["P: I'm lonely.", "T: How about friendship?", "P: Yeah, I can do that."])).toEqual([]);
  });

  it("takes no plan from a prediction of how it will go, a worry, encouragement or a best effort", () => {
    for (const turns of [
      ["T: Maybe you could cook a big dinner once the rules ease.", "P: Yes. We'll make it through the winter."],
      ["T: You can still meet your classmates online.", "P: I am nervous I will do badly without them."],
      ["T: You could ask for an extension.", "P: I will do poorly whatever I try."],
      ["T: It is a hard term, but I know you can get there!", "P: I will do that, thanks."],
      ["T: How do you feel about the coming term?", "P: I'm going to try my best in the spring."],
    ]) {
      expect(plan(turns), turns[1]).toEqual([]);
    }
    // Broken off after "to", a best effort names no act: nothing to confirm either; with an act after "to", one.
    expect(toConfirm(["T: How do you feel about the coming term?", "P: I will do my best to"])).toEqual([]);
    expect(toConfirm(["T: How do you feel about the coming term?", "P: I will do my best to ring the tutor."])).toHaveLength(1);
  });

  it("leaves a try weighed with a modal to confirm, even in a phrase that names the proposal", () => {
    const turns = ["T: You could look for weekend work at the garden centre.", "P: I could give it a try, I suppose it's outdoors."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toHaveLength(1);
  });

  it("reads \"I going to\" as a commitment, and a search term in quotation marks as no one's words", () => {
    expect(plan(["T: How will you see your sister this week?", "P: I going to drive over on Sunday with some soup."]).map((item) => item.text)).toEqual([
      "I going to drive over on Sunday with some soup.",
    ]);
    const agreed = plan(["T: Sleep is hard. You could google \"bedtime routine\" and try one tonight.", "P: I'll try that tonight, thanks."]);
    expect(agreed.map((item) => item.evidence[0]?.segmentId)).toEqual(["seg-0"]);
  });

  it("never lists as a strategy a sentence that only judges what came before it; an assent still takes that up", () => {
    const turns = ["P: The evenings are the worst.", "T: You could call your sister after dinner. Just thought it may help somewhat.", "P: That's a good idea."];
    const notes = notesOf(turns);
    expect(isNotAssessed(notes.strategies) ? [] : notes.strategies.map((item) => item.text)).toEqual(["You could call your sister after dinner."]);
    expect(plan(turns)).toHaveLength(1);
    // An act that only points back is no strategy line either; a supposition is no proposal at all.
    const pointing = notesOf(["P: I could ask my sister to come over.", "T: You could try it. If you could choose one evening, you would feel freer."]).strategies;
    expect(pointing).toMatchObject({ status: "not_assessed" });
    const named = notesOf(["P: The evenings are the worst.", "T: It might help to write the worries down."]).strategies;
    expect(isNotAssessed(named) ? [] : named.map((item) => item.text)).toEqual(["It might help to write the worries down."]);
  });

  it("takes praise of a proposal in more words, but not an idea had, nor \"you can do this\"", () => {
    const proposal = "T: I would ring your old team mates and plan a reunion for the summer.";
    expect(plan(["P: I miss my friends.", proposal, "P: Now that is an excellent suggestion."])).toHaveLength(1);
    expect(plan(["P: I miss my friends.", proposal, "P: First I'd like to get a better idea of my options."])).toEqual([]);
    expect(plan(["P: The exam is on Monday.", "T: You can do this!", "P: That's a great idea."])).toEqual([]);
  });

  it("takes \"I might\" as weighing a proposal only when it names the act; \"I might lose her\" takes nothing up", () => {
    const proposal = "T: You could ask your manager for a day off next week.";
    expect(toConfirm(["P: I am exhausted.", proposal, "P: I might just have to do that."])).toHaveLength(1);
    expect(toConfirm(["P: I am exhausted.", proposal, "P: I might be able to do that."])).toHaveLength(1);
    expect(toConfirm(["P: I am exhausted.", proposal, "P: If I push back I might lose the job."])).toEqual([]);
    expect(toConfirm(["P: I am exhausted.", proposal, "P: Years ago I might have asked, but not now."])).toEqual([]);
  });

  it("never lists a question as a strategy discussed, even one that hints at an act", () => {
    const given = input(["T: Have you tried a hot shower at night?", "P: Not really.", "T: Could you try some slow breathing?", "P: Maybe."]);
    expect(writeEmbeddedNotes(given).strategies).toMatchObject({ status: "not_assessed" });
  });

  it("takes an assent that names the proposal when the turn before offered an act, even in no proposal phrase it knows", () => {
    const items = plan([
      "P: I keep sleeping through the mornings.",
      "T: Maybe do a short walk after lunch each day.",
      "P: That's a great idea.",
      "T: And once the alarm goes, you can walk to the shop for bread.",
      "P: That's good advice.",
    ]);
    expect(items.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([
      ["seg-1", "seg-2"],
      ["seg-3", "seg-4"],
    ]);
  });

  it("takes a plain assent to a proposal asked as a question into the plan, quoting the patient's words, never the question, as what was agreed", () => {
    const turns = [
      "P: I get so tense before meetings.",
      "T: Could you try to take some slow breathing when it starts?",
      "P: Yes, I will do that.",
      "T: Have you tried a hot shower at night?",
      "P: No, I will try that.",
      "T: Have you thought about asking your manager for a quieter desk?",
      "P: What a great idea.",
    ];
    const items = plan(turns);
    expect(items.map((item) => item.text)).toEqual([
      `${agreedPrefix}“Yes, I will do that.” — to “Could you try to take some slow breathing when it starts?”`,
      `${agreedPrefix}“No, I will try that.” — to “Have you tried a hot shower at night?”`,
      `${agreedPrefix}“What a great idea.” — to “Have you thought about asking your manager for a quieter desk?”`,
    ]);
    expect(items.map((item) => item.quote)).toEqual(["Yes, I will do that.", "No, I will try that.", "What a great idea."]);
    // Each cites the question and the turn that assented, and core's plan check finds it supported.
    expect(items.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([
      ["seg-1", "seg-2"],
      ["seg-3", "seg-4"],
      ["seg-5", "seg-6"],
    ]);
    expect(items.map((item) => [item.verification.status, item.support])).toEqual(Array(3).fill(["grounded", "paraphrased"]));
    expect(toConfirm(turns)).toEqual([]);
  });

  it("leaves a hedged assent to a proposal asked, or an answer to a question that proposes nothing, out of the plan", () => {
    const turns = ["T: Could you try to take some slow breathing when it starts?", "P: Maybe I will try that.", "T: What do you usually do on Sundays?", "P: That's a great idea."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual(["To confirm: Could you try to take some slow breathing when it starts? — “Maybe I will try that.”"]);
  });

  it("quotes the proposal stated in the turn before one asked after it", () => {
    const items = plan(["T: Try a walk after dinner. Have you done that before?", "P: Sounds good."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}Try a walk after dinner. — “Sounds good.”`]);
  });

  it("never takes the therapist's own story, information, a reflection, reported words or encouragement for the proposal: the assent is to confirm", () => {
    const turns = [
      "T: I find a simple schedule, getting up at the same time every day, makes my days go better.",
      "P: That's a good idea.",
      "T: Running lifts the mood for many people, it settles the body.",
      "P: Thanks, that is a good tip.",
      "T: It sounds like your cousin would stand by you.",
      "P: That is a good idea.",
      "T: Some people tell themselves, “Come on, just get on with it.”",
      "P: I'll do that a lot.",
      "T: Yes, and enjoy making the chart, too!",
      "P: That's a great idea.",
    ];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toHaveLength(5);
  });

  it("takes the patient's first-person commitment to what the therapist put forward, in the turn just before, as plan in the patient's words — never to reported words", () => {
    const turns = [
      "T: What helps me is lying flat, a palm on my belly, breathing out slowly for ten minutes.",
      "P: Right, I'll give that a go.",
      "T: Some people tell themselves, “Come on, just get on with it.”",
      "P: I'll do that a lot.",
    ];
    const items = plan(turns);
    expect(items.map((item) => item.text)).toEqual([
      `${agreedPrefix}“Right, I'll give that a go.” — to “What helps me is lying flat, a palm on my belly, breathing out slowly for ten minutes.”`,
    ]);
    expect(items[0]!.quote).toBe("Right, I'll give that a go.");
    expect(items[0]!.support).not.toBe("unsupported");
    expect(toConfirm(turns)).toEqual(["To confirm: Some people tell themselves, “Come on, just get on with it.” — “I'll do that a lot.”"]);
  });

  it("takes a way of coping the therapist told of, called good and weighed in the first person ('I could try that'), as plan in the patient's words", () => {
    for (const assent of ["That's a good idea, I could try that.", "Good idea I could definitely try that."]) {
      const turns = ["T: I find a simple schedule, getting up at the same time every day, makes my days go better.", `P: ${assent}`];
      expect(plan(turns).map((item) => item.text), assent).toEqual([`${agreedPrefix}“${assent}” — to “I find a simple schedule, getting up at the same time every day, makes my days go better.”`]);
      expect(toConfirm(turns), assent).toEqual([]);
    }
    // Called good without weighing it as one's own: to confirm; weighed without calling it good takes up no proposal this writer knows.
    const called = ["T: I find a simple schedule, getting up at the same time every day, makes my days go better.", "P: That's a good idea."];
    expect(plan(called)).toEqual([]);
    expect(toConfirm(called)).toHaveLength(1);
    const weighed = ["T: I find a simple schedule, getting up at the same time every day, makes my days go better.", "P: I could try that."];
    expect(plan(weighed)).toEqual([]);
    expect(toConfirm(weighed)).toEqual([]);
  });

  it("names, as what a first-person commitment answered, the sentence of the turn that offers an act in a later clause before a longer one", () => {
    const turns = [
      "T: I find the evenings easier when I get outside, so try a walk after tea. I also lost my own father some years ago and he is still on my mind most days when the light goes.",
      "P: I will try this!",
    ];
    expect(plan(turns).map((item) => item.text)).toEqual([`${agreedPrefix}“I will try this!” — to “I find the evenings easier when I get outside, so try a walk after tea.”`]);
  });

  it("names an act the therapist calls a good idea as what a commitment took up, not the therapist's own story beside it", () => {
    const turns = [
      "T: I served in the navy years ago, so I know which workouts suit me. Reading up on workouts online is a great idea. Keeping fit made my other worries feel smaller in the end.",
      "P: Right, I'll do that, and pick a workout app for my phone.",
    ];
    expect(plan(turns).map((item) => item.text)).toEqual([`${agreedPrefix}Reading up on workouts online is a great idea. — “Right, I'll do that, and pick a workout app for my phone.”`]);
  });

  it("reads 'this' before a time as when, not as pointing back: 'I'll call her this week' is the patient's own act", () => {
    for (const said of ["I'll call her this week.", "I'll ring the bank this afternoon.", "I'll see my GP this Friday."]) {
      expect(plan(["T: What will you do?", `P: ${said}`]).map((item) => item.quote), said).toEqual([said]);
    }
    // Pointing back before the time still points back: "I'll do that this week" answers what was put forward.
    expect(plan(["T: You could write to the council.", "P: I'll do that this week."]).map((item) => item.text)).toEqual([`${agreedPrefix}You could write to the council. — “I'll do that this week.”`]);
  });

  it("takes 'I'd like that' or 'I would love that' as a plain assent to a proposal asked, 'would it help to…' among them", () => {
    for (const assent of ["Yes, I'd like that.", "I would love that."]) {
      const items = plan(["T: Would it help to see the midwife together next week?", `P: ${assent}`]);
      expect(items.map((item) => item.text), assent).toEqual([`${agreedPrefix}“${assent}” — to “Would it help to see the midwife together next week?”`]);
      expect(items[0]!.support, assent).not.toBe("unsupported");
    }
    // Liking something else takes nothing up; a question of how it would help proposes nothing.
    expect(plan(["T: Would it help to see the midwife together next week?", "P: I'd like that to stop."])).toEqual([]);
    expect(plan(["T: How would it help to talk to her?", "P: I'd like that."])).toEqual([]);
  });

  it("takes up a view asked of an act whose \"-ing\" word the tagger reads as a noun: \"How would you feel about checking your sugar…?\"", () => {
    const question = "How would you feel about checking your sugar before you go out?";
    expect(plan([`T: ${question}`, "P: Yeah, I can do that."]).map((item) => item.text)).toEqual([`${agreedPrefix}“Yeah, I can do that.” — to “${question}”`]);
    // A noun of its own names no act: a view asked of it is no proposal.
    expect(plan(["T: How would you feel about the meeting on Friday?", "P: Yeah, fine."])).toEqual([]);
  });

  it("takes a plain yes to a question asking whether the patient will do a named act, quoting a commitment pointing back when the turn goes on with one", () => {
    const asked = "Would you be willing to keep a diary this week?";
    for (const yes of ["Yes.", "Yeah, okay.", "Sure."]) {
      const items = plan([`T: ${asked}`, `P: ${yes}`]);
      expect(items.map((item) => item.text), yes).toEqual([`${agreedPrefix}“${yes}” — to “${asked}”`]);
      expect(items[0]!.verification.status, yes).toBe("grounded");
    }
    expect(plan([`T: ${asked}`, "P: Yeah. I'll do it tonight, before I change my mind."]).map((item) => item.text)).toEqual([`${agreedPrefix}“I'll do it tonight, before I change my mind.” — to “${asked}”`]);
    // An okay alone acknowledges; an act of the session is no plan.
    expect(plan([`T: ${asked}`, "P: Okay."])).toEqual([]);
    expect(plan(["T: Would you be willing to tell me more about that?", "P: Yes."])).toEqual([]);
  });

  it("lists an act weighed with 'I might' to confirm, never as a plan line; a happening, a past or a state not at all", () => {
    for (const said of ["I might move there next month, I'm not sure yet.", "I might join a walking group."]) {
      expect(plan(["T: What next?", `P: ${said}`]), said).toEqual([]);
      expect(toConfirm(["T: What next?", `P: ${said}`]), said).toEqual([`To confirm: ${said}`]);
    }
    for (const said of ["I might lose my job.", "I might have gone too far.", "I might be wrong.", "I might not go."]) {
      expect(toConfirm(["T: What next?", `P: ${said}`]), said).toEqual([]);
    }
  });

  it("never takes an act of harm as proposed, asked or offered, whatever the answer", () => {
    for (const [asked, yes] of [
      ["Would you be willing to hurt him?", "Yes, I will."],
      ["Would you be willing to hurt him?", "Yes."],
      ["You could hurt him back.", "I will."],
      ["Hurt him back.", "I will."],
      ["How would you feel about hurting him?", "Yeah, I can do that."],
    ]) {
      expect(plan([`T: ${asked}`, `P: ${yes}`]), asked).toEqual([]);
      expect(toConfirm([`T: ${asked}`, `P: ${yes}`]), asked).toEqual([]);
    }
    // The same forms with an act of care still agree it.
    expect(plan(["T: You could ring him back.", "P: I will."])).toHaveLength(1);
  });

  it("takes a choice between ways, closing on 'instead', as firm as one closing on 'then'", () => {
    const turns = ["T: Which of those feels doable?", "P: I'll go to my cousin's touch rugby instead."];
    expect(plan(turns).map((item) => item.text)).toEqual(["I'll go to my cousin's touch rugby instead."]);
    expect(toConfirm(["T: Which of those feels doable?", "P: I'll go to my cousin's touch rugby."])).toEqual(["To confirm: I'll go to my cousin's touch rugby."]);
  });

  it("takes an arrangement joining what the therapist named as the plan, quoting the next sentence when it points at it again and says when", () => {
    const turns = (said: string) => ["T: Where are you with the group the court suggested?", `P: ${said}`];
    expect(plan(turns("I've booked onto it. It starts on Tuesday.")).map((item) => item.text)).toEqual(["I've booked onto it. It starts on Tuesday."]);
    expect(plan(turns("I've booked onto it. My mum is pleased.")).map((item) => item.text)).toEqual(["I've booked onto it."]);
    expect(plan(turns("I've booked onto it. It is in town.")).map((item) => item.text)).toEqual(["I've booked onto it."]);
    expect(plan(turns("I've booked onto the group. It starts on Tuesday.")).map((item) => item.text)).toEqual(["I've booked onto the group."]);
    expect(plan(turns("I booked it."))).toEqual([]);
  });

  it("never takes a manner of speaking for a commitment: 'I'm not gonna lie', 'I won't pretend', 'I'm not going to deny it'", () => {
    for (const said of ["i'm not gonna lie it was rough at the weekend", "I'm not going to lie, on Saturday it was hard.", "I won't pretend it was easy on Friday.", "I'm not going to deny it, I drank on Sunday.", "usually four or five pints most nights more at the weekend i'm not gonna pretend it's nothing"]) {
      expect(plan(["T: How was the week?", `P: ${said}`]), said).toEqual([]);
    }
    // Ways of saying the next thing are no act either.
    for (const said of ["I'm not gonna sit here and tell you it was easy on Friday.", "i'm not gonna sit here and lie to you it was rough on friday", "I'll give you that, the weekend was better.", "I'll put it this way, tomorrow will be hard.", "I'll tell you what, Saturday was awful."]) {
      expect(plan(["T: How was the week?", `P: ${said}`]), said).toEqual([]);
    }
    expect(plan(["T: What will you do?", "P: I'll give you a call on Monday to say how it went."])).toHaveLength(1);
    // Nor is going mad an act: a fear foretold.
    for (const said of ["I'll go mad stuck in that flat.", "I'm going to go crazy on my own tonight.", "I'll go nuts at the weekend."]) {
      expect(plan(["T: How was the week?", `P: ${said}`]), said).toEqual([]);
      expect(toConfirm(["T: How was the week?", `P: ${said}`]), said).toEqual([]);
    }
    // Lying to someone, or about something, is an act to stop; laying low is an act.
    expect(plan(["T: What will you do?", "P: I'm not going to lie to her about the drinking anymore."])).toHaveLength(1);
    expect(plan(["T: What will you do on Friday?", "P: I'll lay low at home on Friday and keep away from the pub."])).toHaveLength(1);
  });

  it("never names the therapist's own offer of help as what the patient agreed to", () => {
    for (const offer of ["Good, I can help any time.", "I'm glad to assist.", "We will always support you however we can."]) {
      const turns = ["T: Be truthful with your friends, it goes a long way.", "P: I will try to share how I feel.", `T: ${offer}`, "P: Many thanks. I'll try your advice."];
      expect(plan(turns).map((item) => item.text), offer).toEqual(["I will try to share how I feel."]);
    }
    // Help that names an act is offered: "I can help you find a counsellor" — the commitment to it is agreed.
    expect(plan(["T: I can help you find a counsellor near you, it takes a few minutes online.", "P: I will do that this week."])).toHaveLength(1);
  });

  it("reads a pointing word that closes its clause as pointing back, whatever follows it", () => {
    const items = plan(["T: Keep a note of the evenings when the worry is worst.", "P: I will do that, cheers for listening to me tonight."]);
    expect(items.map((item) => item.text)).toEqual([
      `${agreedPrefix}Keep a note of the evenings when the worry is worst. — “I will do that, cheers for listening to me tonight.”`,
    ]);
  });

  it("never takes thanks for the advice as an assent to it", () => {
    const turns = ["T: Remember that you have got through worse than this.", "P: Many thanks for your great advice, enjoy your week!"];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual([]);
    // Calling it good advice, not only thanking for it, still assents.
    expect(plan(["T: You could ring the helpline tonight.", "P: Thanks, that is great advice."])).toHaveLength(1);
  });

  it("takes 'Consider it done' as a commitment to what was put forward", () => {
    // To a proposal stated, the line quotes the proposal; to what was only put forward, the patient's words.
    expect(plan(["T: Well, my advice is to switch off the news at night.", "P: Consider it done!"]).map((item) => item.text)).toEqual([`${agreedPrefix}Well, my advice is to switch off the news at night. — “Consider it done!”`]);
    expect(plan(["T: Switching off the news at night helped me a lot.", "P: Consider it done!"]).map((item) => item.quote)).toEqual(["Consider it done!"]);
  });

  it("never takes an effort promised with no act, or a fact stated about the future, for a commitment", () => {
    const turns = [
      "T: Put yourself first for once.",
      "P: I'll do my best tomorrow, truly.",
      "T: This will pass.",
      "P: It's a plain fact that we will move flat in the spring.",
    ];
    expect(plan(turns)).toEqual([]);
    expect(plan(["T: How do you feel now?", "P: I'll do my best to phone her on Sunday."]).map((item) => item.quote)).toEqual(["I'll do my best to phone her on Sunday."]);
  });

  it("takes an untimed commitment as firm when its turn opens agreeing with the therapist's turn, not after a bare yes or a closing 'okay then'", () => {
    const therapist = "T: Letting the gossip pass might be the kinder thing for you.";
    for (const words of ["Yes, you're right. I'm going to ignore what they say.", "That's true. I'm going to stop reading the group chat.", "Okay, I will give the forum a go.", "Most definitely. I'll collect the letters from my neighbours."]) {
      expect(plan([therapist, `P: ${words}`]).map((item) => item.speaker), words).toEqual(["patient"]);
    }
    for (const words of ["Yes. I will ignore the rumours.", "Alright then. I will tidy the spare room.", "Okay? I will ignore the rumours."]) {
      expect(plan([therapist, `P: ${words}`]), words).toEqual([]);
    }
  });

  it("takes a bare 'I will.' as an assent only to a proposal stated in the turn just before", () => {
    expect(plan(["T: Call the council office and ask your neighbours too.", "P: Yes I will. Where do I start?"]).map((item) => item.text)).toEqual([
      `${agreedPrefix}Call the council office and ask your neighbours too. — “Yes I will.”`,
    ]);
    expect(plan(["T: You can do this, so start the form tonight!", "P: Yes I will."]).map((item) => item.quote)).toEqual(["You can do this, so start the form tonight!"]);
    expect(plan(["T: Will you be all right tonight?", "P: I will."])).toEqual([]);
    // Never to a proposal of an earlier turn: a bare "I will." names nothing to tie it there.
    expect(plan(["T: Call the council office.", "P: Okay.", "T: It has been a hard month for you.", "P: I will."])).toEqual([]);
  });

  it("reads 'do you think you could / might / can' and an act as a proposal asked", () => {
    const items = plan(["T: Do you think you might ring your brother about it?", "P: Yes, that seems a good idea."]);
    expect(items.map((item) => item.quote)).toEqual(["Yes, that seems a good idea."]);
    expect(plan(["T: Do you think you could tell me more about that?", "P: Sounds good."])).toEqual([]);
  });

  it("reads 'that now,' as pointing back, and 'see if' in an assent as 'whether', not a condition that puts it off", () => {
    const items = plan(["T: You could join the reading group at the library.", "P: Fine, I'll do that now, then see if my sister wants to join."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}You could join the reading group at the library. — “Fine, I'll do that now, then see if my sister wants to join.”`]);
    // A condition still puts it off.
    expect(plan(["T: You could join the reading group at the library.", "P: Fine, I'll do that now, if there is time."])).toEqual([]);
  });

  it("reads 'ill' opening a sentence as typed chat's 'I'll', not the 'ill' of feeling unwell", () => {
    expect(plan(["T: How do you feel now?", "P: ill phone the surgery tomorrow morning."]).map((item) => item.quote)).toEqual(["ill phone the surgery tomorrow morning."]);
    expect(plan(["T: How do you feel now?", "P: I felt ill all day tomorrow too."])).toEqual([]);
  });

  it("leaves an assent that guesses or only keeps it in mind to confirm, even when it names the proposal", () => {
    for (const assent of ["I guess I will do that.", "Good idea, I'll keep it in mind.", "Good tip, I will take note of it."]) {
      const turns = ["T: You could write to the landlord about the repairs.", `P: ${assent}`];
      expect(plan(turns), assent).toEqual([]);
      expect(toConfirm(turns), assent).toEqual([`To confirm: You could write to the landlord about the repairs. — “${assent}”`]);
    }
  });

  it("takes up a proposal named beside 'I could', or to be looked into or checked out", () => {
    for (const assent of ["That's a good idea, I could try that.", "I'll surely look into it.", "Will check it out later."]) {
      const turns = ["T: You could write to the landlord about the repairs.", `P: ${assent}`];
      expect(plan(turns).map((item) => item.text), assent).toEqual([`${agreedPrefix}You could write to the landlord about the repairs. — “${assent}”`]);
      expect(plan(turns)[0]!.verification.status, assent).toBe("grounded");
      expect(toConfirm(turns), assent).toEqual([]);
    }
  });

  it("leaves an assent that doubts after a contrast to confirm", () => {
    const turns = ["T: You could write to the landlord about the repairs.", "P: I will try, but it will be hard."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual(["To confirm: You could write to the landlord about the repairs. — “I will try, but it will be hard.”"]);
  });

  it("takes no plan from an offer left ('No, I'll leave that, thanks'), a promise taken back before the act, or a past thought quoted without its comma", () => {
    expect(plan(["T: Third thing, I'd like to book you in for a spirometry test.", "P: No, I'll leave that, thanks."])).toEqual([]);
    expect(plan(["T: Would you like the leaflet?", "P: I'll leave it for now."])).toEqual([]);
    expect(plan(["T: What about the tablets?", "P: I won't promise I'll take anything."])).toEqual([]);
    expect(plan(["T: How did it get to this?", "P: it just snowballed and every time i thought i'll sort it before she finds out"])).toEqual([]);
    // Leaving something somewhere is an act.
    expect(plan(["T: What will you do?", "P: I'll leave it at reception for her."]).map((item) => item.quote)).toEqual(["I'll leave it at reception for her."]);
  });

  it("reads 'once' after a time said as when within it, not whether: 'I'll text her tonight once he's asleep'", () => {
    expect(plan(["T: Would you be willing to tell her a bit more?", "P: yeah ill text her tonight once hes asleep"]).map((item) => item.quote)).toEqual(["yeah ill text her tonight once hes asleep"]);
    expect(plan(["T: What will you do?", "P: I'll sign up once the rain stops."])).toEqual([]);
  });

  it("takes an offer made as possible and accepted in words of leave as agreed: 'I can do the referral now.' — 'Go on then.'", () => {
    const turns = ["T: The stop smoking service is local, a weekly session for twelve weeks. I can do the referral now.", "P: Go on then. Yeah, put me down for that. Phone would be better, I'm on shifts."];
    expectGroundedPlanOf(turns, ["Agreed: “Go on then.” — to “I can do the referral now.”"]);
    const prescription = ["T: Would you want me to do a prescription today, so you've got them ready?", "P: Yeah, do that."];
    expectGroundedPlanOf(prescription, ["Agreed: “Yeah, do that.” — to “Would you want me to do a prescription today, so you've got them ready?”"]);
  });

  it("takes no commitment from a feeling said with 'gonna': 'less like im gonna explode'", () => {
    expect(toConfirm(["T: How are you feeling now?", "P: still angry tbh but less like im gonna explode"])).toEqual([]);
  });

  it("keeps a commitment said after a contrast that doubts only what came before it", () => {
    const turns = ["T: Maybe you could read some material on mindfulness.", "P: Not my type of books, but I'll definitely look into it."];
    expect(plan(turns).map((item) => item.text)).toEqual([`${agreedPrefix}Maybe you could read some material on mindfulness. — “Not my type of books, but I'll definitely look into it.”`]);
    // The commitment first, the doubt after it: to confirm.
    const doubted = ["T: Maybe you could read some material on mindfulness.", "P: I'll try, but it will be hard to find the time."];
    expect(plan(doubted)).toEqual([]);
    expect(toConfirm(doubted)).toHaveLength(1);
  });

  it("leaves an assent followed by any contrast to confirm, but not one whose contrast comes before it", () => {
    for (const assent of ["That sounds good, but what would it change.", "That's good advice and I did, but the landlord is slow."]) {
      const turns = ["T: You could write to the landlord about the repairs.", `P: ${assent}`];
      expect(plan(turns), assent).toEqual([]);
      expect(toConfirm(turns), assent).toEqual([`To confirm: You could write to the landlord about the repairs. — “${assent}”`]);
    }
    const before = ["T: You could write to the landlord about the repairs.", "P: Rotten month, but good idea."];
    expect(plan(before).map((item) => item.text)).toEqual(["Agreed: You could write to the landlord about the repairs. — “Rotten month, but good idea.”"]);
  });

  it("takes no assent from a sentence saying it was done before", () => {
    for (const assent of ["I have written to them before and think it's a great idea.", "Good idea, I have tried that before."]) {
      const turns = ["T: You could write to the landlord about the repairs.", `P: ${assent}`];
      expect(plan(turns), assent).toEqual([]);
      expect(toConfirm(turns), assent).toEqual([]);
    }
    // "Before" that opens a time to come is no such thing.
    expect(plan(["T: You could write to the landlord about the repairs.", "P: Good idea, I will write before Friday."])).toHaveLength(1);
  });

  it("takes no plan from a try at an outcome or a state of mind, or from doing 'the right thing'", () => {
    for (const words of ["I'll try to recover after all this.", "I'll try not to give up.", "I'll try to cope with it.", "I will try not to worry so much.", "Eventually I'll do the right thing.", "I know I'll pull through."]) {
      const turns = ["T: It may help to go easy on yourself this month.", `P: ${words}`];
      expect(plan(turns), words).toEqual([]);
      expect(toConfirm(turns), words).toEqual([]);
    }
    // An act named after the outcome still counts.
    const turns = ["T: It may help to go easy on yourself this month.", "P: I'll try to get going and then ring the job centre tomorrow."];
    expect([...plan(turns).map((item) => item.text), ...toConfirm(turns)]).not.toEqual([]);
  });

  it("takes 'not a bad idea', 'a good approach' and 'give it a go' as assents naming the proposal", () => {
    for (const assent of ["Oh, that is not a bad idea.", "That does not sound like a bad idea to me.", "That's a good approach.", "I'm willing to give it a go."]) {
      const turns = ["T: You could write to the landlord about the repairs.", `P: ${assent}`];
      expect(plan(turns).map((item) => item.text), assent).toEqual([`Agreed: You could write to the landlord about the repairs. — “${assent}”`]);
    }
    expect(plan(["T: You could write to the landlord about the repairs.", "P: That's a bad idea."])).toEqual([]);
  });

  it("reads 'I plan on', 'im going to' and an agreeing 'sure' as commitments, not 'I'm sure I will'", () => {
    for (const words of ["I plan on seeing my doctor next week.", "ok im going to call the bank tomorrow.", "Thanks, sure I will ring the bank tomorrow."]) {
      expect(plan(["T: How are things at home?", `P: ${words}`]).map((item) => item.text), words).toEqual([words]);
    }
    expect(plan(["T: How are things at home?", "P: I'm sure I will ring the bank tomorrow."])).toEqual([]);
  });

  it("reads 'ill' typed for 'I'll' before an act as a commitment, and 'ill' the adjective as none", () => {
    for (const words of ["ok ill ring the bank tomorrow.", "I think Ill book the dentist for Monday.", "yeah so the week is busy Ill email the landlord tonight."]) {
      expect(plan(["T: How are things at home?", `P: ${words}`]).map((item) => item.text), words).toEqual([words]);
    }
    for (const words of ["I feel ill since Monday and stay in bed.", "My mum got ill last winter.", "I make myself ill ringing the bank.", "We can ill afford the dentist this month.", "I was so ill prepared for the exam."]) {
      expect(plan(["T: How are things at home?", `P: ${words}`]), words).toEqual([]);
      const tokens = readSegment({ id: "s", speaker: "P", startMs: 0, text: words }, "patient").sentences.flatMap((sentence) => sentence.tokens);
      expect(tokens.some((token) => token.lemma === "will"), words).toBe(false);
    }
    const split = readSegment({ id: "s", speaker: "P", startMs: 0, text: "ok ill ring them" }, "patient").sentences.flatMap((sentence) => sentence.tokens);
    expect(split.map((token) => [token.value, token.lemma, token.start, token.end])).toEqual([["ok", "ok", 0, 2], ["i", "i", 3, 4], ["ll", "will", 4, 6], ["ring", "ring", 7, 11], ["them", "them", 12, 16]]);
  });

  it("takes an untimed commitment as firm when it names the therapist's suggestion or advice as what it follows", () => {
    for (const words of ["We'll follow your suggestion and clear out the spare room.", "I shall take your advice and speak to my manager."]) {
      expect(plan(["T: How are things at home?", `P: ${words}`]).map((item) => item.text), words).toEqual([words]);
    }
    expect(plan(["T: How are things at home?", "P: I'm going to clear out the spare room."])).toEqual([]);
  });

  it("takes no plan from an act said to be done already, or one only kept on a list", () => {
    for (const words of ["I will email the landlord already tomorrow.", "We will surely keep it on our list for next week."]) {
      const turns = ["T: How are things at home?", `P: ${words}`];
      expect(plan(turns), words).toEqual([]);
    }
    expect(toConfirm(["T: How are things at home?", "P: We will surely keep it on our list for next week."])).toEqual(["To confirm: We will surely keep it on our list for next week."]);
  });

  it("reads 'see' as a visit when someone is named after it, not 'we'll see' or 'I'll see how it goes'", () => {
    expect(plan(["T: How are things at home?", "P: I will see my GP tomorrow."]).map((item) => item.text)).toEqual(["I will see my GP tomorrow."]);
    for (const words of ["We will see tomorrow.", "I will see how it goes tomorrow.", "I'll see what happens next week."]) {
      expect(plan(["T: How are things at home?", `P: ${words}`]), words).toEqual([]);
    }
  });

  it("leaves a commitment only to take note of something or keep it in mind to confirm, however sure", () => {
    for (const words of ["I'll take note of that for sure.", "I will definitely keep that in mind next week.", "I will keep the leaflet on my list."]) {
      const turns = ["T: How do you feel now?", `P: ${words}`];
      expect(plan(turns), words).toEqual([]);
      expect(toConfirm(turns), words).toEqual([`To confirm: ${words}`]);
    }
  });

  it("takes finding something out as an act: looking into it, checking it out, looking it up", () => {
    for (const words of ["I will definitely look into counsellors in town tomorrow.", "I'll surely check out the choir on Monday.", "I'll look up the opening times tomorrow."]) {
      const items = plan(["T: How do you feel now?", `P: ${words}`]);
      expect(items.map((item) => item.quote), words).toEqual([words]);
      expect(items[0]!.verification.status, words).toBe("grounded");
    }
  });

  it("takes an untimed commitment as firm when it answers a question asking what the patient will do", () => {
    for (const question of [
      "How will you fit the stretches into your week?",
      "What could you do when the worry starts?",
      "What will you do about the noise?",
      "What might you try first?",
      "What would you do differently this time?",
      "What do you want to do about the noise?",
      "What would you like to do next?",
      "What would help you keep to it?",
    ]) {
      expect(plan([`T: ${question}`, "P: I am going to do the stretches before each shift."]).map((item) => item.quote), question).toEqual(["I am going to do the stretches before each shift."]);
    }
    // A question about what was, or one not asking the patient, is no such question.
    for (const question of ["What did you do when the worry started?", "How will the new rota work?", "Do you do the stretches?", "What would you like to talk about today?", "How would you feel about that?"]) {
      expect(plan([`T: ${question}`, "P: I am going to do the stretches before each shift."]), question).toEqual([]);
    }
  });

  it("takes an untimed commitment as firm in a turn that thanks the therapist, and only there", () => {
    const thanked = ["T: We are nearly out of time.", "P: Thank you for listening. I'm going to clear out the garage."];
    expect(plan(thanked).map((item) => item.quote)).toEqual(["I'm going to clear out the garage."]);
    expect(plan(thanked)[0]!.verification.status).toBe("grounded");
    expect(plan(["T: We are nearly out of time.", "P: I'm going to clear out the garage. Thanks!"]).map((item) => item.quote)).toEqual(["I'm going to clear out the garage."]);
    const unthanked = ["T: We are nearly out of time.", "P: I'm going to clear out the garage."];
    expect(plan(unthanked)).toEqual([]);
    expect(toConfirm(unthanked)).toEqual(["To confirm: I'm going to clear out the garage."]);
    // Thanks do not firm a hedge.
    expect(plan(["T: We are nearly out of time.", "P: Thanks. Maybe I'll ring the council."])).toEqual([]);
  });

  it("takes no plan from a foresight, an effort with no act, or making the most of things", () => {
    for (const words of ["Thank you, I will be able to pay the rent now.", "Thank you, I'll keep trying.", "Thanks, I will continue trying.", "Cheers, I shall try to make the most of this winter.", "Thanks, I will keep persevering with it.", "Thanks, I will keep going.", "Thanks, I will hope it works out."]) {
      expect(plan(["T: We are nearly out of time.", `P: ${words}`]), words).toEqual([]);
      expect(toConfirm(["T: We are nearly out of time.", `P: ${words}`]), words).toEqual([]);
    }
    // "be happy to" is willingness; "keep trying to" names the act.
    expect(plan(["T: We are nearly out of time.", "P: Thank you. I'll be happy to call my brother."]).map((item) => item.quote)).toEqual(["I'll be happy to call my brother."]);
    expect(plan(["T: We are nearly out of time.", "P: Thank you. I'll keep trying to call my brother."]).map((item) => item.quote)).toEqual(["I'll keep trying to call my brother."]);
    expect(plan(["T: We are nearly out of time.", "P: Thank you. I'll keep going to the gym on Mondays."]).map((item) => item.quote)).toEqual(["I'll keep going to the gym on Mondays."]);
  });

  it("leaves a commitment hedged anywhere after its phrase to confirm, and drops one waiting on 'once', 'unless' or 'if'", () => {
    const hedged = ["T: We are nearly out of time.", "P: Thanks. I will put the free time to good use, hopefully."];
    expect(plan(hedged)).toEqual([]);
    expect(toConfirm(hedged)).toEqual(["To confirm: I will put the free time to good use, hopefully."]);
    for (const words of ["Thanks. I will join the gym once the lockdown ends.", "Thanks. I will call the bank unless my wife does.", "Thanks. I will talk to my landlord if I really have to."]) {
      expect(plan(["T: We are nearly out of time.", `P: ${words}`]), words).toEqual([]);
      expect(toConfirm(["T: We are nearly out of time.", `P: ${words}`]), words).toEqual([]);
    }
  });

  it("reads 'going to' a place that is no verb as going there, a word before it or not, and 'it seems… we'll' as no commitment", () => {
    for (const words of ["Thanks. I am going to law college in the spring.", "Thanks. I am going to college part time.", "Thanks. It seems we'll continue working from home."]) {
      expect(plan(["T: We are nearly out of time.", `P: ${words}`]), words).toEqual([]);
      expect(toConfirm(["T: We are nearly out of time.", `P: ${words}`]), words).toEqual([]);
    }
    // "work" is a verb too: "going to work on my CV" commits.
    expect(plan(["T: We are nearly out of time.", "P: Thanks. I am going to work on my CV."]).map((item) => item.quote)).toEqual(["I am going to work on my CV."]);
    // "if" after a verb of finding out is "whether": the act stands.
    expect(plan(["T: We are nearly out of time.", "P: Thanks. I will ring the surgery and ask if they have a slot."]).map((item) => item.quote)).toEqual(["I will ring the surgery and ask if they have a slot."]);
  });

  it("keeps a commitment firm beside a hope for how it turns out, and takes 'immediately' as a time", () => {
    expect(plan(["T: You could watch a few tutorial videos on the topic.", "P: Yes, I will try and watch some videos on it, maybe that will help."])).toHaveLength(1);
    expect(plan(["T: You could watch a few tutorial videos on the topic.", "P: Yes, I will try and watch some videos, maybe this weekend."])).toEqual([]);
    expect(plan(["T: The author has a podcast too.", "P: Will look her up immediately."]).map((item) => item.quote)).toEqual(["Will look her up immediately."]);
    expect(plan(["T: We are nearly out of time.", "P: Thanks. I will call the clinic, hopefully it will help."]).map((item) => item.quote)).toEqual(["I will call the clinic, hopefully it will help."]);
  });

  it("reads 'have you searched / talked to / contacted…?', 'would be beneficial' and 'will help' as proposals a plain assent takes up", () => {
    for (const proposal of [
      "Have you searched online for short hairstyles?",
      "Have you talked with your line manager about shifts?",
      "Do you think contacting a job agency would be beneficial to you?",
      "I think that eating and sleeping regularly will help.",
    ]) {
      expect(plan([`T: ${proposal}`, "P: That is a good idea."]), proposal).toHaveLength(1);
    }
  });

  it("keeps an assent plain beside a hedge inside the outcome's own clause", () => {
    expect(plan(["T: How about asking your professors?", "P: Sounds good, they can probably point me somewhere."])).toHaveLength(1);
    expect(plan(["T: How about asking your professors?", "P: Good idea, I can probably ask them."])).toEqual([]);
  });

  it("does not make a plan of a commitment said with 'not' just because a proposal came before it", () => {
    const turns = ["T: It might help to give him some space for a while.", "P: I am not going to move my brother out of the flat."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual(["To confirm: I am not going to move my brother out of the flat."]);
  });

  it("ends the act at a word of thanks: 'Will do thanks for the tip' takes up the proposal", () => {
    const items = plan(["T: Try a short walk after dinner.", "P: Will do thanks for the tip."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}Try a short walk after dinner. — “Will do thanks for the tip.”`]);
  });

  it("takes no plan from a good wish or a goodbye the patient thanks for, a rest before leaving, or the habit itself", () => {
    for (const turns of [
      ["T: Enjoy your tea and have a restful evening!", "P: Thanks, I will do."],
      ["T: Sleep well tonight, and good luck with the move!", "P: I will, thank you."],
      ["T: It was good to talk.", "P: Thanks. I am going to go lie down and take a nap now."],
      ["T: How many do you smoke on a bad day?", "P: Thanks. Honestly I will smoke a whole pack tonight."],
      ["T: ok. take care of yourself and mochi.", "P: will do. night"],
    ]) {
      expect(plan(turns), turns[1]).toEqual([]);
    }
    // A way of reaching out refused, as typed: nothing to confirm.
    expect(toConfirm(["T: if the thoughts get stronger, could you message us back or ring the crisis line?", "P: i wont call tho. i hate phones"])).toEqual([]);
    expect(plan(["T: And your ex?", "P: I won't call him again."])).toHaveLength(1);
    // A farewell beside advice: the advice is still proposed.
    expect(plan(["T: Take care of yourself and keep seeing your cousins.", "P: Will do, thanks for the encouragement."])).toHaveLength(1);
  });

  it("leaves a commitment said right after 'I guess' to confirm, not one after 'I guess you are right' or 'I think'", () => {
    expect(plan(["T: How do you feel now?", "P: I guess I'll call her tomorrow."])).toEqual([]);
    // "I think I'll…" is a decision said softly, as the labels' rubric reads it.
    expect(plan(["T: How do you feel now?", "P: I think I'll call her tomorrow."]).map((item) => item.quote)).toEqual(["I think I'll call her tomorrow."]);
    expect(plan(["T: You could write to the landlord about the repairs.", "P: Yes, I think I will phone them."])).toHaveLength(1);
    expect(plan(["T: How do you feel now?", "P: I guess you are right, and I will call her tomorrow."]).map((item) => item.quote)).toEqual([
      "I guess you are right, and I will call her tomorrow.",
    ]);
  });

  it("puts what is weaker under 'To confirm', never in the plan: a hedged or untimed commitment, a proposal only weighed", () => {
    const turns = [
      "T: How are things with your sister?",
      "P: Maybe I'll call her at the weekend.",
      "T: What else?",
      "P: I am going to start a new life.",
      "T: You could write to the landlord about the repairs.",
      "P: That might help.",
      "T: Some people find a walk after dinner helps them sleep.",
      "P: I agree, it makes sense.",
    ];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual([
      "To confirm: Maybe I'll call her at the weekend.",
      "To confirm: I am going to start a new life.",
      "To confirm: You could write to the landlord about the repairs. — “That might help.”",
      "To confirm: Some people find a walk after dinner helps them sleep. — “I agree, it makes sense.”",
    ]);
    const followUps = notesOf(turns).followUpTopics;
    expect(isNotAssessed(followUps) ? [] : followUps.map((item) => item.verification.status)).toEqual(["grounded", "grounded", "grounded", "grounded"]);
  });

  it("takes an untimed commitment said in answer to a proposal, or with certainty, as firm", () => {
    expect(plan(["T: You could ask your GP about the waiting list.", "P: I'm going to ask about the list."]).map((item) => item.quote)).toEqual(["I'm going to ask about the list."]);
    expect(plan(["T: How do you feel now?", "P: I will definitely go look for the leaflet."]).map((item) => item.quote)).toEqual(["I will definitely go look for the leaflet."]);
  });

  it("does not read a reflection opening 'maybe you' or 'perhaps you' as a proposal the patient's words answer", () => {
    expect(plan(["T: Maybe you feel nobody notices the effort you make.", "P: I'm going to start speaking up with them."])).toEqual([]);
    expect(plan(["T: Maybe you could ask them to sit down with you.", "P: I'm going to ask them to sit down with me."]).map((item) => item.quote)).toEqual([
      "I'm going to ask them to sit down with me.",
    ]);
  });

  it("takes an untimed commitment as firm when its sentence calls what it takes up a good idea, not when it only says 'I will try'", () => {
    expect(plan(["T: Audiobooks fill an evening, they are ready whenever the house is quiet.", "P: That is a good idea too, I will use audiobooks in the evening."]).map((item) => item.quote)).toEqual([
      "That is a good idea too, I will use audiobooks in the evening.",
    ]);
    expect(plan(["T: Audiobooks fill an evening, they are ready whenever the house is quiet.", "P: Yeah, I will try to change everything."])).toEqual([]);
  });

  it("takes an untimed commitment as firm when it repeats what the therapist proposed earlier in the session, in two content words", () => {
    const turns = [
      "T: Have you thought about sending your CV to the recruitment firms?",
      "P: Not yet.",
      "T: They take time, but they hear of posts first.",
      "P: I will send my CV to the recruitment firms.",
    ];
    expect(plan(turns).map((item) => item.quote)).toEqual(["I will send my CV to the recruitment firms."]);
    // One word in common is not enough: "I will send a card to my sister" takes up nothing proposed.
    expect(plan([...turns.slice(0, 3), "P: I will send a card to my sister."])).toEqual([]);
  });

  it("reads a later clause of the patient's own feeling apart: its condition does not put off the act before it", () => {
    const agreed = plan(["T: You could try calling the advice line?", "P: Alright, I'll ring them this evening, I'll be relieved if they pick up."]);
    expect(agreed.map((item) => item.quote)).toEqual(["Alright, I'll ring them this evening, I'll be relieved if they pick up."]);
    expect(agreed[0]!.verification.status).toBe("grounded");
    // A condition of the act itself, or a willingness to act on a condition, still puts it off.
    expect(plan(["T: You could try calling the advice line?", "P: Alright, I'll ring them if they are open."])).toEqual([]);
    expect(plan(["T: You could try calling the advice line?", "P: Alright, I'll ring them, I'd be happy to if they are open."])).toEqual([]);
  });

  it("reads 'try and' as 'try to', and having a conversation as an act", () => {
    const items = plan(["T: Is there a way to talk it through with them?", "P: I'll certainly try and have a proper talk with my sister on Friday."]);
    expect(items.map((item) => item.quote)).toEqual(["I'll certainly try and have a proper talk with my sister on Friday."]);
    expect(items[0]!.verification.status).toBe("grounded");
    // "have" alone is no act: "I will definitely have to think".
    expect(plan(["T: Is there a way to talk it through with them?", "P: I'll certainly have to think about it."])).toEqual([]);
  });

  it("takes an untimed commitment that draws a conclusion ('…then.') from what was said as firm", () => {
    const drawn = ["T: The light from a screen keeps the brain alert at night.", "P: I'll switch the screen off an hour before sleep then."];
    expect(plan(drawn).map((item) => item.quote)).toEqual(["I'll switch the screen off an hour before sleep then."]);
    const undrawn = ["T: The light from a screen keeps the brain alert at night.", "P: I'll switch the screen off an hour before sleep."];
    expect(plan(undrawn)).toEqual([]);
    expect(toConfirm(undrawn)).toEqual(["To confirm: I'll switch the screen off an hour before sleep."]);
  });

  it("takes a try at a named act as firm, never a try at an outcome or with no act after it", () => {
    const before = "T: The light from a screen keeps the brain alert at night.";
    expect(plan([before, "P: I'll try and switch the screen off an hour before sleep."]).map((item) => item.quote)).toEqual(["I'll try and switch the screen off an hour before sleep."]);
    expect(plan([before, "P: I will definitely try to read a book instead."])).toHaveLength(1);
    expect(plan([before, "P: I will try to recover."])).toEqual([]);
    expect(plan([before, "P: I will try and find."])).toEqual([]);
  });

  it("reads a proposal addressed to the patient at the start of a clause after ', but' or ', so'", () => {
    const items = plan(["T: It sounds small, but you may want to keep a sleep diary.", "P: That's a good idea."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}It sounds small, but you may want to keep a sleep diary. — “That's a good idea.”`]);
    // Deep in its clause, a phrase addressed to the patient is part of a statement, not a proposal; a clause after a comma alone does not count from its start.
    const read = (text: string) => readSegment({ id: "t", speaker: "T", startMs: 0, text }, "therapist").sentences[0]!;
    expect(proposes(read("It sounds small, but you may want to keep a sleep diary."))).toBe(true);
    expect(proposes(read("It sounds small, so you could keep a sleep diary."))).toBe(true);
    expect(proposes(read("It sounds small, but there are groups in town you may want to join."))).toBe(false);
    expect(proposes(read("It sounds small, and then you may want to keep a sleep diary."))).toBe(false);
    expect(proposes(read("It sounds small but you may want to keep a sleep diary."))).toBe(false);
  });

  it("takes 'that is my plan' as taking up what was proposed", () => {
    const items = plan(["T: Spend some of the time on yourself this month.", "P: Thank you. Yes, that is my plan."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}Spend some of the time on yourself this month. — “Yes, that is my plan.”`]);
    expect(items[0]!.verification.status).toBe("grounded");
  });

  it("reads getting a thing as an act, becoming something as an outcome", () => {
    expect(plan(["T: Are you working at the moment?", "P: No. I'll try to get a van this summer."]).map((item) => item.quote)).toEqual(["I'll try to get a van this summer."]);
    expect(plan(["T: Are you working at the moment?", "P: No. I will try to get my bike fixed this summer."]).map((item) => item.quote)).toEqual(["I will try to get my bike fixed this summer."]);
    expect(plan(["T: Are you working at the moment?", "P: No. I will try to get better this summer."])).toEqual([]);
  });

  it("reads 'ill' after 'okay' or 'yes' as typed chat's 'I'll'", () => {
    const items = plan(["T: You could look at the local walking groups.", "P: Okay ill check those out."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}You could look at the local walking groups. — “Okay ill check those out.”`]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(plan(["T: You could look at the local walking groups.", "P: Honestly ill check later."])).toEqual([]);
  });

  it("takes a bare 'yes I will' to a proposal asked in the turn just before, quoting the patient's words", () => {
    const items = plan(["T: Have you thought about an evening class at the college?", "P: yes i will"]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}“yes i will” — to “Have you thought about an evening class at the college?”`]);
    expect(items[0]!.quote).toBe("yes i will");
    expect(items[0]!.verification.status).toBe("grounded");
    // A question that proposes nothing is not taken up by a bare "I will".
    expect(plan(["T: Will you be at home over the holidays?", "P: yes i will"])).toEqual([]);
  });

  it("takes a plain assent to an act offered in a later clause, when no proposal phrase is in the turn", () => {
    const items = plan(["T: If the talk gets heated, give her some room and come back to it on Sunday.", "P: Fine. To me that sounds good."]);
    expect(items.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([["seg-0", "seg-1"]]);
    expect(items[0]!.text.startsWith(`${agreedPrefix}If the talk gets heated, give her some room`)).toBe(true);
  });

  it("takes an untimed commitment as firm in a turn that says it appreciates the help", () => {
    expect(plan(["T: You have real skills to offer.", "P: I'll keep checking the job boards. I appreciate it!"]).map((item) => item.quote)).toEqual(["I'll keep checking the job boards."]);
    expect(plan(["T: You have real skills to offer.", "P: I'll keep checking the job boards."])).toEqual([]);
  });

  it("takes no plan from a likely act, the session's own end, a decision told in the past, or working on oneself", () => {
    for (const words of ["I will likely be moving in with my aunt in spring.", "Thanks, I'll end the chat here.", "Thanks, I'll end our conversation here.", "Two months ago my sister and I decided to sell the flat.", "Cheers, I'll keep working on it.", "Thanks, I'll continue working on myself."]) {
      expect(plan(["T: How are things at home?", `P: ${words}`]), words).toEqual([]);
    }
    // Thanked for, words to live by are still an outlook, no act; living with someone is one.
    expect(plan(["T: Repeat it to yourself every morning.", "P: Thanks! That's a rule I'm going to live by now."])).toEqual([]);
    expect(plan(["T: Where will you go?", "P: I'm going to live with my aunt from March."]).map((item) => item.quote)).toEqual(["I'm going to live with my aunt from March."]);
    // A decision with no past time, or work on something named, still commits.
    expect(plan(["T: How are things at home?", "P: My sister and I decided to sell the flat in spring."]).map((item) => item.quote)).toEqual(["My sister and I decided to sell the flat in spring."]);
    expect(plan(["T: How are things at home?", "P: Thanks, I will keep working on my CV."]).map((item) => item.quote)).toEqual(["Thanks, I will keep working on my CV."]);
    expect(toConfirm(["T: How are things at home?", "P: I will likely be moving in with my aunt in spring."])).toEqual(["To confirm: I will likely be moving in with my aunt in spring."]);
  });

  it("takes a promise never to repeat an act as a plan, never a refusal or a manner of speaking", () => {
    for (const words of ["I'm not going to drink anymore.", "I won't see him again.", "I'm not gonna go in there with them anymore."]) {
      expect(plan(["T: What do you want to do about it?", `P: ${words}`]).map((item) => item.quote), words).toEqual([words]);
    }
    for (const words of ["I won't try again.", "I'm not gonna stop.", "I'm not going to bother anymore.", "I'm not gonna lie, it was hard.", "I'm not going to go."]) {
      expect(plan(["T: What do you want to do about it?", `P: ${words}`]), words).toEqual([]);
    }
    // Without "anymore" or "again", a negated act is one to confirm.
    expect(toConfirm(["T: What do you want to do about it?", "P: I'm not gonna say anything to her."])).toEqual(["To confirm: I'm not gonna say anything to her."]);
  });

  it("firms the act just named by a later 'I'll do it…', quoting both", () => {
    const items = plan(["T: What else?", "P: I'm gonna say sorry to the shop owner as well.", "T: How do you feel about that?", "P: Awkward. But I'll do it on Saturday with my mum."]);
    expect(items.map((item) => item.text)).toEqual(["I'm gonna say sorry to the shop owner as well. — “But I'll do it on Saturday with my mum.”"]);
    expect(items[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-1", "seg-3"]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(toConfirm(["T: What else?", "P: I'm gonna say sorry to the shop owner as well.", "T: How do you feel about that?", "P: Awkward. But I'll do it on Saturday with my mum."])).toEqual([]);
    // Too far back, the act is not firmed: two lines, as said.
    const far = ["T: What else?", "P: I'm gonna say sorry to the shop owner as well.", "T: Okay.", "P: Yeah.", "T: And?", "P: Then I'll do it on Saturday with my mum."];
    expect(toConfirm(far)).toEqual(["To confirm: I'm gonna say sorry to the shop owner as well."]);
  });

  it("agrees an act the therapist states and asks leave for, accepted by a plain yes, quoting the act", () => {
    const items = plan(["T: I'd also like to book you in with your GP this week to review your medication. Would that be alright?", "P: Yes, please."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}“Yes, please.” — to “I'd also like to book you in with your GP this week to review your medication.”`]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(plan(["T: I'd like to hear more about your week. Would that be alright?", "P: Yes, please."])).toEqual([]);
  });

  it("firms an idea put forward in answer to a question asking for the plan, by a later act pointing back at it in the same turn", () => {
    const turns = ["T: What could you do with the tablets, to make them harder to get to?", "P: I could give them to my sister. She's coming round on Sunday. I'll give them to her then."];
    expect(plan(turns).map((item) => item.text)).toEqual(["I could give them to my sister. — “I'll give them to her then.”"]);
    expect(plan(turns)[0]!.verification.status).toBe("grounded");
    expect(toConfirm(turns)).toEqual([]);
    // Not firmed, the idea stays a line to confirm.
    expect(toConfirm(["T: What could you do with the tablets, to make them harder to get to?", "P: I could give them to my sister."])).toEqual(["To confirm: I could give them to my sister."]);
  });

  it("firms an act just named by a later one pointing back at it with more said, not by a bare 'will do'", () => {
    const items = plan(["T: What could help?", "P: Maybe I'll ring the helpline.", "T: Okay.", "P: I'll give them a ring tonight."]);
    expect(items.map((item) => item.text)).toEqual(["Maybe I'll ring the helpline. — “I'll give them a ring tonight.”"]);
    expect(toConfirm(["T: What could help?", "P: Maybe I'll ring the helpline.", "T: Look after yourself.", "P: Will do."])).toEqual(["To confirm: Maybe I'll ring the helpline."]);
  });

  it("quotes the day with a commitment that ends on 'then', only when the sentence before names when", () => {
    expect(plan(["T: What about a quit date?", "P: My birthday's on the fourteenth. I'll stop then."]).map((item) => item.quote)).toEqual(["My birthday's on the fourteenth. I'll stop then."]);
    expect(plan(["T: What about a quit date?", "P: My sister is coming on Sunday. I'll tell her then."]).map((item) => item.quote)).toEqual(["My sister is coming on Sunday. I'll tell her then."]);
    expect(toConfirm(["T: What could you do?", "P: That sounds hard for me. I'll try the patches then."])).toEqual([]);
    expect(plan(["T: What could you do?", "P: That sounds hard for me. I'll try the patches then."]).map((item) => item.quote)).toEqual(["I'll try the patches then."]);
  });

  it("agrees a session to come, stated and leave asked, accepted by saying it suits", () => {
    const items = plan(["T: And I'd like to see you again on Thursday rather than waiting a week. How does that sound?", "P: That's fine. Thursday's fine."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}“That's fine.” — to “And I'd like to see you again on Thursday rather than waiting a week.”`]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(plan(["T: I'd like to see you try the breathing. How does that sound?", "P: That's fine."])).toEqual([]);
  });

  it("quotes the act the patient names, not 'try that', when a question only asked them to take it up", () => {
    const turns = ["T: And what about for you, when you feel it building up?", "P: I know I need to walk away. Go upstairs or go out for a walk.", "T: That's a really good insight. Would you be willing to try that next time?", "P: Yeah. I'll try it. I'll go for a walk round the block."];
    expect(plan(turns).map((item) => item.text)).toEqual(["I'll go for a walk round the block."]);
    // Without an act named, the yes to the question is the plan line.
    expect(plan(turns.slice(0, 3).concat("P: Yeah. I'll try it.")).map((item) => item.text)).toEqual([`${agreedPrefix}“I'll try it.” — to “Would you be willing to try that next time?”`]);
  });

  it("takes a decision that stands before the commitment as meant, not a story of one or an undecided one", () => {
    expect(plan(["T: What would you like to do?", "P: I've decided I'm going to tell her on Sunday."]).map((item) => item.text)).toEqual(["I've decided I'm going to tell her on Sunday."]);
    expect(plan(["T: What would you like to do?", "P: I have decided I'll tell her on Sunday."]).map((item) => item.text)).toEqual(["I have decided I'll tell her on Sunday."]);
    for (const said of ["I decided I'll tell her on Sunday.", "I haven't decided whether I'm going to tell her.", "My mum has decided I'm going to stay with my aunt.", "I can't decide if I'll go."]) {
      expect(plan(["T: What would you like to do?", `P: ${said}`]), said).toEqual([]);
    }
  });

  it("reads getting in touch and getting to bed as acts, getting better or there as outcomes", () => {
    for (const said of ["I'll get in touch with the school.", "I'll try and get to bed before midnight."]) {
      expect(plan(["T: What would you like to do?", `P: ${said}`]).map((item) => item.text), said).toEqual([said]);
    }
    for (const said of ["I'll get better.", "I'll get there eventually."]) expect(plan(["T: What would you like to do?", `P: ${said}`]), said).toEqual([]);
  });

  it("agrees a plan the therapist sums up as 'the plan is that you'll…', confirmed by a plain yes", () => {
    const items = plan([
      "T: And the plan is that you'll have three alcohol-free nights this week, and you'll keep a drinks diary on your phone.",
      "P: Yep. That's the plan.",
    ]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}And the plan is that you'll have three alcohol-free nights this week, and you'll keep a drinks diary on your phone. — “Yep.”`]);
    expect(items[0]!.verification.status).toBe("grounded");
  });

  it("writes a plan the patient states as their own ('My plan is to…'), and core lets it stand", () => {
    const items = plan(["T: What would you like to do?", "P: My plan is to walk the dog every morning."]);
    expect(items.map((item) => item.text)).toEqual(["My plan is to walk the dog every morning."]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(plan(["T: What would you like to do?", "P: My plan was to walk the dog."])).toEqual([]);
  });

  it("lists reaching out for help in a crisis, waiting on it, to confirm — never as a plan line", () => {
    for (const said of ["If it gets bad again I'll call the crisis line.", "I'll ring the helpline if it gets bad.", "If I feel that way again, I'll talk to my sister."]) {
      const turns = ["T: What will you do if the thoughts come back?", `P: ${said}`];
      expect(plan(turns), said).toEqual([]);
      expect(toConfirm(turns), said).toEqual([`To confirm: ${said}`]);
    }
    // Any other act waiting on a condition, or a condition someone else reported, is neither.
    for (const said of ["If I have time I'll try the yoga.", "I'll go for a run if it stops raining.", "She said if I need help I'll call her."]) {
      const turns = ["T: What would you like to do?", `P: ${said}`];
      expect(plan(turns), said).toEqual([]);
      expect(toConfirm(turns), said).toEqual([]);
    }
  });

  it("agrees an offer to arrange asked before a statement, accepted by a yes with leave", () => {
    const items = plan(["T: Would you like me to refer you to the stop smoking service as well? They'd see you every week.", "P: Yeah, go on."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}“Yeah, go on.” — to “Would you like me to refer you to the stop smoking service as well?”`]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(plan(["T: Would you like to hear about the patches? They help a lot of people.", "P: Yeah, go on."])).toEqual([]);
  });

  it("agrees the patient's idea when the therapist only asks how it sounds and the patient takes it up", () => {
    const turns = ["T: What might help you remember?", "P: I could keep them in my work bag and take them on my break.", "T: How does that sound to you?", "P: Good. I'll do that from tomorrow."];
    expect(plan(turns).map((item) => item.text)).toEqual([`${agreedPrefix}“I could keep them in my work bag and take them on my break.” — “I'll do that from tomorrow.”`]);
    expect(plan(turns)[0]!.verification.status).toBe("grounded");
    expect(plan(["T: What might help you remember?", "P: I could keep them in my work bag.", "T: How does that sound to you?", "P: Not sure."])).toEqual([]);
  });

  it("reads 'I'll take a look' as taking up what was put forward, not an act of its own", () => {
    const items = plan(["T: Would it help to take the leaflet and look at it at home?", "P: Yeah, okay. I'll take a look."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}“I'll take a look.” — to “Would it help to take the leaflet and look at it at home?”`]);
    expect(items[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-0", "seg-1"]);
    expect(plan(["T: How are things?", "P: I'll take a look tonight."])).toEqual([]);
  });

  it("takes no refusal, complaint about the listener or outlook tried for as an agreement", () => {
    for (const answer of ["no i will not.", "No, I won't.", "i will not."]) {
      expect(plan(["T: Why don't you give your phone number?", `P: ${answer}`]), answer).toEqual([]);
    }
    expect(plan(["T: Why don't you give your phone number?", "P: I will."]).map((item) => item.text)).toEqual([`${agreedPrefix}“I will.” — to “Why don't you give your phone number?”`]);
    expect(plan(["T: Give me your number.", "P: No. And I will report you to the site for this."])).toEqual([]);
    expect(plan(["T: What next?", "P: I will report him to the police tomorrow."]).map((item) => item.quote)).toEqual(["I will report him to the police tomorrow."]);
    expect(plan(["T: How you see it is up to you.", "P: I'll try to have a more positive mindset."])).toEqual([]);
    expect(plan(["T: You could ring the helpline.", "P: I will try to ring them tonight."]).map((item) => item.text)).toEqual([`${agreedPrefix}You could ring the helpline. — “I will try to ring them tonight.”`]);
  });

  it("records no plan from a turn where the screen read a threat to someone else", () => {
    const turns = ["T: Maybe he could get some help for it?", "P: Yeah, six feet under, I'm going to get it done. Thanks for the advice. I will make sure this stops."];
    const given = input(turns);
    const screened = screenTranscript(given);
    const flags = screened.status === "screened" ? flagsOfFindings(screened.findings, "screen:embedded", given) : [];
    expect(harmToOthersSpans(flags)).not.toEqual([]);
    const notes = writeEmbeddedNotes({ ...given, harmToOthers: harmToOthersSpans(flags) });
    expect(notes.actionItems).toMatchObject({ status: "not_assessed" });
    // Told nothing of it, the writer would have written the threat as an agreement.
    expect(writeEmbeddedNotes(given).actionItems).not.toMatchObject({ status: "not_assessed" });
  });

  it("reads sessions to come as an act, not as the end of this one", () => {
    for (const words of ["I'm going to end the session now.", "I'll finish our little conversation now."]) {
      expect([...plan(["T: How are things at home?", `P: ${words}`]), ...toConfirm(["T: How are things at home?", `P: ${words}`])], words).toEqual([]);
    }
    expect(toConfirm(["T: So you're booked onto the group.", "P: I'm going to go to every session."])).toEqual(["To confirm: I'm going to go to every session."]);
    expect(toConfirm(["T: So you're booked onto the group.", "P: I will go to all the sessions."])).toEqual(["To confirm: I will go to all the sessions."]);
    expect(plan(["T: So you're booked onto the group.", "P: I'll go to the session on Tuesday."]).map((item) => item.quote)).toEqual(["I'll go to the session on Tuesday."]);
  });

  it("takes 'I like your suggestion', 'I love that idea' and 'That sounds wonderful' as assents", () => {
    const liked = plan(["T: Perhaps you could join a walking group?", "P: I like your suggestion."]);
    expect(liked.map((item) => item.text)).toEqual([`${agreedPrefix}“I like your suggestion.” — to “Perhaps you could join a walking group?”`]);
    expect(liked[0]!.verification.status).toBe("grounded");
    const loved = plan(["T: You could swap the late shift for the early one next month.", "P: Oh, I love that idea!"]);
    expect(loved.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([["seg-0", "seg-1"]]);
    expect(loved[0]!.verification.status).toBe("grounded");
    const wonderful = plan(["T: Run yourself a long bath with a good book tonight.", "P: That sounds wonderful."]);
    expect(wonderful.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([["seg-0", "seg-1"]]);
    expect(wonderful[0]!.verification.status).toBe("grounded");
  });

  it("takes the turn's plainest assent: one that commits before a plain one, a plain one before a weighed one", () => {
    const items = plan(["T: You could ring the helpline tonight.", "P: That might work. Yes, I will do that tonight."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}You could ring the helpline tonight. — “Yes, I will do that tonight.”`]);
    expect(toConfirm(["T: You could ring the helpline tonight.", "P: That might work. Yes, I will do that tonight."])).toEqual([]);
    // Only weighed: to confirm, citing the weighing sentence.
    expect(toConfirm(["T: You could ring the helpline tonight.", "P: That might work."])).toEqual(["To confirm: You could ring the helpline tonight. — “That might work.”"]);
  });

  it("takes a commitment after 'not yet' as one, never one said with 'not' as an assent, and 'sounds nice' as an assent", () => {
    expect(plan(["T: Have you rung the bank about the charge yet?", "P: Not yet, I'm going to ring them soon."]).map((item) => item.quote)).toEqual(["Not yet, I'm going to ring them soon."]);
    expect(plan(["T: Have you rung the bank about the charge yet?", "P: No, I'm not going to ring them."])).toEqual([]);
    const nice = plan(["T: Plan one small thing each day to look forward to.", "P: Yes, that sounds nice."]);
    expect(nice.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([["seg-0", "seg-1"]]);
  });

  it("takes a commitment drawn as a conclusion or said after 'I think' as the plan, an obligation or coping as none", () => {
    const before = "T: A smaller group might feel easier to start with.";
    for (const words of ["So I will practise with my brother first.", "Then I'll join the beginners' session.", "I think I'll ask the coach about the beginners' session."]) {
      expect(plan([before, "P: Maybe.", "T: What feels doable?", `P: ${words}`]).map((item) => item.quote), words).toEqual([words]);
    }
    // Untimed and unanchored, the same act is one to confirm.
    expect(toConfirm([before, "P: Maybe.", "T: What feels doable?", "P: I'll sign up for the beginners' session."])).toEqual(["To confirm: I'll sign up for the beginners' session."]);
    for (const words of ["So I will need to sort the forms first.", "So I will manage.", "I think I'm not going to ask him."]) {
      expect(plan([before, "P: Maybe.", "T: What feels doable?", `P: ${words}`]), words).toEqual([]);
    }
  });

  it("writes only plan lines core's plan check grounds: every naming or plain assent, said after a proposal, is one", () => {
    for (const phrase of [...namingOnlyPhrases, ...plainAssentPhrases]) {
      const items = plan(["T: You could ask your manager for a later start.", `P: Yes, ${phrase}.`]);
      expect(items.map((item) => item.verification.status), phrase).toEqual(["grounded"]);
    }
  });

  it("never takes an assent in a sentence that asks, whatever comes before the question: core's plan check reads it as a question", () => {
    const proposal = "T: You could swap the late coffee for a herbal tea.";
    for (const asked of ["Great idea how much of it should I drink?", "Is that a good idea?", "Do you think a herbal tea is a good idea?"]) {
      expect(plan([proposal, `P: ${asked}`]), asked).toEqual([]);
    }
  });

  it("keeps a commitment beside a later hope of its own, and core's check grounds it", () => {
    const items = plan(["T: The clinic keeps a few same-day slots.", "P: I will ring the clinic tomorrow and I hope they have one."]);
    expect(items.map((item) => [item.quote, item.verification.status])).toEqual([["I will ring the clinic tomorrow and I hope they have one.", "grounded"]]);
  });

  it("takes 'will do' after a word that leads an answer or thanks as an assent", () => {
    for (const assent of ["Sure, will do.", "ok will do", "Thanks, will do that."]) {
      expect(plan(["T: You could ask your manager for a later start.", `P: ${assent}`]).map((item) => item.text), assent).toEqual([`${agreedPrefix}You could ask your manager for a later start. — “${assent}”`]);
    }
  });

  it("never takes an attitude as the patient's own commitment", () => {
    for (const words of ["I will keep my chin up this week.", "I'll try to stay positive tomorrow."]) {
      expect(plan(["T: How are you feeling about it?", `P: ${words}`]), words).toEqual([]);
    }
  });

  it("takes a commitment opening with a yes as the plan, one said with 'not' after a yes as to confirm", () => {
    const before = ["T: Your sister might be worried too.", "P: She might.", "T: Is that on your mind?"];
    expect(plan([...before, "P: Yeah, I will write her a letter."]).map((item) => item.quote)).toEqual(["Yeah, I will write her a letter."]);
    expect(toConfirm([...before, "P: I will write her a letter."])).toEqual(["To confirm: I will write her a letter."]);
    expect(plan([...before, "P: Yes, I'm not going to hide it from her."])).toEqual([]);
    // A whole new way of living names no act: to confirm, yes or not.
    expect(toConfirm([...before, "P: Yeah, I will try to sort everything out."])).toEqual(["To confirm: Yeah, I will try to sort everything out."]);
  });

  it("never reads 'Will that work' as a commitment, nor a closing courtesy as what was proposed", () => {
    expect(plan(["T: Can you think of what changed at work?", "P: More hours. Will that help or is there something better"])).toEqual([]);
    const items = plan(["T: Reaching out to your sister could be worth a try.", "P: Thanks, that helps.", "T: Thanks so much for talking this through, glad to help.", "P: I will try that, have a good evening."]);
    expect(items.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([["seg-0", "seg-3"]]);
  });

  it("leaves an assent followed by reluctance or an 'I can't' to confirm, but not one that asks whether", () => {
    const proposal = "T: You could message the team lead and ask for a call.";
    for (const assent of ["Great tip, I'm quite nervous about phoning them.", "Good suggestion, I can't spare the time this month."]) {
      expect(plan([proposal, `P: ${assent}`]), assent).toEqual([]);
      expect(toConfirm([proposal, `P: ${assent}`]), assent).toEqual([`To confirm: You could message the team lead and ask for a call. — “${assent}”`]);
    }
    expect(plan([proposal, "P: Good idea, I will do that and see if I can't sort it with him."])).toHaveLength(1);
  });

  it("never takes reminding yourself or giving yourself credit as an act agreed", () => {
    for (const proposal of ["Just remind yourself that everyone makes mistakes.", "Give yourself more credit for what you manage."]) {
      expect(plan([`T: ${proposal}`, "P: Great advice."]), proposal).toEqual([]);
    }
    expect(plan(["T: Give yourself an hour each evening to write.", "P: Great advice."])).toHaveLength(1);
  });

  it("takes reaching out or finding out as firm without a time, after 'have to' or 'be' too, and core's check grounds it", () => {
    const before = ["T: The landlord may not know how cold the flat gets.", "P: No.", "T: What would help most?"];
    for (const words of ["I will talk to my cousin about the spare room.", "I'll have to ask my landlord about the heating.", "I will be looking into the council's heating grants.", "I'm gonna check on the tenants' advice line.", "I'll be looking around for a cheaper flat."]) {
      const items = plan([...before, `P: ${words}`]);
      expect(items.map((item) => item.quote), words).toEqual([words]);
      expect(items[0]!.verification.status, words).toBe("grounded");
    }
    // An obligation or a state after "have to" or "be" is still none; "I'm not going to ask" refuses.
    for (const words of ["I'll have to wait and see.", "I will be sitting at home all week.", "I'm not going to ask him.", "I'll be looking forward to the spring.", "I'll be looking at it differently."]) {
      expect(plan([...before, `P: ${words}`]), words).toEqual([]);
    }
  });

  it("reads a word that reports or negates a commitment only close before it, and not across a 'but'", () => {
    const before = ["T: Your son sounds unsure.", "P: He is.", "T: What do you make of that?"];
    const far = "The school said they would phone back after half term and nothing came so I'm going to email the head.";
    expect(plan([...before, `P: ${far}`]).map((item) => item.quote)).toEqual([far]);
    const afterBut = "I don't like phoning strangers, but I think I'll email the agency.";
    expect(plan([...before, `P: ${afterBut}`]).map((item) => item.quote)).toEqual([afterBut]);
    for (const words of ["So I told him I'll talk to the school.", "I don't know if I'm going to talk to him."]) {
      expect(plan([...before, `P: ${words}`]), words).toEqual([]);
    }
  });

  it("leaves a decision told in the past tense to confirm, unless it holds now or is set in a time to come", () => {
    const before = ["T: What happened after the summer?", "P: A lot.", "T: Tell me about the move."];
    expect(toConfirm([...before, "P: Yes, I decided to sell the car and take the bus."])).toEqual(["To confirm: Yes, I decided to sell the car and take the bus."]);
    for (const words of ["I've decided to sell the car and take the bus.", "Now I decided to adopt a rescue dog.", "I decided to sell the car next autumn."]) {
      expect(plan([...before, `P: ${words}`]).map((item) => item.quote), words).toEqual([words]);
    }
    // "I doubt we will ever…" foresees; it commits to nothing.
    expect(plan([...before, "P: I doubt we will ever agree on the flat."])).toEqual([]);
  });

  it("reads an imperative after a clause set before it as a proposal", () => {
    const items = plan(["T: When the panic starts, call your sister and tell her what is happening.", "P: Okay I will."]);
    expect(items.map((item) => item.evidence.map((span) => span.segmentId))).toEqual([["seg-0", "seg-1"]]);
    expect(items[0]!.verification.status).toBe("grounded");
    expect(plan(["T: When the panic starts, what do you notice first?", "P: Okay I will."])).toEqual([]);
  });

  it("reads an imperative whose object is 'your …' as a proposal, 'Take your time' and an outlook of 'your mind' as none", () => {
    const items = plan(["T: Ask your manager for a later start on Mondays.", "P: Okay I will."]);
    expect(items.map((item) => item.text)).toEqual([`${agreedPrefix}Ask your manager for a later start on Mondays. — “Okay I will.”`]);
    expect(items[0]!.verification.status).toBe("grounded");
    for (const courtesy of ["Take your time.", "Just keep your mind off it.", "Get your courage back."]) {
      expect(plan(["T: It has been a hard month.", "P: It has.", `T: ${courtesy}`, "P: Okay I will."]), courtesy).toEqual([]);
    }
  });

  it("keeps an assent whose 'though' closes its sentence: it concedes the doubts said before, not the act", () => {
    const turns = ["T: Many libraries lend laptops for a week at a time.", "P: I am not sure ours does. I'll try that though."];
    expect(plan(turns).map((item) => item.text)).toEqual([`${agreedPrefix}“I'll try that though.” — to “Many libraries lend laptops for a week at a time.”`]);
    // A "though" with words after it still doubts the assent.
    expect(plan(["T: You could write to the landlord about the repairs.", "P: I'll try though it will be hard."])).toEqual([]);
  });

  it("reads advice, a suggestion or the best thing named as proposals; not 'you need to' or 'you have to', which explain as often as they propose", () => {
    for (const proposal of [
      "My suggestion would be to ask the college for an extension.",
      "My advice is to book a check-up with your doctor.",
      "Honestly the best thing would be to ring the helpline tonight.",
      "It might be a good idea to keep a sleep diary.",
    ]) {
      expect(plan(["P: I am lost with all of it.", `T: ${proposal}`, "P: That is a good idea."]).map((item) => item.text), proposal).toEqual([`${agreedPrefix}${proposal} — “That is a good idea.”`]);
    }
    for (const said of ["You need to understand how the rota works first.", "You have to sign in at the front desk."]) {
      expect(plan(["P: It is a lot right now.", `T: ${said}`, "P: Sounds good."]), said).toEqual([]);
    }
    // Not a state or an attitude: "be as open as you can", "stay focused", "go with the flow".
    for (const attitude of ["My advice is to be as open as you can with her.", "My advice is to stay focused on your studies.", "My advice with a new baby is to go with the flow."]) {
      expect(plan(["P: It is a lot right now.", `T: ${attitude}`, "P: Sounds good."]), attitude).toEqual([]);
    }
  });

  it("takes a first-person commitment up from nothing that only offers to tell, voices the therapist's feeling or puts an attitude", () => {
    for (const said of [
      "Would you like to hear how my sister managed it?",
      "I'm glad the visit went well for you!",
      "Now you have to give yourself credit for it.",
      "You could give yourself a small pat on the back tonight.",
    ]) {
      expect(plan(["P: The week went better than I feared.", `T: ${said}`, "P: Yes, I will do that."]), said).toEqual([]);
    }
    // A feeling owned, then a contrast, leads into what is put forward.
    expect(plan(["P: They laugh at me at work.", "T: I understand that, but your supervisor has dealt with this kind of thing before.", "P: Yes, I will do that."])).toHaveLength(1);
    // "I'm" is one word to the reader: "I'm sure you can…" is confidence, and "I'm going to try that" commits as "I will try" does.
    expect(plan(["P: The week went better than I feared.", "T: I'm sure you can manage the move.", "P: Yes, I will do that."])).toEqual([]);
    expect(plan(["P: The week went better than I feared.", "T: Is there anything else I can help you with tonight?", "P: Yes, I will do that."])).toEqual([]);
    expect(plan(["P: Mornings are the worst.", "T: A cold glass of water first thing helped me wake up.", "P: I'm going to try that."]).map((item) => item.quote)).toEqual(["I'm going to try that."]);
    // Being able to, or sure to, do an act is that act: "be able to find a group" is no state of mind.
    for (const said of ["You should be able to join a walking club near the park.", "Just be sure to book the follow-up scan before you leave."]) {
      expect(plan(["P: I will ask at the desk.", `T: ${said}`, "P: That is a good idea."]), said).toHaveLength(1);
    }
  });

  it("takes no plan from a way of saying the next thing, and no strategy from the therapist making sure of their own understanding", () => {
    for (const said of ["Okay, I'm going to simplify things a bit.", "I'll admit it was not my finest hour."]) {
      expect(plan(["T: Go on.", `P: ${said}`]), said).toEqual([]);
    }
    const strategies = notesOf(["P: It felt like nobody was on my side.", "T: That matters a lot. Let me make sure I follow you there."]).strategies;
    expect(isNotAssessed(strategies) ? [] : strategies).toEqual([]);
    const proposed = notesOf(["P: I forget my tablets.", "T: Make sure you set an alarm for them."]).strategies;
    expect(isNotAssessed(proposed) ? [] : proposed.map((item) => item.text)).toEqual(["Make sure you set an alarm for them."]);
  });

  it("reads a question asking the patient's view of an act as a proposal asked, and a yes restated in full as agreeing", () => {
    const asked = plan(["P: I keep meaning to stop.", "T: How would you feel about picking a day to stop?", "P: I think that's a good idea. Maybe after the holidays."]);
    expect(asked.map((item) => item.text)).toEqual([`${agreedPrefix}“I think that's a good idea.” — to “How would you feel about picking a day to stop?”`]);
    expect(asked[0]!.verification.status).toBe("grounded");
    // Not a view of a person or a thing, nor of talking now.
    for (const question of ["What do you think about your new manager?", "What do you think about telling me more about it?"]) {
      expect(plan(["P: Work is tense.", `T: ${question}`, "P: That is a good idea."]), question).toEqual([]);
    }
    // "Yeah, I am." agrees with the turn before; an untimed commitment after it is firm.
    const turns = ["T: It sounds like you're ready to make a change.", "P: Yeah, I am. I'm going to stop buying lottery tickets at the kiosk."];
    expect(plan(turns).map((item) => item.quote)).toEqual(["I'm going to stop buying lottery tickets at the kiosk."]);
    expect(toConfirm(["T: It sounds like you're ready to make a change.", "P: Yeah, I am so tired of it. I'm going to stop buying lottery tickets at the kiosk."])).toEqual([
      "To confirm: I'm going to stop buying lottery tickets at the kiosk.",
    ]);
  });

  it("takes 'How are you going to…?' as asking what the patient will do, and getting down to a target as an act", () => {
    expect(plan(["T: How are you going to manage the evenings?", "P: I'll leave the wallet at home so I can't buy any."]).map((item) => item.quote)).toEqual([
      "I'll leave the wallet at home so I can't buy any.",
    ]);
    expect(plan(["T: You went from a pack a day to half.", "P: And I'm gonna get down to five by the end of the month."]).map((item) => item.quote)).toEqual([
      "And I'm gonna get down to five by the end of the month.",
    ]);
    // Getting better or getting there is still how it turns out, no act.
    expect(plan(["T: You went from a pack a day to half.", "P: I'm gonna get there by the end of the month."])).toEqual([]);
  });

  it("takes an act already arranged as a plan: booked, signed up, or said in '-ing' with a day to come", () => {
    for (const said of [
      "I've booked onto the anger management programme.",
      "I'm seeing my GP on Friday.",
      "I'm meeting my sponsor tomorrow.",
      "We're moving to my aunt's next week.",
      "I have an appointment with the practice nurse on Tuesday.",
      "I've got my first counselling session next week.",
      "I see the housing officer on Monday.",
      "We're getting a rescue dog this weekend.",
    ]) {
      const items = plan(["T: What is coming up for you?", `P: ${said}`]);
      expect(items.map((item) => item.quote), said).toEqual([said]);
      expect(items[0]!.verification.status, said).toBe("grounded");
    }
    for (const said of [
      "I was seeing my mum on Saturday, it was nice.",
      "I'm working late every night.",
      "I'm feeling worse this week.",
      "I arranged a loan with the bank.",
      "I'm drifting, no idea where I go next.",
      "I have a maths exam on Tuesday.",
      "I see my dad on Sundays.",
      "I'm getting a bit worse this week.",
    ]) {
      expect(plan(["T: What is coming up for you?", `P: ${said}`]), said).toEqual([]);
    }
  });

  it("takes nothing up from a commitment reported or explained, an offer to tell, a goodbye or a willingness with no act", () => {
    // Reported or explained: "as they know I will do it".
    expect(plan(["T: My flatmates were like that once. What happens with yours?", "P: They leave the washing up for me, as they know I will do it in the end."])).toEqual([]);
    // A turn that ends offering to tell has put nothing forward yet.
    expect(plan(["T: Sleep was hard for me last winter. Do you want to hear how I managed?", "P: Yes please, I'll give it a go!"])).toEqual([]);
    // Working the chat's screen, or taking leave.
    expect(plan(["T: Good to talk today. Before you go, could you hit the end button? It will not close on my side.", "P: Sure, will do."])).toEqual([]);
    expect(plan(["T: Take care, reach out any time.", "P: Okay then. I'm going to click Finish now. I will enjoy my evening from here."])).toEqual([]);
    // A decision told as kept already: the next sentence says what was then done.
    expect(plan(["T: What did you try?", "P: I thought it through. I'll ask the other parents at the school how they manage. So I started asking around that week."])).toEqual([]);
    expect(plan(["T: What will you try?", "P: I'll ask the other parents at the school how they manage. I started a list of questions already."]).length).toBe(1);
    // Assurance that it gets better puts nothing forward.
    expect(plan(["T: I know it will all work out for you in the end.", "P: I will do that, thanks."])).toEqual([]);
    // Anything at all is no act.
    expect(plan(["T: How are you sleeping?", "P: Badly. I'll try anything at this point."])).toEqual([]);
    // Taking something into account is keeping it in mind: to confirm, not a plan.
    expect(plan(["T: You could think about how your sister sees it.", "P: I will take her view into consideration."])).toEqual([]);
    expect(toConfirm(["T: You could think about how your sister sees it.", "P: I will take her view into consideration."])).toEqual(["To confirm: I will take her view into consideration."]);
    // Still taken up: an assent after a view of it ("That seems a good idea, I will try it"), "That's what I will do", hitting the gym.
    expect(plan(["T: Maybe you could walk after dinner each night.", "P: That seems a good idea, I will try it."]).length).toBe(1);
    expect(plan(["T: Maybe you could walk after dinner each night.", "P: That's what I will do."]).length).toBe(1);
    expect(plan(["T: How will you look after yourself this week?", "P: I'm going to hit the gym on Monday."]).map((item) => item.quote)).toEqual(["I'm going to hit the gym on Monday."]);
  });

  it("reads going somewhere to do something as a plan, not going somewhere alone, to a routine place or to feel something", () => {
    for (const said of ["I'm going to my brother's flat to ask him about the rent.", "I am going to the GP to ask about my sleep."]) {
      expect(plan(["T: What will you do this week?", `P: ${said}`]).map((item) => item.quote), said).toEqual([said]);
    }
    for (const said of ["I'm going to my room to cry.", "I'm going to the shop.", "I'm going to bed to get some sleep."]) {
      expect(plan(["T: What will you do this week?", `P: ${said}`]), said).toEqual([]);
    }
  });

  it("reads 'that's how I'll…' as the decision taken up, and 'about if' as whether", () => {
    expect(plan(["T: You could ask your manager for a meeting with HR present.", "P: Yes, that's how I'll handle it."]).map((item) => item.text)).toEqual([
      "Agreed: You could ask your manager for a meeting with HR present. — “Yes, that's how I'll handle it.”",
    ]);
    expect(plan(["T: You could ask your manager for a meeting with HR present.", "P: Right. This is what I'm going to do, then."]).length).toBe(1);
    expect(plan(["T: How are things?", "P: I don't know how I'm going to pay the rent this month."])).toEqual([]);
    expect(plan(["T: Who could help?", "P: Tomorrow I will ring the housing office about if they have a flat."]).map((item) => item.quote)).toEqual(["Tomorrow I will ring the housing office about if they have a flat."]);
    expect(plan(["T: Who could help?", "P: I will ring the housing office if they answer."])).toEqual([]);
  });

  it("reads a proposal after a clause set before it ('If that does not help, you could…') or put as a reminder", () => {
    expect(plan(["T: If that does not help, you could look for a couples counsellor near you.", "P: Ok I will."]).map((item) => item.text)).toEqual(["Agreed: If that does not help, you could look for a couples counsellor near you. — “Ok I will.”"]);
    expect(plan(["T: If the nights get bad again and nothing else works, we could think about it.", "P: Ok I will."])).toEqual([]);
    // A reminder put as "don't forget to…" proposes as "remember to…" does; "don't forget how far you've come" does not.
    expect(plan(["T: Don't forget to ring the surgery on Monday.", "P: I will."]).map((item) => item.text)).toEqual(["Agreed: Don't forget to ring the surgery on Monday. — “I will.”"]);
    expect(plan(["T: Don't forget how far you have come.", "P: I will."])).toEqual([]);
  });

  it("takes nothing up from an ask to tell the therapist now, however it is put", () => {
    for (const ask of ["Maybe, you could tell me about how often you gamble.", "You could talk to me about the arguments.", "Perhaps you can share more about the weekend."]) {
      expect(plan(["P: It has been a bad month.", `T: ${ask}`, "P: Okay, I will."]), ask).toEqual([]);
    }
  });

  it("never writes a statement of current risk as a plan, an item to confirm or a line of the patient's summary", () => {
    const told = screenedInput(["T: What is coming up for you this week?", "P: I'm going to kill myself tomorrow. I'm seeing my GP on Friday though."]);
    expect(told.currentRisks.length).toBeGreaterThan(0);
    const notes = verifyNotes(writeEmbeddedNotes(told), { ...told, revision: 1 }, provenance, createWinkClaimReader());
    const quoted = [
      ...(isNotAssessed(notes.actionItems) ? [] : notes.actionItems),
      ...(isNotAssessed(notes.followUpTopics) ? [] : notes.followUpTopics),
      ...(isNotAssessed(notes.patientSummary) ? [] : notes.patientSummary),
    ].map((item) => item.text);
    expect(quoted.filter((text) => text.includes("kill myself"))).toEqual([]);
    expect(isNotAssessed(notes.actionItems) ? [] : notes.actionItems.map((item) => item.quote)).toEqual(["I'm seeing my GP on Friday though."]);
    // A commitment the screen cites only as the sentence beside a risk (a future, then a thought of ending one's life) stays a plan.
    const besideTold = screenedInput(["T: How was the week?", "P: On Saturday I will ring my brother. I keep thinking about ending my life."]);
    const besideNotes = verifyNotes(writeEmbeddedNotes(besideTold), { ...besideTold, revision: 1 }, provenance, createWinkClaimReader());
    expect(isNotAssessed(besideNotes.actionItems) ? [] : besideNotes.actionItems.map((item) => item.quote)).toEqual(["On Saturday I will ring my brother."]);
  });

  it("takes a plain yes to the therapist's summary of the patient's plan as agreed, citing both turns", () => {
    const agreed = plan(["P: I want to cut down. Weekends only, I think.", "T: So your plan is to stop drinking in the week and keep it to Friday and Saturday.", "P: Yeah, that's right."]);
    expect(agreed.map((item) => item.text)).toEqual(["Agreed: So your plan is to stop drinking in the week and keep it to Friday and Saturday. — “Yeah, that's right.”"]);
    expect(agreed[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-1", "seg-2"]);
    expect(agreed[0]!.verification).toEqual({ status: "grounded" });
    expect(plan(["T: Okay, so you're going to call the quit line this week.", "P: Mm-hmm."]).map((item) => item.text)).toEqual(["Agreed: Okay, so you're going to call the quit line this week. — “Mm-hmm.”"]);
    expect(plan(["T: It sounds like you've decided to set a quit date.", "P: Yes. The first of next month."]).length).toBe(1);
    expect(plan(["T: So you're planning to enrol on an evening course next term?", "P: Yep."]).length).toBe(1);
    // A summary announced in the sentence before.
    expect(plan(["T: Let me summarise. You're going to talk to your wife tonight, and you'll ring the clinic on Monday.", "P: Right. Yeah."]).map((item) => item.text)).toEqual([
      "Agreed: You're going to talk to your wife tonight, and you'll ring the clinic on Monday. — “Right.”",
    ]);
    expect(plan(["T: You're going to talk to your wife tonight.", "P: Right."])).toEqual([]);
  });

  it("leaves a summary confirmed with a doubt after it to confirm, and its own commitment to the patient's words", () => {
    expect(plan(["T: So you're going to call the quit line this week?", "P: Yes. It'll be hard though."])).toEqual([]);
    expect(toConfirm(["T: So you're going to call the quit line this week?", "P: Yes. It'll be hard though."])).toEqual(["To confirm: So you're going to call the quit line this week? — “Yes.”"]);
    expect(toConfirm(["T: So you'll ring your sister tonight.", "P: Yeah. I guess I'll see how I feel."]).length).toBe(1);
    expect(plan(["T: So you're going to call your GP on Monday.", "P: Yes. I'll call first thing."]).map((item) => item.quote)).toEqual(["I'll call first thing."]);
    // A commitment to another act adds to the summary confirmed: both are the plan.
    expect(plan(["T: So you're going to see the nurse and use the patches. Is that right?", "P: That's right. And I'll tell my daughter so she can keep me on track."]).map((item) => item.text)).toEqual([
      "Agreed: So you're going to see the nurse and use the patches. — “That's right.”",
      "And I'll tell my daughter so she can keep me on track.",
    ]);
  });

  it("takes no plan from a prediction, a state, a plan that was, a habit kept up, a condition or an acknowledgement", () => {
    for (const [summary, answer] of [
      ["You will come through this.", "Yes."],
      ["So you'll feel better once it's done.", "Yeah."],
      ["So you fear you will fail the exam?", "yeah"],
      ["So you were planning to visit your parents in spring.", "Yes, that's right."],
      ["So you decided to call her.", "Yes."],
      ["So you're going to keep smoking for now.", "Yeah."],
      ["So you're not going to call her.", "Yeah."],
      ["So you'll ring the clinic tomorrow if she doesn't call first.", "Yes."],
      ["So you're going to call the quit line this week.", "Okay."],
      ["So you're going to call the quit line this week.", "Yeah, but I don't know."],
      ["So you're going to call the quit line this week.", "Is that what you think I should do?"],
    ]) {
      expect(plan([`T: ${summary}`, `P: ${answer}`]), `${summary} ${answer}`).toEqual([]);
      expect(toConfirm([`T: ${summary}`, `P: ${answer}`]), `${summary} ${answer}`).toEqual([]);
    }
  });

  it("takes a plain yes to the therapist's offer to arrange something as agreed, in the patient's words, and keeps their own commitment after it", () => {
    const agreed = plan(["T: Would you like me to refer you to the stop smoking service today?", "P: Yes, please. And I'll stop smoking in the car from this weekend."]);
    expect(agreed.map((item) => item.text)).toEqual([
      "Agreed: “Yes, please.” — to “Would you like me to refer you to the stop smoking service today?”",
      "And I'll stop smoking in the car from this weekend.",
    ]);
    expect(agreed[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-0", "seg-1"]);
    expect(agreed.map((item) => item.verification.status)).toEqual(["grounded", "grounded"]);
    expect(plan(["T: We talked about the group. Shall I book you in for next Tuesday?", "P: Yep."]).map((item) => item.quote)).toEqual(["Yep."]);
    // Doubted after the yes: to confirm, quoting the offer as asked.
    expect(plan(["T: Shall I book you in for next Tuesday?", "P: Yes please. I'm not sure I can make it though."])).toEqual([]);
    expect(toConfirm(["T: Shall I book you in for next Tuesday?", "P: Yes please. I'm not sure I can make it though."])).toEqual(["To confirm: Shall I book you in for next Tuesday? — “Yes please.”"]);
  });

  it("takes nothing from an offer to say more, an offer not last in its turn, or an acknowledgement", () => {
    for (const [offer, answer] of [
      ["Would you like me to tell you a bit about the service?", "Yes, please."],
      ["Can I make a suggestion?", "Sure."],
      ["Shall I book you in? Or would you rather think about it first?", "Yes."],
      ["Would you like me to refer you today?", "Okay."],
      ["Would you like me to refer you today?", "Maybe."],
    ]) {
      expect(plan([`T: ${offer}`, `P: ${answer}`]), `${offer} ${answer}`).toEqual([]);
      expect(toConfirm([`T: ${offer}`, `P: ${answer}`]), `${offer} ${answer}`).toEqual([]);
    }
  });

  it("says so when nothing was agreed, instead of an empty plan", () => {
    const given = input(["T: How was the week?", "P: It was long and I felt flat most days."]);
    expect(writeEmbeddedNotes(given).actionItems).toMatchObject({ status: "not_assessed" });
  });
});

describe("plan items: the question an assent answers", () => {
  it("takes an assent after a question of another act as its answer, not as a yes to a proposal made before it", () => {
    const turns = ["T: You should stop going to the pub after work.", "P: I like the pub.", "T: Will you at least think about cutting down?", "P: Fine, I'll think about it."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual([]);
  });

  it("still takes a yes to a question asking the patient's view of the proposal before it", () => {
    const turns = ["T: You could ring the helpline tonight.", "P: Hmm.", "T: What do you think?", "P: Yes, I will do that."];
    expect(plan(turns).map((item) => item.text)).toEqual(["Agreed: You could ring the helpline tonight. — “Yes, I will do that.”"]);
  });
});

describe("plan items: a concession and an idea asked for", () => {
  it("keeps a commitment whose 'even if' concedes, and drops one that waits on 'if'", () => {
    expect(plan(["T: What will you do this week?", "P: I'll check my sugar every morning, even if I don't like the number."]).map((item) => item.quote)).toEqual([
      "I'll check my sugar every morning, even if I don't like the number.",
    ]);
    expect(plan(["T: What will you do this week?", "P: I'll check my sugar every morning if I remember."])).toEqual([]);
  });

  it("lists an idea put forward in answer to a question asking for the plan to confirm, never as the plan", () => {
    const turns = ["T: What small step could you take this week?", "P: I could batch cook on Sunday so there are meals for the late nights."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual(["To confirm: I could batch cook on Sunday so there are meals for the late nights."]);
    // Not asked for a plan, or no act put forward: nothing.
    expect(toConfirm(["T: How was the week?", "P: I could batch cook on Sunday so there are meals for the late nights."])).toEqual([]);
    expect(toConfirm(["T: What could you do this week?", "P: I could be better at it, honestly."])).toEqual([]);
    expect(toConfirm(["T: What could you do this week?", "P: I could walk there when I lived in town."])).toEqual([]);
  });
});

describe("plan items: an idea of the patient's own, taken up", () => {
  const asked = "T: What could you do before the next session?";

  it("quotes the patient's idea, not the therapist's pointer, when a yes takes it up", () => {
    for (const pointer of ["Would you be willing to try that?", "That sounds like a good start.", "Do you think that would work?"]) {
      const items = plan([asked, "P: Maybe I could take the stairs at the office instead of the lift.", `T: ${pointer}`, "P: Yeah, I'll do that."]);
      expect(items.map((item) => item.text), pointer).toEqual(["Agreed: “Maybe I could take the stairs at the office instead of the lift.” — “Yeah, I'll do that.”"]);
      expect(items[0]!.evidence.map((span) => span.segmentId), pointer).toEqual(["seg-1", "seg-2", "seg-3"]);
      expect(items[0]!.verification.status, pointer).toBe("grounded");
    }
    const guessed = plan([asked, "P: I guess I might phone the gym about the beginners' class.", "T: Would you be willing to try that?", "P: Yes I will."]);
    expect(guessed.map((item) => item.quote)).toEqual(["I guess I might phone the gym about the beginners' class."]);
  });

  it("takes a hedged commitment of the patient's own as the idea, and lists it once", () => {
    const turns = [asked, "P: Maybe I'll ring my brother at the weekend.", "T: How would you feel about trying that?", "P: Yeah, I'll give that a go."];
    expect(plan(turns).map((item) => item.quote)).toEqual(["Maybe I'll ring my brother at the weekend."]);
    expect(toConfirm(turns)).toEqual([]);
  });

  it("leaves a tentative yes to confirm, and a proposal of the therapist's own quoted as proposed", () => {
    const idea = "P: Maybe I could take the stairs at the office instead of the lift.";
    expect(toConfirm([asked, idea, "T: Would you be willing to try that?", "P: Maybe, I might try that."])).toEqual([
      "To confirm: “Maybe I could take the stairs at the office instead of the lift.” — “Maybe, I might try that.”",
    ]);
    // The therapist names an act of their own: the line quotes it, not the patient's idea.
    const own = plan([asked, idea, "T: You could also walk to the station in the mornings.", "P: Yeah, I'll do that."]);
    expect(own.map((item) => item.text)).toEqual(["Agreed: You could also walk to the station in the mornings. — “Yeah, I'll do that.”"]);
  });

  it("puts no idea forward in a state, a thought, the past, a condition, a refusal or a pointer", () => {
    for (const said of [
      "Maybe I could be a bit kinder to myself.",
      "I could see that coming.",
      "I could walk there when I lived in town.",
      "I could go if I had the time.",
      "I could never tell her that.",
      "I could do that.",
      "Could I ring them?",
    ]) {
      const items = plan([asked, `P: ${said}`, "T: Would you be willing to try that?", "P: Yeah, I'll do that."]);
      expect(items.map((item) => item.quote), said).not.toContain(said);
    }
  });
});

describe("plan items: what is tried and what is remembered", () => {
  it("takes a thing tried, or what is to be remembered, as the patient's own act, never an answer to a request to say more", () => {
    for (const said of ["I'm going to try the nicotine patches from Monday.", "I'll try to remember to take my tablets every morning."]) {
      const items = plan(["T: Tell me more about that.", `P: ${said}`]);
      expect(items.map((item) => item.text), said).toEqual([said]);
      expect(items[0]!.evidence.map((span) => span.segmentId), said).toEqual(["seg-1"]);
    }
  });

  it("still reads an effort promised as no act, and a tried pointer as taking up what was proposed", () => {
    expect(plan(["T: Tell me more about that.", "P: I'll try my best."])).toEqual([]);
    const taken = plan(["T: You could try the breathing app before bed.", "P: I will try that."]);
    expect(taken.map((item) => item.text)).toEqual(["Agreed: You could try the breathing app before bed. — “I will try that.”"]);
  });
});

describe("plan items: 'however'", () => {
  const proposal = "T: How about you telling your sister how her comments make you feel?";

  it("opening the assent after the patient's doubts, concedes them and keeps it", () => {
    const items = plan([proposal, "P: I doubt it will help. She has always been like this. However, I'll try it when she visits."]);
    expect(items.map((item) => item.text)).toEqual(["Agreed: “However, I'll try it when she visits.” — to “How about you telling your sister how her comments make you feel?”"]);
  });

  it("after the assent, doubts it, and with a negation declines it, as 'but' does", () => {
    expect(plan([proposal, "P: That's a good idea, however it could start a row."])).toEqual([]);
    expect(toConfirm([proposal, "P: That's a good idea, however it could start a row."])).toHaveLength(1);
    expect(plan([proposal, "P: That's a good idea, however I can't face her."])).toEqual([]);
    expect(toConfirm([proposal, "P: That's a good idea, however I can't face her."])).toEqual([]);
  });
});

describe("plan items: telling someone", () => {
  it("reaches out, firm without a time; telling the therapist or oneself does not", () => {
    for (const said of ["I'm going to tell my sister about the pregnancy.", "I'll tell them at work that I need the mornings off."]) {
      expect(plan(["T: Tell me more about that.", `P: ${said}`]).map((item) => item.quote), said).toEqual([said]);
    }
    for (const said of ["I'll tell you about it.", "I'll tell myself it doesn't matter."]) {
      expect(plan(["T: Tell me more about that.", `P: ${said}`]), said).toEqual([]);
    }
  });

  it("reads 'them' as who is reached, not as an act pointed back at, when the act reaches out", () => {
    for (const said of ["I'm going to tell them I'm driving.", "I'll ask them for the mornings off."]) {
      expect(plan(["T: How do you feel about cutting back on Fridays?", `P: ${said}`]).map((item) => item.quote), said).toEqual([said]);
    }
    // Pointing back is still pointing back: with nothing proposed, "I'll do them" and "I'll ring them." say no act.
    for (const said of ["I'll do them tomorrow.", "I'll ring them."]) {
      expect(plan(["T: How do you feel about cutting back on Fridays?", `P: ${said}`]), said).toEqual([]);
    }
  });
});

describe("plan items: an act to confirm that the plan takes up", () => {
  it("leaves out an idea to confirm when a plan line says the same act firmly, and keeps another", () => {
    const turns = [
      "T: What are some ways you could make the lunchtime dose easier?",
      "P: Maybe I could go to the medical room. Or I could ask my friend to come with me.",
      "T: Is that something you'd be willing to try next week?",
      "P: Yeah, I'll go to the medical room before lunch on Monday.",
    ];
    expect(plan(turns).map((item) => item.quote)).toEqual(["Yeah, I'll go to the medical room before lunch on Monday."]);
    expect(toConfirm(turns)).toEqual(["To confirm: Or I could ask my friend to come with me."]);
  });

  it("leaves out a proposal weighed when a confirmed summary later takes it up", () => {
    const turns = [
      "T: There's a stop smoking service here that does patches and weekly check-ins. Would you be interested in that?",
      "P: Yeah, I think I'd give that a go.",
      "T: So to sum up, you're going to start with the stop smoking service this week. Does that sound right?",
      "P: Yeah. That sounds right.",
    ];
    expect(plan(turns)).toHaveLength(1);
    expect(toConfirm(turns)).toEqual([]);
    // Without the summary, the proposal weighed is still to confirm.
    expect(toConfirm(turns.slice(0, 2))).toHaveLength(1);
  });
});

describe("plan items: a start with nothing after it", () => {
  it("reads 'I'll start tonight' as taking up what was proposed, not as an act of its own", () => {
    const turns = ["T: Some people find it helps to write the worries down before bed.", "P: I could try that. I'll start tonight."];
    expect(plan(turns).map((item) => item.text)).toEqual(["Agreed: Some people find it helps to write the worries down before bed. — “I'll start tonight.”"]);
    // With nothing proposed it names no act.
    expect(plan(["T: How have you been sleeping?", "P: Badly. I'll start tonight."])).toEqual([]);
    // A start of a thing named is an act of its own.
    expect(plan(["T: How have you been sleeping?", "P: Badly. I'll start the sleep diary tonight."]).map((item) => item.quote)).toEqual(["I'll start the sleep diary tonight."]);
  });
});

describe("plan items: a proposal weighed in a sentence of its own", () => {
  it("quotes the sentence that names the act with the one that only weighs it", () => {
    const turns = ["P: I just can't switch off at night.", "T: Some people write down what's on their mind before bed. It may be helpful!", "P: I will try it."];
    const [item] = plan(turns);
    expect(item?.text).toBe("Agreed: Some people write down what's on their mind before bed. It may be helpful! — “I will try it.”");
    expect(item?.verification.status).toBe("grounded");
  });

  it("quotes an offer ending on words that point back with the sentence that names what they point at", () => {
    const turns = ["P: I owe a lot on the cards.", "T: We can also look at a debt advice service. Would you like me to send you the details?", "P: Yes please."];
    expect(plan(turns).map((item) => item.text)).toEqual(["Agreed: “Yes please.” — to “We can also look at a debt advice service. Would you like me to send you the details?”"]);
    // An offer that names what it sends is quoted alone.
    expect(plan(["P: I owe a lot on the cards.", "T: That's a lot to carry. Would you like me to send you the debt advice leaflet?", "P: Yes please."]).map((item) => item.text)).toEqual([
      "Agreed: “Yes please.” — to “Would you like me to send you the debt advice leaflet?”",
    ]);
  });

  it("quotes a proposal that names its act alone, and a weighing sentence that opens the turn alone", () => {
    expect(plan(["P: I just can't switch off at night.", "T: That's hard. You could write your worries down before bed.", "P: I will try it."]).map((item) => item.text)).toEqual([
      "Agreed: You could write your worries down before bed. — “I will try it.”",
    ]);
    // Weighing only the patient's idea ("It might help."), the idea is what was agreed; "before bed" sets a time to come.
    expect(plan(["P: I could write my worries down before bed.", "T: It might help.", "P: I will try it."]).map((item) => item.text)).toEqual([
      "Agreed: “I could write my worries down before bed.” — “I will try it.”",
    ]);
    expect(toConfirm(["T: What could you do?", "P: I could walk there before I moved."])).toEqual([]);
  });
});

describe("plan items: a proposal only weighed", () => {
  it("lists 'I suppose I could do that' as an item to confirm, never the plan; 'I could do with…' takes nothing up", () => {
    const proposal = "T: Some people find it helps to cut down to weekends only. Could that work for you?";
    const turns = [proposal, "P: I suppose I could do that. I'm not promising anything."];
    expect(toConfirm(turns)).toEqual(["To confirm: Some people find it helps to cut down to weekends only. — “I suppose I could do that.”"]);
    expect(plan(turns)).toEqual([]);
    expect(toConfirm([proposal, "P: I could do with a rest."])).toEqual([]);
  });
});

describe("plan items: a proposal with a web address in it", () => {
  it("quotes the proposal whole, never a piece the reader cut at the address's dot", () => {
    const lines = plan(["T: You can look up data.health.gov for the figures.", "P: That's a good idea."]).map((item) => item.text);
    expect(lines).toEqual(["Agreed: You can look up data.health.gov for the figures. — “That's a good idea.”"]);
    expect(plan(["T: Look up movers on moverhelp.com and compare their prices.", "P: That's a good idea."]).map((item) => item.text)).toEqual([
      "Agreed: Look up movers on moverhelp.com and compare their prices. — “That's a good idea.”",
    ]);
  });
});

describe("plan items: a safety plan agreed", () => {
  it("quotes an offer that names nothing but the patient with the sentence before it that names what is offered", () => {
    expect(plan(["T: There's a weekly group at the library. Would you like me to refer you?", "P: Yes, please."]).map((item) => [item.text, item.verification.status])).toEqual([
      ["Agreed: “Yes, please.” — to “There's a weekly group at the library. Would you like me to refer you?”", "grounded"],
    ]);
    // Naming nothing before it, or naming what it offers itself, it is quoted alone.
    expect(plan(["T: Okay. Would you like me to refer you?", "P: Yes, please."]).map((item) => item.text)).toEqual(["Agreed: “Yes, please.” — to “Would you like me to refer you?”"]);
    expect(plan(["T: There's a weekly group. Would you like me to refer you to the group?", "P: Yes, please."]).map((item) => item.text)).toEqual([
      "Agreed: “Yes, please.” — to “Would you like me to refer you to the group?”",
    ]);
  });

  it("quotes a commitment that names its act only by a pronoun with the therapist's sentence it answers", () => {
    const turns = ["T: Would you be willing to call Dan if the thoughts come back?", "P: Yes, I'll call him. He said I can ring him whenever."];
    expect(plan(turns).map((item) => item.text)).toEqual(["Agreed: “Yes, I'll call him.” — to “Would you be willing to call Dan if the thoughts come back?”"]);
    const tablets = ["T: So you'll give the tablets to Dan on Saturday?", "P: Yes. I'll give them to him on Saturday."];
    expect(plan(tablets).map((item) => item.text)).toEqual(["Agreed: “I'll give them to him on Saturday.” — to “So you'll give the tablets to Dan on Saturday?”"]);
    // Citing both speakers, the line names neither.
    expect(plan(tablets)[0]).not.toHaveProperty("speaker");
    // A thing named, or no sentence of the therapist's naming the same act, leaves the commitment as said.
    expect(plan(["T: Would you be willing to call Dan?", "P: Yes, I'll call my brother tonight."]).map((item) => item.text)).toEqual(["Yes, I'll call my brother tonight."]);
    expect(plan(["T: Everything will be ok with your sister.", "P: I'll talk to her tomorrow."]).map((item) => item.text)).toEqual(["I'll talk to her tomorrow."]);
    // "One" stands for the thing the turn named, in its last sentence told: getting one is an act ("get better" is none).
    expect(plan(["T: A pill case keeps a day's dose out of sight. Would that work?", "P: Yeah. I'll get one this week."]).map((item) => item.text)).toEqual([
      "Agreed: “I'll get one this week.” — to “A pill case keeps a day's dose out of sight.”",
    ]);
    expect(plan(["T: The patches help a lot of people.", "P: I'll get some tomorrow."]).map((item) => item.text)).toEqual(["I'll get some tomorrow."]);
    expect(plan(["T: How is it going?", "P: I'll get better soon."])).toEqual([]);
  });

  it("records the safety or crisis plan named as what the therapist did, a line core's check finds quoted", () => {
    for (const [said, line] of [
      ["Can we work on a safety plan together today?", "Safety plan: “Can we work on a safety plan together today?”"],
      ["Let's go over your crisis plan from last week.", "Crisis plan: “Let's go over your crisis plan from last week.”"],
    ]) {
      const notes = notesOf([`T: ${said}`, "P: Okay."]);
      const acts = isNotAssessed(notes.interventions) || notes.interventions === undefined ? [] : notes.interventions;
      expect(acts.map((item) => [item.text, item.verification?.status])).toEqual([[line, "grounded"]]);
    }
  });

  it("lists a call for help in a crisis to someone named before, or by name, to confirm", () => {
    const turns = ["T: Would you be willing to call the crisis line if that gets worse?", "P: Yes, I will call them tonight if it gets bad."];
    expect(toConfirm(turns)).toEqual(["To confirm: Yes, I will call them tonight if it gets bad."]);
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(["T: Who could you reach out to?", "P: I'll text Dan if the urges come back."])).toEqual(["To confirm: I'll text Dan if the urges come back."]);
    // Not reaching anyone, an act waiting on a condition is neither.
    expect(toConfirm(["T: What could you do?", "P: I'll go out if it gets bad."])).toEqual([]);
  });

  it("records the next session agreed: a session to come proposed, and a promise to attend", () => {
    const turns = ["T: Let's meet again next Thursday and go over how it went.", "P: Okay, I'll be there."];
    expect(plan(turns).map((item) => [item.text, item.verification?.status])).toEqual([["Agreed: “Okay, I'll be there.” — to “Let's meet again next Thursday and go over how it went.”", "grounded"]]);
    expect(plan([turns[0]!, "P: Okay."])).toEqual([]);
    expect(plan(["T: Let's talk about your week.", "P: Okay, I'll be there."])).toEqual([]);
  });

  it("quotes a summary told in several sentences whole, from its first, when a plain yes confirms it", () => {
    const turns = [
      "T: So to sum up. When you notice the signs, you'll go for a walk or put on music. You'll save the crisis number today. Does that sound right?",
      "P: Yes, that sounds right.",
    ];
    expect(plan(turns).map((item) => item.text)).toEqual([
      "Agreed: When you notice the signs, you'll go for a walk or put on music. You'll save the crisis number today. — “Yes, that sounds right.”",
    ]);
    // A truth of every time after a condition is no summary of a plan.
    expect(plan(["T: So when the bad days come you will always have good people near.", "P: Yes."])).toEqual([]);
  });
});

describe("spoken sessions: what is and is not a commitment", () => {
  const texts = (turns: string[]) => plan(turns).map((item) => item.text);

  it("joins a sentence that only tells when to the act before it, and quotes a bare 'go' with what the turn named", () => {
    expect(texts(["T: There's a support group on Thursday evenings at the library. Have you thought about it?", "P: Yeah. I'll go. This Thursday."])).toEqual([
      "Agreed: “I'll go. This Thursday.” — to “There's a support group on Thursday evenings at the library.”",
    ]);
    expect(texts(["T: There's a support group on Thursday evenings at the library.", "P: Okay, I'll go next week."])).toEqual(["Agreed: “Okay, I'll go next week.” — to “There's a support group on Thursday evenings at the library.”"]);
    expect(toConfirm(["T: How about the gym?", "P: Yeah. I'll go. Probably next week."])).toEqual(["To confirm: I'll go. Probably next week."]);
    // "Going on" goes nowhere; "I'll go." alone leaves the session.
    expect(texts(["T: I had friends who were struggling.", "P: I will have to talk to them to find out what is going on."])).toEqual(["I will have to talk to them to find out what is going on."]);
    expect(texts(["T: Anything else?", "P: No. I'll go."])).toEqual([]);
    // "I'll come." to a turn naming a thing; going to a person named is not going to a place.
    expect(texts(["T: She's got a slot next Tuesday. Would you come to that? It'd be at the clinic.", "P: Okay. Yeah, I'll come."])).toEqual(["Agreed: “Yeah, I'll come.” — to “It'd be at the clinic.”"]);
    expect(texts(["T: I think Marcus goes most weeks, yeah.", "P: Alright. Yeah. I'll go on Friday."])).toEqual(["I'll go on Friday."]);
  });

  it("quotes an act said twice in a row once, from its first saying", () => {
    expect(texts(["T: But then she'd know.", "P: Yeah. Okay. I'll tell her. I'll tell her tonight, when she's home."])).toEqual(["I'll tell her. I'll tell her tonight, when she's home."]);
    expect(texts(["T: What next?", "P: I'll call the GP on Monday. I'll book the dentist too."])).toEqual(["I'll call the GP on Monday.", "I'll book the dentist too."]);
  });

  it("reads no commitment in a habit or avoidance asked about, a thought that keeps coming or pictures an act, a restated condition, an act waiting on a wish, a manner of speaking, a fear or a parting wish", () => {
    for (const turns of [
      ["T: Can you tell me what a typical evening looks like?", "P: I get in about six, have my tea, and then I'll pop down the pub."],
      ["T: It becomes a loop.", "P: That's exactly it. I keep thinking I'll go back when I feel better."],
      ["T: And how are you thinking about work?", "P: Honestly, if they put me on nights I'll lose it. Not like that. I mean I'll pack it in."],
      ["T: How've you been?", "P: Bit rough. I'm not gonna lie to you, I used. This week."],
      ["T: How are you?", "P: I'm scared. I might loose her."],
      ["T: Take care.", "P: Thank you. I'll pray for you all."],
      ["T: And what if Mum reacts strongly?", "P: If she kicks off I'll go to my aunt's for the night. Or I'll stop talking to her."],
      ["T: What about the wine?", "P: I'm not an alcoholic. I'm not going to start cutting that out as well."],
      ["T: And work?", "P: Yeah. The thing is, if they push me, if they say no, you've got to come back full time, I'll just resign."],
      ["T: What does your OCD tell you will happen if you touch it?", "P: That I'll get something, like food poisoning, and then I'll give it to Hannah."],
      ["T: So the bath feels like the danger zone.", "P: Yeah, the water. I get the thought that I'll hold her under."],
      ["T: What goes through your mind on the stairs?", "P: I'm scared I'll drop her. And I worry that I'll shout at him."],
      ["T: What sort of things have you stopped doing?", "P: Bath time, mainly. I won't bath her on my own. I wait until Dan's home."],
      ["T: What have you been avoiding?", "P: The shops. I won't go in on my own."],
      ["T: That's fair enough. We'll leave the befriending.", "P: If I want to talk to somebody I'll talk to somebody I know."],
      ["T: Tell me about the phone.", "P: I was in the supermarket and I saw his name come up and I thought, I'll ring him back when I get home."],
      ["T: What happens in the mornings?", "P: I open my laptop and there's sixty unread, and I think, I'll just clear these first, and then it's lunch."],
      ["T: What happened in the game?", "P: I got killed. I'll murder them next round though, I've worked out where he hides."],
      ["T: And when he gets in?", "P: Honestly I'll kill him."],
    ]) {
      expect(texts(turns), turns[1]).toEqual([]);
      expect(toConfirm(turns), turns[1]).toEqual([]);
    }
    expect(texts(["T: And Kelly?", "P: I'm not going to lie to her anymore."])).toEqual(["I'm not going to lie to her anymore."]);
    expect(texts(["T: What now?", "P: I'll pray about it tonight."])).toEqual(["I'll pray about it tonight."]);
    // A fear told is not an act; a wish that conditions nothing but need still is to confirm.
    expect(toConfirm(["T: And if it gets bad?", "P: If I need to, I'll ring the crisis line."])).toEqual(["To confirm: If I need to, I'll ring the crisis line."]);
    // Asked what they will do, not what they stopped doing, "I won't" still commits.
    expect(toConfirm(["T: Would you stop drinking on weekdays?", "P: Yes. I won't drink on weekdays."])).toEqual(["To confirm: I won't drink on weekdays."]);
    // A time set, not a condition: "when" opens no wait on "if".
    expect(texts(["T: What now?", "P: When I get home I'll ring my sister."])).toEqual(["When I get home I'll ring my sister."]);
  });

  it("leaves to confirm what the turn goes on not to promise", () => {
    const turns = ["T: And in terms of Lee?", "P: I'll try and keep away from him. I'll try. I can't promise I won't see him."];
    expect(texts(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual(["To confirm: I'll try and keep away from him."]);
    expect(texts(["T: What next?", "P: I'll call the GP on Monday. I promise."])).toEqual(["I'll call the GP on Monday."]);
  });

  it("takes up an offer to let someone know, to speak to someone, or to do an act today, and a yes naming the time", () => {
    expect(texts(["T: Would it help if I let the group facilitator know you're coming?", "P: Yes, please."])).toEqual(["Agreed: “Yes, please.” — to “Would it help if I let the group facilitator know you're coming?”"]);
    expect(texts(["T: Shall I talk to your head of year?", "P: Yes, that would help."])).toEqual(["Agreed: “Yes, that would help.” — to “Shall I talk to your head of year?”"]);
    expect(texts(["T: Would you take one today? I've got them here.", "P: Yeah, go on."])).toEqual(["Agreed: “Yeah, go on.” — to “Would you take one today?”"]);
    expect(texts(["T: Let's leave that there. So, same time next week?", "P: Yeah, Wednesday. I'll be here."])).toEqual(["Agreed: “Yeah, Wednesday.” — to “So, same time next week?”"]);
    expect(texts(["T: Would it help if I let you know what the group is like?", "P: Yes, please."])).toEqual([]);
    expect(toConfirm(["T: Would you want me to have a word with Mr Hall?", "P: Um. Maybe. I'll think about it."])).toEqual(["To confirm: Would you want me to have a word with Mr Hall? — “I'll think about it.”"]);
    expect(texts(["T: Would it help if I let the facilitator know you're coming?", "P: Oh, yes, would you? That would help."])).toEqual(["Agreed: “That would help.” — to “Would it help if I let the facilitator know you're coming?”"]);
    expect(texts(["T: I'll give you a ring on Friday to see how it went. Is that okay?", "P: Yeah, that's fine."])).toEqual(["Agreed: “Yeah, that's fine.” — to “I'll give you a ring on Friday to see how it went.”"]);
    expect(texts(["T: I'd like to see you again next week. Same day, Tuesday at four?", "P: Yeah, that's fine. After school."])).toEqual(["Agreed: “Yeah, that's fine.” — to “Same day, Tuesday at four?”"]);
  });

  it("grounds a short line to confirm on its own words", () => {
    const notes = notesOf(["T: Is there anyone?", "P: There's Jo from work. I might text her. Maybe."]);
    const items = isNotAssessed(notes.followUpTopics) ? [] : notes.followUpTopics;
    expect(items.map((item) => [item.text, item.verification.status])).toEqual([["To confirm: I might text her.", "grounded"]]);
  });
});

describe("plan items: an assent on a condition", () => {
  const proposal = "T: Could you try a ten minute walk each morning this week?";
  it("lists an assent on a condition that may hold as an item to confirm, never the plan", () => {
    for (const said of ["That's doable if it's short.", "Yeah, if it's only ten minutes I can do that.", "I'll try that if I can."]) {
      expect(plan([proposal, `P: ${said}`]), said).toEqual([]);
      expect(toConfirm([proposal, `P: ${said}`]), said).toEqual([`To confirm: Could you try a ten minute walk each morning this week? — “${said}”`]);
    }
  });

  it("takes nothing up on a condition that does not hold, a wish, one left to the listener, or an idea good only in theory", () => {
    for (const said of ["That's a good idea in theory lol. I feel guilty if I'm not studying.", "That's a good idea, if I had the time.", "Good idea, if only I could.", "I'd do that if I were braver.", "I'll do that if you can make it stop."]) {
      expect(plan([proposal, `P: ${said}`]), said).toEqual([]);
      expect(toConfirm([proposal, `P: ${said}`]), said).toEqual([]);
    }
  });
});

describe("plan items: a commitment run on after a short answer", () => {
  it("writes the commitment speech recognition ran on after 'no maybe not ok', and grounds it", () => {
    const items = plan(["T: would that be a bad thing", "P: no maybe not ok i'll text her after i've been to pat's and ask her to ring me tonight"]);
    expect(items.map((item) => [item.text, item.verification?.status])).toEqual([["no maybe not ok i'll text her after i've been to pat's and ask her to ring me tonight", "grounded"]]);
  });

  it("keeps a hedge after the restart, and a condition before it, to confirm or none", () => {
    expect(plan(["T: would that help", "P: no ok maybe i'll text her"])).toEqual([]);
    expect(toConfirm(["T: would that help", "P: no ok maybe i'll text her"])).toEqual(["To confirm: no ok maybe i'll text her"]);
    expect(plan(["T: and if it gets bad", "P: if it gets bad ok i'll ring the line"])).toEqual([]);
  });

  it("writes a summary run on from the sentence before it, confirmed", () => {
    const summary = "T: that's something to talk about with them too so just to go over it you'll ring steve and text claire this afternoon";
    expect(plan([summary, "P: yeah that's right"]).map((item) => item.text)).toEqual([`Agreed: ${summary.slice(3)} — “yeah that's right”`]);
  });
});

describe("plan items: a time said on its own, a fear foreseen, a saying and harm denied", () => {
  it("writes a commitment whose time is said on its own just after it, unless a hedge is said on the way", () => {
    const asked = "T: Is there someone you could be with?";
    expect(plan([asked, "P: I'll sit with Priya at break and eat it there. I can do that. From Monday."]).map((item) => item.text)).toEqual(["I'll sit with Priya at break and eat it there."]);
    expect(plan([asked, "P: I'll sit with Priya at break. Maybe. From Monday."])).toEqual([]);
    expect(plan([asked, "P: I'll sit with Priya at break. From Monday, probably."])).toEqual([]);
    expect(plan([asked, "P: I'll sit with Priya at break. Is that Monday?"])).toEqual([]);
  });

  it("writes nothing for a fear foreseen, a point conceded or harm denied", () => {
    expect(plan(["T: Do you want the number?", "P: Yeah, tell me the number. I'll only imagine worse."])).toEqual([]);
    expect(toConfirm(["T: Do you want the number?", "P: Yeah, tell me the number. I'll only imagine worse."])).toEqual([]);
    for (const said of ["Some of it's rubbish, I'll grant you.", "I'm not going to set fire to anything, God.", "I've never hit anyone in my life, I'm not going to start with Graham.", "I won't do anything stupid.", "no no nothing like that i'm not gonna top myself i just mean i stop caring", "I'd never do myself in."]) {
      expect(toConfirm(["T: What about it?", `P: ${said}`]), said).toEqual([]);
      expect(plan(["T: What about it?", `P: ${said}`]), said).toEqual([]);
    }
    // Abstaining from a habit said with "not" is still the patient's own step.
    expect(plan(["T: And drinking?", "P: I'm not going to drink this week."]).map((item) => item.text)).toEqual(["I'm not going to drink this week."]);
    expect(plan(["T: What about drinking?", "P: I'll only drink at weekends from now on."]).map((item) => item.text)).toEqual(["I'll only drink at weekends from now on."]);
  });
});

describe("plan items: a refusal with 'not' before the phrase, and a point granted", () => {
  it("takes nothing up from 'I'm not going to them…' and writes nothing for 'I'll say that' closing a sentence", () => {
    const offer = "T: okay we can come back to that there's also a lunch club at st mark's on wednesdays some people find it";
    expect(plan([offer, "P: i'm not going to them lunch clubs full of old folk"])).toEqual([]);
    expect(toConfirm([offer, "P: i'm not going to them lunch clubs full of old folk"])).toEqual([]);
    const asked = "T: how much would you say on a usual night";
    expect(toConfirm([asked, "P: a couple of fingers maybe three the bottle goes down quicker than it used to i'll say that"])).toEqual([]);
    expect(plan(["T: And your brother?", "P: I'll say that to Dave on Sunday."]).map((item) => item.quote)).toEqual(["I'll say that to Dave on Sunday."]);
  });
});

describe("plan items: an act of its own after one that points back", () => {
  it("writes the later act of a sentence whose first act only points back, and keeps an agreement whole", () => {
    const turns = ["T: How do you feel about the walk?", "P: I want her name read out. I'll do it tonight, and I'll ask Tom if he'll walk it with me."];
    expect(plan(turns).map((item) => item.text)).toEqual(["I'll ask Tom if he'll walk it with me."]);
    expect(plan(["T: Could you try the breathing?", "P: Yes I'll do that, and I'll tell my mum about it."]).map((item) => item.text)).toEqual(["Agreed: “Yes I'll do that, and I'll tell my mum about it.” — to “Could you try the breathing?”"]);
    // A pointing act with nothing of its own after it is read as before.
    expect(plan(["T: You could try the group.", "P: I will try that."]).map((item) => item.text)).toEqual(["Agreed: You could try the group. — “I will try that.”"]);
  });
});

describe("plan items: willingness asked as 'up for'", () => {
  it("reads 'would you be up for…' and 'are you up for…' as a proposal a plain assent takes up", () => {
    expect(plan(["T: Would you be up for stopping smoking before school?", "P: Alright, yeah. I can do that."]).map((item) => item.text)).toEqual(["Agreed: “I can do that.” — to “Would you be up for stopping smoking before school?”"]);
    expect(plan(["T: Are you up for a walk each morning?", "P: Yeah, I can do that."]).map((item) => item.text)).toEqual(["Agreed: “Yeah, I can do that.” — to “Are you up for a walk each morning?”"]);
    expect(plan(["T: Are you up for it?", "P: I don't know."])).toEqual([]);
  });
});

describe("plan items: a sixth batch of sessions", () => {
  it("takes up the patient's own idea in their next message, as typed chat sends it", () => {
    const asked = "T: would you be willing to put the boxes somewhere harder to get to, or give them to someone to hold on to?";
    expect(plan([asked, "P: i could put them in the car i guess. so theyre not just there", "P: yeah ill do that after this"]).map((item) => item.text)).toEqual(["Agreed: “i could put them in the car i guess.” — “yeah ill do that after this”"]);
    // A bare "ok" may only acknowledge; no idea, nothing to take up.
    expect(plan(["T: What would help?", "P: I could ring my sister.", "P: ok"])).toEqual([]);
    expect(plan(["T: What would help?", "P: My sister rang.", "P: Yeah, I'll do that."])).toEqual([]);
  });

  it("writes a commitment whose time or clock time is said on its own just before it", () => {
    expect(plan(["T: Could that go on the plan?", "P: Yeah. Wednesday. Two o'clock, after me dinner. I'll go down and sort the shed out."]).map((item) => item.text)).toEqual(["I'll go down and sort the shed out."]);
    expect(plan(["T: Half eight, every day?", "P: Go on then. Half eight. Every day. I'll set the alarm on the phone."]).map((item) => item.text)).toEqual(["I'll set the alarm on the phone."]);
    expect(plan(["T: What about the shed?", "P: Maybe Wednesday. I'll go down and sort the shed out."])).toEqual([]);
    expect(plan(["T: What about the shed?", "P: Not Wednesday. I'll go down and sort the shed out."])).toEqual([]);
  });

  it("writes nothing for what happens otherwise, and reads chat's 'prob' and 'fine ill'", () => {
    expect(toConfirm(["T: How long a walk, and when?", "P: As soon as I get home. Otherwise I'll sit down and that's me done for the night."])).toEqual([]);
    expect(plan(["T: What about lunch?", "P: ill prob just skip lunch again tomorrow tbh"])).toEqual([]);
    expect(plan(["T: Would you book a GP appointment?", "P: fine ill book the gp thing tomorrow morning"]).map((item) => [item.text, item.verification?.status])).toEqual([["fine ill book the gp thing tomorrow morning", "grounded"]]);
  });

  it("writes nothing for waking told as a habit, nor for a commitment taken up as if an idea", () => {
    expect(plan(["T: Do you have memory gaps?", "P: oh yeah quite a lot i'll wake up and there's a pan on the cooker and i don't remember putting it there"])).toEqual([]);
    expect(plan(["T: Would you try the tablets?", "P: I'll take them, no problem.", "P: Yeah, I'll start it today."]).map((item) => item.text)).toEqual(["Agreed: “I'll take them, no problem.” — to “Would you try the tablets?”"]);
  });

  it("takes a summary that opens with when the act is, confirmed", () => {
    expect(plan(["T: So on Monday you'll ask your manager for Fridays at home. Is that right?", "P: Yeah, that's it."]).map((item) => item.text)).toEqual(["Agreed: So on Monday you'll ask your manager for Fridays at home. — “Yeah, that's it.”"]);
  });

  it("writes a plan said in the present with its day before it, as a second language says one; not work, a habit or a story", () => {
    const own = (said: string) => plan(["T: That sounds hard.", `P: ${said}`]).map((item) => [item.text, item.verification?.status]);
    for (const said of ["OK. Tomorrow I call them.", "Monday I go to the job centre.", "And this week I speak with my husband."]) expect(own(said), said).toEqual([[said.replace(/^OK\. /, ""), "grounded"]]);
    for (const said of ["Tomorrow I work 7 to 3.", "Every Monday I go to the gym.", "So Monday I go into work and my boss says I'm fired.", "Last Monday I call them."]) expect(own(said), said).toEqual([]);
  });

  it("agrees 'will you' and 'could you' asked with a day, or of ringing for help on a condition; not of taking what was named", () => {
    const agreed = (asked: string) => plan([`T: ${asked}`, "P: Yes, I will."]).map((item) => item.text);
    expect(agreed("Could you come in on Thursday at four?")).toEqual(["Agreed: “Yes, I will.” — to “Could you come in on Thursday at four?”"]);
    expect(agreed("And if it gets worse, will you ring the crisis line?")).toEqual(["Agreed: “Yes, I will.” — to “And if it gets worse, will you ring the crisis line?”"]);
    for (const asked of ["Will you take them tonight?", "Will you be seeing your mum at Christmas?"]) expect(agreed(asked), asked).toEqual([]);
  });

  it("leaves a yes said unsure to confirm: in its own sentence, or a later one that opens so", () => {
    const proposal = "T: You could also ask him straight out how he's been feeling.";
    expect(plan([proposal, "P: I'll try, I don't know."])).toEqual([]);
    expect(toConfirm([proposal, "P: I'll try, I don't know."])).toEqual(["To confirm: You could also ask him straight out how he's been feeling. — “I'll try, I don't know.”"]);
    expect(plan([proposal, "P: Yes I will. I'm not sure if I can though."])).toEqual([]);
    // Not unsure of the act: why, whether it will help, or doubt closing another act's sentence.
    for (const said of ["Yes, I'll do that. I don't know why I didn't think of it.", "Yes I will. I'm not sure if it'll help though.", "I'll just say it. I might show her the chat, maybe, I dunno.", "Not sure. Yes, I'll ask him."]) expect(plan([proposal, `P: ${said}`]).length, said).toBe(1);
  });

  it("writes nothing for a commitment or a yes taken back in the same turn; a commitment said after the take-back stands", () => {
    const asked = "T: Are you going to tell her? It would help to have someone at home who knows.";
    for (const said of ["Yeah, I'll tell her tonight. [pause] Actually — no. She's got her mum in hospital.", "Yeah, I'll tell her tonight. Scratch that, not this week.", "Yeah, I'll tell her tonight. On second thoughts, she's got enough on."]) {
      expect(plan([asked, `P: ${said}`]), said).toEqual([]);
      expect(toConfirm([asked, `P: ${said}`]), said).toEqual([]);
    }
    expect(plan([asked, "P: Yeah, I'll tell her tonight. Actually no, I'll tell her on Friday."]).map((item) => item.text)).toEqual(["Actually no, I'll tell her on Friday."]);
    expect(plan(["T: You could ring the housing officer this week.", "P: Yes, I'll do that. Oh, actually, no. I rang them yesterday."])).toEqual([]);
  });

  it("writes one line for a turn that accepts an offer and then says it will come", () => {
    const offer = "T: I'm also going to stop the zopiclone and give you something different for sleep, a week at a time. I'd like to see you again on Friday. Is that alright?";
    expect(plan([offer, "P: Friday's fine. I'll come."]).map((item) => item.text)).toEqual(["Agreed: “Friday's fine.” — to “I'd like to see you again on Friday.”"]);
  });

  it("writes nothing for a commitment or a yes retracted in the speaker's next turn, past the therapist's question", () => {
    const retracted = "P: That I'm struggling — actually, no. Scratch that. I'm not ready.";
    expect(plan(["T: You could ring them.", "P: I'll ring them tomorrow.", "T: What would you say?", retracted])).toEqual([]);
    expect(plan(["T: And you mentioned HR last time.", "P: Yeah. I'll email HR tonight, actually.", "T: What would you say?", retracted])).toEqual([]);
    // "Actually, no." may answer the question between: it retracts only in the same turn.
    expect(plan(["T: You could ring them.", "P: I'll ring them tomorrow.", "T: Anything else?", "P: Actually, no."])).toHaveLength(1);
  });

  it("takes 'Can I ask you to…?' as a proposal, and a firm act after it as answering it, not an act named turns before", () => {
    expect(plan(["T: Can I ask you to keep a diary until we next meet?", "P: Yes, I can do that."]).map((item) => item.text)).toEqual(["Agreed: “Yes, I can do that.” — to “Can I ask you to keep a diary until we next meet?”"]);
    expect(plan(["T: Can I ask you to tell me more about that?", "P: Yes, I can do that."])).toEqual([]);
    const turns = ["T: Please don't take those any more.", "P: Right. Maybe I'll put them in a bag.", "T: And they've started you on vitamin D. Can I ask you to take that every day?", "P: Yes, I can do that. I'll keep it next to the porridge."];
    expect(plan(turns).map((item) => item.text)).toEqual(["Agreed: “Yes, I can do that.” — to “And they've started you on vitamin D. Can I ask you to take that every day?”", "I'll keep it next to the porridge."]);
  });

  it("leaves a yes that only keeps a thought in mind to confirm", () => {
    const proposal = "T: And if it goes well, we can talk next week about whether to add another.";
    expect(plan([proposal, "P: Okay. Once counts. I'll try and remember that."])).toEqual([]);
    expect(toConfirm([proposal, "P: Okay. Once counts. I'll try and remember that."])).toHaveLength(1);
    expect(plan(["T: Could you take it every morning?", "P: Yes, I'll remember to take it with breakfast."])).toHaveLength(1);
  });

  it("writes nothing for what is pasted into a chat", () => {
    expect(plan(["T: You've come to the right place. What did the messages say?", "P: ok i'll copy them"])).toEqual([]);
  });

  it("reads an announcement of suggestions as none, and what is suggested first after it as what a yes takes up, to confirm", () => {
    const turn = "T: Of course not. So I wanted to suggest a few things and see what fits. First: unless she has a fever, or she's vomiting, she goes to school.";
    expect(plan([turn, "P: Okay. Yes. I can do that."])).toEqual([]);
    expect(toConfirm([turn, "P: Okay. Yes. I can do that."])).toEqual(["To confirm: First: unless she has a fever, or she's vomiting, she goes to school. — “I can do that.”"]);
    expect(plan(["T: The other thing I wanted to suggest was a thought record.", "P: Okay, I can do that."])).toHaveLength(1);
  });

  it("a twentieth batch: a promise refused, a point granted, a decision put off, a fall foreseen and an answer withheld are no plan", () => {
    const none = (words: string, asked = "T: Will you let the doctor see you this afternoon?") => {
      expect(plan([asked, `P: ${words}`]), words).toEqual([]);
      expect(toConfirm([asked, `P: ${words}`]), words).toEqual([]);
    };
    none("He can come. I'll not promise to take anything he gives me.");
    none("I did go, actually. Decent biscuits, I'll give them that.", "T: And last time you mentioned a poster at the church, for the bereavement group.");
    none("We'll cross that bridge.", "T: It's worth knowing it's there as an option, if what we're doing doesn't work.");
    none("No — that's daft, I'll fall flat on me face.", "T: What would a realistic limit be?");
    none("I've got the numbers. I'm not going to say yes just to make you happy.", "T: Would you ring 111 if it gets worse?");
    none("I won't keep you long, I know you're busy.", "T: Come in, sit down.");
    // Still a plan: a promise made, a point about someone else's act.
    expect(plan(["T: Will you take it?", "P: I'll promise to take what he gives me."])).toHaveLength(1);
  });

  it("a twentieth batch: a recap answered yes to one part and unsure of another is to confirm, not agreed whole", () => {
    const recap = "T: So just to recap — keep going with the thought records; have a think about the course; and try the little experiment in the next meeting. How does that sound?";
    expect(plan([recap, "P: The diary yes, definitely, I can do that. The group I'm not sure, honestly. I'll let you know."])).toEqual([]);
    expect(toConfirm([recap, "P: The diary yes, definitely, I can do that. The group I'm not sure, honestly. I'll let you know."])).toHaveLength(1);
    expect(plan([recap, "P: Yes, definitely, I can do that."])).toHaveLength(1);
  });

  it("a twentieth batch: 'What about…?' with an act proposes it, quoted over the reflection before it; 'normally that would be a good idea' takes nothing up", () => {
    const turn = "T: Okay, that's fair, and I hear it'd feel like losing your independence. What about writing down what you take in the night?";
    expect(plan([turn, "P: Yeah, I can do that. There's a notepad by the kettle. I'll do that."]).map((item) => item.text)).toEqual([
      `${agreedPrefix}“I'll do that.” — to “What about writing down what you take in the night?”`,
    ]);
    expect(plan(["T: What about your mum, how is she?", "P: She's fine, thanks."])).toEqual([]);
    const declined = ["T: What about having a dinner for some other couples in his unit?", "P: Unfortunately we can't do that right now because of the rules. But normally that would be a good idea."];
    expect(plan(declined)).toEqual([]);
    expect(toConfirm(declined)).toEqual([]);
  });

  it("a twentieth batch, second round: care waited out is no yes, and a message sent straight after takes back in any words", () => {
    expect(plan(["T: I'd really like to get an ambulance to you.", "P: No. I'll just sleep it off, I'll be sound."])).toEqual([]);
    expect(toConfirm(["T: I'd really like to get an ambulance to you.", "P: No. I'll just sleep it off, I'll be sound."])).toEqual([]);
    const emailed = ["T: It might be worth emailing her to let her know you're struggling.", "P: ya ok i'll email her tonight", "P: wait actually no", "P: i email after the first one if it go bad"];
    expect(plan(emailed).map((item) => item.quote ?? item.text)).not.toContainEqual(expect.stringContaining("email her tonight"));
    const rung = ["T: You can ring them or use their online tool.", "P: ok ill ring them tomorrow", "P: actually nah id rather not phone someone", "P: ok ill do it tonight after my shift"];
    expect(plan(rung).map((item) => item.text)).toEqual(["ok ill do it tonight after my shift"]);
  });
});
