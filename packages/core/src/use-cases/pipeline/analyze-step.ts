import type { ConfideDeps } from "../../deps.ts";
import { patientSegments, speakerRolesReviewed } from "../../domain/patient-segments.ts";
import { analysedSegment, summarizeSentiment, type SentimentResult } from "../../domain/sentiment.ts";
import { moveTo, type Session } from "../../domain/session.ts";
import { scoreSegments } from "../policies/segment-sentiment.ts";
import { callProvider } from "./provider-call.ts";
import { failWithoutTranscript, recordFailure } from "./retry-policy.ts";
import { save, type Step } from "./session-write.ts";

export async function analyze(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  const transcript = session.transcript;
  if (!transcript) return failWithoutTranscript(deps, session, "analyse");
  const segments = patientSegments(transcript, { rolesReviewed: speakerRolesReviewed(session.review.edits) });
  const outcome = await callProvider(deps, session, signal, (callSignal) =>
    scoreSegments(deps, segments, { language: transcript.language, signal: callSignal }),
  );
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, outcome.session, outcome.error);

  const current = outcome.session;
  const sentiment = summarizeSentiment(
    segments.map((segment, index) => analysedSegment(segment, outcome.value[index] as SentimentResult)),
    { language: transcript.language, windowMs: deps.settings.sentimentWindowMs, transcriptRevision: transcript.revision },
  );
  deps.logger.info("session.analyzed", { sessionId: current.id, segments: sentiment.segments.length });
  return save(
    deps,
    { ...moveTo(current, "writing_notes", deps.clock.now()), sentiment, processing: { ...current.processing, lastError: null } },
    current.version,
  );
}
