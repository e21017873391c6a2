import { describe, expect, it } from "vitest";
import {
  afterPatientSpoke,
  afterTherapistSpoke,
  emptySafetyScreening,
  isDenial,
  mentionedNow,
  nextSafetyStep,
  notNowWords,
  pointsToUrgentAction,
  safetyQuestions,
  screeningTriggers,
  stepsAnsweredYes,
  statedNow,
  stepsAsked,
  urgentActionText,
  type SafetyScreeningState,
  type TriggerFinding,
} from "./safety-follow-ups.ts";

/** A screening started by a patient's statement of suicidal thinking in segment s1. */
const startedByThoughts = (): SafetyScreeningState => afterPatientSpoke(emptySafetyScreening, "s1", "I keep thinking about killing myself", ["active_ideation"]);

describe("the screening's order (C-SSRS screener)", () => {
  it("lists its seven questions once each, in the screener's order, each in plain words", () => {
    expect(safetyQuestions.map((question) => [question.step, question.ask])).toEqual([
      ["wish_dead", "Ask whether they have wished they were dead, or wished they could go to sleep and not wake up."],
      ["suicidal_thoughts", "Ask whether they have had thoughts of killing themselves."],
      ["method", "Ask whether they have thought about how they might do it."],
      ["intent", "Ask whether they have had any intention of acting on these thoughts."],
      ["plan", "Ask whether they have worked out any of the details of how to do it, and whether they mean to carry out that plan."],
      ["preparation", "Ask whether they have ever done anything, started to do anything, or prepared to do anything to end their life."],
      ["recent", "Ask when that was: within the past three months?"],
    ]);
  });

  it("is started by a stated wish to be dead, suicidal thinking, a method, intent or a plan, preparation, or self-harm — nothing else", () => {
    expect([...screeningTriggers].sort()).toEqual(["active_ideation", "passive_death_wish", "preparatory_behaviour", "self_harm", "suicide_intent_or_plan", "suicide_method"]);
  });

  it("a reply that itself states the risk answers the question asked yes, and leaves nothing awaited", () => {
    let state = afterPatientSpoke(emptySafetyScreening, "s1", "I wish I were dead", ["passive_death_wish"]);
    state = afterTherapistSpoke(state, "t1", "Have you had thoughts of killing yourself?");
    state = afterPatientSpoke(state, "s2", "Yes, I think about killing myself a lot", ["active_ideation"]);
    expect(state.answers.get("suicidal_thoughts")).toBe("yes");
    expect(state.awaiting).toEqual([]);
  });

  it("suggests nothing before a patient's trigger, and nothing for categories that do not start it", () => {
    expect(nextSafetyStep(emptySafetyScreening)).toBeNull();
    const substance = afterPatientSpoke(emptySafetyScreening, "s1", "I drink every night", ["substance"]);
    expect(substance.startedBy).toBeNull();
    expect(nextSafetyStep(substance)).toBeNull();
    expect(afterPatientSpoke(emptySafetyScreening, "s1", "they hit me", ["abuse", "harm_to_others"]).startedBy).toBeNull();
  });

  it("after a wish to be dead asks next about thoughts of killing oneself", () => {
    const state = afterPatientSpoke(emptySafetyScreening, "s1", "Sometimes I wish I could just not wake up", ["passive_death_wish"]);
    expect(state.startedBy).toBe("s1");
    expect(state.answers.get("wish_dead")).toBe("yes");
    expect(nextSafetyStep(state)).toBe("suicidal_thoughts");
  });

  it("after a statement of suicidal thinking, the wish is answered and the method comes next, then intent, plan, preparation", () => {
    let state = startedByThoughts();
    expect([...state.answers.entries()]).toEqual([
      ["wish_dead", "yes"],
      ["suicidal_thoughts", "yes"],
    ]);
    const order: string[] = [];
    for (let turn = 0; turn < 6; turn += 1) {
      const step = nextSafetyStep(state);
      if (step === null) break;
      order.push(step);
      const question = safetyQuestions.find((entry) => entry.step === step)!;
      const spoken = question.ask
        .replace(/^Ask whether they have/, "Have you")
        .replaceAll("their life", "your life")
        .replaceAll("themselves", "yourself")
        .replaceAll(" they ", " you ");
      state = afterTherapistSpoke(state, `t${turn}`, spoken);
      state = afterPatientSpoke(state, `p${turn}`, "No, not that.", []);
    }
    expect(order).toEqual(["method", "intent", "plan", "preparation"]);
    expect(nextSafetyStep(state)).toBeNull();
  });

  it("self-harm starts the screening at the wish to be dead", () => {
    const state = afterPatientSpoke(emptySafetyScreening, "s1", "I cut my arm last night", ["self_harm"]);
    expect(state.startedBy).toBe("s1");
    expect(state.answers.size).toBe(0);
    expect(nextSafetyStep(state)).toBe("wish_dead");
  });

  it("skips method, intent and plan once thoughts are denied, and goes to preparation", () => {
    let state = afterPatientSpoke(emptySafetyScreening, "s1", "I wish I were dead", ["passive_death_wish"]);
    state = afterTherapistSpoke(state, "t1", "Have you had any thoughts of killing yourself?");
    expect(state.awaiting).toEqual(["suicidal_thoughts"]);
    state = afterPatientSpoke(state, "s2", "No, never.", []);
    expect(state.answers.get("suicidal_thoughts")).toBe("no");
    expect(nextSafetyStep(state)).toBe("preparation");
  });

  it("an unclear reply leaves the step asked and the thoughts' branch open", () => {
    let state = afterPatientSpoke(emptySafetyScreening, "s1", "I wish I were dead", ["passive_death_wish"]);
    state = afterTherapistSpoke(state, "t1", "Have you had thoughts of ending your life?");
    state = afterPatientSpoke(state, "s2", "It's hard to say really.", []);
    expect(state.answers.get("suicidal_thoughts")).toBe("unclear");
    expect(nextSafetyStep(state)).toBe("method");
  });

  it("asks when it was only after something was done or prepared", () => {
    let state = startedByThoughts();
    state = afterPatientSpoke(state, "s2", "I've been saving up my tablets", ["preparatory_behaviour"]);
    expect(state.answers.get("preparation")).toBe("yes");
    // method, intent and plan are answered yes by preparation; recent is next.
    expect(nextSafetyStep(state)).toBe("recent");
  });

  it("never suggests a question the therapist already asked, even before the screening started", () => {
    let state = afterTherapistSpoke(emptySafetyScreening, "t1", "Do you ever wish you were dead?");
    state = afterPatientSpoke(state, "s1", "Yes, sometimes, and I think about suicide", ["active_ideation"]);
    expect(state.asked.has("wish_dead")).toBe(true);
    expect(nextSafetyStep(state)).toBe("method");
    state = afterTherapistSpoke(state, "t2", "Have you thought about how you would do it?");
    expect(state.asked.get("method")).toBe("t2");
    expect(nextSafetyStep(state)).toBe("intent");
  });

  it("keeps the first segment a step was asked in, and awaits only unanswered steps", () => {
    let state = startedByThoughts();
    state = afterTherapistSpoke(state, "t1", "Have you had thoughts of killing yourself, and any intention to act on them?");
    expect(state.awaiting).toEqual(["intent"]);
    state = afterTherapistSpoke(state, "t2", "Any intention of acting on these thoughts?");
    expect(state.asked.get("intent")).toBe("t1");
    expect(afterTherapistSpoke(state, "t3", "How was your week?")).toBe(state);
  });
});

