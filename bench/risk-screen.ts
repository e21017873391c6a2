/**
 * Risk-screen benchmark: precision and recall of the risk screen per category, false
 * alarms per hard-negative type, current-versus-history confusion, and the time to screen a long
 * session — measured on the labelled dialogues of `bench/data/risk-screen/` (how they were made:
 * its README) through the production path: the embedded screen's descriptor, then core's
 * `screenRisk` (speaker attribution, citation checks). Missed targets are printed, not failed.
 *
 * A patient turn counts as flagged for a category when a flag about the speaker themselves
 * (not someone else's risk) cites it with that category, or carries it as a reason (an inferred
 * category is a reason inside one flag, not a flag of its own). Recall of a category: its labelled turns flagged with it
 * (any temporality); "caught": flagged with any category of the same family (suicide, or the
 * category itself elsewhere), what a clinician reading the flag would still see. A false alarm:
 * a hard-negative (or plain) patient turn given a current flag about the speaker. Each set is run
 * with roles (therapist / patient) and again with no roles (a mono recording): then a flag citing
 * a therapist's turn is a false alarm too, and it is never a push (`speaker: unknown`).
 *
 * The sets: `dev.jsonl` (tuned on), `test.jsonl` and `test2.jsonl` (held out from the first and
 * second rounds, read for the third), `test3.jsonl` (written blind, held out until rules 5 were
 * tuned on its misses), `test4.jsonl` (written blind in the style of real sessions — long
 * turns, speech recognition's text — held out until rules 6 were tuned on its misses) and
 * `test5.jsonl` (written blind, varied real-session text, never tuned on: the one blind measure
 * now). A summary at the end puts the six side by side, with roles.
 *
 * Then the real sessions (`bench/support/real-risk-screen.ts`): the labelled conversations of
 * `../shared/real-dialogue` (labels and rubric: `bench/data/real-dialogue/`), dev and held-out
 * parts apart, with roles and with every speaker unknown — sessions paged against page-worthy,
 * false pages per 100 non-crisis sessions, missed pages, alerting-flag precision, to-review flags
 * per session, risk lines in a note — and the Reddit C-SSRS users flagged and paged per label.
 * One line says so when the shared folder is absent. With the encoder, each part also prints the
 * review flags the encoder added (how many on a turn labelled with any risk, with the flag's
 * category, page-worthy) and checks that none pages, joins a rule's flag or changes a page.
 *
 * The time: wall time and the CPU time the process used (`process.cpuUsage`), median over the
 * runs, with the load average when measured — on a busy machine the wall time includes waiting.
 *
 * Run: npm run bench -- risk-screen
 * Environment: BENCH_RISK_SPLIT (dev | test | test2 | test3 | test4 | test5 | real | all, or a comma list; default all; time: only the time), BENCH_RISK_REDDIT=0 skips the Reddit users, BENCH_REAL_DIALOGUE names another shared folder, BENCH_RISK_SEGMENTS (default
 * 1200), BENCH_RISK_RUNS (default 5), BENCH_RISK_MISSES=1 prints every miss and false alarm,
 * BENCH_RISK_SCREEN=encoder measures the rules plus the sentence encoder (`CONFIDE_RISK_SCREEN=encoder`;
 * BENCH_RISK_ENCODER_THRESHOLD, default its setting's 0.9) instead of the rules alone.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { ScreenedRiskFlag, Transcript } from "@confide/core";
import { riskCategories } from "@confide/core/adapter-kit";
import type { RiskCategory } from "@confide/core/ports";
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import { encoderRiskScreenDescriptor } from "@confide/adapters-local/encoder-risk-screen";
import { screenRisk } from "../packages/core/src/use-cases/policies/risk-screening.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { loadRealDialogue } from "./support/real-dialogue.ts";
import { reportRealSet } from "./support/real-risk-screen.ts";
import { median } from "./support/median.ts";

interface Label {
  category: RiskCategory;
  temporality: "current" | "history";
}
interface Turn {
  speaker: "therapist" | "patient";
  text: string;
  labels?: Label[];
  negative?: string;
}
interface Dialogue {
  id: string;
  style: "clean" | "asr";
  turns: Turn[];
}

const split = process.env.BENCH_RISK_SPLIT ?? "all";
const segmentCount = Number(process.env.BENCH_RISK_SEGMENTS ?? 1_200);
const runs = Number(process.env.BENCH_RISK_RUNS ?? 5);
const showMisses = process.env.BENCH_RISK_MISSES === "1";

function load(name: string): Dialogue[] {
  const path = new URL(`./data/risk-screen/${name}.jsonl`, import.meta.url);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Dialogue);
}

const suicideFamily = new Set<RiskCategory>(["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"]);
const familyOf = (category: RiskCategory) => (suicideFamily.has(category) ? "suicide" : category);
/** A flag's category and the categories it carries as reasons (one statement, one flag: an inferred category is a reason inside it). */
const categoriesOf = (flag: ScreenedRiskFlag): RiskCategory[] => [...(flag.category === undefined ? [] : [flag.category]), ...(flag.reasons ?? [])];

