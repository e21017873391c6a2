import { describe, expect, it } from "vitest";
import type { AgendaItem, LiveSuggestionRecord, LiveUpdate } from "../../domain/live-session.ts";
import { ConfideError } from "../../errors.ts";
import type { RiskScreenInput } from "../../ports/risk-screen.ts";
import { createManualClock } from "../../testing/manual-clock.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedRiskScreen, findingOn } from "../../testing/scripted-risk-screen.ts";
import { agendaReminderBeforeEndMs, LiveSuggestions, type SuggestionFinal } from "./live-suggestions.ts";

function setup(options: { plannedEndMs?: number; earlier?: LiveSuggestionRecord[] } = {}) {
  const risk = createScriptedRiskScreen();
  const clock = createManualClock();
  const logger = createRecordingLogger();
  const updates: LiveUpdate[] = [];
  let records: LiveSuggestionRecord[] = [...(options.earlier ?? [])];
  const suggestions = new LiveSuggestions({
    deps: { risk, clock, logger },
    language: "en-US",
    listener: (update) => updates.push(update),
    record: async (change) => {
      records = change(records);
    },
    ...options,
  });
  let count = 0;
  const say = async (role: SuggestionFinal["role"], text: string, agenda: AgendaItem[] = [], endMs?: number) => {
    count += 1;
    const startMs = count * 10_000;
    await suggestions.onFinal({ segment: { id: `seg-${count}`, speaker: role === "therapist" ? "A" : "B", text, startMs, endMs: endMs ?? startMs + 5_000 }, role }, agenda);
    return `seg-${count}`;
  };
  return { risk, clock, logger, updates, records: () => records, suggestions, say };
}

const suggested = (updates: LiveUpdate[]) => updates.filter((update) => update.type === "suggestion");
const withdrawn = (updates: LiveUpdate[]) => updates.filter((update) => update.type === "suggestion-withdrawn");

