/**
 * Every finding of the embedded risk screen, dumped so that a change to its matcher can be shown
 * to change nothing it finds: the written sets of `bench/data/risk-screen/` (each dialogue with
 * roles, with no roles, and its clean dialogues in speech recognition's form, as the bench runs
 * them) and the real conversations of `../shared/real-dialogue` (labelled dev part, held-out part,
 * with roles and with every speaker unknown; the Reddit users).
 *
 * Run: scripts/with-node.sh node --conditions=source bench/risk-findings-dump.ts <folder> [<earlier folder>]
 * Writes one JSONL file per part into `<folder>` (give one outside the repository: the real
 * parts hold the conversations' words) and prints each part's dialogues, findings and SHA-256.
 * Given an earlier dump, it compares part by part and prints "identical" or how many dialogues
 * differ — with their ids for the written sets and the real dev part only (the held-out part is
 * never read) — and exits 1 when any part differs.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RiskScreenInput } from "@confide/core/ports";
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import { readLabels } from "./data/real-dialogue/labels.ts";
import { loadRealDialogue } from "./support/real-dialogue.ts";

interface Turn {
  speaker: "therapist" | "patient";
  text: string;
}
interface Dialogue {
  id: string;
  style: "clean" | "asr";
  turns: Turn[];
}

const [folder, earlier] = process.argv.slice(2);
if (folder === undefined) {
  console.error("usage: bench/risk-findings-dump.ts <folder> [<earlier folder>]");
  process.exit(2);
}
mkdirSync(folder, { recursive: true });

const writtenSets = ["dev", "test", "test2", "test3", "test4", "test5"];

function load(name: string): Dialogue[] {
  return readFileSync(new URL(`./data/risk-screen/${name}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Dialogue);
}

/** As the bench gives a clean dialogue in speech recognition's form: lower case, no punctuation. */
const asAsr = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim();

function inputOf(id: string, turns: readonly Turn[], withRoles: boolean): RiskScreenInput {
  return {
    language: "en-US",
    speakers: [
      { label: "T", role: withRoles ? "therapist" : "unknown" },
      { label: "P", role: withRoles ? "patient" : "unknown" },
    ],
    segments: turns.map((turn, index) => ({ id: `${id}#${index}`, speaker: turn.speaker === "therapist" ? "T" : "P", text: turn.text })),
  };
}

/** One part: a line per dialogue, its id and every finding (the screen's output as it is). */
interface Part {
  name: string;
  /** Whether a difference may be listed by id (never for the held-out part). */
  listable: boolean;
  lines: string[];
}

const screen = await embeddedRiskScreenDescriptor.create();

async function partOf(name: string, listable: boolean, dialogues: ReadonlyArray<{ id: string; input: RiskScreenInput }>): Promise<Part> {
  const lines: string[] = [];
  for (const { id, input } of dialogues) lines.push(JSON.stringify({ id, output: await screen.screen(input) }));
  return { name, listable, lines };
}

const parts: Part[] = [];
for (const set of writtenSets) {
  const dialogues = load(set);
  parts.push(await partOf(`${set}-roles`, true, dialogues.map((dialogue) => ({ id: dialogue.id, input: inputOf(dialogue.id, dialogue.turns, true) }))));
  parts.push(await partOf(`${set}-no-roles`, true, dialogues.map((dialogue) => ({ id: dialogue.id, input: inputOf(dialogue.id, dialogue.turns, false) }))));
  const clean = dialogues.filter((dialogue) => dialogue.style === "clean");
  parts.push(await partOf(`${set}-asr`, true, clean.map((dialogue) => ({ id: dialogue.id, input: inputOf(dialogue.id, dialogue.turns.map((turn) => ({ ...turn, text: asAsr(turn.text) })), true) }))));
}

const real = loadRealDialogue();
if (real.status === "absent") console.log(`real sessions: ${real.message}`);
else {
  const byId = new Map(real.conversations.map((conversation) => [conversation.id, conversation]));
  const labelled = readLabels();
  for (const split of ["dev", "held-out"] as const) {
    const conversations = labelled
      .filter((labels) => labels.split === split)
      .map((labels) => {
        const conversation = byId.get(labels.id);
        if (conversation === undefined) throw new Error(`${labels.id}: labelled but not in ${real.path}`);
        return conversation;
      });
    for (const withRoles of [true, false]) {
      parts.push(
        await partOf(
          `real-${split}-${withRoles ? "roles" : "no-roles"}`,
          split === "dev",
          conversations.map((conversation) => ({ id: conversation.id, input: inputOf(conversation.id, conversation.turns.map((turn) => ({ speaker: turn.role, text: turn.text })), withRoles) })),
        ),
      );
    }
  }
  parts.push(await partOf("real-reddit", false, real.reddit.map((user) => ({ id: user.id, input: inputOf(user.id, user.posts.map((text) => ({ speaker: "patient" as const, text })), true) }))));
}

const findingsIn = (line: string) => {
  const output = (JSON.parse(line) as { output: { findings?: unknown[] } }).output;
  return output.findings?.length ?? 0;
};

let differs = false;
for (const part of parts) {
  const text = `${part.lines.join("\n")}\n`;
  writeFileSync(join(folder, `${part.name}.jsonl`), text);
  const sha = createHash("sha256").update(text).digest("hex");
  const findings = part.lines.reduce((sum, line) => sum + findingsIn(line), 0);
  let compared = "";
  if (earlier !== undefined) {
    const path = join(earlier, `${part.name}.jsonl`);
    if (!existsSync(path)) compared = " — not in the earlier dump";
    else {
      const before = readFileSync(path, "utf8").split("\n").filter((line) => line !== "");
      const idOf = (line: string) => (JSON.parse(line) as { id: string }).id;
      const beforeById = new Map(before.map((line) => [idOf(line), line]));
      const changed = part.lines.filter((line) => beforeById.get(idOf(line)) !== line).map(idOf);
      const gone = before.length - (part.lines.length - part.lines.filter((line) => !beforeById.has(idOf(line))).length);
      if (changed.length === 0 && gone === 0) compared = " — identical";
      else {
        differs = true;
        compared = ` — DIFFERS in ${changed.length} dialogue(s)${part.listable ? `: ${changed.join(", ")}` : ""}`;
      }
    }
  }
  console.log(`${part.name.padEnd(24)} ${String(part.lines.length).padStart(4)} dialogues ${String(findings).padStart(5)} findings  sha256 ${sha.slice(0, 16)}${compared}`);
}
process.exit(differs ? 1 : 0);
