import { useEffect, useState } from "preact/hooks";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { clockTime } from "../session/clock-time.ts";
import { LiveAgendaList } from "./live-agenda-list.tsx";
import type { LiveSuggestion } from "./live-messages.ts";
import { LiveNextPanel, type SuggestionAction } from "./live-next-panel.tsx";
import { LiveTranscriptList, sentimentNames } from "./live-transcript-list.tsx";
import { shownSentiment, type LiveTranscript } from "./live-transcript.ts";

/**
 * A live session under way: whether it records, how long, Stop, the "Next" suggestions, today's
 * topics and the transcript. The patient's latest sentiment stays small and folded away: opened
 * only by the therapist who wants it. "Patient can see this screen" hides the suggestions and
 * every sentiment at once, and says so.
 */
export function LiveRunningPanel({
  startedAt,
  state,
  transcript,
  patientSees,
  onPatientSees,
  onOutcome,
  onStop,
}: {
  startedAt: number | null;
  state: "recording" | "reconnecting" | "stopping";
  transcript: LiveTranscript;
  /** The patient can see this screen: suggestions and sentiment are hidden. */
  patientSees: boolean;
  onPatientSees: (sees: boolean) => void;
  onOutcome: (suggestion: LiveSuggestion, action: SuggestionAction) => void;
  onStop: () => void;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (startedAt === null || state === "stopping") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt, state]);
  const elapsedMs = startedAt === null ? 0 : now - startedAt;
  const latestScored = [...transcript.segments].reverse().find((segment) => segment.sentiment);
  const latestSentiment = latestScored ? shownSentiment(transcript, latestScored) : null;
  return (
    <>
      <ScreenHeading title="Live session">Live session</ScreenHeading>
      <div class="live-bar">
        <p class="live-state">
          {state === "stopping" ? (
            <span class="chip">Stopping…</span>
          ) : state === "reconnecting" ? (
            <span class="chip chip-reconnecting">Reconnecting…</span>
          ) : (
            <span class="chip chip-recording">Recording</span>
          )}{" "}
          Elapsed <time data-testid="live-elapsed">{clockTime(elapsedMs)}</time>
        </p>
        <button type="button" class="stop-recording" aria-disabled={state === "stopping" ? "true" : undefined} onClick={() => state !== "stopping" && onStop()}>
          Stop recording
        </button>
      </div>
      <div class="choice live-patient-sees">
        <input
          type="checkbox"
          role="switch"
          id="live-patient-sees"
          checked={patientSees}
          aria-describedby="live-patient-sees-hint"
          onChange={(event) => onPatientSees(event.currentTarget.checked)}
        />
        <label for="live-patient-sees">Patient can see this screen</label>
        <p class="hint" id="live-patient-sees-hint" data-testid="live-patient-sees-hint">
          {patientSees ? "Suggestions and sentiment are hidden while the patient can see this screen." : "Off: suggestions and sentiment are shown. Turn on when the patient can see the screen."}
        </p>
      </div>
      {patientSees ? null : (
        <details class="live-sentiment" data-testid="live-sentiment">
          <summary>Sentiment (for you)</summary>
          <p>
            Patient's latest sentiment: <span>{latestSentiment ? sentimentNames[latestSentiment] : latestScored ? "not shown beside words about suicide or self-harm" : "not yet heard"}</span>
          </p>
        </details>
      )}
      {transcript.warnings.map((warning) => (
        <p class="warning" key={warning}>
          {warning}
        </p>
      ))}
      <div class="live-columns">
        <div class="live-side">
          <section aria-labelledby="live-next-heading" class="live-next-section">
            <h2 id="live-next-heading">Next</h2>
            <LiveNextPanel transcript={transcript} hidden={patientSees} onOutcome={onOutcome} />
          </section>
          <section aria-labelledby="live-agenda-heading">
            <h2 id="live-agenda-heading">Today's topics</h2>
            <LiveAgendaList transcript={transcript} />
          </section>
        </div>
        <section aria-labelledby="live-transcript-heading">
          <h2 id="live-transcript-heading">Transcript</h2>
          <LiveTranscriptList transcript={transcript} showSentiment={!patientSees} />
        </section>
      </div>
    </>
  );
}
