/**
 * Live suggestions on real conversations: the labelled conversations of `../shared/real-dialogue`
 * (labels: `bench/data/real-dialogue/risk-labels.jsonl`, rubric beside it) replayed turn by turn
 * as a live session's finals through core's `LiveSuggestions` — the class the live run feeds its
 * finals to — with the embedded risk screen (rules, no model), a manual clock and a listener that
 * collects what it sends. Roles as labelled (therapist / patient); no agenda (no planned end).
 *
 * Printed apart for the dev and the held-out part (`split.ts`):
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
 * prints the ids and turn numbers of the missed turns and of the non-risk conversations given one.
 */
import { performance } from "node:perf_hooks";
import { embeddedRiskScreenDescriptor } from "@confide/adapters-local/embedded-risk-screen";
import type { LiveUpdate, RiskCategory } from "@confide/core";
import { silentLogger } from "@confide/core/ports";
import { screeningTriggers, stepsAsked, type SafetyStep } from "../packages/core/src/domain/safety-follow-ups.ts";
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

interface PartScore {
  conversations: number;
  riskTurns: number;
  riskTurnsSent: number;
  riskTurnsShowing: number;
  pageTurns: number;
  pageTurnsSent: number;
  pageTurnsShowing: number;
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

function score(part: PartScore, labels: ConversationLabels, result: Replay): void {
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
    score(parts[labels.split], labels, await replay(conversation, risk));
  }
  console.log(`replayed ${parts.dev.conversations + parts["held-out"].conversations} labelled conversations in ${((performance.now() - startedAt) / 1000).toFixed(0)} s (embedded risk screen, roles as labelled)${absent ? `; ${absent} labelled ids not found in the shared folder` : ""}`);
  const rows: [string, (part: PartScore) => string][] = [
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
  if (process.env.BENCH_LIVE_SUGGESTIONS_MISSES === "1") {
    for (const [name, part] of Object.entries(parts)) {
      console.log(`${name}: missed ${part.missed.join(", ") || "none"}`);
      console.log(`${name}: non-risk given one ${part.falseStarts.join(", ") || "none"}`);
    }
  }
}

await main();
