import type { AgendaItem, LiveSuggestionRecord } from "../../domain/live-session.ts";
import { sessionClockTime, type LiveSuggestion, type LiveSuggestionWithdrawal } from "../../domain/live-suggestion.ts";
import type { RiskCategory } from "../../domain/risk-category.ts";
import { flagsOfFindings } from "../../domain/risk-screen.ts";
import {
  afterPatientSpoke,
  afterTherapistSpoke,
  emptySafetyScreening,
  nextSafetyStep,
  pointsToUrgentAction,
  safetyQuestions,
  mentionedNow,
  statedNow,
  urgentActionText,
  type SafetyQuestion,
  type SafetyScreeningState,
  type SafetyStep,
} from "../../domain/safety-follow-ups.ts";
import { loggableCode } from "../../errors.ts";
import type { LiveDeps } from "./live-deps.ts";
import { LiveReflections, type LiveReflectionsOptions } from "./live-reflections.ts";
import type { LiveUpdateListener } from "./live-run-state.ts";
import type { SuggestionFinal } from "./suggestion-final.ts";

export type { SuggestionFinal } from "./suggestion-final.ts";

/** How long before the planned end the topics not yet covered are suggested. */
export const agendaReminderBeforeEndMs = 5 * 60_000;

export interface LiveSuggestionsOptions {
  deps: Pick<LiveDeps, "risk" | "clock" | "logger">;
  language: string;
  listener: LiveUpdateListener;
  /** Stores a suggestion made or withdrawn with the session (its timeline shows them). */
  record: (change: (records: LiveSuggestionRecord[]) => LiveSuggestionRecord[]) => Promise<void>;
  /** When the therapist planned the session to end (ms of audio from its start), if they said. */
  plannedEndMs?: number | undefined;
  /**
   * What the session suggested before this run (a resumed session): nothing is suggested twice,
   * what was still on screen stays there, and a question marked asked counts as asked.
   */
  earlier?: readonly LiveSuggestionRecord[] | undefined;
  /**
   * Suggested reflections (`LiveReflections`), where the deployment turned them on: the deps
   * they read and the session's patient (whose consent they need). Absent: none.
   */
  reflections?: Pick<LiveReflectionsOptions, "deps" | "patientId">;
}

/** The id a screening question is suggested under (`safety:method`). */
function safetyIdOf(question: SafetyQuestion): string {
  return `safety:${question.step}`;
}

/** The screening question a suggestion id names, or undefined for any other suggestion (the urgent note, an agenda reminder). */
function safetyQuestionOf(id: string): SafetyQuestion | undefined {
  return safetyQuestions.find((question) => safetyIdOf(question) === id);
}

/** The categories the screen found the patient stating in this final outright, as their own and current (`statedNow`), and those it found mentioned (`mentionedNow`). */
function heardCategories(flags: ReturnType<typeof flagsOfFindings>, segmentId: string): Heard {
  const own = flags.filter((flag) => flag.evidence.some((span) => span.segmentId === segmentId));
  return { stated: own.flatMap((flag) => statedNow(flag)), mentioned: own.flatMap((flag) => mentionedNow(flag)) };
}

/** What the screen heard in a patient's final: risk stated outright, and risk mentioned in passing. */
interface Heard {
  stated: RiskCategory[];
  mentioned: RiskCategory[];
}

const heardNothing: Heard = { stated: [], mentioned: [] };

/**
 * What a live run suggests as its finals arrive. Safety first: a patient's statement of suicidal
 * thinking, a wish to be dead or self-harm starts the screening (`safety-follow-ups.ts`), and the
 * next question not yet asked or answered is suggested — one at a time, taken back once the
 * therapist asks it (recognised in their finals) — with a marked note once the answers point to
 * urgent action. Near the planned end, each of today's topics not yet covered is suggested once.
 * Where reflections are on, each patient final may start one in the background
 * (`LiveReflections`), never awaited here; a new reflection takes the place of the one on screen.
 */
export class LiveSuggestions {
  private screening: SafetyScreeningState = emptySafetyScreening;
  private shown = new Map<string, LiveSuggestion>();
  /** The ids suggested in this session, before this run too: none is suggested twice. */
  private made = new Set<string>();
  private agendaReminded = false;
  private previous: SuggestionFinal | null = null;
  private readonly options: LiveSuggestionsOptions;
  private readonly reflections: LiveReflections | null;

  constructor(options: LiveSuggestionsOptions) {
    this.options = options;
    const earlier = options.earlier ?? [];
    // The records are kept in the order they were made: the last reflection is the latest.
    const lastReflection = earlier.filter((record) => record.kind === "reflection").at(-1);
    this.reflections = options.reflections
      ? new LiveReflections({
          ...options.reflections,
          language: options.language,
          offer: (reflection) => this.offerReflection(reflection),
          notice: (warning) => options.listener({ type: "warning", ...warning }),
          ...(lastReflection ? { lastAt: lastReflection.at } : {}),
        })
      : null;
    const asked = new Map<SafetyStep, string>();
    for (const record of earlier) {
      this.made.add(record.id);
      const question = safetyQuestionOf(record.id);
      if (question && record.outcome?.action === "used") asked.set(question.step, record.id);
      if (record.id.startsWith("agenda:")) this.agendaReminded = true;
      if (record.withdrawn === null && record.outcome === null) this.shown.set(record.id, record);
    }
    this.screening = { ...emptySafetyScreening, asked };
  }