describe("LiveSuggestions: safety follow-ups", () => {
  it("suggests the next screening question after a patient's statement, citing it, and records it with the session", async () => {
    const { risk, updates, records, say } = setup();
    risk.script((input) => (input.segments.some((segment) => segment.text.includes("killing myself")) ? [findingOn(input, "killing myself")] : []));
    const cited = await say("patient", "I've been thinking about killing myself");
    expect(suggested(updates)).toEqual([
      expect.objectContaining({ id: "safety:method", kind: "safety", cites: [cited], text: expect.stringMatching(/how they might do it/) }),
    ]);
    expect(suggested(updates)[0]).toMatchObject({ why: "They said something at 0:10 that may be suicidal thinking or self-harm: the next question of a risk screening." });
    expect(records()).toEqual([expect.objectContaining({ id: "safety:method", withdrawn: null, outcome: null })]);
  });

  it("screens each patient final with the question before it (not an earlier patient final), and gives each speaker its role", async () => {
    const { risk, say } = setup();
    await say("therapist", "How have things been?");
    await say("patient", "Hard.");
    await say("patient", "Really hard.");
    expect(risk.inputs.map((input) => input.segments.map((segment) => segment.text))).toEqual([["How have things been?", "Hard."], ["Really hard."]]);
    expect(risk.inputs[0]?.speakers).toEqual([
      { label: "A", role: "therapist" },
      { label: "B", role: "patient" },
    ]);
    expect(risk.inputs[0]?.language).toBe("en-US");
  });

  it("reads the categories a flag carries as reasons too (intent inferred from the same words points to urgent action)", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) =>
      input.segments.at(-1)?.text.includes("tonight") ? [findingOn(input, "tonight", { category: "passive_death_wish", reasons: ["suicide_intent_or_plan"] })] : [],
    );
    await say("patient", "I won't be here after tonight");
    expect(suggested(updates)[0]).toMatchObject({ id: "safety:urgent" });
  });

  it("reads a patient's own question as the patient's words, and a finding citing the question and the reply as the reply's", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      const last = input.segments.at(-1)!;
      if (last.text.startsWith("Is it normal")) return [findingOn(input, "want to die", { category: "passive_death_wish" })];
      if (last.text === "I have.") {
        const question = input.segments[0]!;
        return [{ ...findingOn(input, "I have."), evidence: [{ segmentId: question.id, start: 0, end: 4 }, { segmentId: last.id, start: 0, end: 7 }] }];
      }
      return [];
    });
    await say("patient", "Is it normal to want to die?");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts"]);
    await say("unknown", "Have you thought of killing yourself?");
    await say("patient", "I have.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts", "safety:method"]);
  });

  it("counts a finding that cites the question and the patient's reply to it as the reply's", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      const [question, reply] = input.segments;
      if (reply?.text !== "Ending it, if I'm honest.") return [];
      return [{ ...findingOn(input, "Ending it"), evidence: [{ segmentId: question!.id, start: 0, end: 8 }, { segmentId: reply.id, start: 0, end: 9 }] }];
    });
    await say("unknown", "What has been on your mind this week?");
    const reply = await say("patient", "Ending it, if I'm honest.");
    expect(suggested(updates)).toEqual([expect.objectContaining({ id: "safety:method", cites: [reply] })]);
  });

  it("counts only findings on the patient's own final, not on the question screened with it", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => (input.segments.length === 2 ? [findingOn(input, "killing yourself")] : []));
    await say("unknown", "Have you had thoughts of killing yourself?");
    await say("patient", "No.");
    expect(suggested(updates)).toEqual([]);
  });

  it("withdraws a question the patient answers before it is asked, as answered", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      const last = input.segments.at(-1)?.text ?? "";
      if (last.includes("end it all")) return [findingOn(input, "end it all")];
      if (last.includes("how many pills")) return [findingOn(input, "how many pills", { category: "suicide_method" })];
      return [];
    });
    await say("patient", "I want to end it all");
    await say("patient", "I looked up how many pills it would take");
    expect(withdrawn(updates)).toContainEqual({ type: "suggestion-withdrawn", id: "safety:method", reason: "answered" });
  });

  it("withdraws it once the therapist asks it, then suggests the next after the answer — never one already asked", async () => {
    const { risk, updates, records, say } = setup();
    risk.script((input) => (input.segments.some((segment) => segment.text.includes("end it all")) ? [findingOn(input, "end it all")] : []));
    await say("patient", "I want to end it all");
    await say("therapist", "Have you thought about how you would do it?");
    expect(withdrawn(updates)).toEqual([{ type: "suggestion-withdrawn", id: "safety:method", reason: "asked" }]);
    expect(records()[0]?.withdrawn).toMatchObject({ reason: "asked" });
    await say("patient", "No, not really.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method", "safety:intent"]);
    expect(suggested(updates)[1]).toMatchObject({ why: "The next question of the risk screening not yet asked or answered.", cites: ["seg-1", "seg-3"] });
    expect(records().map((record) => [record.id, record.withdrawn?.reason ?? null])).toEqual([
      ["safety:method", "asked"],
      ["safety:intent", null],
    ]);
    await say("therapist", "And any intention of acting on these thoughts?");
    await say("patient", "No.");
    await say("therapist", "Have you done anything to prepare to end your life?");
    await say("patient", "No.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method", "safety:intent", "safety:plan"]);
    await say("patient", "I still want to end it all");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method", "safety:intent", "safety:plan"]);
  });

  it("notes urgent action once, marked, when intent or a plan is stated, and keeps it when the next question comes", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      if (input.segments.some((segment) => segment.text.includes("going to do it"))) return [findingOn(input, "going to do it", { category: "suicide_intent_or_plan" })];
      return [];
    });
    await say("patient", "I'm going to do it this weekend");
    const made = suggested(updates);
    expect(made[0]).toMatchObject({
      id: "safety:urgent",
      urgent: true,
      kind: "safety",
      text: "What they have said points to urgent action: follow your service's procedure for immediate risk before the session ends.",
      why: "Their answers at 0:10 speak of intent, a plan or something done to prepare.",
    });
    expect(made.map((update) => update.id)).toEqual(["safety:urgent", "safety:preparation"]);
    await say("patient", "I'm going to do it this weekend");
    expect(suggested(updates)).toHaveLength(2);
    expect(withdrawn(updates).map((update) => update.id)).not.toContain("safety:urgent");
  });

  it("reads a yes to the therapist's question that named it, screening the question with the answer", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) =>
      input.segments.length === 2 && input.segments[1]?.text === "Yes."
        ? [findingOn(input, "Yes.", { category: "active_ideation", basis: "answer_to_named_question" })]
        : [],
    );
    await say("therapist", "Have you had thoughts of killing yourself?");
    await say("patient", "Yes.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method"]);
  });

  it("ignores what does not state the risk: a mention, another's risk, the past, a reply to another question", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      const last = input.segments.at(-1)?.text ?? "";
      if (last.includes("pills")) return [findingOn(input, "pills", { category: "suicide_method", basis: "mention" })];
      if (last.includes("brother")) return [findingOn(input, "brother", { subject: "other_person" })];
      if (last.includes("years ago")) return [findingOn(input, "years ago", { temporality: "history" })];
      if (last.includes("Yeah")) return [findingOn(input, "Yeah", { basis: "answer_to_other_question" })];
      return [];
    });
    await say("patient", "My pharmacist explained the pills");
    await say("patient", "My brother tried to kill himself");
    await say("patient", "I felt like that years ago");
    await say("therapist", "Are you ready to cut back?");
    await say("patient", "Yeah");
    expect(suggested(updates)).toEqual([]);
  });

  it("reads a mention as an answer to the screening question just put, and suggests the step after it", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      const last = input.segments.at(-1)?.text ?? "";
      return last.includes("river") ? [findingOn(input, "river", { category: "suicide_method", basis: "mention" })] : [];
    });
    await say("therapist", "You told me about the thoughts of killing yourself. How have things been since?");
    const cited = await say("patient", "Tuesday was bad. I thought about driving into the river.");
    expect(suggested(updates)).toEqual([expect.objectContaining({ id: "safety:intent", cites: [cited] })]);
    // The same words after any other question start nothing.
    const other = setup();
    other.risk.script((input) => ((input.segments.at(-1)?.text ?? "").includes("river") ? [findingOn(input, "river", { category: "suicide_method", basis: "mention" })] : []));
    await other.say("therapist", "How was your week?");
    await other.say("patient", "Tuesday was bad. I thought about driving into the river.");
    expect(suggested(other.updates)).toEqual([]);
  });

  it("starts nothing on words that tell someone else's news or a near miss long past, whatever the screen read", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => {
      const last = input.segments.at(-1)?.text ?? "";
      if (last.includes("months to live")) return [findingOn(input, "the specialist said I had months to live", { category: "suicide_intent_or_plan" })];
      if (last.includes("nearly")) return [findingOn(input, "Years back I nearly killed myself over a breakup")];
      return [];
    });
    await say("patient", "Back then the specialist said I had months to live");
    await say("patient", "Years back I nearly killed myself over a breakup");
    expect(suggested(updates)).toEqual([]);
  });

  it("a wish to be dead stated now answers the first question and suggests the next", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => (input.segments.at(-1)?.text.includes("want to die") ? [findingOn(input, "some nights I want to die", { category: "passive_death_wish" })] : []));
    await say("patient", "I'm worn out, some nights I want to die");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts"]);
  });

  it("treats an unknown speaker's question (ending in a question mark) as the therapist's and a statement as the patient's", async () => {
    const { risk, updates, say, suggestions } = setup();
    risk.script((input) => (input.segments.at(-1)?.text.includes("no point living") ? [findingOn(input, "no point living", { category: "passive_death_wish" })] : []));
    await say("unknown", "Have you had thoughts of killing yourself?  ");
    await say("unknown", "I feel there's no point living");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method"]);
    expect(suggestions.current().map((suggestion) => suggestion.id)).toEqual(["safety:method"]);
  });

  it("never takes the patient's own words for the therapist asking a question", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => (input.segments.at(-1)?.text.includes("wish I were dead") ? [findingOn(input, "wish I were dead", { category: "passive_death_wish" })] : []));
    await say("patient", "My sister thinks I sound suicidal. Some days I wish I were dead.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts"]);
  });

  it("a new question takes the place of an earlier one left on screen, which is withdrawn as superseded", async () => {
    const earlier: LiveSuggestionRecord = { id: "safety:method", kind: "safety", text: "", why: "", cites: ["seg-0"], at: new Date(0), withdrawn: null, outcome: null };
    const { risk, updates, records, say, suggestions } = setup({ earlier: [earlier] });
    risk.script((input) => (input.segments.at(-1)?.text.includes("wish I were dead") ? [findingOn(input, "wish I were dead", { category: "passive_death_wish" })] : []));
    await say("patient", "I feel fine today.");
    expect(withdrawn(updates)).toEqual([]);
    await say("patient", "Some days I wish I were dead.");
    expect(withdrawn(updates)).toEqual([{ type: "suggestion-withdrawn", id: "safety:method", reason: "superseded" }]);
    expect(suggestions.current().map((suggestion) => suggestion.id)).toEqual(["safety:suicidal_thoughts"]);
    expect(records().map((record) => [record.id, record.withdrawn?.reason ?? null])).toEqual([
      ["safety:method", "superseded"],
      ["safety:suicidal_thoughts", null],
    ]);
  });

  it("keeps the session going when the screen fails, and logs only the code", async () => {
    const { risk, updates, logger, say } = setup();
    risk.script(new ConfideError("provider.unavailable", "down"));
    await say("patient", "I want to die");
    expect(suggested(updates)).toEqual([]);
    expect(logger.entries.at(-1)).toMatchObject({ level: "warn", message: "live suggestions: the risk screen failed on a final", fields: { code: "provider.unavailable" } });
  });

  it("suggests nothing, and warns of nothing, when the screen does not read the language", async () => {
    const { risk, updates, logger, say } = setup();
    risk.script(() => ({ status: "not_screened", reason: "language", version: "x" }));
    await say("patient", "Quiero morir");
    expect(suggested(updates)).toEqual([]);
    expect(logger.entries.filter((entry) => entry.level === "warn")).toEqual([]);
  });
});

