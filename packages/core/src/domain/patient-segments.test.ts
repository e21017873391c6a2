import { describe, expect, it } from "vitest";
import { patientSegments, speakerRolesReviewed } from "./patient-segments.ts";
import type { ReviewEdit } from "./session.ts";
import type { Segment, Speaker, SpeakerRole } from "./transcript.ts";

const segment = (id: string, speaker: string, text = `words of ${id}`): Segment => ({
  id,
  speaker,
  startMs: 0,
  endMs: 1_000,
  text,
});

/** S1 therapist, S2 and S3 with the given roles; one segment each plus a blank one of S2. */
function transcript(s2: SpeakerRole, s3: SpeakerRole): { speakers: Speaker[]; segments: Segment[] } {
  return {
    speakers: [
      { label: "S1", role: "therapist" },
      { label: "S2", role: s2 },
      { label: "S3", role: s3 },
    ],
    segments: [segment("seg-1", "S1"), segment("seg-2", "S2"), segment("seg-3", "S2", "  \n"), segment("seg-4", "S3")],
  };
}

const ids = (segments: Segment[]) => segments.map((item) => item.id);

describe("patientSegments", () => {
  it("takes the segments of the speakers labelled patient, whoever set the roles", () => {
    for (const rolesReviewed of [false, true]) {
      expect(ids(patientSegments(transcript("patient", "unknown"), { rolesReviewed }))).toEqual(["seg-2"]);
      expect(ids(patientSegments(transcript("patient", "patient"), { rolesReviewed }))).toEqual(["seg-2", "seg-4"]);
    }
  });

  it("falls back to every non-therapist speaker while no speaker is labelled patient and the roles are the assigner's", () => {
    expect(ids(patientSegments(transcript("unknown", "unknown"), { rolesReviewed: false }))).toEqual(["seg-2", "seg-4"]);
  });

  it("analyses nothing when the therapist's own labels name no patient: their labels are authoritative", () => {
    expect(patientSegments(transcript("unknown", "unknown"), { rolesReviewed: true })).toEqual([]);
    expect(patientSegments(transcript("therapist", "unknown"), { rolesReviewed: true })).toEqual([]);
  });

  it("never analyses a segment with blank text, nor a therapist's segment", () => {
    for (const rolesReviewed of [false, true]) {
      for (const role of ["patient", "unknown"] as const) {
        const chosen = ids(patientSegments(transcript(role, role), { rolesReviewed }));
        expect(chosen).not.toContain("seg-3");
        expect(chosen).not.toContain("seg-1");
      }
    }
    const onlyBlank = { speakers: [{ label: "S1", role: "patient" as const }], segments: [segment("a", "S1", "")] };
    expect(patientSegments(onlyBlank, { rolesReviewed: false })).toEqual([]);
  });

  it("counts the roles as reviewed once a speaker edit is in the review history, not after text edits only", () => {
    const edit = (kind: ReviewEdit["kind"]): ReviewEdit => ({ at: new Date(0), by: "t", kind, target: "x", before: "a", after: "b" });

    expect(speakerRolesReviewed([])).toBe(false);
    expect(speakerRolesReviewed([edit("segment")])).toBe(false);
    expect(speakerRolesReviewed([edit("segment"), edit("speaker")])).toBe(true);
  });
});
