import { randomUUID } from "node:crypto";
import type { GetTranscriptionJobCommandOutput, StartTranscriptionJobCommandInput } from "@aws-sdk/client-transcribe";
import { ConfideError, loggableCode, type AudioSource, type BlobStore, type SpeechResult, type SpeechToText } from "@confide/core";
import { s3ObjectOfUrl } from "./s3-media-location.ts";
import { resolveTranscribeSettings, type TranscribeSpeechSettings } from "./transcribe-config.ts";
import { badResponse, isDeleteRefused, isJobNotFound, jobFailed, toTranscribeError, unknownJob } from "./transcribe-errors.ts";
import { planTranscriptionJob } from "./transcribe-request.ts";
import { readTranscribeTranscript } from "./transcribe-transcript.ts";

const provider = "transcribe";
/** Transcribe's job names: `^[0-9a-zA-Z._-]+`, 1–200 characters, not "." or "..". */
const jobNamePattern = /^[0-9a-zA-Z._-]{1,200}$/;
/** A name no job of this adapter has: the readiness check asks for it and expects "not found". */
const readinessProbeJobName = "confide-readiness-check";
/** How long the signed read URL of a recording is asked for; it is only read for its location. */
const readUrlSeconds = 900;
/** Larger than any transcript of Transcribe's 4-hour media limit. */
const largestTranscriptBytes = 256 * 1024 * 1024;

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

type TranscriptionJob = NonNullable<GetTranscriptionJobCommandOutput["TranscriptionJob"]>;

/** The reason an aborted signal carries, or a standard AbortError. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

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

const isRunning = (job: TranscriptionJob | undefined) => job?.TranscriptionJobStatus === "QUEUED" || job?.TranscriptionJobStatus === "IN_PROGRESS";

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
 * deleted once the job has ended (and again by `discard`).
 *
 * Requests go through the SDK's default credential chain (or the credentials given), with its
 * retries (`maxAttempts`) and a per-request timeout that ends a hung request
 * (`throwOnRequestTimeout`). Transcribe cannot cancel a running job and deletes only finished
 * ones, so `discard` of a running job waits for it to end (`discardWaitMs`) and fails
 * retryably past that.
 */
