import { describe, expect, it } from "vitest";
import { defaultTranscriptionSettings, type TranscriptionSettings } from "./session.ts";
import { assignRolesByQuestions } from "./speaker-roles.ts";

const mono = defaultTranscriptionSettings;
const twoSpeakers = [{ label: "S1" }, { label: "S2" }];

/** Roles for two speakers who said `first` and `second` (one segment per sentence list entry). */
function rolesFor(first: string[], second: string[], settings: TranscriptionSettings = mono) {
  const segments = [
    ...first.map((text) => ({ speaker: "S1", text })),
    ...second.map((text) => ({ speaker: "S2", text })),
  ];
  return assignRolesByQuestions({ speakers: twoSpeakers, segments, settings }).map((speaker) => speaker.role);
}

describe("speaker roles by questions", () => {
  it("takes the speaker who asks more questions as the therapist", () => {
    expect(rolesFor(["I slept badly.", "Work was hard."], ["How did you sleep?", "And work?"])).toEqual(["patient", "therapist"]);
    expect(rolesFor(["How did you sleep?", "And work?"], ["I slept badly."])).toEqual(["therapist", "patient"]);
  });

  it("takes the first speaker as the therapist on a tie", () => {
    expect(rolesFor(["Hello."], ["Hello."])).toEqual(["therapist", "patient"]);
    expect(rolesFor(["Why?"], ["Why?"])).toEqual(["therapist", "patient"]);
  });

  it.each([
    ["a question mark", "You slept well?"],
    ["a question mark followed by spaces", "You slept well?   "],
    ["an opening question word without a question mark", "Tell me about your week."],
    ["an opening question word after leading spaces", "   what happened then."],
    ["a question word in capitals", "WHAT happened."],
    ["a question in the second sentence of a segment", "Right. Tell me more."],
    ["a question after an exclamation", "Good! Do you agree."],
  ])("counts %s as a question", (_name, text) => {
    expect(rolesFor(["I am fine."], [text])).toEqual(["patient", "therapist"]);
  });

  it.each([
    ["a question word inside a longer word", "Howard came by."],
    ["a question word in the middle of a sentence", "I asked how it went."],
    ["a statement", "I slept badly."],
  ])("does not count %s as a question", (_name, text) => {
    expect(rolesFor(["I am fine."], [text])).toEqual(["therapist", "patient"]);
  });

  it("counts every question of a segment, not one per segment", () => {
    // Three questions in one segment outweigh two in two segments.
    expect(rolesFor(["How are you? What happened? Why then?"], ["Why?", "When?"])).toEqual(["therapist", "patient"]);
  });

  it("gives every speaker the unknown role unless there are exactly two", () => {
    const segments = [{ speaker: "S1", text: "How are you?" }];
    expect(assignRolesByQuestions({ speakers: [{ label: "S1" }], segments, settings: mono })).toEqual([{ label: "S1", role: "unknown" }]);
    expect(
      assignRolesByQuestions({ speakers: [{ label: "S1" }, { label: "S2" }, { label: "S3" }], segments, settings: mono }).map((s) => s.role),
    ).toEqual(["unknown", "unknown", "unknown"]);
  });

  it("uses the configured channel roles for a per-channel recording, whoever asks the questions", () => {
    const settings: TranscriptionSettings = { ...mono, channelLayout: "per-channel", channelRoles: ["patient", "therapist"] };
    const speakers = [
      { label: "ch0", channel: 0 },
      { label: "ch1", channel: 1 },
      { label: "ch2", channel: 2 },
      { label: "mixed" },
    ];
    const segments = [{ speaker: "ch0", text: "How are you? Why? When?" }];
    expect(assignRolesByQuestions({ speakers, segments, settings })).toEqual([
      { label: "ch0", channel: 0, role: "patient" },
      { label: "ch1", channel: 1, role: "therapist" },
      { label: "ch2", channel: 2, role: "unknown" },
      { label: "mixed", role: "unknown" },
    ]);
  });

  it("falls back to questions when channel roles are not given, or the recording is mono", () => {
    const perChannelWithoutRoles: TranscriptionSettings = { ...mono, channelLayout: "per-channel" };
    expect(rolesFor(["I am fine."], ["How are you?"], perChannelWithoutRoles)).toEqual(["patient", "therapist"]);
    const monoWithRoles: TranscriptionSettings = { ...mono, channelRoles: ["therapist", "patient"] };
    expect(rolesFor(["I am fine."], ["How are you?"], monoWithRoles)).toEqual(["patient", "therapist"]);
  });
});
