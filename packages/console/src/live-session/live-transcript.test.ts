import { describe, expect, it } from "vitest";
import type { LiveAgendaItem } from "./live-messages.ts";
import { applyLiveMessage, emptyLiveTranscript, recordOnlyWarning, type LiveTranscript } from "./live-transcript.ts";

const item = (id: string, text: string): LiveAgendaItem => ({ id, text, source: "therapist", covered: null });
const started = (resumed: boolean, agenda: LiveAgendaItem[]) =>
  ({ type: "started", sessionId: "s1", resumeToken: resumed ? null : "tok", resumed, agenda, storedBytes: 0 }) as const;
const final = (segmentId: string, text: string) =>
  ({ type: "final", segmentId, speaker: "ch1", role: "patient", text, startMs: 0, endMs: 1000, storedBytes: 100 }) as const;

describe("the live view's transcript", () => {
  it("adds finals in order, replacing the partial, and puts a sentiment on its segment", () => {
    let state: LiveTranscript = applyLiveMessage(emptyLiveTranscript, started(false, []));
    state = applyLiveMessage(state, { type: "partial", text: "I feel", startMs: 0, speaker: "ch1", storedBytes: 50 });
    expect(state.partial).toEqual({ speaker: "ch1", text: "I feel" });
    state = applyLiveMessage(state, final("seg-1", "I feel better"));
    state = applyLiveMessage(state, { type: "sentiment", segmentId: "seg-1", label: "positive", scores: {}, storedBytes: 100 });
    expect(state.partial).toBeNull();
    expect(state.segments).toEqual([{ segmentId: "seg-1", speaker: "ch1", role: "patient", text: "I feel better", startMs: 0, sentiment: "positive" }]);
    expect(state.storedBytes).toBe(100);
  });

  it("marks a topic covered with its segment, and keeps it covered after a resume", () => {
    let state = applyLiveMessage(emptyLiveTranscript, started(false, [item("a", "My job"), item("b", "Holidays")]));
    state = applyLiveMessage(state, final("seg-1", "my job"));
    state = applyLiveMessage(state, { type: "topic_covered", itemId: "a", text: "My job", segmentId: "seg-1", matchedTerms: ["job"], storedBytes: 100 });
    expect(state.agenda.map((entry) => entry.covered)).toEqual([{ segmentId: "seg-1", matchedTerms: ["job"] }, null]);

    state = applyLiveMessage(state, started(true, [item("a", "My job"), item("b", "Holidays")]));
    expect(state.agenda[0]?.covered).toEqual({ segmentId: "seg-1", matchedTerms: ["job"] });
    expect(state.segments).toHaveLength(1);
  });

  it("does not repeat a final the server sends again", () => {
    let state = applyLiveMessage(emptyLiveTranscript, final("seg-1", "hello"));
    state = applyLiveMessage(state, final("seg-1", "hello"));
    expect(state.segments).toHaveLength(1);
  });

  it("says in plain words that a session past the server's live capacity is recorded and transcribed when it ends, once", () => {
    let state = applyLiveMessage(emptyLiveTranscript, { ...started(false, []), recordOnly: "capacity" });
    expect(state.recordOnly).toBe(true);
    const notice = { type: "warning", code: "live.capacity", message: "(the server's words)", storedBytes: 0 } as const;
    state = applyLiveMessage(state, notice);
    state = applyLiveMessage(applyLiveMessage(state, { ...started(true, []), recordOnly: "capacity" }), notice);
    expect(state.warnings).toEqual(["Live text is busy right now; this session is being recorded and will be transcribed when it ends."]);
    expect(recordOnlyWarning).toBe(state.warnings[0]);
    expect(applyLiveMessage(emptyLiveTranscript, started(false, [])).recordOnly).toBe(false);
  });
});