export async function createTranscribeSpeechToText(input: TranscribeSpeechSettings): Promise<SpeechToText> {
  const settings = resolveTranscribeSettings(input);
  const [{ DeleteTranscriptionJobCommand, GetTranscriptionJobCommand, GetVocabularyFilterCommand, StartTranscriptionJobCommand, TranscribeClient }, { createS3BlobStore }] = await Promise.all([
    import("@aws-sdk/client-transcribe"),
    import("../s3/s3-blob-store.ts"),
  ]);
  const client = new TranscribeClient({
    ...(settings.region === undefined ? {} : { region: settings.region }),
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
    maxAttempts: settings.maxAttempts,
    requestHandler: {
      connectionTimeout: settings.connectionTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Without it a request past the timeout only logs a warning and waits on.
      throwOnRequestTimeout: true,
    },
  });
  const storeFor = (bucket: string) =>
    createS3BlobStore({
      bucket,
      ...(settings.region === undefined ? {} : { region: settings.region }),
      ...(settings.s3Endpoint === undefined ? {} : { endpoint: settings.s3Endpoint, forcePathStyle: true }),
      ...(settings.s3Credentials === undefined ? {} : { credentials: settings.s3Credentials }),
      maxAttempts: settings.maxAttempts,
    });
  const output: BlobStore = await storeFor(settings.outputBucket);
  const staging: BlobStore = settings.stagingBucket === settings.outputBucket ? output : await storeFor(settings.stagingBucket);
  const signalOption = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { abortSignal: signal });
  const outputKey = (jobName: string) => `${settings.outputPrefix}${jobName}.json`;
  const stagedKey = (jobName: string) => `${settings.stagingPrefix}${jobName}`;
  let region: string | undefined = settings.region;

  /** Transcribe's region: the configured one, else the SDK's; undefined when it has none. */
  async function transcribeRegion(): Promise<string | undefined> {
    if (region === undefined) {
      try {
        region = await client.config.region();
      } catch {
        // No region anywhere: the next call to Transcribe fails and says so.
        return undefined;
      }
    }
    return region;
  }

  /** Runs one Transcribe call; a caller's abort ends it with the signal's reason, other failures are mapped. */
  async function call<T>(operation: string, signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    try {
      return await send();
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      throw toTranscribeError(error, operation);
    }
  }

  let filtersByLanguage: Promise<ReadonlyMap<string, string>> | undefined;
  /**
   * The vocabulary filter of each language: `vocabularyFilters`, and `vocabularyFilterName` for
   * its own language, which Transcribe is asked once (GetVocabularyFilter). A failure is thrown
   * and asked again next time.
   */
  function vocabularyFilters(signal: AbortSignal | undefined): Promise<ReadonlyMap<string, string>> {
    const legacy = settings.vocabularyFilterName;
    if (legacy === undefined) return Promise.resolve(settings.vocabularyFilters);
    filtersByLanguage ??= call("read the vocabulary filter", signal, () =>
      client.send(new GetVocabularyFilterCommand({ VocabularyFilterName: legacy }), signalOption(signal)),
    ).then(
      (answer) => {
        const filters = new Map(settings.vocabularyFilters);
        if (answer.LanguageCode !== undefined && !filters.has(answer.LanguageCode)) filters.set(answer.LanguageCode, legacy);
        return filters;
      },
      (error: unknown) => {
        filtersByLanguage = undefined;
        throw error;
      },
    );
    return filtersByLanguage;
  }

  /** Every configured filter exists, in the language it is configured for. @throws ConfideError `dependency.unavailable`. */
  async function checkVocabularyFilters(signal: AbortSignal | undefined): Promise<void> {
    const filters = await vocabularyFilters(signal);
    for (const [language, name] of filters) {
      const answer = await call("read a vocabulary filter", signal, () => client.send(new GetVocabularyFilterCommand({ VocabularyFilterName: name }), signalOption(signal))).catch(
        (error: unknown) => {
          throw new ConfideError("dependency.unavailable", `The Transcribe vocabulary filter ${name} (for ${language}) cannot be used: ${ConfideError.is(error) ? error.message : String(error)}`, {
            retryable: ConfideError.is(error) ? error.retryable : false,
            cause: error,
            details: { dependency: "transcribe", filter: name, language },
          });
        },
      );
      if (answer.LanguageCode !== language) {
        throw new ConfideError("dependency.unavailable", `The Transcribe vocabulary filter ${name} is in ${String(answer.LanguageCode)}, not ${language}: a filter works for its own language only.`, {
          details: { dependency: "transcribe", filter: name, language, filterLanguage: answer.LanguageCode ?? null },
        });
      }
    }
  }

  /** The job, or undefined when Transcribe does not know it. */
  async function findJob(jobName: string, signal: AbortSignal | undefined): Promise<TranscriptionJob | undefined> {
    signal?.throwIfAborted();
    try {
      const answer = await client.send(new GetTranscriptionJobCommand({ TranscriptionJobName: jobName }), signalOption(signal));
      if (answer.TranscriptionJob?.TranscriptionJobStatus === undefined) throw badResponse("a transcription job came without its status.");
      return answer.TranscriptionJob;
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (isJobNotFound(error)) return undefined;
      throw toTranscribeError(error, "read a transcription job");
    }
  }

  /**
   * Deletes the staged copy of an ended job's recording, when the job read one; a failure is
   * logged, not thrown (`discard` deletes it again).
   */
  async function releaseStagedCopy(job: TranscriptionJob, jobName: string): Promise<void> {
    if (job.Media?.MediaFileUri !== `s3://${settings.stagingBucket}/${stagedKey(jobName)}`) return;
    await deleteStagedCopy(jobName);
  }

  /** Deletes a staged copy (missing is fine); a failure is logged, not thrown. */
  async function deleteStagedCopy(jobName: string): Promise<void> {
    try {
      await staging.delete(stagedKey(jobName));
    } catch (error) {
      settings.logger?.warn("transcribe.staged_copy.delete_failed", { jobName, code: loggableCode(error) });
    }
  }

  /** Where Transcribe reads the recording: in place when it can, else a copy in the staging bucket. */
  async function mediaOf(audio: AudioSource, jobName: string, signal: AbortSignal | undefined): Promise<{ uri: string; staged: boolean }> {
    if (audio.readUrl !== undefined) {
      const url = await audio.readUrl({ expiresInSeconds: readUrlSeconds, ...(signal === undefined ? {} : { signal }) });
      const object = s3ObjectOfUrl(url, { region: await transcribeRegion(), s3Endpoint: settings.s3Endpoint });
      if (object !== undefined) return { uri: `s3://${object.bucket}/${object.key}`, staged: false };
    }
    const key = stagedKey(jobName);
    const body = await audio.open(signal);
    await staging.put(key, body, { contentType: audio.contentType, ...(signal === undefined ? {} : { signal }) });
    return { uri: `s3://${settings.stagingBucket}/${key}`, staged: true };
  }

  return {
    provider,

    async submit(audio, transcription, options = {}): Promise<SpeechResult> {
      const { signal } = options;
      signal?.throwIfAborted();
      const filters = transcription.profanity === "none" ? new Map<string, string>() : await vocabularyFilters(signal);
      const plan = planTranscriptionJob(transcription, audio.channels, filters);
      const jobName = `${settings.jobNamePrefix}${randomUUID()}`;
      let media: { uri: string; staged: boolean };
      try {
        media = await mediaOf(audio, jobName, signal);
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
        OutputKey: outputKey(jobName),
        ...plan.parameters,
      };
      try {
        await call("start a transcription job", signal, () => client.send(new StartTranscriptionJobCommand(request), signalOption(signal)));
      } catch (error) {
        if (media.staged) await deleteStagedCopy(jobName);
        throw error;
      }
      return { status: "pending", ref: jobName, retryAfterMs: settings.pollIntervalMs };
    },

    async poll(ref, transcription, options = {}): Promise<SpeechResult> {
      const { signal } = options;
      signal?.throwIfAborted();
      if (!jobNamePattern.test(ref)) throw unknownJob(ref);
      const job = await findJob(ref, signal);
      if (job === undefined) throw unknownJob(ref);
      if (isRunning(job)) return { status: "pending", ref, retryAfterMs: settings.pollIntervalMs };
      if (job.TranscriptionJobStatus === "FAILED") {
        await releaseStagedCopy(job, ref);
        throw jobFailed(ref, job.FailureReason);
      }
      if (job.TranscriptionJobStatus !== "COMPLETED") throw badResponse(`a transcription job has the unknown status ${String(job.TranscriptionJobStatus)}.`);

      let text: string;
      try {
        const read = await output.get(outputKey(ref), signal === undefined ? {} : { signal });
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
      await releaseStagedCopy(job, ref);
      return { status: "done", transcript: draft, warnings };
    },

    async discard(ref, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      // Not a job name: no job, transcript or copy of this adapter can be named by it.
      if (!jobNamePattern.test(ref) || ref === "." || ref === "..") return;
      const deadline = Date.now() + settings.discardWaitMs;
      let job = await findJob(ref, signal);
      while (isRunning(job)) {
        const remainingMs = deadline - Date.now();
        if (remainingMs <= 0) {
          throw new ConfideError(
            "provider.timeout",
            `The Transcribe job is still ${String(job?.TranscriptionJobStatus)} after ${settings.discardWaitMs} ms; Transcribe deletes only finished jobs. Discard it again later.`,
            { retryable: true, retryAfterMs: settings.pollIntervalMs, details: { provider, jobName: ref } },
          );
        }
        await sleep(Math.min(settings.discardPollIntervalMs, remainingMs), signal);
        job = await findJob(ref, signal);
      }
      // Copies first, the job last: a discard that fails midway finds the job again next time.
      const deleteOptions = signal === undefined ? {} : { signal };
      await output.delete(outputKey(ref), deleteOptions);
      await staging.delete(stagedKey(ref), deleteOptions);
      if (job === undefined) return;
      try {
        await client.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: ref }), signalOption(signal));
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (isJobNotFound(error)) return;
        if (isDeleteRefused(error)) {
          throw new ConfideError("provider.unavailable", "Amazon Transcribe refused to delete the job; discard it again later.", {
            retryable: true,
            retryAfterMs: settings.pollIntervalMs,
            cause: error,
            details: { provider, jobName: ref },
          });
        }
        throw toTranscribeError(error, "delete a transcription job");
      }
    },

    async check(options = {}) {
      const { signal } = options;
      // Reachable, signed and allowed: Transcribe answers (whether or not such a job exists).
      await findJob(readinessProbeJobName, signal);
      await output.check(signal === undefined ? {} : { signal });
      await checkVocabularyFilters(signal);
      if (staging !== output) await staging.check(signal === undefined ? {} : { signal });
    },

    async close() {
      client.destroy();
      await output.close();
      if (staging !== output) await staging.close();
    },
  };
}