describe("LiveSuggestions: the therapist's marks, and a resumed session", () => {
  const thinking = (input: RiskScreenInput) =>
    input.segments.at(-1)?.text.includes("killing myself") ? [findingOn(input, "killing myself")] : [];

  it("a question marked asked counts as asked, whatever words were used: the answer moves the screening on", async () => {
    const { risk, updates, say, suggestions } = setup();
    risk.script(thinking);
    await say("patient", "I keep thinking about killing myself");
    await suggestions.onOutcome("safety:method", "used");
    expect(suggestions.current()).toEqual([]);
    await say("therapist", "Mm, tell me more.");
    await say("patient", "No, nothing like that.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method", "safety:intent"]);
  });

  it("a denial after the thoughts question was marked asked skips method, intent and plan", async () => {
    const { risk, updates, say, suggestions } = setup();
    risk.script((input) => (input.segments.at(-1)?.text.includes("wish I were dead") ? [findingOn(input, "wish I were dead", { category: "passive_death_wish" })] : []));
    await say("patient", "Some days I wish I were dead.");
    await suggestions.onOutcome("safety:suicidal_thoughts", "used");
    await say("patient", "No, never that.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts", "safety:preparation"]);
  });

  it("a question marked asked stays asked when the therapist asks another before the answer", async () => {
    const { risk, updates, say, suggestions } = setup();
    risk.script((input) => (input.segments.at(-1)?.text.includes("wish I were dead") ? [findingOn(input, "wish I were dead", { category: "passive_death_wish" })] : []));
    await say("patient", "Some days I wish I were dead.");
    await suggestions.onOutcome("safety:suicidal_thoughts", "used");
    await say("therapist", "Have you thought about how you would do it?");
    await say("patient", "No.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts", "safety:intent"]);
  });

  it("a dismissed suggestion leaves the screen and its question stays open, never suggested twice", async () => {
    const { risk, updates, say, suggestions } = setup();
    risk.script(thinking);
    await say("patient", "I keep thinking about killing myself");
    await suggestions.onOutcome("safety:method", "dismissed");
    await suggestions.onOutcome("agenda:none", "used");
    expect(suggestions.current()).toEqual([]);
    await say("patient", "I keep thinking about killing myself");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method"]);
    // Dismissed is not asked: a "no" that follows answers no question, so no next question comes.
    await say("therapist", "Mm, tell me more.");
    await say("patient", "No, nothing like that.");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method"]);
  });

  it("a resumed session suggests nothing twice, keeps what was on screen, and counts questions marked asked", async () => {
    const at = new Date(0);
    const record = (id: string, extra: Partial<LiveSuggestionRecord> = {}): LiveSuggestionRecord => ({ id, kind: id.startsWith("agenda") ? "agenda" : "safety", text: id, why: "", cites: ["seg-0"], at, withdrawn: null, outcome: null, ...extra });
    const { risk, updates, say, suggestions } = setup({
      plannedEndMs: 60_000,
      earlier: [
        record("safety:method", { outcome: { action: "used", by: "t", at } }),
        record("safety:intent"),
        record("safety:urgent", { urgent: true, withdrawn: { reason: "superseded", at } }),
        record("agenda:a1", { outcome: { action: "dismissed", by: "t", at } }),
      ],
    });
    expect(suggestions.current().map((suggestion) => suggestion.id)).toEqual(["safety:intent"]);
    risk.script((input) => (input.segments.at(-1)?.text.includes("going to do it") ? [findingOn(input, "going to do it", { category: "suicide_intent_or_plan" })] : []));
    await say("patient", "I'm going to do it", [{ id: "a1", text: "Sleep", source: "therapist", covered: null }], 120_000);
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:preparation"]);
  });
});

