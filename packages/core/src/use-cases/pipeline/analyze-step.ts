import type { ConfideDeps } from "../../deps.ts";
import { patientSegments, speakerRolesReviewed } from "../../domain/patient-segments.ts";
import { summarizeSentiment, type SentimentResult } from "../../domain/sentiment.ts";
import { moveTo, type Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import { callProvider } from "./provider-call.ts";
import { fail, recordFailure } from "./retry-policy.ts";
import { finish } from "./session-notification.ts";
import type { Step } from "./session-write.ts";

export async function analyze(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  const transcript = session.transcript;
  if (!transcript) {
    return fail(deps, session, session.processing.attempts, {
      code: "internal",
      message: "The session has no transcript to analyse.",
      retryable: false,
    });
  }
  const segments = patientSegments(transcript, { rolesReviewed: speakerRolesReviewed(session.review.edits) });
  const outcome = await callProvider(deps, session, signal, (callSignal): Promise<SentimentResult[]> =>
    segments.length === 0
      ? Promise.resolve([])
      : deps.language.sentiment(
          segments.map((segment) => segment.text),
          { language: transcript.language, signal: callSignal },
        ),
  );
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, outcome.session, outcome.error);

  const current = outcome.session;
  const results = outcome.value;
  if (results.length !== segments.length) {
    return recordFailure(
      deps,
      current,
      new ConfideError("provider.bad_response", "The language analyzer returned the wrong number of results.", {
        details: { sent: segments.length, received: results.length },
      }),
    );
  }
  const sentiment = summarizeSentiment(
    segments.map((segment, index) => {
      const result = results[index] as SentimentResult;
      return {
        segmentId: segment.id,
        speaker: segment.speaker,
        startMs: segment.startMs,
        endMs: segment.endMs,
        result: { label: result.label, scores: result.scores },
      };
    }),
    { language: transcript.language, windowMs: deps.settings.sentimentWindowMs, transcriptRevision: transcript.revision },
  );
  deps.logger.info("session.analyzed", { sessionId: current.id, segments: sentiment.segments.length });
  return finish(
    deps,
    { ...moveTo(current, "ready", deps.clock.now()), sentiment, processing: { ...current.processing, lastError: null } },
    current.version,
  );
}
