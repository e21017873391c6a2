import { describe, expect, it } from "vitest";
import type { LiveSuggestionRecord, LiveUpdate } from "../../domain/live-session.ts";
import { ConfideError } from "../../errors.ts";
import type { ReflectionInput } from "../../ports/note-writer.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { findingOn } from "../../testing/scripted-risk-screen.ts";
import { recordTestConsent, testConsentForm } from "../../testing/test-consent.ts";
import { defaultLiveSessionSettings } from "../../settings.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { reflectionIntervalMs, reflectionNotices, reflectionStaleAfterMs } from "./live-reflections.ts";
import { LiveSuggestions, type SuggestionFinal } from "./live-suggestions.ts";

const patientId = "patient-1";

async function setup(options: { reflections?: boolean; consent?: "full" | "no-ai-notes"; earlier?: LiveSuggestionRecord[]; reflectionForms?: string[] } = {}) {
  const logger = createRecordingLogger();
  // The test form tells of reflections (createTestDeps) unless a test lists other forms.
  const deps = createTestDeps({ logger, ...(options.reflectionForms ? { settings: { live: { ...defaultLiveSessionSettings, reflectionConsentForms: options.reflectionForms } } } : {}) });
  if (options.consent !== "no-ai-notes") await recordTestConsent(deps, patientId);
  else await recordTestConsent(deps, patientId, { scopes: [{ scope: "recording" }, { scope: "transcription" }] });
  const updates: LiveUpdate[] = [];
  let records: LiveSuggestionRecord[] = [...(options.earlier ?? [])];
  const suggestions = new LiveSuggestions({
    deps,
    language: "en-US",
    listener: (update) => updates.push(update),
    record: async (change) => {
      records = change(records);
    },
    ...(options.earlier ? { earlier: options.earlier } : {}),
    ...(options.reflections === false ? {} : { reflections: { deps, patientId } }),
  });
  let count = 0;
  /** One final, `stepMs` of clock after the one before; the reflection it may start is awaited unless `wait` is false. */
  const say = async (role: SuggestionFinal["role"], text: string, settings: { wait?: boolean; stepMs?: number } = {}) => {
    count += 1;
    deps.clock.advance(settings.stepMs ?? 5_000);
    const startMs = count * 5_000;
    await suggestions.onFinal({ segment: { id: `seg-${count}`, speaker: role === "therapist" ? "A" : "B", text, startMs, endMs: startMs + 4_000 }, role }, []);
    if (settings.wait !== false) await suggestions.reflectionSettled();
    return `seg-${count}`;
  };
  return { deps, logger, updates, records: () => records, suggestions, say };
}

const reflections = (updates: LiveUpdate[]) =>
  updates.filter((update): update is Extract<LiveUpdate, { type: "suggestion" }> => update.type === "suggestion" && update.kind === "reflection");
const warnings = (updates: LiveUpdate[]) => updates.filter((update) => update.type === "warning");

