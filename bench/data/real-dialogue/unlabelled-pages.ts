/**
 * The pages the risk screen raises, with one microphone, on the real conversations that no label
 * file holds (neither `risk-labels.jsonl` nor `risk-labels-fresh.jsonl`): development data for
 * false pages that needs no label. A page citing a turn the source gives to the counsellor is
 * false for certain (the counsellor's words are never the patient's risk); a page citing the
 * help-seeker's turn has to be read. Whoever reads them may tune rules on them: they are in no
 * part the bench reports.
 *
 *   scripts/with-node.sh node --conditions=source bench/data/real-dialogue/unlabelled-pages.ts            # counts
 *   scripts/with-node.sh node --conditions=source bench/data/real-dialogue/unlabelled-pages.ts --print    # each page with its words
 *
 * `--print` writes the conversations' words to the terminal only, never to a file in the repository.
 */
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import { screenRisk } from "../../../packages/core/src/use-cases/policies/risk-screening.ts";
import { loadRealDialogue } from "../../support/real-dialogue.ts";
import { transcriptOf } from "../../support/real-risk-screen.ts";
import { freshLabelsPath, readLabels } from "./labels.ts";

if (import.meta.main) {
  const set = loadRealDialogue();
  if (set.status === "absent") {
    console.log(set.message);
    process.exit(0);
  }
  const print = process.argv.includes("--print");
  const labelled = new Set([...readLabels(), ...readLabels(freshLabelsPath)].map((labels) => labels.id));
  const deps = { risk: await embeddedRiskScreenDescriptor.create(), clock: { now: () => new Date(0) } };
  const pool = set.conversations.filter((conversation) => !labelled.has(conversation.id));
  let pagedSessions = 0;
  const pagesCiting = { therapist: 0, patient: 0 };
  for (const conversation of pool) {
    const alerts = (await screenRisk(deps, transcriptOf(conversation.id, conversation.turns, false))).flags.filter((flag) => flag.alert);
    if (alerts.length > 0) pagedSessions += 1;
    for (const alert of alerts) {
      const turn = Number(alert.evidence[0]?.segmentId.split("#").pop());
      const role = conversation.turns[turn]?.role ?? "patient";
      pagesCiting[role] += 1;
      if (print) console.log(`${conversation.id} turn ${turn} (${role}) ${alert.category} [${alert.rules.join("+")}]: ${alert.quote}`);
    }
  }
  const bySource = new Map<string, number>();
  for (const conversation of pool) bySource.set(conversation.source, (bySource.get(conversation.source) ?? 0) + 1);
  console.log(
    `unlabelled ${pool.length} conversations (${[...bySource].map(([source, n]) => `${source} ${n}`).join(", ")}), one microphone: ${pagedSessions} paged; pages citing the counsellor's turn ${pagesCiting.therapist} (false), the help-seeker's ${pagesCiting.patient} (to read)`,
  );
}
