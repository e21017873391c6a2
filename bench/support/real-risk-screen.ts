/**
 * The risk screen on real conversations (`../shared/real-dialogue`, labelled in
 * `bench/data/real-dialogue/`): what a therapist would be paged for, and what a note would list,
 * run exactly as the product runs it — the screen adapter through core's `screenRisk` (speaker
 * attribution, citation checks, merged flags, `alert`) — once with the labelled roles and once
 * with every speaker unknown (one microphone). Printed apart for the dev part, the held-out part
 * and the fresh part (`risk-labels-fresh.jsonl`, labelled before the screen was first run on it);
 * the held-out and the fresh part as figures only, never their misses.
 *
 * A session is paged when one of its flags has `alert: true`; it is page-worthy when a patient
 * turn carries a page label (the rubric: an explicit current statement of suicidal thoughts,
 * intent, a plan, a preparatory act, self-harm or intent to harm someone). A paging flag is right
 * when one of the turns it cites carries a page label. Lines in a note: the risk screen's
 * sentences in the note `formatNote` lays out (the summary line included).
 *
 * With the encoder (`rulesAlone` given: the rules' screen alone), it also prints what the encoder
 * added: its review flags, how many cite a turn labelled with any risk, with the flag's category,
 * or page-worthy — and that none pages, joins a rule's flag or changes a session's pages.
 *
 * Prints ids, turn numbers, categories and rule names only — never the conversations' words.
 */
import { formatNote, type RiskScreenResult, type ScreenedRiskFlag, type Transcript, verifyNotes } from "@confide/core";
import { allNotAssessed } from "@confide/core/adapter-kit";
import type { screenRisk as ScreenRisk } from "../../packages/core/src/use-cases/policies/risk-screening.ts";
import { freshLabelsPath, readLabels, type ConversationLabels } from "../data/real-dialogue/labels.ts";
import { median } from "./median.ts";
import { redditLabels, type RealConversation, type RealDialogue, type RedditUser } from "./real-dialogue.ts";

type Deps = Parameters<typeof ScreenRisk>[0];
type Screen = (deps: Deps, transcript: Transcript) => Promise<RiskScreenResult>;

const pad = (text: string, width: number) => text.padEnd(width);
const ratio = (part: number, whole: number) => (whole === 0 ? "—" : (part / whole).toFixed(2));

/** A real conversation as a transcript: its two roles as speakers, named or (one microphone) of no known role. */
export function transcriptOf(id: string, turns: ReadonlyArray<{ role: "patient" | "therapist"; text: string }>, withRoles: boolean): Transcript {
  return {
    language: "en-US",
    durationMs: turns.length * 5_000,
    provider: "bench",
    revision: 1,
    warnings: [],
    speakers: [
      { label: "T", role: withRoles ? "therapist" : "unknown" },
      { label: "P", role: withRoles ? "patient" : "unknown" },
    ],
    segments: turns.map((turn, index) => ({ id: `${id}#${index}`, speaker: turn.role === "therapist" ? "T" : "P", startMs: index * 5_000, endMs: index * 5_000 + 4_000, text: turn.text })),
  };
}

const noClaims = {
  name: "none",
  read: (): never => {
    throw new Error("the bench's notes have no claims to read");
  },
};

/** The risk screen's sentences in the note of this transcript (its other fields not assessed). */
function noteRiskLines(transcript: Transcript, risk: RiskScreenResult): number {
  const notes = verifyNotes(allNotAssessed("not written by the bench"), transcript, { provider: "bench", model: "none", promptVersion: "none", writtenAt: new Date(0) }, noClaims);
  return formatNote("confide", notes, risk).sections.flatMap((section) => section.sentences).filter((sentence) => sentence.from === "riskScreen").length;
}

interface SessionScore {
  labels: ConversationLabels;
  paged: boolean;
  alerts: ScreenedRiskFlag[];
  rightAlerts: number;
  review: number;
  /** To-review flags about the patient's own life or body (suicide's categories, self-harm; `subject: speaker`), and of those, how many cite no turn labelled with such a risk (current, past or someone else's): a line a labeller would not write in the note's Assessment. */
  ownReview: number;
  ownReviewUnlabelled: number;
  noteLines: number;
  /** The most flags citing one turn (one statement, at most one flag). */
  flagsOnOneTurn: number;
  /** With the encoder: what it added to the rules' flags (`encoderAdded`). */
  encoder?: EncoderAdded;
}