  /**
   * The therapist marked a suggestion asked (`used`) or dismissed it: it leaves the screen, and a
   * question marked asked counts as asked (its answer is awaited), whatever words they used. A
   * mark has no segment of its own: the screening keeps the suggestion's id as where it was asked.
   */
  async onOutcome(id: string, action: "used" | "dismissed"): Promise<void> {
    this.shown.delete(id);
    const question = safetyQuestionOf(id);
    if (action !== "used" || question === undefined || this.screening.asked.has(question.step)) return;
    const asked = new Map(this.screening.asked);
    asked.set(question.step, id);
    // Awaited even when already answered: the patient's next final answers only steps not answered yet.
    this.screening = { ...this.screening, asked, awaiting: [question.step] };
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
    }
    let statesRisk = false;
    if (!asTherapist) {
      const heard = await this.heard(final);
      statesRisk = heard.stated.length > 0;
      this.screening = afterPatientSpoke(this.screening, final.segment.id, final.segment.text, heard.stated, heard.mentioned);
      for (const step of this.screening.answers.keys()) await this.withdraw(`safety:${step}`, "answered");
      await this.suggestSafety(final);
    }
    this.previous = final;
    await this.remindAgenda(final, agenda);
    // Safety first and alone: no reflection of words stating risk, nor while a safety question
    // is on screen (a model's paraphrase of suicidal words is not the therapist's next line).
    const safetyShown = [...this.shown.values()].some((suggestion) => suggestion.kind === "safety");
    this.reflections?.onFinal(final, !statesRisk && !safetyShown);
  }

  /** Settles when the reflection being asked, if any, has been shown or dropped (never rejects). */
  reflectionSettled(): Promise<void> {
    return this.reflections?.settled() ?? Promise.resolve();
  }

  /** The run is ending: no reflection is asked any more, and the one being asked is aborted. */
  close(): void {
    this.reflections?.close();
  }

  /** A topic was covered: its reminder, if shown, is taken back. */
  async onTopicCovered(itemId: string): Promise<void> {
    await this.withdraw(`agenda:${itemId}`, "covered");
  }

  /** The risk categories the patient states or mentions in this final (with the therapist's question before it, so a yes is read). */
  private async heard(final: SuggestionFinal): Promise<Heard> {
    const before = this.previous && this.previous.role !== "patient" ? [this.previous] : [];
    const finals = [...before, final];
    const speakers = [...new Map(finals.map((item) => [item.segment.speaker, { label: item.segment.speaker, role: item.role }])).values()];
    const segments = finals.map((item) => ({ id: item.segment.id, speaker: item.segment.speaker, text: item.segment.text, startMs: item.segment.startMs, endMs: item.segment.endMs }));
    try {
      const output = await this.options.deps.risk.screen({ language: this.options.language, speakers, segments: segments.map(({ id, speaker, text }) => ({ id, speaker, text })) });
      if (output.status !== "screened") return heardNothing;
      return heardCategories(flagsOfFindings(output.findings, `screen:${this.options.deps.risk.provider}`, { speakers, segments }), final.segment.id);
    } catch (error) {
      this.options.deps.logger.warn("live suggestions: the risk screen failed on a final", { code: loggableCode(error) });
      return heardNothing;
    }
  }

  private async suggestSafety(final: SuggestionFinal): Promise<void> {
    // A safety suggestion comes only once the screening started: it cites the words that started it and these.
    const cites = [...new Set([this.screening.startedBy ?? final.segment.id, final.segment.id])];
    if (!this.made.has("safety:urgent") && pointsToUrgentAction(this.screening)) {
      await this.suggest({
        id: "safety:urgent",
        kind: "safety",
        urgent: true,
        text: urgentActionText,
        why: `Their answers at ${sessionClockTime(final.segment.startMs)} speak of intent, a plan or something done to prepare.`,
        cites,
      });
    }
    const step = nextSafetyStep(this.screening);
    const question = safetyQuestions.find((entry) => entry.step === step);
    if (question === undefined || this.made.has(safetyIdOf(question))) return;
    for (const shown of [...this.shown.values()]) if (shown.kind === "safety" && !shown.urgent) await this.withdraw(shown.id, "superseded");
    await this.suggest({
      id: safetyIdOf(question),
      kind: "safety",
      text: question.ask,
      why:
        this.screening.startedBy === final.segment.id
          ? `They said something at ${sessionClockTime(final.segment.startMs)} that may be suicidal thinking or self-harm: the next question of a risk screening.`
          : "The next question of the risk screening not yet asked or answered.",
      cites,
    });
  }

  /** A checked reflection: the one on screen, if any, is superseded by it. */
  private async offerReflection(reflection: Omit<LiveSuggestion, "at">): Promise<void> {
    for (const shown of [...this.shown.values()]) if (shown.kind === "reflection") await this.withdraw(shown.id, "superseded");
    await this.suggest(reflection);
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
        why: `The session is planned to end at ${sessionClockTime(plannedEndMs)}.`,
        cites: [],
      });
    }
  }

  private async suggest(made: Omit<LiveSuggestion, "at">): Promise<void> {
    const suggestion: LiveSuggestion = { ...made, at: this.options.deps.clock.now() };
    this.made.add(suggestion.id);
    this.shown.set(suggestion.id, suggestion);
    await this.options.record((records) => [...records, { ...suggestion, withdrawn: null, outcome: null }]);
    this.options.listener({ type: "suggestion", ...suggestion });
  }

  private async withdraw(id: string, reason: LiveSuggestionWithdrawal): Promise<void> {
    if (!this.shown.delete(id)) return;
    const at = this.options.deps.clock.now();
    await this.options.record((records) => records.map((record) => (record.id === id ? { ...record, withdrawn: { reason, at } } : record)));
    this.options.listener({ type: "suggestion-withdrawn", id, reason });
  }
}
