import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { notesFailedParts, notesFailedPartSample, notesFreshSample, notesFreshSize, notesSample, notesSampleSize } from "../../bench/data/real-dialogue/notes-sample.ts";
import { allNotAssessed } from "@confide/core/adapter-kit";
import { clinicalMoods, realNotesQuality, type NotesLabel } from "../../bench/support/real-notes-quality.ts";

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
  it("takes the failed parts from the FailedESConv ids less those read for risk labels, one after the other, none shared", () => {
    const failedIds = Array.from({ length: 196 }, (_, index) => `esconv-failed:${index}`);
    const readForRisk = new Set(failedIds.filter((_, index) => index % 3 === 0));
    const [first, second, third] = notesFailedParts.map((part) => notesFailedPartSample(part.name, failedIds, readForRisk));
    expect(first).toHaveLength(40);
    expect(second).toHaveLength(40);
    expect(third).toHaveLength(40);
    expect(new Set([...first!, ...second!, ...third!]).size).toBe(120);
    expect([...first!, ...second!, ...third!].filter((id) => readForRisk.has(id))).toEqual([]);
    expect(notesFailedPartSample("failed-1", failedIds, readForRisk)).toEqual(first);
    // The same ids in another order make another draw: the shuffle is of the ids in file order.
    expect(notesFailedPartSample("failed-1", [...failedIds].reverse(), readForRisk)).not.toEqual(first);
  });
  it("labels each failed part's conversations once, none read for risk labels, in the rubric's format", () => {
    const readForRisk = new Set(["risk-labels.jsonl", "risk-labels-fresh.jsonl"].flatMap((file) => labelsOf(file).map((label) => label.id)));
    const labelled = notesFailedParts.flatMap((part) => labelsOf(`notes-labels-${part.name}.jsonl`));
    expect(labelled).toHaveLength(120);
    expect(new Set(labelled.map((label) => label.id)).size).toBe(120);
    for (const label of labelled) {
      expect(label.id).toMatch(/^esconv-failed:\d+$/);
      expect(readForRisk.has(label.id)).toBe(false);
      expect(label.plan.every((item) => item.length > 0 && item.every((turn) => Number.isInteger(turn) && turn >= 0))).toBe(true);
      expect(label.concern.length).toBeGreaterThan(0);
      expect(label.concernTerms.length).toBeGreaterThan(0);
      expect(label.mood.every((mood) => (clinicalMoods as readonly string[]).includes(mood))).toBe(true);
    }
  });
  it("counts a topic as broken only when its quote is cut from inside a word, and a filler topic always", () => {
    const turns = ["We talked about the whānau and my job.", "I lost my job when the shop was closing."];
    const label: NotesLabel = { id: "x", plan: [], concern: "job loss", concernTerms: ["job"], mood: ["low"] };
    const topic = (text: string, turn: number, start: number, end: number) => ({ text, quote: turns[turn]!.slice(start, end), evidence: [{ segmentId: `c-t${turn}`, start, end }] });
    const whole = turns[0]!.indexOf("whānau");
    const notes = {
      ...allNotAssessed("none"),
      keyTopics: [
        // "nau" cut from "whānau": broken.
        topic("nau", 0, whole + 3, whole + 6),
        // The writer's own name for an event, quoting whole words: not broken, though "closing" holds "losing".
        topic("losing a job", 1, 2, 13),
        topic("whānau", 0, whole, whole + 6),
        // A piece cut at its start: broken.
        topic("ob", 1, turns[1]!.indexOf("job") + 1, turns[1]!.indexOf("job") + 3),
        topic("gonna", 1, 0, 1),
      ],
    };
    expect(realNotesQuality(label, turns, notes).badTopics).toEqual(["nau", "ob", "gonna"]);
  });
});
