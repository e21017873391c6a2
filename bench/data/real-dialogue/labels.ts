/**
 * The labels of the real-dialogue evaluation set (`risk-labels.jsonl` beside this file; how they
 * were made: `risk-rubric.md`): ids and labels only, never the conversations' words. One record
 * per chosen conversation; `turns` lists only the patient turns that carry a label — every other
 * patient turn of the conversation is labelled "no risk".
 */
import { readFileSync } from "node:fs";
import type { RiskCategory } from "@confide/core/ports";

export interface TurnLabel {
  /** The turn's index in the conversation's turns (both roles), as the loader numbers them. */
  turn: number;
  /** Categories the patient states as their own current (or recent) risk. */
  current?: RiskCategory[];
  /** Categories the patient states as their own past, over. */
  history?: RiskCategory[];
  /** Categories the patient reports of someone else. */
  otherPerson?: RiskCategory[];
  /** An explicit statement of current suicidal thoughts, intent, plan, a preparatory act, self-harm or intent to harm someone. */
  page?: true;
}

export interface ConversationLabels {
  id: string;
  split: "dev" | "held-out";
  /** Why it is in the set: listed by a PROVENANCE.md, found by the crisis terms, a Rogers session, or the seeded sample. */
  chosen: "listed" | "crisis-terms" | "rogers" | "sample";
  /** `whole`: read end to end; `candidates`: its candidate turns read with their neighbours. */
  read: "whole" | "candidates";
  patientTurns: number;
  pageWorthy: boolean;
  turns: TurnLabel[];
}

export const labelsPath = new URL("./risk-labels.jsonl", import.meta.url);

export function readLabels(path: URL | string = labelsPath): ConversationLabels[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ConversationLabels);
}
