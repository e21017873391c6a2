/**
 * Clinical-notes benchmark.
 *
 * 1. Quality of the embedded note writer on the labelled dialogues of `bench/data/notes/` (how
 *    they were made: its README), dev and held-out test separately. Each session is scored by
 *    the VADER analyzer as the pipeline would (patient turns only), then written by
 *    `writeEmbeddedNotes`. Printed: the significant quotes' word counts (median, p10, share of
 *    three words or fewer) and the share citing a turn labelled quotable; the share of key topics
 *    that are fillers or a name of the session; session mood against the labelled mood (a
 *    confusion table); action items against the labelled patient commitments (precision and
 *    recall by cited turn) and "Suggested: …" items against the therapist's labelled suggestions;
 *    names of the session found in the patient summary; and VADER's valence of the patient's
 *    turns by kind (backchannels of three words or fewer, labelled quotable statements, the rest)
 *    — the politeness bias the mood has to correct.
 *    The claim support of the written notes: the share of claims core's rule
 *    finds quoted, paraphrased or unsupported, in all and by field.
 *    On the labelled real conversations of `bench/data/real-dialogue/notes-labels.jsonl` (read
 *    from ../shared/real-dialogue, never copied; rubric beside the labels), dev and held out apart,
 *    and on the fresh parts of `notes-labels-fresh.jsonl`, `-fresh-2`, `-fresh-3` … `-fresh-28` and the
 *    FailedESConv parts `-failed-1`, `-failed-2` (each
 *    labelled before the writer ran on it) as further parts:
 *    plan precision and recall by cited turn (the plan alone; the items "to confirm" printed apart,
 *    with how many cite a labelled item), the presenting concern in the first topic line and as
 *    the first key topic, the clinician's mood label agreement, positive moods on sessions where the
 *    risk screen finds a current risk statement, filler, contraction or broken-word topics,
 *    fragment quotes, the strategy lines against their judgements where a part's lines were
 *    judged (`strategy-labels-*.jsonl`, rubric `strategies-rubric.md`: how many are a strategy,
 *    what the others are, how many no judgement covers), and each Rogers session's write + verify
 *    time (`reportReal`).
 *    How the mood moved (the trajectory) has no labels: its readings are counted per part.
 * 2. Time: the embedded writer and core's evidence and claim-support check (`verifyNotes`) on a 1,200-segment
 *    session (about 100 minutes of two speakers), both synchronous — in the embedded profile
 *    they hold the API's event loop that long. Targets: write ≤ 500 ms; write + verify
 *    < 1,000 ms.
 *
 * Run: npm run bench -- notes
 * Environment: BENCH_NOTES_RUNS (default 5), BENCH_NOTES_SEGMENTS (default 1200),
 * BENCH_NOTES_DETAIL=1 prints each session's mood, topics and misses — on the real conversations,
 * of the dev and fresh parts only: a held-out conversation's words, items or misses are never
 * printed, only the part's summary figures. BENCH_NOTES_REAL_PART=dev (or held-out, fresh, fresh-2 … fresh-28, failed-1, failed-2,
 * or several joined by commas: `fresh-4,fresh-5`) measures those parts of the real conversations
 * only, `both` dev and held-out (default all);
 * BENCH_NOTES_REAL_ONLY=1 runs the real conversations alone
 * (no written set, no timing).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { type ClinicalNotes, currentRiskSpans, harmToOthersSpans, type Transcript, verifyNotes } from "@confide/core";
import { sessionMoods } from "@confide/core/adapter-kit";
import type { NotesDraft, NoteWriterInput } from "@confide/core/ports";
import { createVaderLanguageAnalyzer, writeEmbeddedNotes } from "@confide/adapters-local/providers";
import { createWinkClaimReader } from "@confide/adapters-local/wink-claims";
import type { NotesSession } from "./data/notes/build-dataset.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";
import { sessionQuality, type SessionQuality } from "./support/notes-quality.ts";
import { percentile } from "./support/percentile.ts";
import { addSupportCounts, totalSupportCounts, type SupportCounts } from "./support/claim-support-counts.ts";
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import { screenRisk } from "../packages/core/src/use-cases/policies/risk-screening.ts";
import { notesFailedParts, notesFreshParts } from "./data/real-dialogue/notes-sample.ts";
import { isHeldOut } from "./data/real-dialogue/split.ts";
import { loadRealDialogue, type RealConversation } from "./support/real-dialogue.ts";
import { interventionKey, realNotesQuality, strategyKey, type NotesLabel, type RealNotesQuality } from "./support/real-notes-quality.ts";

const runs = Number(process.env.BENCH_NOTES_RUNS ?? 5);
const segmentCount = Number(process.env.BENCH_NOTES_SEGMENTS ?? 1_200);
const detail = process.env.BENCH_NOTES_DETAIL === "1";
const realPartNames = ["dev", "held-out", ...notesFreshParts.map((entry) => entry.name), ...notesFailedParts.map((entry) => entry.name)] as const;
type RealPart = (typeof realPartNames)[number];
/** A part with a label file of its own (`notes-labels-<part>.jsonl`): every part but the first sample's two. */
const ownFile = (part: RealPart) => part !== "dev" && part !== "held-out";
const askedParts = (process.env.BENCH_NOTES_REAL_PART ?? "").split(",");
const realParts = realPartNames.filter((part) => askedParts.some((asked) => ["", "all", part, ...(ownFile(part) ? [] : ["both"])].includes(asked)));
const realOnly = process.env.BENCH_NOTES_REAL_ONLY === "1";
const writeTargetMs = 500;
const totalTargetMs = 1_000;
const analyzer = createVaderLanguageAnalyzer();
const claims = createWinkClaimReader();