describe("LiveSuggestions: reflections", () => {
  it("are off unless the run is given them: the writer is never asked", async () => {
    const { deps, updates, say } = await setup({ reflections: false });
    await say("patient", "I want to stop drinking for my kids");
    expect(deps.notes.reflectInputs).toEqual([]);
    expect(reflections(updates)).toEqual([]);
    expect(warnings(updates)).toEqual([]);
  });

  it("suggests the writer's reflection of the patient's words, citing them, recorded like every suggestion", async () => {
    const { deps, updates, records, say } = await setup();
    await say("therapist", "What would be different if you cut down?");
    const cited = await say("patient", "I want to stop drinking for my kids");
    expect(reflections(updates)).toEqual([
      {
        type: "suggestion",
        id: `reflection:${cited}`,
        kind: "reflection",
        text: "I want to stop drinking for my kids",
        why: "A reflection of their words at 0:10, if it fits.",
        cites: [cited],
        at: deps.clock.now(),
      },
    ]);
    expect(records()).toEqual([expect.objectContaining({ id: `reflection:${cited}`, kind: "reflection", withdrawn: null, outcome: null })]);
    // The writer read the latest finals, each speaker with its role, in the session's language.
    expect(deps.notes.reflectInputs).toEqual([
      {
        language: "en-US",
        speakers: [
          { label: "A", role: "therapist" },
          { label: "B", role: "patient" },
        ],
        segments: [
          { id: "seg-1", speaker: "A", text: "What would be different if you cut down?" },
          { id: cited, speaker: "B", text: "I want to stop drinking for my kids" },
        ],
      },
    ]);
  });

  it("asks on a patient's final only, at most once in 30 s, and again once 30 s have passed", async () => {
    const { deps, updates, say } = await setup();
    await say("therapist", "How was the week?");
    expect(deps.notes.reflectInputs).toHaveLength(0);
    await say("patient", "I felt calmer after the walks");
    expect(reflections(updates)).toHaveLength(1);
    await say("patient", "I want to keep walking", { stepMs: reflectionIntervalMs - 1 });
    expect(deps.notes.reflectInputs).toHaveLength(1);
    const next = await say("patient", "I plan to walk every morning", { stepMs: 1 });
    expect(deps.notes.reflectInputs).toHaveLength(2);
    expect(reflections(updates).map((update) => update.id)).toEqual(["reflection:seg-2", `reflection:${next}`]);
  });

  it("asks from the latest twelve finals only", async () => {
    const { deps, say } = await setup();
    deps.notes.scriptReflection(() => null);
    for (let index = 1; index <= 13; index += 1) await say(index % 2 === 0 ? "therapist" : "patient", `Line ${index}`, { stepMs: 1_000 });
    const asked = deps.notes.reflectInputs.at(-1)!;
    expect(asked.segments.map((segment) => segment.id)).toEqual(Array.from({ length: 12 }, (_, index) => `seg-${index + 2}`));
  });

  it("shows a reflection answered exactly 20 s after its words, not one later", async () => {
    const { deps, updates, say } = await setup();
    deps.notes.scriptReflection((input) => {
      deps.clock.advance(reflectionStaleAfterMs);
      return { text: input.segments.at(-1)!.text, cites: [input.segments.at(-1)!.id] };
    });
    await say("patient", "I felt calmer after the walks");
    expect(reflections(updates).map((update) => update.text)).toEqual(["I felt calmer after the walks"]);
  });

  it("asks again on the next patient final when the writer had none to offer (the pacing counts reflections shown)", async () => {
    const { deps, updates, say } = await setup();
    deps.notes.scriptReflection(() => null);
    await say("patient", "Fine.");
    deps.notes.scriptReflection((input) => ({ text: "I miss my sister", cites: [input.segments.at(-1)!.id] }));
    await say("patient", "I miss my sister", { stepMs: 1_000 });
    expect(deps.notes.reflectInputs).toHaveLength(2);
    expect(reflections(updates).map((update) => update.text)).toEqual(["I miss my sister"]);
  });

  it("a new reflection takes the place of the one on screen", async () => {
    const { updates, records, say } = await setup();
    await say("patient", "I felt calmer after the walks");
    await say("patient", "I want to keep walking", { stepMs: reflectionIntervalMs });
    expect(updates.filter((update) => update.type === "suggestion-withdrawn")).toEqual([{ type: "suggestion-withdrawn", id: "reflection:seg-1", reason: "superseded" }]);
    expect(records().map((record) => [record.id, record.withdrawn?.reason ?? null])).toEqual([
      ["reflection:seg-1", "superseded"],
      ["reflection:seg-2", null],
    ]);
  });

  it("a resumed session keeps the pace of the reflections it suggested before", async () => {
    const { deps } = await setup();
    const earlier: LiveSuggestionRecord = {
      id: "reflection:seg-0",
      kind: "reflection",
      text: "You felt calmer.",
      why: "",
      cites: ["seg-0"],
      at: new Date(deps.clock.now().getTime() + 5_000),
      withdrawn: null,
      outcome: null,
    };
    const resumed = await setup({ earlier: [earlier] });
    resumed.deps.clock.set(earlier.at);
    await resumed.say("patient", "I want to keep walking", { stepMs: reflectionIntervalMs - 1 });
    expect(resumed.deps.notes.reflectInputs).toHaveLength(0);
    await resumed.say("patient", "I plan to walk every morning", { stepMs: 1 });
    expect(resumed.deps.notes.reflectInputs).toHaveLength(1);
  });

  it("a resumed session's earlier safety or topic suggestions set no pace for reflections", async () => {
    const { deps } = await setup();
    const at = new Date(deps.clock.now().getTime() + 5_000);
    const record = (id: string, kind: LiveSuggestionRecord["kind"]): LiveSuggestionRecord => ({ id, kind, text: id, why: "", cites: ["seg-0"], at, withdrawn: null, outcome: null });
    const resumed = await setup({ earlier: [record("safety:method", "safety"), record("agenda:sleep", "agenda")] });
    resumed.deps.clock.set(at);
    await resumed.suggestions.onOutcome("safety:method", "dismissed"); // no safety question on screen
    await resumed.say("patient", "I want to keep walking", { stepMs: 1 });
    expect(resumed.deps.notes.reflectInputs).toHaveLength(1);
  });

  it("without the patient's consent to AI notes, the writer is not asked, and the therapist is told once", async () => {
    const { deps, logger, updates, say } = await setup({ consent: "no-ai-notes" });
    await say("patient", "I want to stop drinking");
    await say("patient", "I feel ashamed", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toEqual([]);
    expect(reflections(updates)).toEqual([]);
    expect(warnings(updates)).toEqual([{ type: "warning", code: "consent.missing", message: reflectionNotices.consent }]);
    expect(logger.entries.filter((entry) => entry.message === "live.reflections_not_consented")).toHaveLength(1);
  });

  it("consent to AI notes given on a form that did not tell of reflections: none asked, the therapist told once why", async () => {
    const { deps, logger, updates, say } = await setup({ reflectionForms: ["a-later-form-that-tells-of-reflections"] });
    await say("patient", "I want to stop drinking");
    await say("patient", "I feel ashamed", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toEqual([]);
    expect(reflections(updates)).toEqual([]);
    expect(warnings(updates)).toEqual([{ type: "warning", code: "consent.missing", message: reflectionNotices.consentForm }]);
    expect(logger.entries.filter((entry) => entry.message === "live.reflections_not_consented")).toEqual([
      { level: "info", message: "live.reflections_not_consented", fields: { reason: "consentForm" } },
    ]);
  });

  it("once the patient agrees again on a form that tells of reflections, the next patient final is reflected", async () => {
    const newer = "a-later-form-that-tells-of-reflections";
    const { deps, say } = await setup({ reflectionForms: [newer] });
    await say("patient", "I want to stop drinking");
    expect(deps.notes.reflectInputs).toEqual([]);
    await recordTestConsent(deps, patientId, { form: { ...testConsentForm, version: newer } });
    await say("patient", "I want to keep walking", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toHaveLength(1);
  });

  it("a later grant of recording alone on the newer form does not carry AI notes' older form", async () => {
    const newer = "a-later-form-that-tells-of-reflections";
    const { deps, say } = await setup({ reflectionForms: [newer] });
    await recordTestConsent(deps, patientId, { form: { ...testConsentForm, version: newer }, scopes: [{ scope: "recording" }] });
    await say("patient", "I want to stop drinking");
    expect(deps.notes.reflectInputs).toEqual([]);
  });

  it("a writer that cannot reflect: asked once, said once, never asked again", async () => {
    const { deps, logger, updates, say } = await setup();
    deps.notes.scriptReflection(new ConfideError("provider.unsupported", "No language model."));
    await say("patient", "I want to stop drinking");
    await say("patient", "I feel ashamed", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toHaveLength(1);
    expect(warnings(updates)).toEqual([{ type: "warning", code: "provider.unsupported", message: reflectionNotices.unsupported }]);
    expect(logger.entries.filter((entry) => entry.message === "live.reflections_unavailable")).toEqual([
      { level: "info", message: "live.reflections_unavailable", fields: { provider: "scripted" } },
    ]);
    expect(reflections(updates)).toEqual([]);
  });

  it("a failing writer: nothing is shown, the failure is logged by its code only, and the next patient final asks again", async () => {
    const { deps, logger, updates, say } = await setup();
    deps.notes.scriptReflection(new ConfideError("provider.unavailable", "The model server did not answer: I want to stop drinking", { retryable: true }));
    await say("patient", "I want to stop drinking");
    expect(reflections(updates)).toEqual([]);
    expect(warnings(updates)).toEqual([]);
    expect(logger.entries).toEqual([{ level: "warn", message: "live.reflection_failed", fields: { code: "provider.unavailable" } }]);
    expect(JSON.stringify(logger.entries)).not.toContain("drinking");
    deps.notes.scriptReflection((input) => ({ text: "I feel ashamed", cites: [input.segments.at(-1)!.id] }));
    await say("patient", "I feel ashamed", { stepMs: 1_000 });
    expect(reflections(updates).map((update) => update.text)).toEqual(["I feel ashamed"]);
  });

  it("a run that ends while the writer answers: its failing request is neither shown nor logged as a failure, and none is asked again", async () => {
    const { deps, logger, updates, suggestions, say } = await setup();
    let fail: (error: Error) => void = () => {};
    const asked = new Promise<void>((called) =>
      deps.notes.scriptReflection(() => {
        called();
        return new Promise((_, reject) => (fail = reject));
      }),
    );
    await say("patient", "I want to stop drinking for my kids", { wait: false });
    await asked;
    suggestions.close();
    // The aborted request fails, as a writer's aborted request does, with any error.
    fail(new ConfideError("provider.unsupported", "aborted"));
    await suggestions.reflectionSettled();
    expect(reflections(updates)).toEqual([]);
    expect(warnings(updates)).toEqual([]);
    expect(logger.entries).toEqual([]);
    await say("patient", "I feel ashamed", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toHaveLength(1);
  });

  it("drops a reflection the cited words do not carry, one citing the therapist, and one that came too late", async () => {
    const { deps, logger, updates, say } = await setup();
    // The patient said they do not want to stop: "you want to stop" is the opposite.
    deps.notes.scriptReflection((input) => ({ text: "You want to stop drinking", cites: [input.segments.at(-1)!.id] }));
    await say("patient", "I don't want to stop drinking");
    deps.notes.scriptReflection(() => ({ text: "You could cut down", cites: ["seg-2"] }));
    await say("therapist", "You could cut down");
    await say("patient", "Maybe I could cut down", { stepMs: 1_000 });
    deps.notes.scriptReflection((input) => {
      deps.clock.advance(reflectionStaleAfterMs + 1);
      return { text: "I miss my sister", cites: [input.segments.at(-1)!.id] };
    });
    await say("patient", "I miss my sister", { stepMs: 1_000 });
    expect(deps.notes.reflectInputs).toHaveLength(3);
    expect(reflections(updates)).toEqual([]);
    expect(logger.entries.map((entry) => [entry.message, entry.fields])).toEqual([
      ["live.reflection_dropped", { reason: "unsupported" }],
      ["live.reflection_dropped", { reason: "unsupported" }],
      ["live.reflection_dropped", { reason: "late" }],
    ]);
  });

  it("never holds up a final or a safety question: onFinal returns while the writer is still answering", async () => {
    const { deps, updates, suggestions, say } = await setup();
    deps.risk.script((input) => (input.segments.some((segment) => segment.text.includes("end it all")) ? [findingOn(input, "end it all")] : []));
    let answer: (value: null) => void = () => {};
    const asked = new Promise<void>((called) =>
      deps.notes.scriptReflection(() => {
        called();
        return new Promise((resolve) => (answer = resolve));
      }),
    );
    await say("patient", "I want to stop drinking for my kids", { wait: false });
    await asked;
    // The writer is still answering: the next final's safety question goes out all the same.
    await say("patient", "Some days I want to end it all", { wait: false, stepMs: reflectionIntervalMs });
    expect(updates.filter((update) => update.type === "suggestion").map((update) => update.type === "suggestion" && update.id)).toEqual(["safety:method"]);
    // While one is being asked, no second request is made, however long it takes.
    await say("patient", "I mean it", { wait: false, stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toHaveLength(1);
    answer(null);
    await suggestions.reflectionSettled();
    expect(reflections(updates)).toEqual([]);
  });

  it("asks no reflection of words stating risk, nor while a safety question is on screen; asks again once none is", async () => {
    const { deps, updates, suggestions, say } = await setup();
    deps.risk.script((input) => (input.segments.at(-1)?.text.includes("end it all") ? [findingOn(input, "end it all")] : []));
    await say("patient", "Some days I want to end it all");
    expect(deps.notes.reflectInputs).toEqual([]);
    const safety = updates.filter((update) => update.type === "suggestion" && update.kind === "safety");
    expect(safety).toHaveLength(1);

    await say("patient", "I want to stop drinking for my kids", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toEqual([]); // the safety question is still on screen

    await suggestions.onOutcome("safety:method", "dismissed");
    await say("patient", "I want to stop drinking for my kids", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toHaveLength(1);
    // The words of risk stay in what the writer reads, as context of the talk.
    expect(deps.notes.reflectInputs[0]?.segments.map((segment) => segment.text)).toContain("Some days I want to end it all");
  });

  it("a reflection leaves a topic reminder on screen: only a reflection takes another's place", async () => {
    const reminder: LiveSuggestionRecord = { id: "agenda:sleep", kind: "agenda", text: "Not yet covered today: Sleep", why: "", cites: [], at: new Date(0), withdrawn: null, outcome: null };
    const resumed = await setup({ earlier: [reminder] });
    await resumed.say("patient", "I want to walk more");
    expect(reflections(resumed.updates)).toHaveLength(1);
    expect(resumed.updates.filter((update) => update.type === "suggestion-withdrawn")).toEqual([]);
    expect(resumed.suggestions.current().map((suggestion) => suggestion.id)).toEqual(["agenda:sleep", "reflection:seg-1"]);
  });

  it("a screen that cannot read the words, or fails, holds back no reflection: only risk it found does", async () => {
    for (const screen of ["not_screened", "failed"] as const) {
      const { deps, updates, say } = await setup();
      deps.risk.script(screen === "failed" ? new ConfideError("provider.unavailable", "Down.") : () => ({ status: "not_screened", reason: "language", version: "x" }));
      await say("patient", "I want to walk more");
      expect(reflections(updates).map((update) => update.text)).toEqual(["I want to walk more"]);
    }
  });

  it("asks no reflection of words stating a risk that starts no screening (harm to others)", async () => {
    const { deps, updates, say } = await setup();
    deps.risk.script((input) => (input.segments.at(-1)?.text.includes("hurt him") ? [findingOn(input, "hurt him", { category: "harm_to_others" })] : []));
    await say("patient", "Some nights I want to hurt him badly");
    expect(updates.filter((update) => update.type === "suggestion")).toEqual([]);
    expect(deps.notes.reflectInputs).toEqual([]);
    await say("patient", "I want to stop drinking for my kids", { stepMs: reflectionIntervalMs });
    expect(deps.notes.reflectInputs).toHaveLength(1);
  });

  it("the run's end aborts the request being made, and nothing it answers is shown", async () => {
    const { deps, logger, updates, suggestions, say } = await setup();
    let answer: () => void = () => {};
    const asked = new Promise<AbortSignal | undefined>((called) => {
      deps.notes.reflect = (input: ReflectionInput, options) => {
        called(options?.signal);
        return new Promise((resolve) => (answer = () => resolve({ text: input.segments.at(-1)!.text, cites: [input.segments.at(-1)!.id] })));
      };
    });
    await say("patient", "I felt calmer after the walks", { wait: false });
    const signal = await asked;
    expect(signal?.aborted).toBe(false);
    suggestions.close();
    expect(signal?.aborted).toBe(true);
    answer();
    await suggestions.reflectionSettled();
    await say("patient", "I want to keep walking", { stepMs: reflectionIntervalMs });
    expect(reflections(updates)).toEqual([]);
    expect(logger.entries).toEqual([]);
  });
});
