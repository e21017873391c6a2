import type { ConfideDeps } from "../deps.ts";
import { summarizeSentiment, type SentimentResult, type SessionSentiment } from "../domain/sentiment.ts";
import type { Transcript } from "../domain/transcript.ts";
import { ConfideError } from "../errors.ts";

/**
 * Rebuilds a session's sentiment after a review change (DESIGN §3: sentiment covers the
 * patient's segments only). Segments named in `rescore` ("all" for every patient segment),
 * and patient segments without a previous result, are scored again by `deps.language`; the
 * other patient segments keep their previous result. Aggregates and the timeline are rebuilt.
 * @throws ConfideError `provider.*` from the analyzer; `provider.bad_response` when it
 * answers a different number of results than texts sent.
 */
export async function reviewSentiment(
  deps: Pick<ConfideDeps, "language" | "settings">,
  transcript: Transcript,
  previous: SessionSentiment | null,
  rescore: "all" | ReadonlySet<string>,
): Promise<SessionSentiment> {
  const language = previous?.language ?? transcript.language;
  const patientLabels = new Set(transcript.speakers.filter((s) => s.role === "patient").map((s) => s.label));
  const patientSegments = transcript.segments.filter((s) => patientLabels.has(s.speaker));
  const known = new Map<string, SentimentResult>(
    (previous?.segments ?? []).map(({ segmentId, label, scores }) => [segmentId, { label, scores }]),
  );
  const toScore = patientSegments.filter((s) => rescore === "all" || rescore.has(s.id) || !known.has(s.id));
  const results = toScore.length === 0 ? [] : await deps.language.sentiment(toScore.map((s) => s.text), { language });
  if (results.length !== toScore.length) {
    throw new ConfideError("provider.bad_response", "The language analyzer returned the wrong number of results.", {
      details: { sent: toScore.length, received: results.length },
    });
  }
  const fresh = new Map(toScore.map((segment, index) => [segment.id, results[index] as SentimentResult]));
  const analysed = patientSegments.map((segment) => {
    const result = fresh.get(segment.id) ?? (known.get(segment.id) as SentimentResult);
    return {
      segmentId: segment.id,
      speaker: segment.speaker,
      startMs: segment.startMs,
      endMs: segment.endMs,
      result: { label: result.label, scores: result.scores },
    };
  });
  return summarizeSentiment(analysed, {
    language,
    windowMs: previous?.windowMs ?? deps.settings.sentimentWindowMs,
    transcriptRevision: transcript.revision,
  });
}
