import { readFileSync } from "node:fs";
import { readRiskSentences } from "./packages/adapters-local/src/embedded-risk-screen/risk-reader.ts";
import { compiledPatterns } from "./packages/adapters-local/src/embedded-risk-screen/embedded-risk-screen.ts";
import { indexRows } from "./packages/adapters-local/src/embedded-risk-screen/row-index.ts";
const texts: string[] = [];
for (const name of ["test", "test2", "test3", "dev"]) for (const line of readFileSync(`bench/data/risk-screen/${name}.jsonl`, "utf8").split("\n").filter(Boolean)) for (const t of JSON.parse(line).turns) texts.push(t.text);
const sentences = texts.flatMap((text, i) => readRiskSentences({ id: String(i), speaker: "P", text }));
const index = indexRows(compiledPatterns.map((row) => row.regex.source));
const time = new Map<string, number>(); const tried = new Map<string, number>();
for (let rep = 0; rep < 3; rep++) for (const s of sentences) {
  const both = `${s.text}\n${s.said}`;
  for (const i of index.candidates(both)) {
    const row = compiledPatterns[i]!; const t0 = performance.now();
    row.regex.lastIndex = 0; for (const _ of both.matchAll(row.regex)) {}
    time.set(row.id, (time.get(row.id) ?? 0) + performance.now() - t0); tried.set(row.id, (tried.get(row.id) ?? 0) + 1);
  }
}
console.log("sentences", sentences.length);
const total = [...time.values()].reduce((a, b) => a + b, 0);
console.log("total ms (3 reps)", total.toFixed(0));
for (const [id, ms] of [...time].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(ms.toFixed(1).padStart(8), String(tried.get(id)).padStart(6), id);
