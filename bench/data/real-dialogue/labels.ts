/**
 * The labels of the real-dialogue evaluation set (`risk-labels.jsonl` beside this file; how they
 * were made: `risk-rubric.md`), and of its fresh part (`risk-labels-fresh.jsonl`, chosen by
 * `fresh-part.ts`): ids and labels only, never the conversations' words. One record per chosen
 * conversation; `turns` lists only the patient turns that carry a label — every other
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
  /** `dev` or `held-out` (`split.ts`) in `risk-labels.jsonl`; `fresh` in `risk-labels-fresh.jsonl`. */
  split: "dev" | "held-out" | "fresh";
  /** Why it is in the set: listed by a PROVENANCE.md, found by the crisis terms, a Rogers session, the seeded sample, or the fresh part's seeded sample (`fresh-part.ts`). */
  chosen: "listed" | "crisis-terms" | "rogers" | "sample" | "fresh-sample";
  /** `whole`: read end to end; `candidates`: its candidate turns read with their neighbours. */
  read: "whole" | "candidates";
  patientTurns: number;
  pageWorthy: boolean;
  turns: TurnLabel[];
}

export const labelsPath = new URL("./risk-labels.jsonl", import.meta.url);
/** The fresh part's labels: conversations chosen by `chooseFreshPart`, none of them in `risk-labels.jsonl`. */
export const freshLabelsPath = new URL("./risk-labels-fresh.jsonl", import.meta.url);

/** The records of a labels file, by default `risk-labels.jsonl` (`freshLabelsPath` for the fresh part). */
export function readLabels(path: URL | string = labelsPath): ConversationLabels[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ConversationLabels);
}
