/**
 * Clinical-notes benchmark: how long the embedded note writer (wink-nlp, in-process) and core's
 * evidence check take for a long session — 1,200 segments, about 100 minutes of two speakers —
 * and so how long they hold the event loop (both are synchronous; in the embedded profile the
 * API shares that loop). Target: write + verify < 1,000 ms for the 100-minute session.
 *
 * Run: node --conditions=source bench/notes.ts
 * Environment: BENCH_NOTES_RUNS (default 5), BENCH_NOTES_SEGMENTS (default 1200).
 */
import { performance } from "node:perf_hooks";
import { verifyNotes, type NoteWriterInput } from "@confide/core";
import { writeEmbeddedNotes } from "@confide/adapters-local";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";

const runs = Number(process.env.BENCH_NOTES_RUNS ?? 5);
const segmentCount = Number(process.env.BENCH_NOTES_SEGMENTS ?? 1_200);
const targetMs = 1_000;

const therapistLines = [
  "How have you been sleeping since our last session?",
  "What goes through your mind when that happens at work?",
  "Let's try the breathing exercise together before the next meeting.",
];
const patientLines = [
  "Badly. My manager keeps changing the deadlines and I lie awake worrying about the project.",
  "Next week I'm going to talk to my manager about the workload, and I will keep the sleep diary.",
  "Walking the dog in the park helps. I would never hurt myself, I just feel tired and sad some mornings.",
  "My sister called on Sunday and we laughed for an hour; I felt calm and hopeful afterwards.",
];

const segments = Array.from({ length: segmentCount }, (_, index) => {
  const patient = index % 2 === 1;
  const lines = patient ? patientLines : therapistLines;
  return {
    id: `seg-${String(index + 1).padStart(4, "0")}`,
    speaker: patient ? "S2" : "S1",
    startMs: index * 5_000,
    endMs: index * 5_000 + 4_500,
    text: lines[Math.floor(index / 2) % lines.length] as string,
  };
});
const input: NoteWriterInput = {
  language: "en-US",
  speakers: [
    { label: "S1", role: "therapist" },
    { label: "S2", role: "patient" },
  ],
  segments,
  sentiment: segments
    .filter((segment) => segment.speaker === "S2")
    .map((segment, index) => {
      const positive = 0.2 + (index % 5) / 10;
      return { segmentId: segment.id, label: "mixed", scores: { positive, neutral: 0.4, negative: 0.6 - positive, mixed: 0 } };
    }),
};

console.log(machineLoadLine());
const warmUpStartMs = performance.now();
writeEmbeddedNotes({ ...input, segments: segments.slice(0, 4) });
console.log(`first call (loads wink-nlp's model): ${Math.round(performance.now() - warmUpStartMs)} ms`);

const writeMs: number[] = [];
const verifyMs: number[] = [];
let quality = "";
for (let run = 0; run < runs; run += 1) {
  const startMs = performance.now();
  const draft = writeEmbeddedNotes(input);
  const writtenMs = performance.now();
  const notes = verifyNotes(draft, { ...input, revision: 1 }, { provider: "embedded", model: "bench", promptVersion: "bench", writtenAt: new Date() });
  writeMs.push(writtenMs - startMs);
  verifyMs.push(performance.now() - writtenMs);
  quality = JSON.stringify(notes.quality);
}
const totalMs = median(writeMs) + median(verifyMs);
console.log(
  `${segmentCount} segments, ${runs} runs: write median ${Math.round(median(writeMs))} ms (max ${Math.round(Math.max(...writeMs))}), ` +
    `verify median ${Math.round(median(verifyMs))} ms; quality ${quality}`,
);
console.log(`target write + verify < ${targetMs} ms: ${totalMs < targetMs ? "met" : "MISSED"} (${Math.round(totalMs)} ms)`);
