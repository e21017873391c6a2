import { describe, expect, it } from "vitest";
import { patientSummaryPreview } from "./patient-summary-preview.ts";

const grounded = { status: "grounded" };
const unverified = { status: "unverified" };

describe("the patient summary as the patient would read it", () => {
  it("is the therapist's own summary when they wrote one", () => {
    expect(patientSummaryPreview({ patientSummary: [{ text: "Written.", verification: grounded }], review: { patientSummary: "  Mine.  " } })).toBe("Mine.");
  });

  it("is otherwise the written summary's grounded sentences only, in order", () => {
    const notes = {
      patientSummary: [
        { text: "First. ", verification: grounded },
        { text: "Not held.", verification: unverified },
        { text: "Second.", verification: grounded },
      ],
      review: { patientSummary: "   " },
    };
    expect(patientSummaryPreview(notes)).toBe("First. Second.");
  });

  it("is nothing when no sentence holds, the field was not assessed, or there are no notes", () => {
    expect(patientSummaryPreview({ patientSummary: [{ text: "Not held.", verification: unverified }], review: null })).toBeNull();
    expect(patientSummaryPreview({ patientSummary: { status: "not_assessed", reason: "no speech" }, review: null })).toBeNull();
    expect(patientSummaryPreview(null)).toBeNull();
  });
});
