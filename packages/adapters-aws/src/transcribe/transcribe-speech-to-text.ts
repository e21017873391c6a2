import { parseSettings } from "@confide/core/adapter-kit";
import { ConfideError, type SpeechResult, type SpeechToText } from "@confide/core/ports";
import { abortReason, createTranscribeClient, isRunning } from "./transcribe-client.ts";
import { badResponse, jobFailed, unknownJob } from "./transcribe-errors.ts";
import { createVocabularyFilters } from "./transcribe-filters.ts";
import { readJobResult } from "./transcribe-result.ts";
import { createTranscribeStaging } from "./transcribe-staging.ts";
import { submitTranscriptionJob } from "./transcribe-submission.ts";
import { transcribeSettings, type TranscribeSettings } from "./settings.ts";

const provider = "transcribe";
/** Transcribe's job names: `^[0-9a-zA-Z._-]+`, 1–200 characters, not "." or "..". */
const jobNamePattern = /^[0-9a-zA-Z._-]{1,200}$/;
/** A name no job of this adapter has: the readiness check asks for it and expects "not found". */
const readinessProbeJobName = "confide-readiness-check";

/** Waits `ms`, ending early with the signal's reason when it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * SpeechToText on Amazon Transcribe batch jobs. `submit` starts a job (`StartTranscriptionJob`)
 * and answers `pending` with the job's name as the ref; `poll` reads the job
 * (`GetTranscriptionJob`) and, once COMPLETED, the transcript file Transcribe wrote into the
 * output bucket; `discard` deletes that file, any staged copy of the recording and the job.
 *
 * The recording: when the blob store signs an Amazon S3 read URL of it in Transcribe's region
 * (`AudioSource.readUrl`), Transcribe reads it in place (`s3://bucket/key`); otherwise it is
 * streamed into the staging bucket first (the S3 blob store's part upload: 5 MiB parts, at most
 * 15 MiB in memory) and that copy is
 * deleted once the job has ended (and again by `discard`). The parts: the SDK client and the
 * buckets (transcribe-client.ts), the vocabulary filters (transcribe-filters.ts), where the job
 * reads the recording (transcribe-staging.ts), starting a job (transcribe-submission.ts) and
 * reading a finished one (transcribe-result.ts).
 *
 * Requests go through the SDK's default credential chain (or the credentials given), with its
 * retries (`maxAttempts`) and a per-request timeout that ends a hung request
 * (`throwOnRequestTimeout`). Transcribe cannot cancel a running job and deletes only finished
 * ones, so `discard` of a running job waits for it to end (`discardWaitSeconds`) and fails
 * retryably past that.
 * @throws ConfideError `validation.invalid_input` naming the first bad setting.
 */
export async function createTranscribeSpeechToText(input: TranscribeSettings): Promise<SpeechToText> {
  const settings = parseSettings(transcribeSettings, input);
  const pollIntervalMs = settings.pollIntervalSeconds * 1000;
  const discardWaitMs = settings.discardWaitSeconds * 1000;
  const client = await createTranscribeClient(settings);
  const { output, staging } = client;
  const filters = createVocabularyFilters(settings, client);
  const staged = createTranscribeStaging(settings, client);

  return {
    provider,

    async submit(audio, transcription, options = {}): Promise<SpeechResult> {
      return submitTranscriptionJob({ settings, client, filters, staging: staged }, audio, transcription, options.signal);
    },

    async poll(ref, transcription, options = {}): Promise<SpeechResult> {
      const { signal } = options;
      signal?.throwIfAborted();
      if (!jobNamePattern.test(ref)) throw unknownJob(ref);
      const job = await client.findJob(ref, signal);
      if (job === undefined) throw unknownJob(ref);
      if (isRunning(job)) return { status: "pending", ref, retryAfterMs: pollIntervalMs };
      if (job.TranscriptionJobStatus === "FAILED") {
        await staged.releaseStagedCopy(job, ref);
        throw jobFailed(ref, job.FailureReason);
      }
      if (job.TranscriptionJobStatus !== "COMPLETED") throw badResponse(`a transcription job has the unknown status ${String(job.TranscriptionJobStatus)}.`);
      const result = await readJobResult(client, job, ref, transcription, signal);
      await staged.releaseStagedCopy(job, ref);
      return result;
    },

    async discard(ref, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      // Not a job name: no job, transcript or copy of this adapter can be named by it.
      if (!jobNamePattern.test(ref) || ref === "." || ref === "..") return;
      const deadline = Date.now() + discardWaitMs;
      let job = await client.findJob(ref, signal);
      while (isRunning(job)) {
        const remainingMs = deadline - Date.now();
        if (remainingMs <= 0) {
          throw new ConfideError(
            "provider.timeout",
            `The Transcribe job is still ${String(job?.TranscriptionJobStatus)} after ${discardWaitMs} ms; Transcribe deletes only finished jobs. Discard it again later.`,
            { retryable: true, retryAfterMs: pollIntervalMs, details: { provider, jobName: ref } },
          );
        }
        await sleep(Math.min(settings.discardPollIntervalMs, remainingMs), signal);
        job = await client.findJob(ref, signal);
      }
      // Copies first, the job last: a discard that fails midway finds the job again next time.
      const deleteOptions = signal === undefined ? {} : { signal };
      await output.delete(client.outputKey(ref), deleteOptions);
      await staging.delete(client.stagedKey(ref), deleteOptions);
      if (job === undefined) return;
      await client.deleteJob(ref, signal);
    },

    async check(options = {}) {
      const { signal } = options;
      // Reachable, signed and allowed: Transcribe answers (whether or not such a job exists).
      await client.findJob(readinessProbeJobName, signal);
      await output.check(signal === undefined ? {} : { signal });
      await filters.check(signal);
      if (staging !== output) await staging.check(signal === undefined ? {} : { signal });
    },

    async close() {
      await client.close();
    },
  };
}