/** What the sentence encoder added to a session's flags, measured against the rules alone. */
interface EncoderAdded {
  /** Flags whose every rule is the encoder's: each one it added. */
  added: number;
  /** Of those, citing a turn labelled with any risk (the patient's current, past, or someone else's). */
  onRiskTurn: number;
  /** Of those, citing a turn labelled with the flag's category (current or past). */
  onItsCategory: number;
  /** Of those, citing a page-worthy turn. */
  onPageTurn: number;
  /** Of those, paging (none may). */
  paging: number;
  /** Flags of the rules that an encoder flag joined (none may: it could ride into their page). */
  joined: number;
  /** Whether the session's pages differ from the rules' alone. */
  pagesDiffer: boolean;
}

const isEncoders = (rule: string) => rule.startsWith("encoder.");

function encoderAdded(flags: readonly ScreenedRiskFlag[], rulesAlone: RiskScreenResult, labels: ConversationLabels): EncoderAdded {
  const byTurn = new Map(labels.turns.map((turn) => [turn.turn, turn]));
  const cites = (flag: ScreenedRiskFlag, holds: (turn: ConversationLabels["turns"][number]) => boolean) =>
    flag.evidence.some((span) => {
      const turn = byTurn.get(turnOf(span.segmentId));
      return turn !== undefined && holds(turn);
    });
  const added = flags.filter((flag) => flag.rules.every(isEncoders));
  const pageKey = (flag: ScreenedRiskFlag) => JSON.stringify([flag.category, flag.evidence, flag.rules]);
  const pages = (list: readonly ScreenedRiskFlag[]) => list.filter((flag) => flag.alert).map(pageKey).sort().join("|");
  return {
    added: added.length,
    onRiskTurn: added.filter((flag) => cites(flag, (turn) => [...(turn.current ?? []), ...(turn.history ?? []), ...(turn.otherPerson ?? [])].length > 0)).length,
    onItsCategory: added.filter((flag) => cites(flag, (turn) => flag.category !== undefined && [...(turn.current ?? []), ...(turn.history ?? [])].includes(flag.category))).length,
    onPageTurn: added.filter((flag) => cites(flag, (turn) => turn.page === true)).length,
    paging: added.filter((flag) => flag.alert).length,
    joined: flags.filter((flag) => flag.rules.some(isEncoders) && !flag.rules.every(isEncoders)).length,
    pagesDiffer: pages(flags) !== pages(rulesAlone.flags),
  };
}

const turnOf = (segmentId: string) => Number(segmentId.slice(segmentId.lastIndexOf("#") + 1));
/** Risks to the patient's own life or body: suicide's categories and self-harm. */
const ownRiskCategories = new Set<string>(["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour", "self_harm"]);

async function scoreSession(screen: Screen, deps: Deps, conversation: RealConversation, labels: ConversationLabels, withRoles: boolean, rulesAlone: Deps | undefined): Promise<SessionScore> {
  const transcript = transcriptOf(conversation.id, conversation.turns, withRoles);
  const result = await screen(deps, transcript);
  const encoder = rulesAlone === undefined ? {} : { encoder: encoderAdded(result.flags, await screen(rulesAlone, transcript), labels) };
  const paging = new Set(labels.turns.filter((turn) => turn.page === true).map((turn) => turn.turn));
  const alerts = result.flags.filter((flag) => flag.alert);
  const riskTurns = new Set(labels.turns.filter((turn) => [...(turn.current ?? []), ...(turn.history ?? []), ...(turn.otherPerson ?? [])].some((category) => ownRiskCategories.has(category))).map((turn) => turn.turn));
  const ownReview = result.flags.filter((flag) => !flag.alert && flag.subject === "speaker" && ownRiskCategories.has(flag.category ?? ""));
  return {
    labels,
    paged: alerts.length > 0,
    alerts,
    rightAlerts: alerts.filter((flag) => flag.evidence.some((span) => paging.has(turnOf(span.segmentId)))).length,
    review: result.flags.length - alerts.length,
    ownReview: ownReview.length,
    ownReviewUnlabelled: ownReview.filter((flag) => !flag.evidence.some((span) => riskTurns.has(turnOf(span.segmentId)))).length,
    noteLines: noteRiskLines(transcript, result),
    flagsOnOneTurn: Math.max(0, ...conversation.turns.map((_, index) => result.flags.filter((flag) => flag.evidence.some((span) => turnOf(span.segmentId) === index)).length)),
    ...encoder,
  };
}

