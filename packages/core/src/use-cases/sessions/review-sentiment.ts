import type { ConfideDeps } from "../../deps.ts";
import { patientSegments } from "../../domain/patient-segments.ts";
import { analysedSegment, summarizeSentiment, type SentimentResult, type SessionSentiment } from "../../domain/sentiment.ts";
import type { Transcript } from "../../domain/transcript.ts";
import { scoreSegments } from "../policies/segment-sentiment.ts";

/**
 * Rebuilds a session's sentiment after a review change, over the segments `patientSegments`
 * chooses (`rolesReviewed`: whether the therapist has set speaker roles, see
 * `speakerRolesReviewed`). Segments named in `rescore` ("all" for every patient segment),
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
  options: { rolesReviewed: boolean },
): Promise<SessionSentiment> {
  const language = previous?.language ?? transcript.language;
  const analysedSegments = patientSegments(transcript, options);
  const known = new Map<string, SentimentResult>(
    (previous?.segments ?? []).map(({ segmentId, label, scores }) => [segmentId, { label, scores }]),
  );
  const toScore = analysedSegments.filter((s) => rescore === "all" || rescore.has(s.id) || !known.has(s.id));
  const results = await scoreSegments(deps, toScore, { language });
  const fresh = new Map(toScore.map((segment, index) => [segment.id, results[index] as SentimentResult]));
  const analysed = analysedSegments.map((segment) =>
    analysedSegment(segment, fresh.get(segment.id) ?? (known.get(segment.id) as SentimentResult)),
  );
  return summarizeSentiment(analysed, {
    language,
    windowMs: previous?.windowMs ?? deps.settings.sentimentWindowMs,
    transcriptRevision: transcript.revision,
  });
}