describe("LiveSuggestions: what a resumed run takes from the session", () => {
  const at = new Date(0);
  const record = (id: string, extra: Partial<LiveSuggestionRecord> = {}): LiveSuggestionRecord => ({
    id,
    kind: id.startsWith("agenda") ? "agenda" : "safety",
    text: id,
    why: "",
    cites: ["seg-0"],
    at,
    withdrawn: null,
    outcome: null,
    ...extra,
  });
  const wishDead = (input: RiskScreenInput) => (input.segments.at(-1)?.text.includes("wish I were dead") ? [findingOn(input, "wish I were dead", { category: "passive_death_wish" })] : []);

  it("a question suggested before the resume is not suggested again", async () => {
    const { risk, updates, say } = setup({ earlier: [record("safety:suicidal_thoughts", { withdrawn: { reason: "superseded", at } })] });
    risk.script(wishDead);
    await say("patient", "I wish I were dead");
    expect(suggested(updates)).toEqual([]);
  });

  it("a question marked asked before the resume counts as asked", async () => {
    const { risk, updates, say } = setup({ earlier: [record("safety:suicidal_thoughts", { outcome: { action: "used", by: "t", at } })] });
    risk.script(wishDead);
    await say("patient", "I wish I were dead");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:method"]);
  });

  it("the urgent note and the agenda reminder come after a resume unless they were made before it", async () => {
    const { risk, updates, say } = setup({ plannedEndMs: 60_000, earlier: [record("safety:wish_dead", { outcome: { action: "used", by: "t", at } })] });
    risk.script((input) => (input.segments.at(-1)?.text.includes("going to do it") ? [findingOn(input, "going to do it", { category: "suicide_intent_or_plan" })] : []));
    await say("patient", "I'm going to do it", [{ id: "a1", text: "Sleep", source: "therapist", covered: null }], 120_000);
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:urgent", "safety:preparation", "agenda:a1"]);
  });
});

