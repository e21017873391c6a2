import { randomUUID } from "node:crypto";
import type { StartTranscriptionJobCommandInput } from "@aws-sdk/client-transcribe";
import type { AudioSource, SpeechResult, TranscriptionSettings } from "@confide/core/ports";
import { abortReason, type TranscribeClient } from "./transcribe-client.ts";
import type { CheckedTranscribeSettings } from "./settings.ts";
import type { VocabularyFilters } from "./transcribe-filters.ts";
import { assertWithinTranscribeLimits } from "./transcribe-limits.ts";
import { planTranscriptionJob } from "./transcribe-request.ts";
import type { TranscribeMedia, TranscribeStaging } from "./transcribe-staging.ts";

/** Transcribe's `MediaFormat` for the content types core derives from a recording's bytes. */
const mediaFormatByContentType: Record<string, StartTranscriptionJobCommandInput["MediaFormat"]> = {
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/ogg": "ogg",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
  "audio/mp4": "mp4",
  "audio/x-m4a": "m4a",
  "audio/webm": "webm",
};

export interface SubmissionParts {
  settings: CheckedTranscribeSettings;
  client: TranscribeClient;
  filters: VocabularyFilters;
  staging: TranscribeStaging;
}

/**
 * Starts a job (`StartTranscriptionJob`) named `<jobNamePrefix><uuid>` on the recording, in place
 * or staged, writing its transcript to the output bucket; answers `pending` with the job's name
 * as the ref. A staged copy is deleted again when the job cannot be started.
 */
export async function submitTranscriptionJob(
  { settings, client, filters, staging }: SubmissionParts,
  audio: AudioSource,
  transcription: TranscriptionSettings,
  signal: AbortSignal | undefined,
): Promise<SpeechResult> {
  signal?.throwIfAborted();
  // Checked before anything is staged: a recording Transcribe cannot take is refused at once.
  assertWithinTranscribeLimits(audio);
  const vocabularyFilters = transcription.profanity === "none" ? new Map<string, string>() : await filters.byLanguage(signal);
  const plan = planTranscriptionJob(transcription, audio.channels, vocabularyFilters);
  const jobName = `${settings.jobNamePrefix}${randomUUID()}`;
  let media: TranscribeMedia;
  try {
    media = await staging.mediaOf(audio, jobName, signal);
  } catch (error) {
    // The blob store reports an abort as its own failure: the caller's reason is the answer.
    if (signal?.aborted) throw abortReason(signal);
    throw error;
  }
  const mediaFormat = mediaFormatByContentType[audio.contentType.split(";")[0]!.trim().toLowerCase()];
  const request: StartTranscriptionJobCommandInput = {
    TranscriptionJobName: jobName,
    Media: { MediaFileUri: media.uri },
    ...(mediaFormat === undefined ? {} : { MediaFormat: mediaFormat }),
    OutputBucketName: settings.outputBucket,
    OutputKey: client.outputKey(jobName),
    ...plan.parameters,
  };
  try {
    await client.startJob(request, signal);
  } catch (error) {
    if (media.staged) await staging.deleteStagedCopy(jobName);
    throw error;
  }
  return { status: "pending", ref: jobName, retryAfterMs: settings.pollIntervalSeconds * 1000 };
}
