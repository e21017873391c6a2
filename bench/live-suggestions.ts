/**
 * Live suggestions on real conversations: the labelled conversations of `../shared/real-dialogue`
 * (labels: `bench/data/real-dialogue/risk-labels.jsonl`, rubric beside it) replayed turn by turn
 * as a live session's finals through core's `LiveSuggestions` — the class the live run feeds its
 * finals to — with the embedded risk screen (rules, no model), a manual clock and a listener that
 * collects what it sends. Roles as labelled (therapist / patient); no agenda (no planned end).
 *
 * Printed apart for the dev and the held-out part (`split.ts`):
 * - explicit suicidal statements (the target's denominator): patient turns labelled page-worthy
 *   (the rubric's explicit statement of current risk) with a suicidal category beyond a wish to be
 *   dead among their current ones (a wish to be dead is never page-worthy by the rubric: a
 *   page-worthy turn that holds only that wish is page-worthy for another risk, harm to others, and
 *   is counted on a line of its own, on screen or not) — and, apart, every turn labelled with a
 *   current suicidal category, a wish to be dead included; on the dev part each miss is listed with its cause (what the screen found in that
 *   turn: nothing, or a finding that is past, someone else's, only mentioned, or taken back by the
 *   trigger's own words) — held-out misses are counted, never listed;
 * - recall: patient turns labelled as stating their own current suicidal thinking, a wish to be
 *   dead, a method, intent or plan, preparation or self-harm (the screening's triggers) — and of
 *   those, the ones labelled page-worthy — after which a safety suggestion was sent within 1 s of
 *   the final, or one was already on screen;
 * - safety suggestions in conversations labelled with no such risk, per 100 conversations (and
 *   how many conversations had one);
 * - repeated questions: a safety suggestion of a step the therapist already asked earlier in the
 *   conversation (read by the same recognisers the rule uses — a check of the wiring, not of the
 *   recognisers' recall), or the same step suggested twice;
 *   a miss is counted apart when no safety suggestion had been made by then (the screen had read
 *   no trigger as stated) and when the screening had started earlier with nothing of it on screen;
 * - the latency from a final to its suggestion (p50 / p95 ms, wall clock, this machine).
 *
 * Prints ids, counts and times only — never the conversations' words.
 *
 * Run: npm run bench -- live-suggestions
 * Environment: BENCH_REAL_DIALOGUE names another shared folder; BENCH_LIVE_SUGGESTIONS_MISSES=1
 * prints the ids and turn numbers of the dev part's missed turns and of its non-risk conversations
 * given one.
 */
import { performance } from "node:perf_hooks";
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import type { LiveUpdate } from "@confide/core";
import { silentLogger } from "@confide/core/adapter-kit";
import type { RiskCategory } from "@confide/core/ports";
import { flagsOfFindings } from "../packages/core/src/domain/risk-screen.ts";
import { screeningTriggers, statedNow, stepsAsked, type SafetyStep } from "../packages/core/src/domain/safety-follow-ups.ts";
import { LiveSuggestions } from "../packages/core/src/use-cases/live/live-suggestions.ts";
import { readLabels, type ConversationLabels } from "./data/real-dialogue/labels.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { percentile } from "./support/percentile.ts";
import { loadRealDialogue, type RealConversation } from "./support/real-dialogue.ts";

const turnMs = 5_000;
const withinMs = 1_000;

interface Replay {
  /** Per turn index: safety suggestions sent while its final was handled, with their latency. */
  sentAfter: Map<number, { id: string; latencyMs: number }[]>;
  /** Per turn index: whether a safety suggestion was on screen once its final was handled. */
  showingAfter: Set<number>;
  safetySent: number;
  repeats: number;
  latenciesMs: number[];
  /** The first turn after which a safety suggestion was sent: the screening started there. */
  firstSafetyTurn: number | null;
}

