import type { AgendaItem, LiveSuggestionRecord } from "../../domain/live-session.ts";
import type { LiveSuggestion, LiveSuggestionWithdrawal } from "../../domain/live-suggestion.ts";
import { flagsOfFindings, type RiskCategory } from "../../domain/risk-screen.ts";
import {
  afterPatientSpoke,
  afterTherapistSpoke,
  emptySafetyScreening,
  nextSafetyStep,
  pointsToUrgentAction,
  safetyQuestions,
  urgentActionText,
  type SafetyScreeningState,
  type SafetyStep,
} from "../../domain/safety-follow-ups.ts";
import type { Segment } from "../../domain/transcript.ts";
import { loggableCode } from "../../errors.ts";
import type { LiveDeps } from "./live-deps.ts";
import type { LiveUpdateListener } from "./live-run-state.ts";

/** How long before the planned end the topics not yet covered are suggested. */
export const agendaReminderBeforeEndMs = 5 * 60_000;

/** One final as the suggestions read it. */
export interface SuggestionFinal {
  segment: Pick<Segment, "id" | "speaker" | "text" | "startMs" | "endMs">;
  role: "therapist" | "patient" | "unknown";
}

export interface LiveSuggestionsOptions {
  deps: Pick<LiveDeps, "risk" | "clock" | "logger">;
  language: string;
  listener: LiveUpdateListener;
  /** Stores a suggestion made or withdrawn with the session (its timeline shows them). */
  record: (change: (records: LiveSuggestionRecord[]) => LiveSuggestionRecord[]) => Promise<void>;
  /** When the therapist planned the session to end (ms of audio from its start), if they said. */
  plannedEndMs?: number;
  /**
   * What the session suggested before this run (a resumed session): nothing is suggested twice,
   * what was still on screen stays there, and a question marked asked counts as asked.
   */
  earlier?: readonly LiveSuggestionRecord[];
}

/** The screening step a suggestion id names (`safety:method`), or null for any other suggestion. */
function safetyStepOf(id: string): SafetyStep | null {
  const step = id.startsWith("safety:") ? id.slice("safety:".length) : "";
  return safetyQuestions.some((question) => question.step === step) ? (step as SafetyStep) : null;
}

const clockTime = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")}`;

/** The categories the screen found the patient stating outright, as their own and current. */
function statedCategories(flags: ReturnType<typeof flagsOfFindings>, segmentId: string): RiskCategory[] {
  return flags
    .filter((flag) => flag.temporality === "current" && flag.subject === "speaker" && (flag.basis === "statement" || flag.basis === "answer_to_named_question"))
    .filter((flag) => flag.evidence.some((span) => span.segmentId === segmentId))
    .flatMap((flag) => [...(flag.category ? [flag.category] : []), ...(flag.reasons ?? [])]);
}

/**
 * What a live run suggests as its finals arrive. Safety first: a patient's statement of suicidal
 * thinking, a wish to be dead or self-harm starts the screening (`safety-follow-ups.ts`), and the
 * next question not yet asked or answered is suggested — one at a time, taken back once the
 * therapist asks it (recognised in their finals) — with a marked note once the answers point to
 * urgent action. Near the planned end, each of today's topics not yet covered is suggested once.
 * Reflections are not made here: they need a language model (none in the embedded profile).
 */
export class LiveSuggestions {
  private screening: SafetyScreeningState = emptySafetyScreening;
  private shown = new Map<string, LiveSuggestion>();
  private suggestedSteps = new Set<SafetyStep>();
  private urgentSent = false;
  private agendaReminded = false;
  private previous: SuggestionFinal | null = null;
  private readonly options: LiveSuggestionsOptions;

  constructor(options: LiveSuggestionsOptions) {
    this.options = options;
    const asked = new Map<SafetyStep, string>();
    for (const record of options.earlier ?? []) {
      const step = safetyStepOf(record.id);
      if (step) this.suggestedSteps.add(step);
      if (step && record.outcome?.action === "used") asked.set(step, record.cites.at(-1) ?? record.id);
      if (record.id === "safety:urgent") this.urgentSent = true;
      if (record.id.startsWith("agenda:")) this.agendaReminded = true;
      if (record.withdrawn === null && record.outcome === null) this.shown.set(record.id, record);
    }
    this.screening = { ...emptySafetyScreening, asked };
  }

  /**
   * The therapist marked a suggestion asked (`used`) or dismissed it: it leaves the screen, and a
   * question marked asked counts as asked (its answer is awaited), whatever words they used.
   */
  async onOutcome(id: string, action: "used" | "dismissed"): Promise<void> {
    this.shown.delete(id);
    const step = safetyStepOf(id);
    if (action !== "used" || step === null || this.screening.asked.has(step)) return;
    const asked = new Map(this.screening.asked);
    asked.set(step, this.previous?.segment.id ?? id);
    this.screening = { ...this.screening, asked, awaiting: this.screening.answers.has(step) ? [] : [step] };
  }

