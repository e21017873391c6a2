/**
 * A whole session written for a test, run as the pipeline runs it: the risk screen first, then the
 * embedded writer, told where the screen found a current risk, then core's check of the notes.
 */
import { currentRiskSpans, flagsOfFindings, harmToOthersSpans, type NoteItem, riskScreenSummary, type RiskScreenResult, verifyNotes } from "@confide/core";
import { isNotAssessed } from "@confide/core/adapter-kit";
import { expect } from "vitest";
import { screenTranscript } from "../embedded-risk-screen/embedded-risk-screen.ts";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { dialogueInput } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";

/** The session's risk flags and verified notes, as the pipeline produces them. */
export function runSession(turns: readonly string[]) {
  const input = dialogueInput(turns);
  const screened = screenTranscript(input);
  const flags = screened.status === "screened" ? flagsOfFindings(screened.findings, "screen:embedded", input) : [];
  const told = { ...input, currentRisks: currentRiskSpans(flags), harmToOthers: harmToOthersSpans(flags) };
  const notes = verifyNotes(writeEmbeddedNotes(told), { ...told, revision: 1 }, { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) }, createWinkClaimReader());
  // The screen's result as core stores it (a flag's id is derived from its words; any stable id serves here).
  const stored = flags.map((flag, index) => ({ ...flag, id: `flag-${index}` }));
  const risk: RiskScreenResult = { status: "screened", flags: stored, summary: riskScreenSummary({ status: "screened", flags: stored }), screens: [{ provider: "embedded", version: "test" }], transcriptRevision: 1, screenedAt: new Date(0) };
  return { flags, notes, risk };
}

/** The sentences of a formatted note's section, as shown. */
export const noteLines = (section: { sentences: ReadonlyArray<{ text: string }> } | undefined) => section?.sentences.map((sentence) => sentence.text) ?? [];

/** The items of a list field of the notes, as verified ([] when the field is not assessed). */
export const listed = (field: unknown): NoteItem[] => (isNotAssessed(field as never) ? [] : (field as NoteItem[]));

/** Asserts the plan's lines, as written, and that core's check grounds every one. */
export function expectGroundedPlan(notes: { actionItems: unknown }, lines: readonly string[]): void {
  const items = listed(notes.actionItems);
  expect(items.map((item) => item.text)).toEqual(lines);
  expect(items.every((item) => item.verification?.status === "grounded")).toBe(true);
}
