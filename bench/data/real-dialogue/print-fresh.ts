/**
 * Prints the fresh part of the notes labels (`notesFreshSample`) for labelling, to the terminal
 * only — never to a file in the repository:
 *
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts            # the ids, in order, each checked against notes-labels.jsonl
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts <n|id>     # one conversation whole: its merged turns, 0-based, roles shown
 */
import { readFileSync } from "node:fs";
import { loadRealDialogue } from "../../support/real-dialogue.ts";
import { notesFreshSample } from "./notes-sample.ts";

const dialogue = loadRealDialogue();
if (dialogue.status === "absent") throw new Error(dialogue.message);
const esconvIds = dialogue.conversations.filter((conversation) => conversation.source === "esconv").map((conversation) => conversation.id);
const fresh = notesFreshSample(esconvIds);
const labelled = new Set(
  readFileSync(new URL("./notes-labels.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { id: string }).id),
);
const overlap = fresh.filter((id) => labelled.has(id));
if (overlap.length > 0) throw new Error(`fresh ids already labelled: ${overlap.join(", ")}`);

const which = process.argv[2];
if (which === undefined) {
  fresh.forEach((id, index) => console.log(`${index}\t${id}`));
  console.log(`${fresh.length} fresh ids, none in notes-labels.jsonl`);
} else {
  const id = /^\d+$/.test(which) ? fresh[Number(which)] : which;
  if (id === undefined || !fresh.includes(id)) throw new Error(`not a fresh id: ${which}`);
  const conversation = dialogue.conversations.find((entry) => entry.id === id);
  if (conversation === undefined) throw new Error(`${id}: not found`);
  console.log(`== ${id} (${conversation.topic ?? ""}) situation: ${conversation.situation ?? ""}`);
  conversation.turns.forEach((turn, index) => console.log(`${index} ${turn.role === "patient" ? "P" : "T"}: ${turn.text}`));
}
