import type { RiskScreenInput } from "@confide/core/ports";

/** A dialogue for a risk screen: lines starting "T:" are the therapist's, the rest the patient's; `roles: false` gives no roles (a mono recording). */
export function riskDialogue(lines: string[], roles = true): RiskScreenInput {
  return {
    language: "en-US",
    speakers: [
      { label: "T", role: roles ? "therapist" : "unknown" },
      { label: "P", role: roles ? "patient" : "unknown" },
    ],
    segments: lines.map((line, index) => ({ id: `seg-${index + 1}`, speaker: line.startsWith("T:") ? "T" : "P", text: line.replace(/^T:\s*/, "") })),
  };
}