function transcriptOf(dialogue: Dialogue, withRoles: boolean): Transcript {
  return {
    language: "en-US",
    durationMs: 0,
    provider: "bench",
    revision: 1,
    warnings: [],
    speakers: withRoles
      ? [
          { label: "T", role: "therapist" },
          { label: "P", role: "patient" },
        ]
      : [
          { label: "T", role: "unknown" },
          { label: "P", role: "unknown" },
        ],
    segments: dialogue.turns.map((turn, index) => ({
      id: `${dialogue.id}-t${index}`,
      speaker: turn.speaker === "therapist" ? "T" : "P",
      startMs: index * 5_000,
      endMs: index * 5_000 + 4_000,
      text: turn.text,
    })),
  };
}

/** Lower case, no punctuation: what speech recognition gives for a clean dialogue. */
function asAsr(dialogue: Dialogue): Dialogue {
  return {
    ...dialogue,
    id: `${dialogue.id}-asr`,
    style: "asr",
    turns: dialogue.turns.map((turn) => ({ ...turn, text: turn.text.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim() })),
  };
}

interface Tally {
  labelled: Record<string, number>;
  recalled: Record<string, number>;
  caught: Record<string, number>;
  flagged: Record<string, number>;
  correctFlags: Record<string, number>;
  negatives: Record<string, number>;
  falseAlarms: Record<string, number>;
  temporality: Record<string, number>;
  misses: string[];
  alarms: string[];
}

function newTally(): Tally {
  return { labelled: {}, recalled: {}, caught: {}, flagged: {}, correctFlags: {}, negatives: {}, falseAlarms: {}, temporality: {}, misses: [], alarms: [] };
}

const add = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};

const screenName = process.env.BENCH_RISK_SCREEN ?? "embedded";
if (screenName !== "embedded" && screenName !== "encoder") throw new Error(`BENCH_RISK_SCREEN is embedded or encoder, not ${screenName}`);
const screen =
  screenName === "encoder"
    ? await encoderRiskScreenDescriptor.create(encoderRiskScreenDescriptor.settings.parse({ threshold: process.env.BENCH_RISK_ENCODER_THRESHOLD }))
    : await embeddedRiskScreenDescriptor.create();
console.log(`screen: ${screen.provider}`);
const deps = { risk: screen, clock: { now: () => new Date(0) } };

