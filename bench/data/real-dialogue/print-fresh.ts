/**
 * Prints a fresh part of the notes labels for labelling, to the terminal only — never to a file in
 * the repository. By default the fresh part (`notesFreshSample`); with `--part fresh-2`,
 * `--part fresh-3`, `--part fresh-4`, `--part fresh-5` or `--part fresh-6` as first arguments the
 * second, third, fourth, fifth or sixth fresh part (`notesFresh2Sample`, `notesFresh3Sample`,
 * `notesFresh4Sample`, `notesFresh5Sample`, `notesFresh6Sample`). Each part is checked against the label files before it (`parts` below): none
 * of its ids may already be labelled there.
 *
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts                         # the fresh ids, in order, each checked
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts <n|id>                  # one conversation whole: its merged turns, 0-based, roles shown
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts --part fresh-3 [n|id]   # the same for the second to sixth fresh part
 */
import { readFileSync } from "node:fs";
import { loadRealDialogue } from "../../support/real-dialogue.ts";
import {
  notesFresh2Sample,
  notesFresh3Sample,
  notesFresh4Sample,
  notesFresh5Sample,
  notesFresh6Sample,
  notesFreshSample,
} from "./notes-sample.ts";

/** Each part: how its ids are drawn, and the label files none of them may be in. */
const parts: Record<string, { sample: (esconvIds: readonly string[]) => string[]; labelFiles: string[] }> = {
  fresh: { sample: notesFreshSample, labelFiles: ["notes-labels.jsonl"] },
  "fresh-2": { sample: notesFresh2Sample, labelFiles: ["notes-labels.jsonl", "notes-labels-fresh.jsonl"] },
  "fresh-3": {
    sample: notesFresh3Sample,
    labelFiles: ["notes-labels.jsonl", "notes-labels-fresh.jsonl", "notes-labels-fresh-2.jsonl"],
  },
  "fresh-4": {
    sample: notesFresh4Sample,
    labelFiles: [
      "notes-labels.jsonl",
      "notes-labels-fresh.jsonl",
      "notes-labels-fresh-2.jsonl",
      "notes-labels-fresh-3.jsonl",
    ],
  },
  "fresh-5": {
    sample: notesFresh5Sample,
    labelFiles: [
      "notes-labels.jsonl",
      "notes-labels-fresh.jsonl",
      "notes-labels-fresh-2.jsonl",
      "notes-labels-fresh-3.jsonl",
      "notes-labels-fresh-4.jsonl",
    ],
  },
  "fresh-6": {
    sample: notesFresh6Sample,
    labelFiles: [
      "notes-labels.jsonl",
      "notes-labels-fresh.jsonl",
      "notes-labels-fresh-2.jsonl",
      "notes-labels-fresh-3.jsonl",
      "notes-labels-fresh-4.jsonl",
      "notes-labels-fresh-5.jsonl",
    ],
  },
};

const args = process.argv.slice(2);
let part = "fresh";
if (args[0] === "--part") {
  part = args[1] ?? "";
  args.splice(0, 2);
}
const chosen = parts[part];
if (chosen === undefined) throw new Error(`unknown part: ${part} (${Object.keys(parts).join(", ")})`);

const dialogue = loadRealDialogue();
if (dialogue.status === "absent") throw new Error(dialogue.message);
const esconvIds = dialogue.conversations.filter((conversation) => conversation.source === "esconv").map((conversation) => conversation.id);
const ids = chosen.sample(esconvIds);
const { labelFiles } = chosen;
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