describe("what counts as asked", () => {
  it.each([
    ["Have you wished you were dead or could go to sleep and not wake up?", "wish_dead"],
    ["Do you sometimes feel you'd be better off dead?", "wish_dead"],
    ["Would you prefer not to wake up?", "wish_dead"],
    ["Do you want to die?", "wish_dead"],
    ["Have you wanted to be dead?", "wish_dead"],
    ["Have you thought about how you might actually do it?", "method"],
    ["Do you have the means to end your life?", "method"],
    ["Do you intend to do anything?", "intent"],
    ["Any intent to do it?", "intent"],
    ["Would you act on those thoughts?", "intent"],
    ["Have you been saving up any pills?", "preparation"],
    ["Have you stockpiled tablets?", "preparation"],
    ["Have you had thoughts about killing yourself?", "suicidal_thoughts"],
    ["Are you feeling suicidal?", "suicidal_thoughts"],
    ["Have you thought about how you might do it?", "method"],
    ["Do you have any intention of acting on these thoughts?", "intent"],
    ["Have you made a plan to end your life?", "plan"],
    ["Have you worked out the details?", "plan"],
    ["Have you done anything to prepare to end your life?", "preparation"],
    ["Have you been saving up pills?", "preparation"],
    ["Was that in the past three months?", "recent"],
  ])("%s → %s", (question, step) => {
    expect(stepsAsked(question)).toContain(step);
  });

  it.each(["So you plan to cut back on drinking?", "When do you take your medications?", "How is your sleep?", "What did you do to prepare for the interview?", "Did you intend to call your sister?"])(
    "%s asks no screening question but at most intent's wording",
    (question) => {
      expect(stepsAsked(question).filter((step) => step !== "intent")).toEqual([]);
    },
  );
});