function printPart(title: string, scores: readonly SessionScore[], showMisses: boolean): void {
  const worthy = scores.filter((score) => score.labels.pageWorthy);
  const nonCrisis = scores.filter((score) => !score.labels.pageWorthy);
  const falsePages = nonCrisis.filter((score) => score.paged);
  const passiveOnly = nonCrisis.filter((score) => score.labels.turns.some((turn) => (turn.current ?? []).includes("passive_death_wish")));
  const alerts = scores.reduce((sum, score) => sum + score.alerts.length, 0);
  const right = scores.reduce((sum, score) => sum + score.rightAlerts, 0);
  const lines = scores.map((score) => score.noteLines);
  const review = scores.reduce((sum, score) => sum + score.review, 0);
  console.log(`\n${title}: ${scores.length} sessions, ${worthy.length} page-worthy, ${nonCrisis.length} not`);
  console.log(`  sessions paged                      ${scores.filter((score) => score.paged).length} (page-worthy ${worthy.filter((score) => score.paged).length} of ${worthy.length})`);
  console.log(`  false pages per 100 non-crisis      ${nonCrisis.length === 0 ? "—" : ((100 * falsePages.length) / nonCrisis.length).toFixed(1)} (${falsePages.length} of ${nonCrisis.length} sessions; target ≤ 1)`);
  console.log(`  pages missed on page-worthy         ${worthy.filter((score) => !score.paged).length} of ${worthy.length} (target 0)`);
  console.log(`  passive wish only, paged            ${passiveOnly.filter((score) => score.paged).length} of ${passiveOnly.length} (not page-worthy by the rubric; counted in the false pages)`);
  console.log(`  alerting flags right                ${right} of ${alerts} (precision ${ratio(right, alerts)}; target ≥ 0.8)`);
  console.log(`  to-review flags per session         ${(review / Math.max(1, scores.length)).toFixed(2)} (${review} in all)`);
  const ownReview = scores.reduce((sum, score) => sum + score.ownReview, 0);
  const unlabelled = scores.reduce((sum, score) => sum + score.ownReviewUnlabelled, 0);
  console.log(
    `  to review, patient's life or body   ${ownReview} flags; on no turn labelled with such a risk ${unlabelled}, in ${scores.filter((score) => score.ownReviewUnlabelled > 0).length} sessions (lines a labeller would not write)`,
  );
  console.log(`  risk lines in a note                median ${median(lines)}, max ${Math.max(0, ...lines)} (the summary line included)`);
  console.log(`  most flags citing one turn          ${Math.max(0, ...scores.map((score) => score.flagsOnOneTurn))} (a long turn may hold several statements)`);
  const bySource = new Map<string, { sessions: number; falsePages: number }>();
  for (const score of nonCrisis) {
    const source = score.labels.id.split(":")[0] as string;
    const entry = bySource.get(source) ?? { sessions: 0, falsePages: 0 };
    entry.sessions += 1;
    if (score.paged) entry.falsePages += 1;
    bySource.set(source, entry);
  }
  console.log(`  false pages by source               ${[...bySource].map(([source, entry]) => `${source} ${entry.falsePages} of ${entry.sessions}`).join(", ")}`);
  const encoder = scores.flatMap((score) => (score.encoder === undefined ? [] : [{ score, added: score.encoder }]));
  if (encoder.length > 0) {
    const sum = (key: keyof Omit<EncoderAdded, "pagesDiffer">) => encoder.reduce((total, entry) => total + entry.added[key], 0);
    const withAdded = encoder.filter((entry) => entry.added.added > 0);
    console.log(
      `  encoder: review flags added         ${sum("added")} in ${withAdded.length} sessions (${withAdded.filter((entry) => !entry.score.labels.pageWorthy).length} of them non-crisis); on a turn labelled with any risk ${sum("onRiskTurn")}, with the flag's category ${sum("onItsCategory")}, page-worthy ${sum("onPageTurn")}`,
    );
    console.log(`  encoder: never a page               added flags paging ${sum("paging")}, rule flags it joined ${sum("joined")}, sessions whose pages differ from the rules alone ${encoder.filter((entry) => entry.added.pagesDiffer).length} (each must be 0)`);
  }
  if (!showMisses) return;
  const describe = (flag: ScreenedRiskFlag) => `${flag.category ?? flag.type}@${flag.evidence.map((span) => turnOf(span.segmentId)).join("+")}(${flag.rules.join("+")})`;
  for (const score of falsePages) console.log(`  false page ${score.labels.id}: ${score.alerts.map(describe).join(", ")}`);
  for (const score of worthy.filter((candidate) => !candidate.paged)) console.log(`  missed page ${score.labels.id}: turns ${score.labels.turns.filter((turn) => turn.page).map((turn) => turn.turn).join(", ")}`);
}

