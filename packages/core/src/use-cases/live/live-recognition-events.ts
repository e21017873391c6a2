import { loggableCode } from "../../errors.ts";
import type { LiveSpeechEvent } from "../../ports/live-speech-to-text.ts";
import type { LiveStreamSlot } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import type { FinalDelayMarks } from "./live-final-delay.ts";
import { liveOf, type LiveRunState, type LiveUpdateListener } from "./live-run-state.ts";
import type { LiveSessionWrites } from "./live-session-writes.ts";
import { LiveSuggestions } from "./live-suggestions.ts";
import { appendFinal, emptyLiveTranscript } from "./live-transcript.ts";

export interface LiveRecognitionEventsOptions {
  deps: LiveDeps;
  state: LiveRunState;
  writes: LiveSessionWrites;
  listener: LiveUpdateListener;
  /** Null: the host does not limit streams, and no final delay is recorded. */
  slot: LiveStreamSlot | null;
  delays: FinalDelayMarks;
  /** Milliseconds of audio before this recognition's first byte (a resumed session's earlier audio). */
  offsetMs: number;
  /** Stops the recognition (an `error` event). */
  stopRecognition: (error: unknown) => void;
}

/**
 * What one live run does with the engine's events: a partial goes to the client; an error stops
 * the recognition; a final's delay is recorded for the capacity's watch, and the final is
 * appended to the stored transcript and told to the client, a final patient segment is scored for
 * sentiment, the open agenda items are matched against it, and the suggestions for the therapist
 * follow it (`LiveSuggestions`).
 */
export class LiveRecognitionEvents {
  private readonly deps: LiveDeps;
  private readonly state: LiveRunState;
  private readonly writes: LiveSessionWrites;
  private readonly listener: LiveUpdateListener;
  private readonly slot: LiveStreamSlot | null;
  private readonly delays: FinalDelayMarks;
  private readonly offsetMs: number;
  private readonly stopRecognition: (error: unknown) => void;
  /** Null when the host switched suggestions off (`LiveDeps.suggestions`). */
  private readonly suggestions: LiveSuggestions | null;

  constructor(options: LiveRecognitionEventsOptions) {
    this.deps = options.deps;
    this.state = options.state;
    this.writes = options.writes;
    this.listener = options.listener;
    this.slot = options.slot;
    this.delays = options.delays;
    this.offsetMs = options.offsetMs;
    this.stopRecognition = options.stopRecognition;
    const { writes } = options;
    const live = liveOf(options.state.session);
    this.suggestions = options.deps.suggestions === false ? null : new LiveSuggestions({
      deps: options.deps,
      language: options.state.session.settings.language,
      listener: options.listener,
      record: (change) => writes.chain(() => writes.saveLiveNow((current) => ({ ...current, suggestions: change(current.suggestions ?? []) }))),
      plannedEndMs: live.plannedEndMs,
      earlier: live.suggestions,
      ...(options.deps.reflections === true ? { reflections: { deps: options.deps, patientId: options.state.session.patientId } } : {}),
    });
  }

  /** The run is ending: no reflection is asked any more (`LiveSuggestions.close`). */
  close(): void {
    this.suggestions?.close();
  }

  /** The therapist marked a suggestion asked or dismissed it (`LiveSuggestions.onOutcome`). */
  async suggestionOutcome(id: string, action: "used" | "dismissed"): Promise<void> {
    await this.suggestions?.onOutcome(id, action);
  }

  async handle(event: LiveSpeechEvent): Promise<void> {
    if (event.type === "partial") {
      this.listener({ type: "partial", text: event.text, startMs: Math.round(event.startMs + this.offsetMs), speaker: event.speaker });
      return;
    }
    if (event.type === "error") {
      this.stopRecognition(event.error);
      return;
    }
    if (this.slot) {
      const delayMs = this.delays.delayMs(event.endMs);
      if (delayMs !== null) this.slot.recordFinalDelay(delayMs);
    }
    if (event.text.trim() === "" || this.state.closed) return;
    const appended = await this.writes.chain(async () => {
      let result: ReturnType<typeof appendFinal> | undefined;
      await this.writes.update((session) => {
        const transcript = session.transcript ?? emptyLiveTranscript(session.settings.language, this.deps.liveSpeech.provider);
        result = appendFinal(transcript, event, this.offsetMs, {
          settings: session.settings,
          assignRoles: this.deps.assignRoles,
        });
        return { ...session, transcript: result.transcript };
      });
      return result;
    });
    if (!appended) return;
    const { segment, role } = appended;
    this.listener({ type: "final", segmentId: segment.id, speaker: segment.speaker, role, text: segment.text, startMs: segment.startMs, endMs: segment.endMs });
    if (role === "patient") await this.scoreSentiment(segment.id, segment.text);
    await this.matchAgenda(segment.id, role, segment.text);
    if (!this.state.closed) await this.suggestions?.onFinal({ segment, role }, liveOf(this.state.session).agenda);
  }

  private async scoreSentiment(segmentId: string, text: string): Promise<void> {
    try {
      const [result] = await this.deps.language.sentiment([text], { language: this.state.session.settings.language });
      if (result) this.listener({ type: "sentiment", segmentId, label: result.label, scores: { ...result.scores } });
    } catch (error) {
      this.listener({ type: "warning", code: loggableCode(error), message: "The sentiment of a segment could not be measured; the session's analysis will measure it." });
    }
  }

  private async matchAgenda(segmentId: string, role: "therapist" | "patient" | "unknown", text: string): Promise<void> {
    const open = liveOf(this.state.session).agenda.filter((item) => item.covered === null);
    if (open.length === 0) return;
    let matches;
    try {
      matches = await this.deps.agenda.match(
        open.map(({ id, text: itemText }) => ({ id, text: itemText })),
        { id: segmentId, role, text },
        { language: this.state.session.settings.language },
      );
    } catch (error) {
      this.listener({ type: "warning", code: loggableCode(error), message: "Today's topics could not be matched against a segment." });
      return;
    }
    // Each open topic a match names, once (events are handled one at a time: no other final covers it meanwhile).
    const covered = new Map(
      open.flatMap((item) => {
        const match = matches.find((entry) => entry.itemId === item.id);
        return match ? [[item.id, { item, match }] as const] : [];
      }),
    );
    if (covered.size === 0) return;
    const at = this.deps.clock.now();
    await this.writes.chain(() =>
      this.writes.saveLiveNow((live) => ({
        ...live,
        agenda: live.agenda.map((item) => {
          const match = covered.get(item.id)?.match;
          return match ? { ...item, covered: { segmentId: match.segmentId, matchedTerms: match.matchedTerms, at } } : item;
        }),
      })),
    );
    if (this.state.closed) return;
    for (const { item, match } of covered.values()) {
      this.listener({ type: "topic_covered", itemId: item.id, text: item.text, segmentId: match.segmentId, matchedTerms: match.matchedTerms });
      await this.suggestions?.onTopicCovered(item.id);
    }
  }
}
