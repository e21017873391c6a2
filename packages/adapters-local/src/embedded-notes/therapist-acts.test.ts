import { describe, expect, it } from "vitest";
import { readSegment } from "./segment-reader.ts";
import { findTherapistActs } from "./therapist-acts.ts";

/** The lines written for a dialogue of "T: …" / "P: …" turns. */
function actsOf(turns: readonly string[]): string[] {
  const segments = turns.map((turn, index) =>
    readSegment({ id: `seg-${index}`, speaker: turn.startsWith("T: ") ? "T" : "P", startMs: index * 5_000, text: turn.slice(3) }, turn.startsWith("T: ") ? "therapist" : "patient"),
  );
  return findTherapistActs(segments).map((item) => item.text);
}

/** The line one therapist sentence gives, alone ([] when none). */
const actOf = (sentence: string) => actsOf([`T: ${sentence}`, "P: Okay."]);

describe("what the therapist did", () => {
  it("names each act by the therapist's words, quoting the whole sentence and citing it", () => {
    const segment = readSegment({ id: "seg-0", speaker: "T", startMs: 0, text: "Okay. It sounds like you carried the debts alone for months." }, "therapist");
    expect(findTherapistActs([segment])).toEqual([
      {
        text: "Reflected: “It sounds like you carried the debts alone for months.”",
        quote: "It sounds like you carried the debts alone for months.",
        speaker: "therapist",
        evidence: [{ segmentId: "seg-0", start: 6, end: 60 }],
      },
    ]);
  });

  it.each([
    ["Have you had any thoughts of ending your life?", "Asked"],
    ["Have you ever wished you could go to sleep and not wake up?", "Asked"],
    ["Have you ever hurt yourself on purpose?", "Asked"],
    ["So on one hand you want to stop, and on the other it is how you relax.", "Reflected"],
    ["You feel abandoned by the friends who promised they would stay.", "Reflected"],
    ["What I'm hearing is that the nights are the hardest part for you.", "Reflected"],
    ["On one hand the wine helps you relax, and on the other it might be affecting your sleep.", "Reflected"],
    ["To sum up, the move, the new job and your mum's illness all came at once.", "Summarised"],
    ["That's a hard position to be in.", "Acknowledged"],
    ["That's a lot to be carrying.", "Acknowledged"],
    ["That's a lot to deal with on your own.", "Acknowledged"],
    ["That's a lot on your plate right now.", "Acknowledged"],
    ["And Rob, it took something to come in today and say all that.", "Affirmed"],
    ["Thank you for being so open with me today.", "Affirmed"],
    ["Thanks for telling me straight, I appreciate that.", "Affirmed"],
    ["That's what we call a safety behaviour, and it keeps the fear going.", "Explained"],
    ["One of the things we know about low mood is that it pulls us away from what used to help.", "Explained"],
    ["That is such a heavy thing to carry on your own.", "Acknowledged"],
    ["Let me just recap what you've told me about the move.", "Summarised"],
    ["That must have been really frightening for you.", "Acknowledged"],
    ["I'm so sorry your grandmother passed away last spring.", "Acknowledged"],
    ["It makes sense you would keep some distance from him now.", "Acknowledged"],
    ["That must have been a really hard conversation.", "Acknowledged"],
    ["That must be an exhausting month, with the new job and the move.", "Acknowledged"],
    ["You should be really proud of getting through that week.", "Affirmed"],
    ["You are doing the right thing, keeping the receipts.", "Affirmed"],
    ["That's a great start.", "Affirmed"],
    ["Research shows that regular sleep times help with low mood.", "Explained"],
    ["A lot of people find the first weeks after a loss the hardest.", "Explained"],
    ["Many parents notice their sleep goes first when a baby arrives.", "Explained"],
    ["What we know is that drinking late at night makes the mornings harder.", "Explained"],
    ["That's a really common worry with a new tablet.", "Explained"],
    ["It is a normal reaction after a loss like that.", "Explained"],
    ["You've already made a real change to your evenings.", "Affirmed"],
    ["You're being really honest about the weekend.", "Affirmed"],
    ["What happened after the argument with your brother?", "Asked"],
    ["Could you describe the panic that comes at work?", "Asked"],
  ])("%s — %s", (sentence, act) => {
    expect(actOf(sentence)).toEqual([`${act}: “${sentence}”`]);
  });

  it.each([
    // Greetings, offers to help and the agenda are no question of substance.
    "How are you doing today?",
    "How are you this evening?",
    "How may I help you this evening?",
    "What is it I could help you with?",
    "How could I best be of support?",
    "What do you want to discuss this morning?",
    "What topics do you feel we should talk about today?",
    // A proposal put as a question, or a question that is no open one, is not asked here.
    "How is the weather where you are?",
    "How was your weekend?",
    "How about writing to your landlord first?",
    "What if you phoned your cousin on Sundays?",
    "Have you tried buying yourself a treat?",
    "Do you want a glass of water?",
    // A reflection that puts something forward, or speaks of the world, or praises, is no reflection.
    "It sounds like you could ask your neighbour for a hand.",
    "It sounds like if you sorted the paperwork, things would ease.",
    "It seems that no matter what we do, things keep changing.",
    "It sounds like a plan.",
    "That sounds like a good plan.",
    "It seems like the best option for you is a quiet week.",
    "It sounds like you think it would really help to hear from him.",
    "It seems like burnout is what you're suffering from at work.",
    "It sounds like you might be able to ask your boss.",
    // A hard thing named, not the patient's position: no acknowledgement.
    "That's a lot of tablets to remember.",
    "That's a hard question to answer.",
    "That's a lot to ask of the surgery.",
    // Thanks for what was not openness, and a name or a time given by the patient's words, are none.
    "Thanks for telling me about the appointment.",
    "It took ages to get there on the bus.",
    // A view of a step only proposed, or a doubt, is no praise.
    "That would be a good first step, I think.",
    "You wonder whether you are doing the right thing.",
    "Saying no is good for you sometimes.",
    "Many people would just give up at that point.",
    "You could have made a change sooner.",
    // Too short to stand for an act, or broken off.
    "That's hard.",
    "It sounds like you really-",
  ])("nothing for: %s", (sentence) => {
    expect(actOf(sentence)).toEqual([]);
  });

  it("names no act in the patient's words", () => {
    expect(actsOf(["T: Okay.", "P: It sounds like you think I'm lazy.", "P: What should I even do now?"])).toEqual([]);
  });

  it("asks of suicide only where dying is named: a question the screening's patterns match about anything else is an open question or nothing", () => {
    expect(actOf("When was that?")).toEqual([]);
    expect(actOf("Do you intend to go back to college?")).toEqual([]);
    expect(actOf("Did your uncle die by suicide?")).toEqual(["Asked: “Did your uncle die by suicide?”"]);
  });

  it("lists the suicide questions first (two at most), then one line per act in a clinician's order, each sentence once", () => {
    const acts = actsOf([
      "T: What brings you here?",
      "P: I have been feeling low.",
      "T: I'm sorry for what the move cost you. What has been the hardest part of this month?",
      "P: Everything.",
      "T: It sounds like you feel worn down. Have you had thoughts of killing yourself?",
      "P: Sometimes.",
      "T: Have you thought about how you would do it? Have you made any plans to end your life?",
      "P: No.",
      "T: Have you wished you were dead? What happened at work?",
    ]);
    expect(acts).toEqual([
      "Asked: “Have you had thoughts of killing yourself?”",
      "Asked: “Have you made any plans to end your life?”",
      "Reflected: “It sounds like you feel worn down.”",
      "Acknowledged: “I'm sorry for what the move cost you.”",
      "Asked: “What has been the hardest part of this month?”",
    ]);
  });

  it("names a safety or crisis plan after the suicide questions, quoting the sentence that says most of it", () => {
    const acts = actsOf([
      "T: Have you had thoughts of killing yourself?",
      "P: Yes, on Tuesday.",
      "T: Can we work on a safety plan together today? A safety plan is a written list of steps for when things get bad.",
      "P: Okay.",
      "T: What helps you feel a bit better?",
    ]);
    expect(acts).toEqual([
      "Asked: “Have you had thoughts of killing yourself?”",
      "Safety plan: “A safety plan is a written list of steps for when things get bad.”",
      "Asked: “What helps you feel a bit better?”",
    ]);
    expect(actOf("Let's go over your crisis plan from last week.")).toEqual(["Crisis plan: “Let's go over your crisis plan from last week.”"]);
    // A plan of anything else, or a plan said without safety, is no safety plan.
    expect(actOf("Let's make a plan for the safety inspection at work.")).toEqual([]);
    expect(actOf("That sounds like a safe plan to me.")).toEqual([]);
  });

  it("quotes the longest sentence of an act: the one that says most of what it was about", () => {
    expect(actsOf(["T: You feel tired.", "P: Yes.", "T: You feel tired of carrying the whole household on your own."])).toEqual([
      "Reflected: “You feel tired of carrying the whole household on your own.”",
    ]);
  });

  it("quotes a summary announced in a short sentence with the summary after it, and the announcement alone when nothing follows", () => {
    expect(actsOf(["T: Let me just sum up. You've been drinking most nights, and you're worried about the kids.", "P: Yeah."])).toEqual([
      "Summarised: “Let me just sum up. You've been drinking most nights, and you're worried about the kids.”",
    ]);
    expect(actsOf(["T: Let me just sum up.", "P: Okay."])).toEqual(["Summarised: “Let me just sum up.”"]);
    // A summary that says more in its own sentence is quoted alone.
    expect(actsOf(["T: To sum up, the move and the new job came at once. What now?", "P: Okay."])[0]).toBe("Summarised: “To sum up, the move and the new job came at once.”");
    expect(actsOf(["T: Let me check I've got it. You're going to keep to two pints on weeknights and tell the lads on Thursday.", "P: Yeah."])).toEqual([
      "Summarised: “Let me check I've got it. You're going to keep to two pints on weeknights and tell the lads on Thursday.”",
    ]);
  });

  it("reads a long sentence said of the patient and checked with them right after as a summary, not a short one or one checked later", () => {
    for (const check of ["Have I got that right?", "Did I get that right?", "Is that about right?", "Does that sound right?", "Did I miss anything?", "Okay, have I missed anything?"]) {
      expect(actsOf([`T: So you'll keep the inhaler by your toothbrush, take it twice a day, and come back in four weeks. ${check}`, "P: Yeah."]), check).toEqual([
        "Summarised: “So you'll keep the inhaler by your toothbrush, take it twice a day, and come back in four weeks.”",
      ]);
    }
    // Short, or one thing said back, it is a reflection checked; with a sentence between, or of no one but the world, nothing is checked back.
    expect(actsOf(["T: You're worried what they think. Is that right?", "P: Yeah."])).toEqual(["Reflected: “You're worried what they think.”"]);
    expect(actsOf(["T: You thought the relationship was going well and you were surprised when it ended. Is that right?", "P: Yeah."])).toEqual([]);
    expect(actsOf(["T: So you'll keep the inhaler by your toothbrush, take it twice a day, and come back in four weeks. Okay. Have I got that right?", "P: Yeah."])).toEqual([]);
    expect(actsOf(["T: The preventer works slowly and calms the swelling in the airways over a few weeks. Have I explained that right?", "P: Yeah."])).toEqual([]);
  });
});
