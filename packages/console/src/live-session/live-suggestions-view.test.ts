import { describe, expect, it } from "vitest";
import type { LiveSuggestion } from "./live-messages.ts";
import { applyLiveMessage, citedWords, emptyLiveTranscript, settleSuggestion, shownSentiment, suggestionsToShow, type LiveTranscript } from "./live-transcript.ts";

const suggestion = (id: string, kind: LiveSuggestion["kind"], at: string, urgent?: boolean): LiveSuggestion => ({
  id,
  kind,
  text: `Ask ${id}`,
  why: "Because",
  cites: ["seg-1"],
  at,
  ...(urgent === undefined ? {} : { urgent }),
});
const receive = (state: LiveTranscript, made: LiveSuggestion) => applyLiveMessage(state, { type: "suggestion", ...made, storedBytes: 10 });

describe("the live view's suggestions", () => {
  it("shows at most three: urgent safety, then safety, then topics, then reflections, newest first within each", () => {
    let state = emptyLiveTranscript;
    state = receive(state, suggestion("topic-old", "agenda", "2026-01-01T10:00:00Z"));
    state = receive(state, suggestion("reflect", "reflection", "2026-01-01T10:05:00Z"));
    state = receive(state, suggestion("topic-new", "agenda", "2026-01-01T10:01:00Z"));
    state = receive(state, suggestion("method", "safety", "2026-01-01T10:02:00Z"));
    expect(suggestionsToShow(state).map((shown) => shown.id)).toEqual(["method", "topic-new", "topic-old"]);
    state = receive(state, suggestion("urgent", "safety", "2026-01-01T10:00:30Z", true));
    expect(suggestionsToShow(state).map((shown) => shown.id)).toEqual(["urgent", "method", "topic-new"]);
    expect(state.suggestions).toHaveLength(5);
  });

  it("drops a withdrawn suggestion, and one marked here stays gone when the server sends it again", () => {
    let state = receive(receive(emptyLiveTranscript, suggestion("wish", "safety", "2026-01-01T10:00:00Z")), suggestion("plan", "safety", "2026-01-01T10:01:00Z"));
    state = applyLiveMessage(state, { type: "suggestion-withdrawn", id: "wish", reason: "asked", storedBytes: 20 });
    expect(state.suggestions.map((shown) => shown.id)).toEqual(["plan"]);
    expect(state.storedBytes).toBe(20);
    state = settleSuggestion(state, "plan");
    expect(state.suggestions).toEqual([]);
    state = receive(state, suggestion("plan", "safety", "2026-01-01T10:01:00Z"));
    expect(state.suggestions).toEqual([]);
  });

  it("keeps one copy of a suggestion sent twice (a resume), with its latest words", () => {
    let state = receive(emptyLiveTranscript, suggestion("intent", "safety", "2026-01-01T10:00:00Z"));
    state = receive(state, { ...suggestion("intent", "safety", "2026-01-01T10:00:00Z"), text: "Ask again" });
    expect(state.suggestions.map((shown) => shown.text)).toEqual(["Ask again"]);
  });

  it("shows no sentiment beside words a safety suggestion cited, in either order, also once it is settled", () => {
    const final = (segmentId: string) => ({ type: "final" as const, segmentId, speaker: "S1", role: "patient" as const, text: "words", startMs: 0, endMs: 1, storedBytes: 1 });
    const scored = (segmentId: string) => ({ type: "sentiment" as const, segmentId, label: "mixed" as const, scores: {}, storedBytes: 1 });
    let state = applyLiveMessage(applyLiveMessage(emptyLiveTranscript, final("seg-1")), final("seg-2"));
    state = applyLiveMessage(applyLiveMessage(state, scored("seg-1")), scored("seg-2"));
    const sentimentOf = (id: string) => shownSentiment(state, state.segments.find((segment) => segment.segmentId === id)!);
    expect([sentimentOf("seg-1"), sentimentOf("seg-2")]).toEqual(["mixed", "mixed"]);

    state = receive(state, suggestion("topic", "agenda", "2026-01-01T10:00:00Z"));
    expect(sentimentOf("seg-1")).toBe("mixed"); // a topic suggestion hides nothing
    state = settleSuggestion(state, "wish");
    state = receive(state, suggestion("wish", "safety", "2026-01-01T10:01:00Z")); // settled before it came
    expect([sentimentOf("seg-1"), sentimentOf("seg-2")]).toEqual([null, "mixed"]);
  });

  it("a reflection's cited words are the patient's finals it names, in the order cited; one the view never received is left out", () => {
    let state = emptyLiveTranscript;
    for (const [segmentId, role, text] of [
      ["seg-1", "therapist", "What would cutting down give you?"],
      ["seg-2", "patient", "More time with my kids."],
      ["seg-3", "patient", "And I'd sleep better."],
    ] as const) {
      state = applyLiveMessage(state, { type: "final", segmentId, speaker: role, role, text, startMs: 0, endMs: 1, storedBytes: 0 });
    }
    expect(citedWords(state, { cites: ["seg-3", "seg-2", "seg-9"] })).toEqual(["And I'd sleep better.", "More time with my kids."]);
    expect(citedWords(state, { cites: [] })).toEqual([]);
  });
});