async function score(dialogues: Dialogue[], withRoles: boolean, tally: Tally): Promise<void> {
  for (const dialogue of dialogues) {
    const transcript = transcriptOf(dialogue, withRoles);
    const result = await screenRisk(deps, transcript);
    const own = (flag: ScreenedRiskFlag) => flag.subject === "speaker";
    dialogue.turns.forEach((turn, index) => {
      const segmentId = `${dialogue.id}-t${index}`;
      const flags = result.flags.filter((flag) => own(flag) && flag.evidence.some((span) => span.segmentId === segmentId));
      const describe = () => `${segmentId} [${turn.negative ?? (turn.labels ?? []).map((label) => `${label.category}/${label.temporality}`).join(",")}] "${turn.text}" → ${flags.map((flag) => `${categoriesOf(flag).join("+")}/${flag.temporality}(${flag.rules.join("+")})`).join(", ") || "nothing"}`;
      if (turn.speaker === "therapist") {
        if (!withRoles && turn.negative === "therapist_question") {
          add(tally.negatives, "therapist_question (no roles)");
          if (flags.some((flag) => flag.temporality === "current")) {
            add(tally.falseAlarms, "therapist_question (no roles)");
            tally.alarms.push(describe());
          }
        }
        return;
      }
      const labels = turn.labels ?? [];
      const flaggedCategories = new Set(flags.flatMap(categoriesOf));
      for (const category of flaggedCategories) {
        add(tally.flagged, category);
        if (labels.some((label) => label.category === category)) add(tally.correctFlags, category);
      }
      if (labels.length === 0) {
        const kind = turn.negative ?? "plain (no risk words)";
        add(tally.negatives, kind);
        if (flags.some((flag) => flag.temporality === "current")) {
          add(tally.falseAlarms, kind);
          tally.alarms.push(describe());
        }
        return;
      }
      let missed = false;
      for (const label of labels) {
        const key = `${label.category}${label.temporality === "history" ? " (history)" : ""}`;
        add(tally.labelled, key);
        const exact = flags.find((flag) => categoriesOf(flag).includes(label.category));
        if (exact) {
          add(tally.recalled, key);
          add(tally.temporality, `${label.temporality}→${exact.temporality}`);
        } else missed = true;
        if (flags.some((flag) => categoriesOf(flag).some((category) => familyOf(category) === familyOf(label.category)))) add(tally.caught, key);
      }
      if (missed) tally.misses.push(describe());
    });
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? "—" : (part / whole).toFixed(2));
const pad = (text: string, width: number) => text.padEnd(width);

function print(title: string, tally: Tally): void {
  console.log(`\n${title}`);
  console.log(`${pad("category", 34)} ${pad("labelled", 9)} ${pad("recall", 7)} ${pad("caught", 7)} ${pad("precision", 9)}`);
  let labelled = 0;
  let recalled = 0;
  let caught = 0;
  const keys = [...riskCategories.map((category) => category as string), ...riskCategories.map((category) => `${category} (history)`)];
  for (const key of keys) {
    const count = tally.labelled[key] ?? 0;
    if (count === 0) continue;
    labelled += count;
    recalled += tally.recalled[key] ?? 0;
    caught += tally.caught[key] ?? 0;
    const category = key.replace(" (history)", "");
    const precision = key.endsWith("(history)") ? "" : ratio(tally.correctFlags[category] ?? 0, tally.flagged[category] ?? 0);
    console.log(`${pad(key, 34)} ${pad(String(count), 9)} ${pad(ratio(tally.recalled[key] ?? 0, count), 7)} ${pad(ratio(tally.caught[key] ?? 0, count), 7)} ${precision}`);
  }
  console.log(`${pad("all labels", 34)} ${pad(String(labelled), 9)} ${pad(ratio(recalled, labelled), 7)} ${pad(ratio(caught, labelled), 7)}`);
  console.log(`\n${pad("hard negative type", 34)} ${pad("turns", 9)} false alarms`);
  let negatives = 0;
  let alarms = 0;
  for (const [kind, count] of Object.entries(tally.negatives).sort()) {
    const hard = kind !== "plain (no risk words)";
    if (hard) {
      negatives += count;
      alarms += tally.falseAlarms[kind] ?? 0;
    }
    console.log(`${pad(kind, 34)} ${pad(String(count), 9)} ${tally.falseAlarms[kind] ?? 0} (${ratio(tally.falseAlarms[kind] ?? 0, count)})`);
  }
  console.log(`${pad("all hard negatives", 34)} ${pad(String(negatives), 9)} ${alarms} (${ratio(alarms, negatives)})`);
  const matrix = tally.temporality;
  console.log(
    `\ntemporality of flags on labelled turns: current→current ${matrix["current→current"] ?? 0}, current→history ${matrix["current→history"] ?? 0}, history→history ${matrix["history→history"] ?? 0}, history→current ${matrix["history→current"] ?? 0}`,
  );
  if (showMisses) {
    console.log("\nmisses:");
    for (const line of tally.misses) console.log(`  ${line}`);
    console.log("false alarms:");
    for (const line of tally.alarms) console.log(`  ${line}`);
  }
}

console.log(machineLoadLine());
const chosenSplits =
  split === "all" || split === "both" ? ["dev", "test", "test2", "test3", "test4", "test5", "real"] : split === "time" ? [] : split.split(",").map((name) => name.trim());
const splits = chosenSplits.filter((name) => name !== "real");
const summary = new Map<string, Tally>();
for (const name of splits) {
  const dialogues = load(name);
  const withRoles = newTally();
  await score(dialogues, true, withRoles);
  summary.set(name, withRoles);
  print(`== ${name}.jsonl (${dialogues.length} dialogues), with speaker roles`, withRoles);
  const noRoles = newTally();
  await score(dialogues, false, noRoles);
  summary.set(`${name} (no roles)`, noRoles);
  print(`== ${name}.jsonl, no speaker roles (mono recording): patient turns flagged as "speaker unknown", never a push`, noRoles);
  const asr = newTally();
  await score(dialogues.filter((dialogue) => dialogue.style === "clean").map(asAsr), true, asr);
  print(`== ${name}.jsonl, its clean dialogues lower-cased with punctuation removed (as speech recognition gives them), with roles`, asr);
}

/** The sets side by side, with roles: recall per category (labelled / recall), false alarms per negative type (turns / alarms). */
function printSummary(): void {
  const names = splits.filter((name) => summary.has(name));
  const cell = (tally: Tally, key: string) => `${tally.labelled[key] ?? 0} / ${ratio(tally.recalled[key] ?? 0, tally.labelled[key] ?? 0)}`;
  console.log(`\n== summary, with speaker roles (labelled / recall; turns / false alarms)`);
  console.log(`${pad("", 34)} ${names.map((name) => pad(name, 16)).join(" ")}`);
  for (const category of riskCategories) console.log(`${pad(category, 34)} ${names.map((name) => pad(cell(summary.get(name)!, category), 16)).join(" ")}`);
  const historyOf = (tally: Tally) => {
    const keys = Object.keys(tally.labelled).filter((key) => key.endsWith("(history)"));
    const labelled = keys.reduce((sum, key) => sum + (tally.labelled[key] ?? 0), 0);
    return `${labelled} / ${ratio(keys.reduce((sum, key) => sum + (tally.recalled[key] ?? 0), 0), labelled)}`;
  };
  console.log(`${pad("history labels (all categories)", 34)} ${names.map((name) => pad(historyOf(summary.get(name)!), 16)).join(" ")}`);
  const allOf = (tally: Tally) => {
    const labelled = Object.values(tally.labelled).reduce((sum, n) => sum + n, 0);
    return `${labelled} / ${ratio(Object.values(tally.recalled).reduce((sum, n) => sum + n, 0), labelled)}`;
  };
  console.log(`${pad("all labels", 34)} ${names.map((name) => pad(allOf(summary.get(name)!), 16)).join(" ")}`);
  const kinds = [...new Set(names.flatMap((name) => Object.keys(summary.get(name)!.negatives)))].sort();
  const alarmCell = (tally: Tally, kind: string) => `${tally.negatives[kind] ?? 0} / ${tally.falseAlarms[kind] ?? 0}`;
  for (const kind of kinds) console.log(`${pad(kind, 34)} ${names.map((name) => pad(alarmCell(summary.get(name)!, kind), 16)).join(" ")}`);
  const hard = (tally: Tally) => {
    const kindsHard = Object.keys(tally.negatives).filter((kind) => kind !== "plain (no risk words)");
    const turns = kindsHard.reduce((sum, kind) => sum + (tally.negatives[kind] ?? 0), 0);
    const alarms = kindsHard.reduce((sum, kind) => sum + (tally.falseAlarms[kind] ?? 0), 0);
    return `${turns} / ${alarms} (${turns === 0 ? "—" : ((100 * alarms) / turns).toFixed(0)} %)`;
  };
  console.log(`${pad("all hard negatives", 34)} ${names.map((name) => pad(hard(summary.get(name)!), 16)).join(" ")}`);
  const mono = (name: string) => {
    const tally = summary.get(`${name} (no roles)`);
    return tally === undefined ? "—" : alarmCell(tally, "therapist_question (no roles)");
  };
  console.log(`${pad("therapist's questions, no roles", 34)} ${names.map((name) => pad(mono(name), 16)).join(" ")}`);
}
if (splits.length > 0) printSummary();

// Time: one long session of `segmentCount` segments cut from every dialogue, screened whole.
const all = [...load("dev"), ...load("test")];
const turns = all.flatMap((dialogue) => dialogue.turns);
const long: Transcript = {
  ...transcriptOf({ id: "long", style: "clean", turns: Array.from({ length: segmentCount }, (_, index) => turns[index % turns.length] as Turn) }, true),
};
await screenRisk(deps, long);
// Wall time, and the CPU time this process used in it: on a machine other processes keep busy,
// the CPU time is the figure that says what the screen costs (wall time then includes waiting).
const times: number[] = [];
const cpuTimes: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await screenRisk(deps, long);
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpuTimes.push((used.user + used.system) / 1_000);
}
const ms = median(times);
const cpuMs = median(cpuTimes);
const spread = (values: number[]) => `min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;
const verdict = (value: number) => (value < 200 ? "met" : "MISSED");
console.log(`\nscreening ${segmentCount} segments over ${runs} runs: wall median ${ms.toFixed(0)} ms (${spread(times)}), CPU median ${cpuMs.toFixed(0)} ms (${spread(cpuTimes)})`);
console.log(`  ${machineLoadLine()}`);
console.log(`  target < 200 ms: wall ${verdict(ms)}, CPU ${verdict(cpuMs)}${screenName === "encoder" ? " (the target is the rules'; the encoder reads every unsilenced patient turn)" : ""}`);

if (chosenSplits.includes("real")) {
  // With the encoder, each session is screened by the rules alone too: what the encoder adds is printed beside.
  const rulesAlone = screenName === "encoder" ? { risk: await embeddedRiskScreenDescriptor.create(), clock: deps.clock } : undefined;
  await reportRealSet(screenRisk, deps, loadRealDialogue(), { showMisses, reddit: process.env.BENCH_RISK_REDDIT !== "0", ...(rulesAlone === undefined ? {} : { rulesAlone }) });
}
