import { readFileSync } from "node:fs";
import { screenTranscript } from "./packages/adapters-local/src/embedded-risk-screen/embedded-risk-screen.ts";
const turns: any[] = [];
for (const name of ["dev", "test"]) for (const line of readFileSync(`bench/data/risk-screen/${name}.jsonl`, "utf8").split("\n").filter(Boolean)) turns.push(...JSON.parse(line).turns);
const segments = Array.from({ length: 1200 }, (_, i) => ({ id: `s${i}`, speaker: turns[i % turns.length].speaker === "therapist" ? "T" : "P", text: turns[i % turns.length].text }));
const input = { language: "en-US", speakers: [{ label: "T", role: "therapist" }, { label: "P", role: "patient" }], segments } as any;
screenTranscript(input);
const t: number[] = [];
for (let r = 0; r < 15; r++) { const s = performance.now(); screenTranscript(input); t.push(performance.now() - s); }
t.sort((a, b) => a - b); console.log("median", t[7]!.toFixed(0), "min", t[0]!.toFixed(0));
