/**
 * Prints a fresh part of the notes labels for labelling, to the terminal only — never to a file in
 * the repository. By default the fresh part; with `--part <name>` as first arguments any part of
 * `notesFreshParts` (`fresh-2` … `fresh-28`) or of `notesFailedParts` (`failed-1`, `failed-2`: from
 * FailedESConv, less the ids a risk label file holds). Each part is checked against the label files
 * before it (the first sample's and every earlier part's that is written): none of its ids may
 * already be labelled there.
 *
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts                         # the fresh ids, in order, each checked
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts <n|id>                  # one conversation whole: its merged turns, 0-based, roles shown
 *   scripts/with-node.sh node bench/data/real-dialogue/print-fresh.ts --part fresh-3 [n|id]   # the same for another fresh part
 */
import { existsSync, readFileSync } from "node:fs";
import { loadRealDialogue } from "../../support/real-dialogue.ts";
import { notesFailedParts, notesFailedPartSample, notesFreshPartSample, notesFreshParts, type NotesFailedPart, type NotesFreshPart } from "./notes-sample.ts";

const args = process.argv.slice(2);
let part = "fresh";
if (args[0] === "--part") {
  part = args[1] ?? "";
  args.splice(0, 2);
}
const parts = [...notesFreshParts, ...notesFailedParts];
const at = parts.findIndex((entry) => entry.name === part);
if (at === -1) throw new Error(`unknown part: ${part} (${parts.map((entry) => entry.name).join(", ")})`);
// An earlier part may still be being labelled: its ids are apart from this part's by the shuffle, and its file is checked once written.
const labelFiles = ["notes-labels.jsonl", ...parts.slice(0, at).map((entry) => `notes-labels-${entry.name}.jsonl`)].filter((file) =>
  existsSync(new URL(`./${file}`, import.meta.url)),
);

const dialogue = loadRealDialogue();
if (dialogue.status === "absent") throw new Error(dialogue.message);
const idsOf = (source: string) => dialogue.conversations.filter((conversation) => conversation.source === source).map((conversation) => conversation.id);
const idsIn = (file: string) =>
  readFileSync(new URL(`./${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { id: string }).id);
const ids = part.startsWith("failed")
  ? notesFailedPartSample(part as NotesFailedPart, idsOf("esconv-failed"), new Set(["risk-labels.jsonl", "risk-labels-fresh.jsonl"].flatMap(idsIn)))
  : notesFreshPartSample(part as NotesFreshPart, idsOf("esconv"));
const labelled = new Set(labelFiles.flatMap(idsIn));
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