describe("answers", () => {
  it.each(["No.", "Nope", "Never", "not really", "No, I haven't", "I haven't", "I don't think so", "Nothing like that"])("%s is a denial", (reply) => {
    expect(isDenial(reply)).toBe(true);
  });

  it.each(["  NO, never", "\tNope."])("%j is a denial (case and spaces aside)", (reply) => {
    expect(isDenial(reply)).toBe(true);
  });

  it.each(["Yes", "Sometimes", "Know what, yes", "Notably yes", "I have", "", "Yes, and no one knows"])("%s is not a denial", (reply) => {
    expect(isDenial(reply)).toBe(false);
  });

  it("maps each stated category to the steps it answers yes", () => {
    expect(stepsAnsweredYes(["passive_death_wish"])).toEqual(["wish_dead"]);
    expect(stepsAnsweredYes(["suicide_method"])).toEqual(["wish_dead", "suicidal_thoughts", "method"]);
    expect(stepsAnsweredYes(["suicide_intent_or_plan"])).toEqual(["wish_dead", "suicidal_thoughts", "method", "intent", "plan"]);
    expect(stepsAnsweredYes(["self_harm", "substance"])).toEqual([]);
  });
});

describe("urgent action", () => {
  const withAnswers = (answers: Array<[string, "yes" | "no" | "unclear"]>): SafetyScreeningState => ({
    ...emptySafetyScreening,
    startedBy: "s1",
    answers: new Map(answers) as SafetyScreeningState["answers"],
  });

  it("says so in plain words", () => {
    expect(urgentActionText).toBe("What they have said points to urgent action: follow your service's procedure for immediate risk before the session ends.");
  });

  it("is pointed to by intent, a plan, or preparation not known to be long ago", () => {
    expect(pointsToUrgentAction(withAnswers([["intent", "yes"]]))).toBe(true);
    expect(pointsToUrgentAction(withAnswers([["plan", "yes"]]))).toBe(true);
    expect(pointsToUrgentAction(withAnswers([["preparation", "yes"]]))).toBe(true);
    expect(pointsToUrgentAction(withAnswers([["preparation", "yes"], ["recent", "unclear"]]))).toBe(true);
  });

  it("is not pointed to by thoughts, a method, or preparation long ago", () => {
    expect(pointsToUrgentAction(withAnswers([["suicidal_thoughts", "yes"], ["method", "yes"], ["intent", "no"], ["plan", "unclear"]]))).toBe(false);
    expect(pointsToUrgentAction(withAnswers([["preparation", "yes"], ["recent", "no"]]))).toBe(false);
    expect(pointsToUrgentAction(withAnswers([]))).toBe(false);
  });
});

