/**
 * The fresh part of the real-dialogue evaluation set (`risk-labels-fresh.jsonl`; how it was
 * labelled: risk-rubric.md, "The fresh part"): conversations nobody had read when it was chosen,
 * labelled before the screen was run on them, so the current screen is measured on them once.
 * The choice is by id alone, before any text was read: from the conversations that
 * `chooseConversations` did not choose (none of them is in `risk-labels.jsonl`), per source the
 * ids with the lowest SHA-256 of `freshPartSeed + id` (`freshPartSizes`).
 *
 * Every conversation whose patient turns hold the narrow crisis terms was already chosen, so this
 * part holds none of them: it tests false pages, and risk said in other words than those terms.
 *
 *   scripts/with-node.sh node bench/data/real-dialogue/fresh-part.ts            # counts
 *   scripts/with-node.sh node bench/data/real-dialogue/fresh-part.ts --print    # each candidate turn with its neighbours
 *
 * `--print` writes the conversations' words to the terminal only, never to a file in the repository.
 */
import { createHash } from "node:crypto";
import { loadRealDialogue, type RealConversation } from "../../support/real-dialogue.ts";
import { chooseConversations, printCandidateTurns } from "./candidates.ts";

export const freshPartSeed = "confide-fresh-part-2026-11-25";
export const freshPartSizes: Readonly<Record<string, number>> = { esconv: 200, "counsel-chat": 100, "esconv-failed": 30 };

/** The key that orders a source's unchosen ids: SHA-256 of `freshPartSeed + id`, in hex. */
export function freshPartKey(id: string): string {
  return createHash("sha256").update(`${freshPartSeed}${id}`, "utf8").digest("hex");
}

/** The fresh part's ids, per source the `freshPartSizes` unchosen ids with the lowest `freshPartKey`, in the loader's order. */
export function chooseFreshPart(conversations: readonly RealConversation[]): Set<string> {
  const chosen = chooseConversations(conversations);
  const fresh = new Set<string>();
  for (const [source, size] of Object.entries(freshPartSizes)) {
    const rest = conversations.filter((conversation) => conversation.source === source && !chosen.has(conversation.id));
    if (rest.length < size) throw new Error(`${source}: ${rest.length} unchosen conversations, fewer than ${size}`);
    rest.sort((a, b) => (freshPartKey(a.id) < freshPartKey(b.id) ? -1 : 1));
    for (const conversation of rest.slice(0, size)) fresh.add(conversation.id);
  }
  return new Set(conversations.filter((conversation) => fresh.has(conversation.id)).map((conversation) => conversation.id));
}

if (import.meta.main) {
  const set = loadRealDialogue();
  if (set.status === "absent") {
    console.log(set.message);
    process.exit(0);
  }
  const fresh = chooseFreshPart(set.conversations);
  const bySource = new Map<string, number>();
  for (const conversation of set.conversations) {
    if (fresh.has(conversation.id)) bySource.set(conversation.source, (bySource.get(conversation.source) ?? 0) + 1);
  }
  const { patientTurns, candidates } = printCandidateTurns(set.conversations, (id) => (fresh.has(id) ? "fresh" : undefined));
  console.log(`\nfresh part ${fresh.size} conversations (${[...bySource].map(([source, n]) => `${source} ${n}`).join(", ")}); ${patientTurns} patient turns, ${candidates} candidate turns`);
}
