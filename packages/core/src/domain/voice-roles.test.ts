import { describe, expect, it } from "vitest";
import { assignRolesByVoice, type SpeakerVoices } from "./voice-roles.ts";

const low = [1, 0, 0, 40];
const high = [0, 1, 0, 44];
const voices = (embeddings: number[][], embedder = "e1"): SpeakerVoices => ({
  embedder,
  speakers: embeddings.map((embedding, index) => ({ speaker: `S${index + 1}`, embedding, speechMs: 5_000 })),
});
const two = [{ label: "S1" }, { label: "S2" }];

describe("roles by the enrolled voice", () => {
  it("makes the speaker closest to the enrolment the therapist and the other the patient, whoever speaks first", () => {
    const enrolment = { embedder: "e1", embedding: [0.1, 0.9, 0, 43.8] };
    const result = assignRolesByVoice({ speakers: two, voices: voices([low, high]), enrolment });
    expect(result?.speakers).toEqual([
      { label: "S1", role: "patient" },
      { label: "S2", role: "therapist" },
    ]);
    expect(result?.confidence).toBeGreaterThan(0.9);
    expect(assignRolesByVoice({ speakers: two, voices: voices([high, low]), enrolment })?.speakers.map((s) => s.role)).toEqual([
      "therapist",
      "patient",
    ]);
  });

  it("gives no answer when the enrolment sits between the voices, was made by another embedder, or only one voice was heard", () => {
    const between = { embedder: "e1", embedding: [0.5, 0.5, 3, 42] };
    expect(assignRolesByVoice({ speakers: two, voices: voices([low, high]), enrolment: between })).toBeNull();
    expect(assignRolesByVoice({ speakers: two, voices: voices([low, high], "e2"), enrolment: { embedder: "e1", embedding: high } })).toBeNull();
    const short: SpeakerVoices = { embedder: "e1", speakers: [...voices([low]).speakers, { speaker: "S2", embedding: high, speechMs: 400 }] };
    expect(assignRolesByVoice({ speakers: two, voices: short, enrolment: { embedder: "e1", embedding: high } })).toBeNull();
  });

  it("with three speakers names the therapist and leaves the others unknown", () => {
    const third = [0, 0, 1, 42];
    const result = assignRolesByVoice({
      speakers: [...two, { label: "S3" }],
      voices: voices([low, high, third]),
      enrolment: { embedder: "e1", embedding: third },
    });
    expect(result?.speakers.map((speaker) => speaker.role)).toEqual(["unknown", "unknown", "therapist"]);
  });
});