async function replay(conversation: RealConversation, risk: Awaited<ReturnType<typeof embeddedRiskScreenDescriptor.create>>): Promise<Replay> {
  let now = new Date("2026-01-05T10:00:00Z");
  const clock = { now: () => now };
  let turnStart = 0;
  let turnIndex = 0;
  const result: Replay = { sentAfter: new Map(), showingAfter: new Set(), safetySent: 0, repeats: 0, latenciesMs: [], firstSafetyTurn: null };
  const askedSoFar = new Set<SafetyStep>();
  const suggestedSoFar = new Set<string>();
  const listener = (update: LiveUpdate) => {
    if (update.type !== "suggestion" || update.kind !== "safety") return;
    const latencyMs = performance.now() - turnStart;
    result.safetySent += 1;
    result.firstSafetyTurn ??= turnIndex;
    result.latenciesMs.push(latencyMs);
    const step = update.id.replace(/^safety:/, "") as SafetyStep;
    if (askedSoFar.has(step) || suggestedSoFar.has(update.id)) result.repeats += 1;
    suggestedSoFar.add(update.id);
    const sent = result.sentAfter.get(turnIndex) ?? [];
    sent.push({ id: update.id, latencyMs });
    result.sentAfter.set(turnIndex, sent);
  };
  const suggestions = new LiveSuggestions({ deps: { risk, clock, logger: silentLogger }, language: "en-US", listener, record: async () => {} });
  for (const [index, turn] of conversation.turns.entries()) {
    turnIndex = index;
    now = new Date(now.getTime() + turnMs);
    const segment = { id: `${conversation.id}#${index}`, speaker: turn.role === "therapist" ? "T" : "P", text: turn.text, startMs: index * turnMs, endMs: index * turnMs + turnMs - 500 };
    turnStart = performance.now();
    await suggestions.onFinal({ segment, role: turn.role }, []);
    if (suggestions.current().some((shown) => shown.kind === "safety")) result.showingAfter.add(index);
    if (turn.role === "therapist") for (const step of stepsAsked(turn.text)) askedSoFar.add(step);
  }
  return result;
}

const triggerOf = (categories: readonly RiskCategory[] | undefined) => (categories ?? []).some((category) => screeningTriggers.has(category));
const suicidal = new Set<RiskCategory>(["passive_death_wish", "active_ideation", "suicide_method", "suicide_intent_or_plan", "preparatory_behaviour"]);
const suicidalOf = (categories: readonly RiskCategory[] | undefined) => (categories ?? []).some((category) => suicidal.has(category));

type Screen = Awaited<ReturnType<typeof embeddedRiskScreenDescriptor.create>>;

/**
 * Why a turn started no screening, as the screen read it alone (with the therapist's turn before
 * it, as the live run reads it): ids and kinds only, never words.
 */
async function missCause(conversation: RealConversation, index: number, risk: Screen): Promise<string> {
  const previous = index > 0 ? conversation.turns[index - 1] : undefined;
  const turns = [...(previous && previous.role === "therapist" ? [{ id: "before", speaker: "T", text: previous.text }] : []), { id: "turn", speaker: "P", text: conversation.turns[index]!.text }];
  const speakers = [
    { label: "T", role: "therapist" as const },
    { label: "P", role: "patient" as const },
  ];
  const output = await risk.screen({ language: "en-US", speakers, segments: turns });
  if (output.status !== "screened") return "not screened";
  const flags = flagsOfFindings(output.findings, "screen:embedded", { speakers, segments: turns.map((turn) => ({ ...turn, startMs: 0, endMs: 0 })) }).filter((flag) => flag.evidence.some((span) => span.segmentId === "turn"));
  if (flags.length === 0) return "the screen found nothing in the turn";
  const described = flags.map((flag) => {
    const stated = flag.category && flag.basis ? statedNow({ ...flag, category: flag.category, basis: flag.basis }) : [];
    if (stated.some((category) => screeningTriggers.has(category))) return `${flag.category} stated now (a trigger)`;
    if (flag.temporality !== "current") return `${flag.category} read as past`;
    if (flag.subject !== "speaker") return `${flag.category} read as someone else's`;
    if (flag.basis !== "statement" && flag.basis !== "answer_to_named_question") return `${flag.category} only as a ${flag.basis}`;
    if (stated.length === 0) return `${flag.category} taken back by the trigger's not-now words`;
    return `${flag.category} (not a trigger category)`;
  });
  return [...new Set(described)].join("; ");
}

interface PartScore {
  conversations: number;
  riskTurns: number;
  riskTurnsSent: number;
  riskTurnsShowing: number;
  pageTurns: number;
  pageTurnsSent: number;
  pageTurnsShowing: number;
  explicitTurns: number;
  /** Page-worthy turns whose only suicidal category is a wish to be dead (page-worthy for another risk), and of those, with a safety suggestion on screen. */
  pageOtherWithWish: number;
  pageOtherWithWishShowing: number;
  explicitSent: number;
  explicitShowing: number;
  suicidalTurns: number;
  suicidalSent: number;
  suicidalShowing: number;
  /** Missed explicit or suicidal turns (dev: with their cause). */
  suicidalMissed: { id: string; explicit: boolean; conversation: RealConversation; turn: number; startedAt: number | null; showing: boolean }[];
  /** Missed risk turns before any safety suggestion: the screen had read no trigger as stated yet. */
  missedNotStarted: number;
  /** Missed risk turns after the screening had started, with nothing of it on screen. */
  missedStarted: number;
  nonRisk: number;
  nonRiskWithSafety: number;
  nonRiskSafety: number;
  repeats: number;
  safetySent: number;
  latenciesMs: number[];
  missed: string[];
  falseStarts: string[];
}

