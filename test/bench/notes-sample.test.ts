import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { notesFreshSample, notesFreshSize, notesSample, notesSampleSize } from "../../bench/data/real-dialogue/notes-sample.ts";
import { clinicalMoods, type NotesLabel } from "../../bench/support/real-notes-quality.ts";

const esconvIds = Array.from({ length: 1_300 }, (_, index) => `esconv:train:${index + 1}`);
const labelsOf = (file: string): NotesLabel[] =>
  readFileSync(new URL(`../../bench/data/real-dialogue/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as NotesLabel);

describe("the notes samples", () => {
  it("takes the fresh part from the same shuffle, right after the first sample, none shared", () => {
    const first = notesSample(esconvIds, []);
    const fresh = notesFreshSample(esconvIds);
    expect(first).toHaveLength(notesSampleSize);
    expect(fresh).toHaveLength(notesFreshSize);
    expect(new Set(fresh).size).toBe(notesFreshSize);
    expect(fresh.filter((id) => first.includes(id))).toEqual([]);
    expect(notesFreshSample(esconvIds)).toEqual(fresh);
  });
  it("labels each fresh conversation once, none of them labelled in the first sample, in the rubric's format", () => {
    const fresh = labelsOf("notes-labels-fresh.jsonl");
    const first = new Set(labelsOf("notes-labels.jsonl").map((label) => label.id));
    expect(fresh).toHaveLength(notesFreshSize);
    expect(new Set(fresh.map((label) => label.id)).size).toBe(notesFreshSize);
    for (const label of fresh) {
      expect(label.id).toMatch(/^esconv:(train|valid|test):\d+$/);
      expect(first.has(label.id)).toBe(false);
      expect(label.plan.every((item) => item.length > 0 && item.every((turn) => Number.isInteger(turn) && turn >= 0))).toBe(true);
      expect(label.concern.length).toBeGreaterThan(0);
      expect(label.concernTerms.length).toBeGreaterThan(0);
      expect(label.mood.length === 1 || label.mood.length === 2).toBe(true);
      expect(label.mood.every((mood) => (clinicalMoods as readonly string[]).includes(mood))).toBe(true);
    }
  });
});