describe("what starts the screening: a finding stated now (statedNow)", () => {
  const finding = (overrides: Partial<TriggerFinding> = {}): TriggerFinding => ({
    category: "active_ideation",
    temporality: "current",
    subject: "speaker",
    basis: "statement",
    quote: "I keep thinking about killing myself.",
    ...overrides,
  });

  it("takes the patient's own current statement, or a yes to a question that named the risk, with what it implies", () => {
    expect(statedNow(finding())).toEqual(["active_ideation"]);
    expect(statedNow(finding({ basis: "answer_to_named_question", category: "suicide_method", reasons: ["active_ideation"] }))).toEqual(["suicide_method", "active_ideation"]);
  });

  it("takes nothing from a mention, a reply to another question, the past or someone else's risk", () => {
    expect(statedNow(finding({ basis: "mention" }))).toEqual([]);
    expect(statedNow(finding({ basis: "answer_to_other_question" }))).toEqual([]);
    expect(statedNow(finding({ temporality: "history" }))).toEqual([]);
    expect(statedNow(finding({ subject: "other_person" }))).toEqual([]);
  });

  it("takes back a near miss told as a story, unless it was recent", () => {
    expect(statedNow(finding({ quote: "That winter I nearly killed myself." }))).toEqual([]);
    expect(statedNow(finding({ quote: "I almost took all of them last night." }))).toEqual(["active_ideation"]);
    expect(statedNow(finding({ quote: "I ALMOST ENDED IT AGAIN." }))).toEqual(["active_ideation"]);
  });

  it("takes back news someone else told them and a prognosis, whatever else the sentence says", () => {
    expect(statedNow(finding({ category: "suicide_intent_or_plan", quote: "Last year I was told I only had weeks to live." }))).toEqual([]);
    expect(statedNow(finding({ quote: "I got told I should end it now." }))).toEqual([]);
    expect(statedNow(finding({ category: "passive_death_wish", quote: "Some days I wish I had months to live, not years." }))).toEqual([]);
  });

  it("reads a mention apart (mentionedNow): the patient's own, current, and not taken back", () => {
    const river = finding({ category: "suicide_method", basis: "mention", quote: "I sat in the car and thought about driving into the river.", reasons: ["active_ideation"] });
    expect(mentionedNow(river)).toEqual(["suicide_method", "active_ideation"]);
    expect(mentionedNow({ ...river, reasons: undefined })).toEqual(["suicide_method"]);
    expect(mentionedNow(finding())).toEqual([]);
    expect(mentionedNow({ ...river, basis: "answer_to_other_question" })).toEqual([]);
    expect(mentionedNow({ ...river, temporality: "history" })).toEqual([]);
    expect(mentionedNow({ ...river, subject: "other_person" })).toEqual([]);
    expect(mentionedNow({ ...river, quote: "That winter I nearly killed myself." })).toEqual([]);
    expect(mentionedNow({ ...river, quote: "I almost took all of them last night." })).toEqual(["suicide_method", "active_ideation"]);
  });

  it("a mention answers a screening question the therapist just put, and starts the screening there — never on its own", () => {
    const asked = afterTherapistSpoke(emptySafetyScreening, "t1", "You told me about the thoughts of killing yourself. How have things been since?");
    const replied = afterPatientSpoke(asked, "p1", "Tuesday was bad. I thought about driving into the river.", [], ["suicide_method"]);
    expect(replied.startedBy).toBe("p1");
    expect([...replied.answers]).toEqual([
      ["wish_dead", "yes"],
      ["suicidal_thoughts", "yes"],
      ["method", "yes"],
    ]);
    expect(nextSafetyStep(replied)).toBe("intent");
    // Not after a screening question: the mention starts nothing and answers nothing.
    const alone = afterPatientSpoke(emptySafetyScreening, "p1", "I thought about driving into the river.", [], ["suicide_method"]);
    expect(alone).toEqual({ ...emptySafetyScreening, awaiting: [] });
    const afterOther = afterPatientSpoke(afterTherapistSpoke(emptySafetyScreening, "t1", "How was your week?"), "p1", "I thought about driving into the river.", [], ["suicide_method"]);
    expect(afterOther.startedBy).toBeNull();
  });

  it("names, for each pattern that takes a sentence back, what it takes back", () => {
    expect(notNowWords.map((words) => words.says)).toEqual(["a near miss told as a story, with no sign that it was recent", "what someone else told them", "a prognosis, not a wish"]);
  });
});