const emptyScore = (): PartScore => ({
  conversations: 0,
  riskTurns: 0,
  riskTurnsSent: 0,
  riskTurnsShowing: 0,
  pageTurns: 0,
  pageTurnsSent: 0,
  pageTurnsShowing: 0,
  explicitTurns: 0,
  pageOtherWithWish: 0,
  pageOtherWithWishShowing: 0,
  explicitSent: 0,
  explicitShowing: 0,
  suicidalTurns: 0,
  suicidalSent: 0,
  suicidalShowing: 0,
  suicidalMissed: [],
  missedNotStarted: 0,
  missedStarted: 0,
  nonRisk: 0,
  nonRiskWithSafety: 0,
  nonRiskSafety: 0,
  repeats: 0,
  safetySent: 0,
  latenciesMs: [],
  missed: [],
  falseStarts: [],
});

function score(part: PartScore, labels: ConversationLabels, result: Replay, conversation: RealConversation): void {
  part.conversations += 1;
  part.repeats += result.repeats;
  part.safetySent += result.safetySent;
  part.latenciesMs.push(...result.latenciesMs);
  const riskTurns = labels.turns.filter((turn) => triggerOf(turn.current));
  if (riskTurns.length === 0) {
    part.nonRisk += 1;
    part.nonRiskSafety += result.safetySent;
    if (result.safetySent > 0) {
      part.nonRiskWithSafety += 1;
      part.falseStarts.push(`${labels.id} (turns ${[...result.sentAfter.keys()].join(", ")})`);
    }
    return;
  }
  for (const turn of riskTurns) {
    const sent = (result.sentAfter.get(turn.turn) ?? []).some((entry) => entry.latencyMs <= withinMs);
    const showing = sent || result.showingAfter.has(turn.turn);
    part.riskTurns += 1;
    if (sent) part.riskTurnsSent += 1;
    if (showing) part.riskTurnsShowing += 1;
    if (turn.page) {
      part.pageTurns += 1;
      if (sent) part.pageTurnsSent += 1;
      if (showing) part.pageTurnsShowing += 1;
    }
    if (suicidalOf(turn.current)) {
      // An explicit suicidal statement: page-worthy, and suicidal beyond a wish to be dead (a passive wish is never page-worthy by
      // the rubric, so a page-worthy turn whose only suicidal category is that wish is page-worthy for another risk — harm to others).
      const explicit = turn.page === true && (turn.current ?? []).some((category) => suicidal.has(category) && category !== "passive_death_wish");
      if (turn.page === true && !explicit) {
        part.pageOtherWithWish += 1;
        if (showing) part.pageOtherWithWishShowing += 1;
      }
      part.suicidalTurns += 1;
      if (sent) part.suicidalSent += 1;
      if (showing) part.suicidalShowing += 1;
      if (explicit) {
        part.explicitTurns += 1;
        if (sent) part.explicitSent += 1;
        if (showing) part.explicitShowing += 1;
      }
      if (!sent) {
        const startedAt = result.firstSafetyTurn !== null && result.firstSafetyTurn < turn.turn ? result.firstSafetyTurn : null;
        part.suicidalMissed.push({ id: `${labels.id}#${turn.turn}`, explicit, conversation, turn: turn.turn, startedAt, showing });
      }
    }
    if (!showing) {
      part.missed.push(`${labels.id}#${turn.turn}${turn.page ? " (page)" : ""}`);
      if (result.firstSafetyTurn === null || result.firstSafetyTurn > turn.turn) part.missedNotStarted += 1;
      else part.missedStarted += 1;
    }
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? "—" : `${part}/${whole} (${((100 * part) / whole).toFixed(0)} %)`);
const ms = (values: number[], p: number) => (values.length === 0 ? "—" : percentile(values, p).toFixed(1));

async function main(): Promise<void> {
  console.log(machineLoadLine());
  const real = loadRealDialogue();
  if (real.status === "absent") {
    console.log(real.message);
    return;
  }
  const risk = await embeddedRiskScreenDescriptor.create();
  const byId = new Map(real.conversations.map((conversation) => [conversation.id, conversation]));
  const parts = { dev: emptyScore(), "held-out": emptyScore() };
  const startedAt = performance.now();
  let absent = 0;
  for (const labels of readLabels()) {
    const conversation = byId.get(labels.id);
    if (!conversation) {
      absent += 1;
      continue;
    }
    // risk-labels.jsonl holds the dev and held-out parts only; the fresh part is another file.
    if (labels.split === "fresh") throw new Error(`${labels.id}: a fresh-part record in risk-labels.jsonl`);
    score(parts[labels.split], labels, await replay(conversation, risk), conversation);
  }
  console.log(`replayed ${parts.dev.conversations + parts["held-out"].conversations} labelled conversations in ${((performance.now() - startedAt) / 1000).toFixed(0)} s (embedded risk screen, roles as labelled)${absent ? `; ${absent} labelled ids not found in the shared folder` : ""}`);
  const rows: [string, (part: PartScore) => string][] = [
    ["explicit suicidal statements: within 1 s", (part) => ratio(part.explicitSent, part.explicitTurns)],
    ["  within 1 s or already on screen", (part) => ratio(part.explicitShowing, part.explicitTurns)],
    ["page-worthy for another risk, wish to be dead", (part) => ratio(part.pageOtherWithWishShowing, part.pageOtherWithWish)],
    ["suicidal turns, passive wish too: within 1 s", (part) => ratio(part.suicidalSent, part.suicidalTurns)],
    ["  within 1 s or already on screen", (part) => ratio(part.suicidalShowing, part.suicidalTurns)],
    ["risk turns: safety suggestion within 1 s", (part) => ratio(part.riskTurnsSent, part.riskTurns)],
    ["risk turns: within 1 s or already on screen", (part) => ratio(part.riskTurnsShowing, part.riskTurns)],
    ["page-worthy turns: within 1 s", (part) => ratio(part.pageTurnsSent, part.pageTurns)],
    ["page-worthy turns: within 1 s or on screen", (part) => ratio(part.pageTurnsShowing, part.pageTurns)],
    ["  missed, screening not started by then", (part) => String(part.missedNotStarted)],
    ["  missed, started earlier, none on screen", (part) => String(part.missedStarted)],
    ["non-risk conversations", (part) => String(part.nonRisk)],
    ["  with a safety suggestion, per 100", (part) => (part.nonRisk === 0 ? "—" : ((100 * part.nonRiskWithSafety) / part.nonRisk).toFixed(1))],
    ["  safety suggestions, per 100", (part) => (part.nonRisk === 0 ? "—" : ((100 * part.nonRiskSafety) / part.nonRisk).toFixed(1))],
    ["safety suggestions sent (all)", (part) => String(part.safetySent)],
    ["repeated questions", (part) => String(part.repeats)],
    ["final → suggestion p50 ms", (part) => ms(part.latenciesMs, 0.5)],
    ["final → suggestion p95 ms", (part) => ms(part.latenciesMs, 0.95)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  console.log(`\n${"".padEnd(width)}${"dev".padEnd(22)}held-out`);
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}${value(parts.dev).padEnd(22)}${value(parts["held-out"])}`);
  console.log("\nTargets: every explicit suicidal statement gets a safety suggestion within 1 s; ≤ 2 per 100 non-risk conversations; 0 repeats.");
  console.log("\ndev: suicidal turns without a safety suggestion within 1 s, and why (held-out: counted above, never listed):");
  for (const miss of parts.dev.suicidalMissed) {
    const underWay = miss.startedAt === null ? "" : `screening under way since turn ${miss.startedAt}, ${miss.showing ? "a question on screen" : "nothing on screen"}; `;
    console.log(`  ${miss.id}${miss.explicit ? " (explicit)" : ""}: ${underWay}${await missCause(miss.conversation, miss.turn, risk)}`);
  }
  if (parts.dev.suicidalMissed.length === 0) console.log("  none");
  if (process.env.BENCH_LIVE_SUGGESTIONS_MISSES === "1") {
    // The dev part only: whoever tunes the rules reads no held-out turn.
    console.log(`dev: missed ${parts.dev.missed.join(", ") || "none"}`);
    console.log(`dev: non-risk given one ${parts.dev.falseStarts.join(", ") || "none"}`);
  }
}

await main();
