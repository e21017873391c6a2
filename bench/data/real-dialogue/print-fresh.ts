/**
 * Prints a fresh part of the notes labels for labelling, to the terminal only — never to a file in
 * the repository. By default the fresh part (`notesFreshSample`, checked against
 * notes-labels.jsonl); with `--part fresh-2` as first argument the second fresh part
 * (`notesFresh2Sample`, checked against notes-labels.jsonl and notes-labels-fresh.jsonl):
 *
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts                         # the fresh ids, in order, each checked
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts <n|id>                  # one conversation whole: its merged turns, 0-based, roles shown
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts --part fresh-2 [n|id]   # the same for the second fresh part
 */
import { readFileSync } from "node:fs";
import { loadRealDialogue } from "../../support/real-dialogue.ts";
import { notesFresh2Sample, notesFreshSample } from "./notes-sample.ts";

const args = process.argv.slice(2);
let part = "fresh";
if (args[0] === "--part") {
  part = args[1] ?? "";
  args.splice(0, 2);
}
if (part !== "fresh" && part !== "fresh-2") throw new Error(`unknown part: ${part} (fresh or fresh-2)`);

const dialogue = loadRealDialogue();
if (dialogue.status === "absent") throw new Error(dialogue.message);
const esconvIds = dialogue.conversations.filter((conversation) => conversation.source === "esconv").map((conversation) => conversation.id);
const ids = part === "fresh" ? notesFreshSample(esconvIds) : notesFresh2Sample(esconvIds);
const labelFiles = part === "fresh" ? ["notes-labels.jsonl"] : ["notes-labels.jsonl", "notes-labels-fresh.jsonl"];
const labelled = new Set(
  labelFiles.flatMap((file) =>
    readFileSync(new URL(`./${file}`, import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { id: string }).id),
  ),
);
const overlap = ids.filter((id) => labelled.has(id));
if (overlap.length > 0) throw new Error(`${part} ids already labelled: ${overlap.join(", ")}`);

const which = args[0];
if (which === undefined) {
  ids.forEach((id, index) => console.log(`${index}\t${id}`));
  console.log(`${ids.length} ${part} ids, none in ${labelFiles.join(" or ")}`);
} else {
  const id = /^\d+$/.test(which) ? ids[Number(which)] : which;
  if (id === undefined || !ids.includes(id)) throw new Error(`not a ${part} id: ${which}`);
  const conversation = dialogue.conversations.find((entry) => entry.id === id);
  if (conversation === undefined) throw new Error(`${id}: not found`);
  console.log(`== ${id} (${conversation.topic ?? ""}) situation: ${conversation.situation ?? ""}`);
  conversation.turns.forEach((turn, index) => console.log(`${index} ${turn.role === "patient" ? "P" : "T"}: ${turn.text}`));
}
