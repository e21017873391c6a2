/**
 * How the real-dialogue labels were made (see risk-rubric.md): which conversations were chosen,
 * and which patient turns a labeller read. Run, to reproduce the selection and list the turns to
 * read (the text goes to the terminal only, never to a file in the repository):
 *
 *   scripts/with-node.sh node bench/data/real-dialogue/candidates.ts            # counts
 *   scripts/with-node.sh node bench/data/real-dialogue/candidates.ts --print    # each candidate turn with its neighbours
 *
 * The selection: every conversation a PROVENANCE.md lists as having suicide or self-harm content
 * (`provenanceListed`), every conversation whose patient turns match the narrow crisis terms
 * (`crisisTerms`), the six Rogers sessions, and a seeded sample of the rest — the ids with the
 * lowest SHA-256 of `sampleSeed + id`, per source (`sampleSizes`). The candidate turns: every
 * patient turn of a chosen conversation matching the broad lexicon (`candidateLexicon`), much
 * broader than the screen's rules: death and dying, harm and injury, weapons and means, medicine,
 * violence and abuse, alcohol, drugs and tobacco, despair — and every patient turn that answers a
 * therapist's turn about suicide or self-harm (`questionTerms`), since "Yes." or "I have in the
 * past." carries the risk of the question it answers. `--print-full` prints long turns whole.
 */
import { createHash } from "node:crypto";
import { loadRealDialogue, type RealConversation } from "../../support/real-dialogue.ts";

export const provenanceListed: readonly string[] = [
  ...[69, 130, 227, 278, 807, 100, 868, 872, 686, 792, 62, 15, 221, 743, 830, 853, 40, 91, 96].map((line) => `esconv:train:${line}`),
  "esconv:valid:163",
  "esconv:valid:171",
  "esconv:test:43",
  "esconv:test:106",
  ...[37, 103, 169, 174, 176, 177, 185].map((index) => `esconv-failed:${index}`),
  ...[72, 67, 74, 9, 63, 114, 320, 110, 52, 53, 66, 120, 148, 0, 17, 38, 61, 107, 121, 833, 54, 62, 116, 252, 257, 309, 394, 473, 480, 841].map((id) => `counsel-chat:${id}`),
];

/** Narrow terms that bring a whole conversation into the set (a crisis the lists may have missed). */
export const crisisTerms =
  /suicid|kill(ing)? (my ?self|me)\b|end(ing)? (my|it all|my own) life|take my (own )?life|want(ed)? to die|wanna die|better off dead|self[- ]?harm|cut(ting)? my ?self|hurt(ing)? my ?self|overdos/i;

export const sampleSeed = "confide-real-set-2026-11";
export const sampleSizes: Readonly<Record<string, number>> = { esconv: 200, "counsel-chat": 130, "esconv-failed": 30 };

export const candidateLexicon = new RegExp(
  [
    String.raw`suicid|\bkill|\bdie\b|\bdied|\bdying|\bdead\b|\bdeath|\bend (it|my|this|things|everything|all)\b|\balive\b|\bnot (be )?(here|around) (anymore|any more)|shouldn'?t be here|disappear|never wake|not wake up|sleep forever`,
    String.raw`(want|wanna|reason|point|worth) (to )?liv(e|ing)|liv(e|ing) (anymore|any more|in this world)|(keep|go on|carry on) living|give up|giving up|no point|pointless|hopeless|worthless|a burden|better off|goodbye|can'?t (go on|take (it|this)|do this|cope|handle)|no reason to|tired of (living|life|everything|being)|want (it|this) (all )?to (end|stop)|escape`,
    String.raw`\bharm|\bhurt|\bcut(s|ting)?\b|blade|razor|knife|knives|\bgun|shoot|rope|\bhang|\bjump|bridge|\bpills?\b|overdos|\bod\b|tablets|medicat|poison|bleed|blood|\bscar(s|red)?\b|\bburn`,
    String.raw`\bpunch|\bhit(s|ting)?\b|\bbeat|\bslap|\bkick|chok|strangl|abus|\brape|molest|assault|violen|threat|attack|revenge|hate (him|her|them)|weapon|\bfight`,
    String.raw`\bdrink|drunk|alcohol|\bbeer|\bwine|vodka|whisk|liquor|booze|\bdrug|\bweed|marijuana|\bpot\b|cocaine|\bcoke\b|heroin|\bmeth|\bhigh\b|\bsmok|cigar|\bvap|addict|relapse|sober|rehab|\bcrisis|hotline|emergency|hospital|\bpsych|\bplan\b|\bnote\b`,
  ].join("|"),
  "i",
);

