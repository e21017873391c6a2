import type { ConfideDeps } from "../../deps.ts";
import { sessionClockTime, type LiveSuggestion } from "../../domain/live-suggestion.ts";
import { checkedReflection } from "../../domain/reflection-check.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import type { ReflectionInput } from "../../ports/note-writer.ts";
import { reflectionConsentGap } from "../policies/consent.ts";
import type { SuggestionFinal } from "./suggestion-final.ts";

/** At most one reflection is suggested in this long. */
export const reflectionIntervalMs = 30_000;
/** A reflection answered this long after the words it reflects is dropped: the talk has moved on. */
export const reflectionStaleAfterMs = 20_000;
/** How many of the latest finals a reflection is asked from. */
export const reflectionContextFinals = 12;

/** What the therapist reads, once, when no reflection will come. */
export const reflectionNotices = {
  unsupported: "Reflections are not available: this server has no language model to suggest them.",
  consent: "No reflections for this patient: their consent does not cover AI processing of their words.",
  consentForm:
    "No reflections for this patient: the consent form they agreed to did not tell them that their words are read during the session to suggest reflections. Ask them to review the current form.",
} as const;

export interface LiveReflectionsOptions {
  deps: Pick<ConfideDeps, "notes" | "claims" | "consents" | "settings" | "clock" | "logger">;
  patientId: string;
  language: string;
  /** Shows a checked reflection (as every suggestion is shown and recorded). */
  offer: (reflection: Omit<LiveSuggestion, "at">) => Promise<void>;
  /** Tells the therapist why no reflection will come (a `warning` update); called once per reason. */
  notice: (warning: { code: string; message: string }) => void;
  /** When the last reflection was suggested before this run (a resumed session). */
  lastAt?: Date;
}

/**
 * A live session's suggested reflections, where the deployment turned them on
 * (`LiveDeps.reflections`). On a new patient final, when no reflection was suggested in the last
 * `reflectionIntervalMs` and none is being asked, it asks the note writer (`NoteWriter.reflect`)
 * for one reflection of the patient's latest words, from the latest finals — in the background:
 * `onFinal` never waits for the writer, so a slow model delays no final and no safety question.
 * Before each request the patient's consent is read once (`reflectionConsentGap`: what notes
 * need, given on a form that tells the patient of reflections). A reflection is shown only when core's
 * check passes (`checkedReflection`: cites the patient's segments, the cited words carry it) and
 * it came within `reflectionStaleAfterMs` of the words it reflects.
 *
 * A writer that cannot reflect (`provider.unsupported`: the embedded one), or a patient whose
 * consent does not cover it, is said to the therapist once (`notice`) and logged once. Any other
 * failure is logged by its code only: neither the prompt, the answer nor the patient's words
 * reach a log line, and nothing is shown. `close` aborts the request being made.
 */
export class LiveReflections {
  private recent: SuggestionFinal[] = [];
  private asking: Promise<void> | null = null;
  private lastShownMs: number | null;
  private unavailable = false;
  private consentNoticed = false;
  private readonly stop = new AbortController();
  private readonly options: LiveReflectionsOptions;

  constructor(options: LiveReflectionsOptions) {
    this.options = options;
    this.lastShownMs = options.lastAt?.getTime() ?? null;
  }

  /** Settles when the reflection being asked, if any, has been shown or dropped (never rejects). */
  settled(): Promise<void> {
    return this.asking ?? Promise.resolve();
  }

  /**
   * Takes one final (kept as context); starts asking for a reflection when one is due and
   * `mayAsk` (the caller's safety rule says no while risk is being screened). Returns at once.
   */
  onFinal(final: SuggestionFinal, mayAsk = true): void {
    this.recent = [...this.recent, final].slice(-reflectionContextFinals);
    if (!mayAsk || final.role !== "patient" || this.unavailable || this.stop.signal.aborted || this.asking !== null) return;
    const nowMs = this.options.deps.clock.now().getTime();
    if (this.lastShownMs !== null && nowMs - this.lastShownMs < reflectionIntervalMs) return;
    this.asking = this.ask(final, this.recent, nowMs).finally(() => {
      this.asking = null;
    });
  }

  /** The run is ending: the request being made is aborted, and none is asked again. */
  close(): void {
    this.stop.abort(new ConfideError("live.closed", "The live session has ended."));
  }

  private async ask(final: SuggestionFinal, finals: readonly SuggestionFinal[], askedMs: number): Promise<void> {
    const { deps } = this.options;
    try {
      const gap = await reflectionConsentGap(deps, this.options.patientId);
      if (gap !== null) {
        if (!this.consentNoticed) {
          this.consentNoticed = true;
          deps.logger.info("live.reflections_not_consented", { reason: gap });
          this.options.notice({ code: "consent.missing", message: reflectionNotices[gap] });
        }
        return;
      }
      const input = inputOf(this.options.language, finals);
      const signal = AbortSignal.any([this.stop.signal, AbortSignal.timeout(reflectionStaleAfterMs)]);
      const answered = await deps.notes.reflect(input, { signal });
      if (this.stop.signal.aborted || answered === null) return;
      const reflection = checkedReflection(answered, input, deps.claims);
      if (reflection === null) {
        deps.logger.info("live.reflection_dropped", { reason: "unsupported" });
        return;
      }
      const nowMs = deps.clock.now().getTime();
      if (nowMs - askedMs > reflectionStaleAfterMs) {
        deps.logger.info("live.reflection_dropped", { reason: "late" });
        return;
      }
      this.lastShownMs = nowMs;
      await this.options.offer({
        id: `reflection:${final.segment.id}`,
        kind: "reflection",
        text: reflection.text,
        why: `A reflection of their words at ${sessionClockTime(final.segment.startMs)}, if it fits.`,
        cites: reflection.cites,
      });
    } catch (error) {
      if (this.stop.signal.aborted) return;
      if (ConfideError.is(error, "provider.unsupported")) {
        this.unavailable = true;
        deps.logger.info("live.reflections_unavailable", { provider: deps.notes.provider });
        this.options.notice({ code: "provider.unsupported", message: reflectionNotices.unsupported });
        return;
      }
      deps.logger.warn("live.reflection_failed", { code: loggableCode(error) });
    }
  }
}

/** The writer's input: the latest finals, each speaker with the role of its latest final. */
function inputOf(language: string, finals: readonly SuggestionFinal[]): ReflectionInput {
  const roles = new Map(finals.map((final) => [final.segment.speaker, final.role]));
  return {
    language,
    speakers: [...roles].map(([label, role]) => ({ label, role })),
    segments: finals.map((final) => ({ id: final.segment.id, speaker: final.segment.speaker, text: final.segment.text })),
  };
}