describe("LiveSuggestions: agenda near the planned end", () => {
  const agenda = (covered: boolean): AgendaItem[] => [
    { id: "a1", text: "Sleep", source: "therapist", covered: null },
    { id: "a2", text: "Work", source: "therapist", covered: covered ? { segmentId: "x", matchedTerms: ["work"], at: new Date(0) } : null },
  ];

  it("reminds five minutes before the end", () => {
    expect(agendaReminderBeforeEndMs).toBe(300_000);
  });

  it("keeps an agenda reminder on screen when a safety question comes", async () => {
    const { risk, updates, say, suggestions } = setup({ plannedEndMs: 10 * 60_000 });
    risk.script((input) => (input.segments.at(-1)?.text.includes("want to die") ? [findingOn(input, "want to die", { category: "passive_death_wish" })] : []));
    await say("therapist", "We have a few minutes left.", agenda(false), 9 * 60_000);
    await say("patient", "I want to die", agenda(false), 9 * 60_000 + 5_000);
    expect(withdrawn(updates)).toEqual([]);
    expect(suggestions.current().map((suggestion) => suggestion.id).sort()).toEqual(["agenda:a1", "agenda:a2", "safety:suicidal_thoughts"]);
  });

  it("suggests each topic not yet covered once, five minutes before the planned end, and withdraws it when covered", async () => {
    const { updates, say, suggestions } = setup({ plannedEndMs: 50 * 60_000 });
    await say("therapist", "How are you?", agenda(true), 50 * 60_000 - agendaReminderBeforeEndMs - 1);
    expect(suggested(updates)).toEqual([]);
    await say("therapist", "Let's see.", agenda(true), 50 * 60_000 - agendaReminderBeforeEndMs);
    expect(suggested(updates)).toEqual([
      expect.objectContaining({ id: "agenda:a1", kind: "agenda", text: "Not yet covered today: Sleep", why: "The session is planned to end at 50:00.", cites: [] }),
    ]);
    await say("therapist", "Anything else?", agenda(true), 50 * 60_000);
    expect(suggested(updates)).toHaveLength(1);
    await suggestions.onTopicCovered("a1");
    expect(withdrawn(updates)).toEqual([{ type: "suggestion-withdrawn", id: "agenda:a1", reason: "covered" }]);
    expect(suggestions.current()).toEqual([]);
  });

  it("marks only the covered topic's record as taken back", async () => {
    const { say, suggestions, records } = setup({ plannedEndMs: 10 * 60_000 });
    await say("therapist", "A few minutes left.", agenda(false), 9 * 60_000);
    await suggestions.onTopicCovered("a1");
    expect(records().map((record) => [record.id, record.withdrawn?.reason ?? null])).toEqual([
      ["agenda:a1", "covered"],
      ["agenda:a2", null],
    ]);
  });

  it("reminds of nothing without a planned end", async () => {
    const { updates, say } = setup();
    await say("therapist", "Time is nearly up.", agenda(false), 600 * 60_000);
    expect(suggested(updates)).toEqual([]);
  });
});