function load(split: "dev" | "test"): NotesSession[] {
  return readFileSync(new URL(`./data/notes/${split}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as NotesSession);
}

/** The session as the pipeline hands it to a note writer: roles known, patient turns scored by VADER. */
async function inputOf(session: NotesSession): Promise<NoteWriterInput> {
  const segments = session.turns.map((turn, index) => ({
    id: `${session.id}-t${index}`,
    speaker: turn.speaker === "therapist" ? "T" : "P",
    startMs: index * 6_000,
    endMs: index * 6_000 + 5_000,
    text: turn.text,
  }));
  const patient = segments.filter((segment) => segment.speaker === "P");
  const results = await analyzer.sentiment(patient.map((segment) => segment.text), { language: "en-US" });
  return {
    language: "en-US",
    speakers: [
      { label: "T", role: "therapist" },
      { label: "P", role: "patient" },
    ],
    segments,
    sentiment: patient.map((segment, index) => ({ segmentId: segment.id, ...results[index]! })),
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)} %`);
const ratio = (part: number, whole: number) => (whole === 0 ? "–" : (part / whole).toFixed(2));

async function report(split: "dev" | "test"): Promise<void> {
  const sessions = load(split);
  const qualities: Array<{ session: NotesSession; quality: SessionQuality }> = [];
  const valence = { backchannel: [] as number[], quotable: [] as number[], other: [] as number[] };
  const support = new Map<string, SupportCounts>();
  let verifyMs = 0;
  for (const session of sessions) {
    const input = await inputOf(session);
    for (const result of input.sentiment) {
      const turn = Number(result.segmentId.slice(result.segmentId.lastIndexOf("-t") + 2));
      const words = session.turns[turn]!.text.split(/\s+/).length;
      const kind = session.quotes.includes(turn) ? "quotable" : words <= 3 ? "backchannel" : "other";
      valence[kind].push(result.scores.positive - result.scores.negative);
    }
    const draft = writeEmbeddedNotes(input);
    qualities.push({ session, quality: sessionQuality(session, draft) });
    const verifyStartMs = performance.now();
    const verified = verifyNotes(draft, { ...input, revision: 1 }, { provider: "embedded", model: "bench", promptVersion: "bench", writtenAt: new Date() }, claims);
    verifyMs += performance.now() - verifyStartMs;
    addSupportCounts(support, verified);
  }
  const all = qualities.map((entry) => entry.quality);
  const quoteWords = all.flatMap((quality) => quality.quoteWordCounts);
  const topics = all.reduce((sum, quality) => sum + quality.topics, 0);
  console.log(`\n-- ${split}: ${sessions.length} sessions, ${sessions.reduce((sum, session) => sum + session.turns.length, 0)} turns`);
  console.log(
    `quotes: ${quoteWords.length}; words median ${median(quoteWords.length > 0 ? quoteWords : [Number.NaN])}, p10 ${percentile(quoteWords, 0.1)}; ` +
      `≤ 3 words ${percent(quoteWords.filter((count) => count <= 3).length, quoteWords.length)}; ` +
      `citing a labelled quotable turn ${percent(all.reduce((sum, quality) => sum + quality.quotesOnLabelledTurns, 0), quoteWords.length)}`,
  );
  const fillers = all.reduce((sum, quality) => sum + quality.fillerTopics, 0);
  const names = all.reduce((sum, quality) => sum + quality.nameTopics, 0);
  console.log(`key topics: ${topics}; fillers ${fillers} (${percent(fillers, topics)}), names ${names} (${percent(names, topics)})`);
  const leaked = qualities.filter((entry) => entry.quality.leakedNames.length > 0);
  console.log(`patient summaries naming a person: ${leaked.length} of ${sessions.length}${leaked.length > 0 ? ` (${leaked.flatMap((entry) => entry.quality.leakedNames).join(", ")})` : ""}`);

  const predicted = [...sessionMoods, "not_assessed"];
  const exact = qualities.filter((entry) => entry.quality.mood === entry.session.mood).length;
  const side = (mood: string) => (mood.includes("negative") ? "negative" : mood.includes("positive") ? "positive" : mood);
  const sameSide = qualities.filter((entry) => side(entry.quality.mood) === side(entry.session.mood)).length;
  console.log(`session mood: exact ${exact}/${sessions.length}, same side (negative / neutral / positive / mixed) ${sameSide}/${sessions.length}`);
  console.log(`  labelled \\ written  ${predicted.map((mood) => mood.replace("very_", "v.").padStart(9)).join("")}`);
  for (const label of sessionMoods) {
    const row = predicted.map((mood) => qualities.filter((entry) => entry.session.mood === label && entry.quality.mood === mood).length);
    console.log(`  ${label.padEnd(19)}${row.map((count) => String(count || "·").padStart(9)).join("")}`);
  }

  let items = 0, correct = 0, labelled = 0, found = 0, suggestions = 0, suggestionsCorrect = 0, suggestionLabels = 0, suggestionsFound = 0;
  for (const { session, quality } of qualities) {
    items += quality.commitmentTurns.length;
    correct += quality.commitmentTurns.filter((turn) => session.commitments.includes(turn)).length;
    labelled += session.commitments.length;
    found += session.commitments.filter((turn) => quality.commitmentTurns.includes(turn)).length;
    suggestions += quality.suggestionTurns.length;
    suggestionsCorrect += quality.suggestionTurns.filter((turn) => session.suggestions.includes(turn)).length;
    suggestionLabels += session.suggestions.length;
    suggestionsFound += session.suggestions.filter((turn) => quality.suggestionTurns.includes(turn)).length;
  }
  console.log(`action items (patient commitments): ${items} written, precision ${ratio(correct, items)}, recall ${ratio(found, labelled)} (${found}/${labelled} labelled)`);
  console.log(`strategies (the therapist's proposals): ${suggestions} written, precision ${ratio(suggestionsCorrect, suggestions)}, recall ${ratio(suggestionsFound, suggestionLabels)} (${suggestionsFound}/${suggestionLabels} labelled)`);
  const mean = (values: readonly number[]) => (values.length === 0 ? "–" : (values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(3));
  console.log(
    `VADER valence (positive − negative) of patient turns: backchannels ≤ 3 words ${mean(valence.backchannel)} (${valence.backchannel.length}), ` +
      `quotable statements ${mean(valence.quotable)} (${valence.quotable.length}), other ${mean(valence.other)} (${valence.other.length})`,
  );
  const claimsTotal = totalSupportCounts(support);
  const claimCount = claimsTotal.quoted + claimsTotal.paraphrased + claimsTotal.unsupported + claimsTotal.failed;
  const shares = (counts: SupportCounts, whole: number) =>
    `quoted ${percent(counts.quoted, whole)}, paraphrased ${percent(counts.paraphrased, whole)}, unsupported ${percent(counts.unsupported, whole)}` +
    (counts.failed > 0 ? `, citation failed ${percent(counts.failed, whole)}` : "");
  console.log(
    `claim support (core's rule, read by wink-nlp): ${claimCount} claims; ${shares(claimsTotal, claimCount)}; ` +
      `verify (evidence and support) ${Math.round(verifyMs)} ms in all, ${(verifyMs / Math.max(claimCount, 1)).toFixed(2)} ms a claim`,
  );
  for (const [field, counts] of support) {
    const whole = counts.quoted + counts.paraphrased + counts.unsupported + counts.failed;
    if (whole > 0) console.log(`  ${field.padEnd(18)} ${String(whole).padStart(4)}: ${shares(counts, whole)}`);
  }
  if (detail && split === "dev") {
    for (const { session, quality } of qualities) {
      const missed = session.commitments.filter((turn) => !quality.commitmentTurns.includes(turn));
      const wrong = quality.commitmentTurns.filter((turn) => !session.commitments.includes(turn));
      console.log(
        `  ${session.id}: mood ${session.mood} → ${quality.mood}; topics ${quality.topicTexts.join(", ")}; ` +
          `commitments missed ${JSON.stringify(missed)} wrong ${JSON.stringify(wrong)}; quote words ${JSON.stringify(quality.quoteWordCounts)}`,
      );
    }
  }
}

/** The second labellers' files: the held-out part's and the third fresh part's plans, each labelled blind to the first labels and to the writer's output. */
const secondLabelFiles = ["notes-labels-second.jsonl", "notes-labels-fresh-3-second.jsonl"];

/** The second labellers' plan labels (`secondLabelFiles`), by id; empty when there are none. */
function secondLabels(): Map<string, NotesLabel["plan"]> {
  const entries = secondLabelFiles.flatMap((file) => {
    const url = new URL(`./data/real-dialogue/${file}`, import.meta.url);
    if (!existsSync(url)) return [];
    return readFileSync(url, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { id: string; plan: NotesLabel["plan"] });
  });
  return new Map(entries.map((entry) => [entry.id, entry.plan]));
}

/** A strategy line's judgement (`strategies-rubric.md`). */
interface StrategyJudgement {
  strategy: boolean;
  kind?: string;
}

/** Every entry of the label files whose names start with `prefix` (`strategy-labels-`, `intervention-labels-`), one JSON object a line. */
function judgementFiles<Entry>(prefix: string): Entry[] {
  const folder = new URL("./data/real-dialogue/", import.meta.url);
  const files = readdirSync(folder).filter((file) => file.startsWith(prefix) && file.endsWith(".jsonl"));
  return files.flatMap((file) =>
    readFileSync(new URL(file, folder), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Entry),
  );
}

/** The strategy lines judged by the rubric of `strategies-rubric.md` (every `strategy-labels-*.jsonl`), by `strategyKey`. */
function strategyLabels(): Map<string, StrategyJudgement> {
  const entries = judgementFiles<{ id: string; turn: number; start: number } & StrategyJudgement>("strategy-labels-");
  return new Map(entries.map((entry) => [strategyKey(entry.id, entry.turn, entry.start), { strategy: entry.strategy, ...(entry.kind ? { kind: entry.kind } : {}) }]));
}

/**
 * The strategy lines of a part against their judgements (figures only): how many are a strategy by
 * the rubric, what the others are, and how many no judgement covers (a line a changed writer newly
 * writes: judge it before quoting the figure). Nothing when no line of the part is judged.
 */
function printStrategies(keys: readonly string[], judgements: ReadonlyMap<string, StrategyJudgement>): void {
  const judged = keys.flatMap((key) => judgements.get(key) ?? []);
  if (judged.length === 0) return;
  const right = judged.filter((judgement) => judgement.strategy).length;
  const kinds = new Map<string, number>();
  for (const judgement of judged) if (!judgement.strategy) kinds.set(judgement.kind ?? "other", (kinds.get(judgement.kind ?? "other") ?? 0) + 1);
  const wrong = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(", ");
  console.log(`strategies: ${keys.length} lines, ${judged.length} judged: a strategy ${right} (${ratio(right, judged.length)})${wrong ? `; not: ${wrong}` : ""}; not judged ${keys.length - judged.length}`);
}

/** The lines of what the therapist did judged by `interventions-rubric.md` (every `intervention-labels-*.jsonl`), by `interventionKey`. */
function interventionLabels(): Map<string, { right: boolean; kind?: string }> {
  const entries = judgementFiles<{ id: string; turn: number; start: number; act: string; right: boolean; kind?: string }>("intervention-labels-");
  return new Map(entries.map((entry) => [interventionKey(entry.id, entry.turn, entry.start, entry.act), { right: entry.right, ...(entry.kind ? { kind: entry.kind } : {}) }]));
}

/**
 * The lines of what the therapist did of a part (figures only): how many, by act, and against
 * their judgements how many are the act they name, what the others are, and how many no judgement
 * covers (a line a changed writer newly writes: judge it before quoting the figure).
 */
function printInterventions(keys: readonly string[], judgements: ReadonlyMap<string, { right: boolean; kind?: string }>, conversations: number, without: number): void {
  const acts = new Map<string, number>();
  for (const act of keys.map((key) => key.slice(key.lastIndexOf("|") + 1))) acts.set(act, (acts.get(act) ?? 0) + 1);
  const byAct = [...acts].map(([act, count]) => `${act} ${count}`).join(", ");
  const judged = keys.flatMap((key) => judgements.get(key) ?? []);
  const right = judged.filter((judgement) => judgement.right).length;
  const kinds = new Map<string, number>();
  for (const judgement of judged) if (!judgement.right) kinds.set(judgement.kind ?? "other", (kinds.get(judgement.kind ?? "other") ?? 0) + 1);
  const wrong = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(", ");
  const figures = judged.length === 0 ? "none judged" : `${judged.length} judged: the act named ${right} (${ratio(right, judged.length)})${wrong ? `; not: ${wrong}` : ""}; not judged ${keys.length - judged.length}`;
  console.log(`what the therapist did: ${keys.length} lines (${byAct || "none"}), ${without} of ${conversations} conversations with none; ${figures}`);
}

/** Items of `a` that share a turn with an item of `b`. */
const itemsMatched = (a: NotesLabel["plan"], b: NotesLabel["plan"]) => a.filter((item) => b.some((other) => item.some((turn) => other.includes(turn)))).length;

/**
 * The plan against the second labeller, on the conversations both labelled (figures only): its
 * precision and recall by the second labels, a line right by either labeller, and how far the two
 * labellers agree (items of each found by the other).
 */
function printAgainstSecondLabeller(rows: ReadonlyArray<{ label: NotesLabel; quality: RealNotesQuality }>, second: ReadonlyMap<string, NotesLabel["plan"]>): void {
  const both = rows.filter((row) => second.has(row.label.id));
  if (both.length === 0) return;
  let written = 0;
  let rightBySecond = 0;
  let rightByEither = 0;
  let foundOfSecond = 0;
  let secondItems = 0;
  let firstItems = 0;
  let firstFoundBySecond = 0;
  let secondFoundByFirst = 0;
  for (const row of both) {
    const plan2 = second.get(row.label.id)!;
    const lines = row.quality.planItems;
    written += lines.length;
    rightBySecond += itemsMatched(lines, plan2);
    rightByEither += itemsMatched(lines, [...plan2, ...row.label.plan]);
    foundOfSecond += itemsMatched(plan2, lines);
    secondItems += plan2.length;
    firstItems += row.label.plan.length;
    firstFoundBySecond += itemsMatched(row.label.plan, plan2);
    secondFoundByFirst += itemsMatched(plan2, row.label.plan);
  }
  console.log(
    `plan by the second labeller (${both.length} conversations): precision ${ratio(rightBySecond, written)} (${rightBySecond}/${written}), recall ${ratio(foundOfSecond, secondItems)} (${foundOfSecond}/${secondItems}); ` +
      `a line right by either labeller ${rightByEither}/${written}; labellers agree: first's items found by the second ${firstFoundBySecond}/${firstItems}, second's by the first ${secondFoundByFirst}/${secondItems}`,
  );
}

/**
 * The notes as a clinician is shown them: every list without the items core's check left
 * unverified (a rendered note leaves them out and says how many), the rest as written.
 */
function shownOf(notes: ClinicalNotes): NotesDraft {
  const shown = Object.fromEntries(
    Object.entries(notes).map(([field, value]) => [field, Array.isArray(value) ? value.filter((item: { verification?: { status: string } }) => item.verification?.status !== "unverified") : value]),
  );
  return shown as unknown as NotesDraft;
}

/** The turns of a real conversation as the pipeline hands them to a note writer, patient turns scored by VADER. */
async function realInput(conversation: RealConversation): Promise<NoteWriterInput> {
  const segments = conversation.turns.map((turn, index) => ({
    id: `${conversation.id}-t${index}`,
    speaker: turn.role === "therapist" ? "T" : "P",
    startMs: index * 6_000,
    endMs: index * 6_000 + 5_000,
    text: turn.text,
  }));
  const patient = segments.filter((segment) => segment.speaker === "P");
  const results = await analyzer.sentiment(patient.map((segment) => segment.text), { language: "en-US" });
  return {
    language: "en-US",
    speakers: [
      { label: "T", role: "therapist" },
      { label: "P", role: "patient" },
    ],
    segments,
    sentiment: patient.map((segment, index) => ({ segmentId: segment.id, ...results[index]! })),
  };
}

const riskScreen = await embeddedRiskScreenDescriptor.create();
const ownRiskCategories = new Set(["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour", "self_harm"]);

/**
 * The risk screen of the conversation, as the pipeline runs it before the writer: where it found a
 * current risk to the patient's own life or body (the writer's `currentRisks`), and whether it found
 * a current risk statement of the patient about themselves (suicide or self-harm).
 */
async function screened(input: NoteWriterInput): Promise<{ currentRisks: NoteWriterInput["currentRisks"]; harmToOthers: NoteWriterInput["harmToOthers"]; risk: boolean }> {
  const transcript: Transcript = { language: "en-US", durationMs: 0, provider: "bench", revision: 1, warnings: [], speakers: input.speakers, segments: input.segments };
  const result = await screenRisk({ risk: riskScreen, clock: { now: () => new Date(0) } }, transcript);
  const risk = result.flags.some((flag) => flag.subject === "speaker" && flag.temporality === "current" && flag.speaker === "patient" && ownRiskCategories.has(flag.category ?? ""));
  return { currentRisks: currentRiskSpans(result.flags), harmToOthers: harmToOthersSpans(result.flags), risk };
}

const moodSide = (label: string) => (label === "hopeful" ? "positive" : label === "calm" ? "neutral" : label === "ambivalent" ? "mixed" : "negative");
const valueSide = (value: string) => (value.includes("negative") ? "negative" : value.includes("positive") ? "positive" : value);

/**
 * The real conversations of `bench/data/real-dialogue/notes-labels.jsonl` (read from
 * ../shared/real-dialogue; absent: one line says so), dev, held-out and the fresh parts apart: plan precision and
 * recall, the presenting concern in the first topic line, mood agreement, filler or broken topics,
 * fragment quotes, positive moods on a session with a current risk statement; and the time to write
 * and verify the notes of each Rogers session (the long ones).
 */
async function reportReal(): Promise<void> {
  const data = loadRealDialogue();
  if (data.status === "absent") {
    console.log(`\n-- real conversations: ${data.message}`);
    return;
  }
  const readLabels = (file: string) =>
    readFileSync(new URL(`./data/real-dialogue/${file}`, import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as NotesLabel);
  const labels = readLabels("notes-labels.jsonl");
  const partLabels = (part: RealPart): NotesLabel[] =>
    ownFile(part) ? readLabels(`notes-labels-${part}.jsonl`) : labels.filter((entry) => isHeldOut(entry.id) === (part === "held-out"));
  const byId = new Map(data.conversations.map((conversation) => [conversation.id, conversation]));
  const rogersTimes: string[] = [];
  const second = secondLabels();
  const strategyJudgements = strategyLabels();
  const interventionJudgements = interventionLabels();
  if (realParts.length === 0) throw new Error(`BENCH_NOTES_REAL_PART: dev, held-out, fresh, fresh-2 … fresh-28, failed-1, failed-2 (several joined by commas), both (dev and held-out) or all, not ${process.env.BENCH_NOTES_REAL_PART}`);
  for (const part of realParts) {
    const rows: Array<{ label: NotesLabel; quality: RealNotesQuality; risk: boolean; trajectory: string }> = [];
    if (ownFile(part) && !existsSync(new URL(`./data/real-dialogue/notes-labels-${part}.jsonl`, import.meta.url))) {
      console.log(`\n-- real conversations, ${part}: not labelled yet (no notes-labels-${part}.jsonl)`);
      continue;
    }
    for (const label of partLabels(part)) {
      const conversation = byId.get(label.id);
      if (!conversation) throw new Error(`${label.id}: not in the real-dialogue set`);
      const unscreened = await realInput(conversation);
      const { currentRisks, harmToOthers, risk } = await screened(unscreened);
      const input = { ...unscreened, currentRisks, harmToOthers };
      const startMs = performance.now();
      const draft = writeEmbeddedNotes(input);
      const verified = verifyNotes(draft, { ...input, revision: 1 }, { provider: "embedded", model: "bench", promptVersion: "bench", writtenAt: new Date() }, claims, { harmToOthers });
      if (conversation.source === "rogers") rogersTimes.push(`${conversation.id} ${conversation.turns.length} turns ${Math.round(performance.now() - startMs)} ms`);
      // Scored as shown: a rendered note leaves out what core could not verify, so the bench does too.
      const moved = verified.moodTrajectory;
      const trajectory = "value" in moved ? moved.value : moved.reason.startsWith("Words of feeling only in") ? "one half" : "too few";
      rows.push({ label, quality: realNotesQuality(label, conversation.turns.map((turn) => turn.text), shownOf(verified)), risk, trajectory });
      // Held-out conversations stay unread: their words, items and misses are never printed.
      if (detail && part !== "held-out") {
        const { quality } = rows[rows.length - 1]!;
        console.log(`  ${label.id}: plan ${JSON.stringify(quality.planItems)} to confirm ${JSON.stringify(quality.toConfirmItems)} labelled ${JSON.stringify(label.plan)}; concern ${quality.concernFirst ? "yes" : `no (${quality.firstTopicLine})`}, first key topic ${quality.firstKeyTopic}; mood ${quality.mood ?? quality.moodValue} labelled ${label.mood.join("+")}; bad topics ${quality.badTopics.join(", ")}; fragments ${quality.fragmentQuotes}`);
      }
    }
    const sum = (pick: (quality: RealNotesQuality) => number) => rows.reduce((total, row) => total + pick(row.quality), 0);
    const items = sum((quality) => quality.planItems.length);
    const labelled = rows.reduce((total, row) => total + row.label.plan.length, 0);
    const topics = sum((quality) => quality.topics);
    const badTopics = rows.flatMap((row) => row.quality.badTopics);
    const quotes = sum((quality) => quality.quotes);
    const moodAgree = rows.filter((row) => row.quality.mood !== null && row.label.mood.includes(row.quality.mood)).length;
    const sideAgree = rows.filter((row) => valueSide(row.quality.moodValue) === moodSide(row.label.mood[0]!)).length;
    const risky = rows.filter((row) => row.risk);
    const riskyPositive = risky.filter((row) => valueSide(row.quality.moodValue) === "positive").length;
    const positiveOnNegative = rows.filter((row) => valueSide(row.quality.moodValue) === "positive" && moodSide(row.label.mood[0]!) === "negative").length;
    console.log(`\n-- real conversations, ${part}: ${rows.length} (${rows.filter((row) => row.label.id.startsWith("rogers:")).length} Rogers sessions)`);
    console.log(`plan: ${items} items written, precision ${ratio(sum((quality) => quality.planCorrect), items)}, recall ${ratio(sum((quality) => quality.labelsFound), labelled)} (${sum((quality) => quality.labelsFound)}/${labelled} labelled items; ${rows.filter((row) => row.label.plan.length === 0).length} conversations agreed none)`);
    // By source (figures only, as the risk bench prints false pages by source): where the plan's lines and errors are.
    const sources = [...new Set(rows.map((row) => row.label.id.split(":")[0]!))];
    const bySource = sources.map((source) => {
      const of = rows.filter((row) => row.label.id.startsWith(`${source}:`));
      const written = of.reduce((total, row) => total + row.quality.planItems.length, 0);
      const right = of.reduce((total, row) => total + row.quality.planCorrect, 0);
      return `${source} ${right}/${written} right, ${of.reduce((total, row) => total + row.quality.labelsFound, 0)}/${of.reduce((total, row) => total + row.label.plan.length, 0)} found`;
    });
    console.log(`plan by source: ${bySource.join("; ")}`);
    // By form (figures only): the patient's own commitment, agreed to a stated proposal, agreed in the patient's words.
    const lines = rows.flatMap((row) => row.quality.planLines);
    const byForm = (["own", "stated", "patient-words"] as const).map((form) => {
      const ofForm = lines.filter((line) => line.form === form);
      return `${form === "own" ? "own commitment" : form === "stated" ? "agreed to a stated proposal" : "agreed in the patient's words"} ${ofForm.filter((line) => line.correct).length}/${ofForm.length} right`;
    });
    console.log(`plan by form: ${byForm.join("; ")}`);
    printAgainstSecondLabeller(rows, second);
    const toConfirm = sum((quality) => quality.toConfirmItems.length);
    console.log(
      `to confirm (apart from the plan, not counted in its precision or recall): ${toConfirm} items, ${sum((quality) => quality.toConfirmOnLabels)} citing a labelled item; ` +
        `labelled items found in the plan or to confirm ${sum((quality) => quality.labelsFoundEither)}/${labelled}`,
    );
    const concernFirst = rows.filter((row) => row.quality.concernFirst).length;
    const concernTop = rows.filter((row) => row.quality.concernTopTopic).length;
    console.log(`presenting concern in the first topic line ${percent(concernFirst, rows.length)} (${concernFirst}/${rows.length}), as the first key topic ${percent(concernTop, rows.length)} (${concernTop}/${rows.length})`);
    const moodNotRead = rows.filter((row) => row.quality.moodValue === "not_assessed").length;
    console.log(`mood: clinician's label agrees ${percent(moodAgree, rows.length)} (${moodAgree}/${rows.length}; no mood read, no word of feeling, ${moodNotRead}); same side as the label ${percent(sideAgree, rows.length)}; read positive where the label is negative ${positiveOnNegative}; current risk statement (risk screen) in ${risky.length}, read positive ${riskyPositive}`);
    // No labels for how the mood moved: the readings only, to see where the trajectory says nothing and why.
    const moved = (value: string) => rows.filter((row) => row.trajectory === value).length;
    console.log(`trajectory (not labelled): brighter ${moved("improving")}, lower ${moved("declining")}, much the same ${moved("stable")}; not told: words of feeling in one half only ${moved("one half")}, too few ${moved("too few")}`);
    console.log(`topics: ${topics}; fillers, contractions or broken words ${badTopics.length}${badTopics.length > 0 ? ` (${[...new Set(badTopics)].slice(0, 12).join(", ")})` : ""}`);
    console.log(`quotes: ${quotes}; fragments ${sum((quality) => quality.fragmentQuotes)} (${percent(sum((quality) => quality.fragmentQuotes), quotes)})`);
    printStrategies(rows.flatMap((row) => row.quality.strategyKeys), strategyJudgements);
    printInterventions(rows.flatMap((row) => row.quality.interventionKeys), interventionJudgements, rows.length, rows.filter((row) => row.quality.interventionKeys.length === 0).length);
  }
  console.log(`write + verify, real Rogers sessions: ${rogersTimes.join("; ")}`);
}

const therapistLines = [
  "How have you been sleeping since our last session?",
  "What goes through your mind when that happens at work?",
  "Let's try the breathing exercise together before the next meeting.",
];
const patientLines = [
  "Badly. My manager keeps changing the deadlines and I lie awake worrying about the project.",
  "Next week I'm going to talk to my manager about the workload, and I will keep the sleep diary.",
  "Walking the dog in the park helps. I would never hurt myself, I just feel tired and sad some mornings.",
  "My sister called on Sunday and we laughed for an hour; I felt calm and hopeful afterwards.",
];

function longSession(): NoteWriterInput {
  const segments = Array.from({ length: segmentCount }, (_, index) => {
    const patient = index % 2 === 1;
    const lines = patient ? patientLines : therapistLines;
    return {
      id: `seg-${String(index + 1).padStart(4, "0")}`,
      speaker: patient ? "S2" : "S1",
      startMs: index * 5_000,
      endMs: index * 5_000 + 4_500,
      text: lines[Math.floor(index / 2) % lines.length] as string,
    };
  });
  return {
    language: "en-US",
    speakers: [
      { label: "S1", role: "therapist" },
      { label: "S2", role: "patient" },
    ],
    segments,
    sentiment: segments
      .filter((segment) => segment.speaker === "S2")
      .map((segment, index) => {
        const positive = 0.2 + (index % 5) / 10;
        return { segmentId: segment.id, label: "mixed", scores: { positive, neutral: 0.4, negative: 0.6 - positive, mixed: 0 } };
      }),
  };
}

console.log(machineLoadLine());
const warmUpStartMs = performance.now();
const input = longSession();
writeEmbeddedNotes({ ...input, segments: input.segments.slice(0, 4) });
console.log(`first call (loads wink-nlp's model): ${Math.round(performance.now() - warmUpStartMs)} ms`);

if (!realOnly) {
  await report("dev");
  await report("test");
}
await reportReal();
if (realOnly) process.exit(0);

const writeMs: number[] = [];
const verifyMs: number[] = [];
let quality = "";
for (let run = 0; run < runs; run += 1) {
  const startMs = performance.now();
  const draft = writeEmbeddedNotes(input);
  const writtenMs = performance.now();
  const notes = verifyNotes(draft, { ...input, revision: 1 }, { provider: "embedded", model: "bench", promptVersion: "bench", writtenAt: new Date() }, claims);
  writeMs.push(writtenMs - startMs);
  verifyMs.push(performance.now() - writtenMs);
  quality = JSON.stringify(notes.quality);
}
const totalMs = median(writeMs) + median(verifyMs);
console.log(
  `\n${segmentCount} segments, ${runs} runs: write median ${Math.round(median(writeMs))} ms (max ${Math.round(Math.max(...writeMs))}), ` +
    `verify median ${Math.round(median(verifyMs))} ms; quality ${quality}`,
);
console.log(`target write ≤ ${writeTargetMs} ms: ${median(writeMs) <= writeTargetMs ? "met" : "MISSED"} (${Math.round(median(writeMs))} ms)`);
console.log(`target write + verify < ${totalTargetMs} ms: ${totalMs < totalTargetMs ? "met" : "MISSED"} (${Math.round(totalMs)} ms)`);
console.log(machineLoadLine());
