import { describe, expect, it } from "vitest";
import type { AgendaItem, LiveSuggestionRecord, LiveUpdate } from "../../domain/live-session.ts";
import { ConfideError } from "../../errors.ts";
import { createManualClock } from "../../testing/manual-clock.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createScriptedRiskScreen, findingOn } from "../../testing/scripted-risk-screen.ts";
import { agendaReminderBeforeEndMs, LiveSuggestions, type SuggestionFinal } from "./live-suggestions.ts";

function setup(options: { plannedEndMs?: number } = {}) {
  const risk = createScriptedRiskScreen();
  const clock = createManualClock();
  const logger = createRecordingLogger();
  const updates: LiveUpdate[] = [];
  let records: LiveSuggestionRecord[] = [];
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
    expect(suggested(updates)[0]).toMatchObject({ why: expect.stringMatching(/0:10.*suicidal thinking/) });
    expect(records()).toEqual([expect.objectContaining({ id: "safety:method", withdrawn: null, outcome: null })]);
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
    expect(made[0]).toMatchObject({ id: "safety:urgent", urgent: true, kind: "safety" });
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

  it("treats an unknown speaker's question as the therapist's and a statement as the patient's", async () => {
    const { risk, updates, say } = setup();
    risk.script((input) => (input.segments.at(-1)?.text.includes("no point living") ? [findingOn(input, "no point living", { category: "passive_death_wish" })] : []));
    await say("unknown", "Do you ever wish you were dead?");
    await say("unknown", "I feel there's no point living");
    expect(suggested(updates).map((update) => update.id)).toEqual(["safety:suicidal_thoughts"]);
  });

  it("keeps the session going when the screen fails, and logs only the code", async () => {
    const { risk, updates, logger, say } = setup();
    risk.script(new ConfideError("provider.unavailable", "down"));
    await say("patient", "I want to die");
    expect(suggested(updates)).toEqual([]);
    expect(logger.entries.at(-1)).toMatchObject({ level: "warn", fields: { code: "provider.unavailable" } });
  });

  it("suggests nothing when the screen does not read the language", async () => {
    const { risk, updates, say } = setup();
    risk.script(() => ({ status: "not_screened", reason: "language", version: "x" }));
    await say("patient", "Quiero morir");
    expect(suggested(updates)).toEqual([]);
  });
});

describe("LiveSuggestions: agenda near the planned end", () => {
  const agenda = (covered: boolean): AgendaItem[] => [
    { id: "a1", text: "Sleep", source: "therapist", covered: null },
    { id: "a2", text: "Work", source: "therapist", covered: covered ? { segmentId: "x", matchedTerms: ["work"], at: new Date(0) } : null },
  ];

  it("suggests each topic not yet covered once, five minutes before the planned end, and withdraws it when covered", async () => {
    const { updates, say, suggestions } = setup({ plannedEndMs: 50 * 60_000 });
    await say("therapist", "How are you?", agenda(true), 50 * 60_000 - agendaReminderBeforeEndMs - 1);
    expect(suggested(updates)).toEqual([]);
    await say("therapist", "Let's see.", agenda(true), 50 * 60_000 - agendaReminderBeforeEndMs);
    expect(suggested(updates)).toEqual([expect.objectContaining({ id: "agenda:a1", kind: "agenda", text: "Not yet covered today: Sleep", why: expect.stringMatching(/50:00/) })]);
    await say("therapist", "Anything else?", agenda(true), 50 * 60_000);
    expect(suggested(updates)).toHaveLength(1);
    await suggestions.onTopicCovered("a1");
    expect(withdrawn(updates)).toEqual([{ type: "suggestion-withdrawn", id: "agenda:a1", reason: "covered" }]);
    expect(suggestions.current()).toEqual([]);
  });

  it("reminds of nothing without a planned end", async () => {
    const { updates, say } = setup();
    await say("therapist", "Time is nearly up.", agenda(false), 600 * 60_000);
    expect(suggested(updates)).toEqual([]);
  });
});
