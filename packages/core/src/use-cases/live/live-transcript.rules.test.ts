import { describe, expect, it } from "vitest";
import { defaultTranscriptionSettings } from "../../domain/session.ts";
import { assignRolesByQuestions } from "../../domain/speaker-roles.ts";
import type { Transcript } from "../../domain/transcript.ts";
import { appendFinal, liveSpeakerLabel } from "./live-transcript.ts";

const empty: Transcript = { language: "en-US", durationMs: 0, speakers: [], segments: [], provider: "live", revision: 1, warnings: [] };
const context = { settings: defaultTranscriptionSettings, assignRoles: assignRolesByQuestions };

describe("a live final in the stored transcript", () => {
  it("is labelled by its channel, else by the engine's speaker, else one shared label", () => {
    expect(liveSpeakerLabel({ channel: 1, speaker: "x" })).toBe("ch1");
    expect(liveSpeakerLabel({ channel: 0, speaker: null })).toBe("ch0");
    expect(liveSpeakerLabel({ speaker: "spk-2" })).toBe("spk-2");
    expect(liveSpeakerLabel({ speaker: null })).toBe("speaker");
  });

  it("gets the next id, times on the session's clock (rounded), its text trimmed, and word times shifted too", () => {
    const first = appendFinal(empty, { type: "final", speaker: "A", text: "  How are you?  ", startMs: 10.4, endMs: 900.5, words: [], confidence: 0.8 }, 1000, context);
    expect(first.segment).toEqual({ id: "seg-0001", speaker: "A", startMs: 1010, endMs: 1901, text: "How are you?", confidence: 0.8 });
    expect(first.transcript.durationMs).toBe(1901);
    const second = appendFinal(
      first.transcript,
      { type: "final", speaker: "B", text: "Fine.", startMs: 1000, endMs: 1500, words: [{ text: "Fine.", startMs: 1000.6, endMs: 1499.4 }] },
      1000,
      context,
    );
    expect(second.segment).toEqual({ id: "seg-0002", speaker: "B", startMs: 2000, endMs: 2500, text: "Fine.", words: [{ text: "Fine.", startMs: 2001, endMs: 2499 }] });
    expect(second.transcript.segments.map((segment) => segment.id)).toEqual(["seg-0001", "seg-0002"]);
    expect(second.transcript.speakers.map((speaker) => speaker.label)).toEqual(["A", "B"]);
    // The one who asks is the therapist.
    expect(second.role).toBe("patient");
    expect(first.transcript.speakers).toEqual([{ label: "A", role: expect.any(String) }]);
  });

  it("keeps the transcript's duration when a final ends earlier, and a speaker's channel", () => {
    const long = { ...empty, durationMs: 10_000 };
    const { transcript } = appendFinal(long, { type: "final", speaker: "ch1", channel: 1, text: "Hi", startMs: 0, endMs: 500, words: [] }, 0, {
      ...context,
      settings: { ...defaultTranscriptionSettings, channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
    });
    expect(transcript.durationMs).toBe(10_000);
    expect(transcript.speakers).toEqual([{ label: "ch1", channel: 1, role: "patient" }]);
    const again = appendFinal(transcript, { type: "final", speaker: "ch1", channel: 1, text: "Again", startMs: 600, endMs: 900, words: [] }, 0, {
      ...context,
      settings: { ...defaultTranscriptionSettings, channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
    });
    expect(again.transcript.speakers).toEqual([{ label: "ch1", channel: 1, role: "patient" }]);
  });
});
