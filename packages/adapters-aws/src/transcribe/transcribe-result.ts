import { ConfideError, type SpeechResult, type TranscriptionSettings } from "@confide/core/ports";
import { abortReason, type TranscribeClient, type TranscriptionJob } from "./transcribe-client.ts";
import { badResponse } from "./transcribe-errors.ts";
import { planTranscriptionJob } from "./transcribe-request.ts";
import { readTranscribeTranscript } from "./transcribe-transcript.ts";

const provider = "transcribe";
/** Larger than any transcript of Transcribe's 4-hour media limit. */
const largestTranscriptBytes = 256 * 1024 * 1024;

/**
 * The result of a COMPLETED job: the transcript file Transcribe wrote into the output bucket
 * (read with the S3 store, never through `TranscriptFileUri`), and the submit's warnings derived
 * from what the job was asked.
 */
export async function readJobResult(
  client: TranscribeClient,
  job: TranscriptionJob,
  jobName: string,
  transcription: TranscriptionSettings,
  signal: AbortSignal | undefined,
): Promise<SpeechResult> {
  let text: string;
  try {
    const read = await client.output.get(client.outputKey(jobName), signal === undefined ? {} : { signal });
    if (read.sizeBytes > largestTranscriptBytes) {
      await read.body.cancel();
      throw badResponse(`the transcript file is ${read.sizeBytes} bytes, more than any recording gives.`);
    }
    text = await new Response(read.body).text();
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (ConfideError.is(error, "blob.not_found")) throw badResponse("the job completed but its transcript file is not in the output bucket.", error);
    throw error;
  }
  const perChannel = job.Settings?.ChannelIdentification === true;
  const draft = readTranscribeTranscript(text, {
    perChannel,
    wordTimestamps: transcription.wordTimestamps,
    punctuation: transcription.punctuation,
    language: job.LanguageCode ?? transcription.language,
    provider,
  });
  // The warnings of the submit, from what the job was asked (the recording's channels are known to it only).
  const askedChannels = perChannel ? 2 : transcription.channelLayout === "per-channel" ? 1 : null;
  // The profanity warning from the language the job was transcribed in and the filter it named for it.
  const jobLanguage = job.LanguageCode ?? transcription.language;
  const appliedFilter = job.Settings?.VocabularyFilterName ?? job.LanguageIdSettings?.[jobLanguage as keyof typeof job.LanguageIdSettings]?.VocabularyFilterName;
  const { warnings } = planTranscriptionJob(
    { ...transcription, language: jobLanguage, candidateLanguages: [] },
    askedChannels,
    new Map(appliedFilter === undefined ? [] : [[jobLanguage, appliedFilter]]),
  );
  return { status: "done", transcript: draft, warnings };
}
