/**
 * The checks of the real-dialogue labels (`check-labels.ts` runs them and prints the counts; a
 * test runs them on the committed file): the schema of every record, categories among the
 * screen's (`riskCategories`), each record's split as `isHeldOut` decides it, page-worthy exactly
 * when a turn pages, a page only on a turn with a current category, unique ids, ids and labels
 * only (no other field), and the set's promised size: at least 400 conversations, most of them not
 * page-worthy, at least 30 read whole. `labelErrorsAgainst` checks them against the conversations.
 * The fresh part (`risk-labels-fresh.jsonl`) passes the same checks with `part: "fresh"`: split
 * `fresh`, chosen `fresh-sample`, its own promised size (`freshMinimums`); `freshPartErrors` adds
 * that it shares no id with the main set and, against the conversations, that its ids are exactly
 * those `chooseFreshPart` chooses.
 */
import { riskCategories } from "@confide/core/adapter-kit";
import type { RealConversation } from "../../support/real-dialogue.ts";
import { chooseFreshPart } from "./fresh-part.ts";
import type { ConversationLabels } from "./labels.ts";
import { isHeldOut } from "./split.ts";

/** The set's promised size: conversations labelled, and how many of them were read end to end. */
export const minimums = { conversations: 400, readWhole: 30 };
/** The fresh part's promised size: 330 conversations chosen, 16 of them read end to end. */
export const freshMinimums = { conversations: 330, readWhole: 16 };
const categories = new Set<string>(riskCategories);
const mainChosen = ["listed", "crisis-terms", "rogers", "sample"];

/** Errors of a labels file: `part` `main` is `risk-labels.jsonl` (dev and held-out), `fresh` is `risk-labels-fresh.jsonl`. */
export function labelErrors(records: readonly ConversationLabels[], minimum: typeof minimums = minimums, part: "main" | "fresh" = "main"): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const where = record.id ?? "(no id)";
    if (typeof record.id !== "string" || !/^(esconv:(train|valid|test):\d+|esconv-failed:\d+|counsel-chat:\d+|rogers:[a-z0-9-]+)$/.test(record.id)) errors.push(`${where}: bad id`);
    if (seen.has(record.id)) errors.push(`${where}: id twice`);
    seen.add(record.id);
    if (part === "fresh") {
      if (record.split !== "fresh") errors.push(`${where}: split ${record.split} in the fresh part`);
      if (record.chosen !== "fresh-sample") errors.push(`${where}: chosen ${record.chosen} in the fresh part`);
    } else {
      if (record.split !== (isHeldOut(record.id) ? "held-out" : "dev")) errors.push(`${where}: split ${record.split} is not what isHeldOut decides`);
      if (!mainChosen.includes(record.chosen)) errors.push(`${where}: chosen ${record.chosen}`);
    }
    if (!["whole", "candidates"].includes(record.read)) errors.push(`${where}: read ${record.read}`);
    if (!Number.isInteger(record.patientTurns) || record.patientTurns < 1) errors.push(`${where}: patientTurns ${record.patientTurns}`);
    if (!Array.isArray(record.turns)) {
      errors.push(`${where}: no turns list`);
      continue;
    }
    const turnsSeen = new Set<number>();
    for (const turn of record.turns) {
      const at = `${where}#${turn.turn}`;
      if (!Number.isInteger(turn.turn) || turn.turn < 0) errors.push(`${at}: bad turn index`);
      if (turnsSeen.has(turn.turn)) errors.push(`${at}: turn twice`);
      turnsSeen.add(turn.turn);
      const lists = [turn.current, turn.history, turn.otherPerson];
      if (lists.every((list) => list === undefined || list.length === 0)) errors.push(`${at}: a labelled turn without a category`);
      for (const list of lists) for (const category of list ?? []) if (!categories.has(category)) errors.push(`${at}: unknown category ${category}`);
      if (turn.page !== undefined && turn.page !== true) errors.push(`${at}: page is true or absent`);
      if (turn.page === true && (turn.current ?? []).length === 0) errors.push(`${at}: pages without a current category`);
      const keys = Object.keys(turn).filter((key) => !["turn", "current", "history", "otherPerson", "page"].includes(key));
      if (keys.length > 0) errors.push(`${at}: unknown fields ${keys.join(", ")} (ids and labels only)`);
    }
    if (record.pageWorthy !== record.turns.some((turn) => turn.page === true)) errors.push(`${where}: pageWorthy does not match its turns`);
    const keys = Object.keys(record).filter((key) => !["id", "split", "chosen", "read", "patientTurns", "pageWorthy", "turns"].includes(key));
    if (keys.length > 0) errors.push(`${where}: unknown fields ${keys.join(", ")} (ids and labels only)`);
  }

  const count = (filter: (record: ConversationLabels) => boolean) => records.filter(filter).length;
  const pageWorthy = count((record) => record.pageWorthy);
  if (records.length < minimum.conversations) errors.push(`${records.length} conversations, fewer than ${minimum.conversations}`);
  if (pageWorthy * 2 >= records.length) errors.push(`${pageWorthy} of ${records.length} page-worthy: most should not be`);
  if (count((record) => record.read === "whole") < minimum.readWhole) errors.push(`fewer than ${minimum.readWhole} conversations read whole`);
  return errors;
}

/** Every id is a conversation of the set, every labelled turn a patient turn, and the patient-turn counts match. */
export function labelErrorsAgainst(records: readonly ConversationLabels[], conversations: readonly RealConversation[]): string[] {
  const errors: string[] = [];
  const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  for (const record of records) {
    const conversation = byId.get(record.id);
    if (conversation === undefined) {
      errors.push(`${record.id}: not in the shared set`);
      continue;
    }
    const patientTurns = conversation.turns.filter((turn) => turn.role === "patient").length;
    if (patientTurns !== record.patientTurns) errors.push(`${record.id}: ${record.patientTurns} patient turns labelled, the conversation has ${patientTurns}`);
    for (const turn of record.turns) if (conversation.turns[turn.turn]?.role !== "patient") errors.push(`${record.id}#${turn.turn}: not a patient turn`);
  }
  return errors;
}

/** The fresh part shares no id with the main set; with the conversations given, its ids are exactly those `chooseFreshPart` chooses. */
export function freshPartErrors(fresh: readonly ConversationLabels[], main: readonly ConversationLabels[], conversations?: readonly RealConversation[]): string[] {
  const errors: string[] = [];
  const mainIds = new Set(main.map((record) => record.id));
  for (const record of fresh) if (mainIds.has(record.id)) errors.push(`${record.id}: in the fresh part and in risk-labels.jsonl`);
  if (conversations === undefined) return errors;
  const chosen = chooseFreshPart(conversations);
  const labelled = new Set(fresh.map((record) => record.id));
  for (const id of labelled) if (!chosen.has(id)) errors.push(`${id}: labelled as fresh but not chosen by chooseFreshPart`);
  for (const id of chosen) if (!labelled.has(id)) errors.push(`${id}: chosen by chooseFreshPart but not labelled`);
  return errors;
}