/** A patient turn is also a candidate when the turn before it (the therapist's) asks or speaks about crisis (`crisisTerms`, or "yourself"): the answer to a screening question. */
export const questionTerms = new RegExp(`${crisisTerms.source}|(hurt|harm|kill)(ing)? yourself|thoughts? of (suicide|dying|death|ending)|end(ing)? your (own )?life`, "i");

export function isCandidate(turns: readonly RealConversation["turns"][number][], index: number): boolean {
  const turn = turns[index];
  if (turn === undefined || turn.role !== "patient") return false;
  const before = turns[index - 1];
  return candidateLexicon.test(turn.text) || (before !== undefined && before.role === "therapist" && questionTerms.test(before.text));
}

export function sampleKey(id: string): string {
  return createHash("sha256").update(`${sampleSeed}${id}`, "utf8").digest("hex");
}

/** The chosen conversations, each with why it was chosen. */
export function chooseConversations(conversations: readonly RealConversation[]): Map<string, string> {
  const chosen = new Map<string, string>();
  const known = new Set(conversations.map((conversation) => conversation.id));
  for (const id of provenanceListed) {
    if (!known.has(id)) throw new Error(`listed id ${id} is not in the set`);
    chosen.set(id, "listed");
  }
  for (const conversation of conversations) {
    if (chosen.has(conversation.id)) continue;
    if (conversation.source === "rogers") chosen.set(conversation.id, "rogers");
    else if (conversation.turns.some((turn) => turn.role === "patient" && crisisTerms.test(turn.text))) chosen.set(conversation.id, "crisis-terms");
  }
  for (const [source, size] of Object.entries(sampleSizes)) {
    const rest = conversations.filter((conversation) => conversation.source === source && !chosen.has(conversation.id));
    rest.sort((a, b) => (sampleKey(a.id) < sampleKey(b.id) ? -1 : 1));
    for (const conversation of rest.slice(0, size)) chosen.set(conversation.id, "sample");
  }
  return chosen;
}

/**
 * Walks the patient turns of the conversations `whyChosen` names (it gives why each was chosen,
 * or undefined for one not chosen) and, with `--print` (or `--print-full`, long turns whole) in
 * `argv`, prints each candidate turn with its neighbours to the terminal, never to a file;
 * `--only=<id prefix>` prints those conversations only.
 * @returns how many patient turns and candidate turns it walked.
 */
export function printCandidateTurns(
  conversations: readonly RealConversation[],
  whyChosen: (id: string) => string | undefined,
  argv: readonly string[] = process.argv,
): { patientTurns: number; candidates: number } {
  let patientTurns = 0;
  let candidates = 0;
  const print = argv.includes("--print-full") ? "full" : argv.includes("--print");
  const only = argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
  const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);
  for (const conversation of conversations) {
    const why = whyChosen(conversation.id);
    if (why === undefined) continue;
    conversation.turns.forEach((turn, index) => {
      if (turn.role !== "patient") return;
      patientTurns += 1;
      if (!isCandidate(conversation.turns, index)) return;
      candidates += 1;
      if (!print || (only !== undefined && !conversation.id.startsWith(only))) return;
      const before = conversation.turns[index - 1];
      const after = conversation.turns[index + 1];
      console.log(`\n## ${conversation.id}#${index} (${why})`);
      if (before) console.log(`  <${before.role[0]}> ${clip(before.text, 160)}`);
      console.log(`  >>> ${print === "full" ? turn.text : clip(turn.text, 1_400)}`);
      if (after) console.log(`  <${after.role[0]}> ${clip(after.text, 120)}`);
    });
  }
  return { patientTurns, candidates };
}

if (import.meta.main) {
  const set = loadRealDialogue();
  if (set.status === "absent") {
    console.log(set.message);
    process.exit(0);
  }
  const chosen = chooseConversations(set.conversations);
  const byWhy = new Map<string, number>();
  for (const why of chosen.values()) byWhy.set(why, (byWhy.get(why) ?? 0) + 1);
  const { patientTurns, candidates } = printCandidateTurns(set.conversations, (id) => chosen.get(id));
  console.log(`\nchosen ${chosen.size} conversations (${[...byWhy].map(([why, count]) => `${why} ${count}`).join(", ")}); ${patientTurns} patient turns, ${candidates} candidate turns`);
}