async function reportReddit(screen: Screen, deps: Deps, users: readonly RedditUser[]): Promise<void> {
  const rows = new Map<string, { users: number; flagged: number; paged: number }>(redditLabels.map((label) => [label, { users: 0, flagged: 0, paged: 0 }]));
  for (const user of users) {
    const transcript = transcriptOf(user.id, user.posts.map((text) => ({ role: "patient" as const, text })), true);
    const result = await screen(deps, transcript);
    const row = rows.get(user.label)!;
    row.users += 1;
    if (result.flags.length > 0) row.flagged += 1;
    if (result.flags.some((flag) => flag.alert)) row.paged += 1;
  }
  console.log(`\n== Reddit C-SSRS users (each user's posts as one patient's turns; labels by clinicians, per user)`);
  console.log(`${pad("label", 12)} ${pad("users", 7)} ${pad("flagged at all", 16)} paged`);
  for (const [label, row] of rows) console.log(`${pad(label, 12)} ${pad(String(row.users), 7)} ${pad(`${row.flagged} (${ratio(row.flagged, row.users)})`, 16)} ${row.paged} (${ratio(row.paged, row.users)})`);
}

/** Prints the real-set figures, or one line when the shared folder is absent. */
export async function reportRealSet(screen: Screen, deps: Deps, set: RealDialogue, options: { showMisses: boolean; reddit: boolean; rulesAlone?: Deps }): Promise<void> {
  if (set.status === "absent") {
    console.log(`\n== real sessions: ${set.message}`);
    return;
  }
  const byId = new Map(set.conversations.map((conversation) => [conversation.id, conversation]));
  const labelled = [...readLabels(), ...readLabels(freshLabelsPath)];
  console.log(`\n== real sessions (${labelled.length} labelled conversations from ${set.path}, the fresh part included; rubric: bench/data/real-dialogue/risk-rubric.md)`);
  for (const withRoles of [true, false]) {
    const scores: SessionScore[] = [];
    for (const labels of labelled) {
      const conversation = byId.get(labels.id);
      if (conversation === undefined) throw new Error(`${labels.id}: labelled but not in ${set.path}`);
      scores.push(await scoreSession(screen, deps, conversation, labels, withRoles, options.rulesAlone));
    }
    const roles = withRoles ? "with the labelled roles" : "roles unknown (one microphone)";
    printPart(`real sessions, dev part, ${roles}`, scores.filter((score) => score.labels.split === "dev"), options.showMisses);
    // The held-out part: figures only, never its misses (whoever tunes rules does not read it).
    printPart(`real sessions, held-out part, ${roles}`, scores.filter((score) => score.labels.split === "held-out"), false);
    // The fresh part: figures only, never its misses (no rule may be tuned on it).
    printPart(`real sessions, fresh part, ${roles}`, scores.filter((score) => score.labels.split === "fresh"), false);
  }
  if (options.reddit) await reportReddit(screen, deps, set.reddit);
  else console.log("\n== Reddit C-SSRS users: skipped (BENCH_RISK_REDDIT=0)");
}
