/**
 * Checks the real-dialogue labels (`risk-labels.jsonl` and the fresh part's
 * `risk-labels-fresh.jsonl`; the checks: `labels-check.ts`) and prints their counts. With the
 * shared folder there, also against the conversations themselves (every id exists, every labelled
 * turn is a patient turn, the patient-turn counts match, the fresh part is exactly what
 * `chooseFreshPart` chooses); without it, it says so in one line and checks the rest. Exits 1 on
 * any error.
 *
 *   scripts/with-node.sh node --conditions=source bench/data/real-dialogue/check-labels.ts
 */
import { riskCategories } from "@confide/core/adapter-kit";
import { loadRealDialogue } from "../../support/real-dialogue.ts";
import { freshLabelsPath, readLabels, type ConversationLabels } from "./labels.ts";
import { freshMinimums, freshPartErrors, labelErrors, labelErrorsAgainst, minimums } from "./labels-check.ts";

const records = readLabels();
const fresh = readLabels(freshLabelsPath);
const errors = [...labelErrors(records), ...labelErrors(fresh, freshMinimums, "fresh")];
const set = loadRealDialogue();
if (set.status === "absent") {
  console.log(`${set.message}; ids and turns not checked against the conversations`);
  errors.push(...freshPartErrors(fresh, records));
} else errors.push(...labelErrorsAgainst(records, set.conversations), ...labelErrorsAgainst(fresh, set.conversations), ...freshPartErrors(fresh, records, set.conversations));

/** Prints one labels file's counts. */
function printCounts(title: string, records: readonly ConversationLabels[], splits: readonly ConversationLabels["split"][]): void {
  const count = (filter: (record: ConversationLabels) => boolean) => records.filter(filter).length;
  const bySource = new Map<string, number>();
  for (const record of records) {
    const source = record.id.split(":")[0] as string;
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  console.log(`${title}: ${records.length} conversations (${[...bySource].map(([source, n]) => `${source} ${n}`).join(", ")}); ${splits.map((split) => `${split} ${count((record) => record.split === split)}`).join(", ")}`);
  console.log(
    `page-worthy ${count((record) => record.pageWorthy)} (${splits.map((split) => `${split} ${count((record) => record.pageWorthy && record.split === split)}`).join(", ")}); read whole ${count((record) => record.read === "whole")}`,
  );
  const turnCount = (pick: (turn: ConversationLabels["turns"][number]) => boolean) => records.reduce((sum, record) => sum + record.turns.filter(pick).length, 0);
  const current = (turn: ConversationLabels["turns"][number]) => (turn.current ?? []).length > 0;
  console.log(
    `patient turns ${records.reduce((sum, record) => sum + record.patientTurns, 0)}; with a current label ${turnCount(current)}, paging ${turnCount((turn) => turn.page === true)}, history only ${turnCount((turn) => !current(turn) && (turn.history ?? []).length > 0)}, someone else's only ${turnCount((turn) => !current(turn) && (turn.history ?? []).length === 0)}`,
  );
  console.log(`current labels per category: ${riskCategories.map((category) => `${category} ${turnCount((turn) => (turn.current ?? []).includes(category))}`).join(", ")}`);
}

printCounts("risk-labels.jsonl", records, ["dev", "held-out"]);
printCounts("risk-labels-fresh.jsonl", fresh, ["fresh"]);
if (errors.length > 0) {
  for (const error of errors) console.error(error);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log(`ok (at least ${minimums.conversations} and ${freshMinimums.conversations} conversations)`);