  /** The suggestions on screen now. */
  current(): LiveSuggestion[] {
    return [...this.shown.values()];
  }

  async onFinal(final: SuggestionFinal, agenda: readonly AgendaItem[]): Promise<void> {
    const asTherapist = final.role === "therapist" || (final.role === "unknown" && final.segment.text.trim().endsWith("?"));
    if (asTherapist) {
      this.screening = afterTherapistSpoke(this.screening, final.segment.id, final.segment.text);
      for (const step of this.screening.asked.keys()) await this.withdraw(`safety:${step}`, "asked");
    } else {
      const stated = await this.stated(final);
      this.screening = afterPatientSpoke(this.screening, final.segment.id, final.segment.text, stated);
      for (const step of this.screening.answers.keys()) await this.withdraw(`safety:${step}`, "answered");
      await this.suggestSafety(final);
    }
    this.previous = final;
    await this.remindAgenda(final, agenda);
  }

  /** A topic was covered: its reminder, if shown, is taken back. */
  async onTopicCovered(itemId: string): Promise<void> {
    await this.withdraw(`agenda:${itemId}`, "covered");
  }

  /** The risk categories the patient states in this final (with the therapist's question before it, so a yes is read). */
  private async stated(final: SuggestionFinal): Promise<RiskCategory[]> {
    const before = this.previous && this.previous.role !== "patient" ? [this.previous] : [];
    const finals = [...before, final];
    const speakers = [...new Map(finals.map((item) => [item.segment.speaker, { label: item.segment.speaker, role: item.role }])).values()];
    const segments = finals.map((item) => ({ id: item.segment.id, speaker: item.segment.speaker, text: item.segment.text, startMs: item.segment.startMs, endMs: item.segment.endMs }));
    try {
      const output = await this.options.deps.risk.screen({ language: this.options.language, speakers, segments: segments.map(({ id, speaker, text }) => ({ id, speaker, text })) });
      if (output.status !== "screened") return [];
      return statedCategories(flagsOfFindings(output.findings, `screen:${this.options.deps.risk.provider}`, { speakers, segments }), final.segment.id);
    } catch (error) {
      this.options.deps.logger.warn("live suggestions: the risk screen failed on a final", { code: loggableCode(error) });
      return [];
    }
  }

  private async suggestSafety(final: SuggestionFinal): Promise<void> {
    const cites = this.screening.startedBy === null ? [] : [...new Set([this.screening.startedBy, final.segment.id])];
    if (!this.urgentSent && pointsToUrgentAction(this.screening)) {
      this.urgentSent = true;
      await this.suggest({
        id: "safety:urgent",
        kind: "safety",
        urgent: true,
        text: urgentActionText,
        why: `Their answers at ${clockTime(final.segment.startMs)} speak of intent, a plan or something done to prepare.`,
        cites,
      });
    }
    const step = nextSafetyStep(this.screening);
    if (step === null || this.suggestedSteps.has(step)) return;
    for (const shown of [...this.shown.values()]) if (shown.kind === "safety" && !shown.urgent) await this.withdraw(shown.id, "superseded");
    this.suggestedSteps.add(step);
    const question = safetyQuestions.find((entry) => entry.step === step);
    if (!question) return;
    await this.suggest({
      id: `safety:${step}`,
      kind: "safety",
      text: question.ask,
      why:
        this.screening.startedBy === final.segment.id
          ? `They said something at ${clockTime(final.segment.startMs)} that may be suicidal thinking or self-harm: the next question of a risk screening.`
          : "The next question of the risk screening not yet asked or answered.",
      cites,
    });
  }

  private async remindAgenda(final: SuggestionFinal, agenda: readonly AgendaItem[]): Promise<void> {
    const plannedEndMs = this.options.plannedEndMs;
    if (this.agendaReminded || plannedEndMs === undefined || final.segment.endMs < plannedEndMs - agendaReminderBeforeEndMs) return;
    this.agendaReminded = true;
    for (const item of agenda.filter((entry) => entry.covered === null)) {
      await this.suggest({
        id: `agenda:${item.id}`,
        kind: "agenda",
        text: `Not yet covered today: ${item.text}`,
        why: `The session is planned to end at ${clockTime(plannedEndMs)}.`,
        cites: [],
      });
    }
  }

  private async suggest(made: Omit<LiveSuggestion, "at">): Promise<void> {
    const suggestion: LiveSuggestion = { ...made, at: this.options.deps.clock.now() };
    this.shown.set(suggestion.id, suggestion);
    await this.options.record((records) => [...records, { ...suggestion, withdrawn: null, outcome: null }]);
    this.options.listener({ type: "suggestion", ...suggestion });
  }

  private async withdraw(id: string, reason: LiveSuggestionWithdrawal): Promise<void> {
    if (!this.shown.delete(id)) return;
    const at = this.options.deps.clock.now();
    await this.options.record((records) => records.map((record) => (record.id === id && record.withdrawn === null ? { ...record, withdrawn: { reason, at } } : record)));
    this.options.listener({ type: "suggestion-withdrawn", id, reason });
  }
}
