import type { GetTranscriptionJobCommandOutput, GetVocabularyFilterCommandOutput, StartTranscriptionJobCommandInput } from "@aws-sdk/client-transcribe";
import { ConfideError, type BlobStore } from "@confide/core/ports";
import type { CheckedTranscribeSettings } from "./settings.ts";
import { badResponse, isDeleteRefused, isJobNotFound, toTranscribeError } from "./transcribe-errors.ts";

const provider = "transcribe";

export type TranscriptionJob = NonNullable<GetTranscriptionJobCommandOutput["TranscriptionJob"]>;

/** The reason an aborted signal carries, or a standard AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

export const isRunning = (job: TranscriptionJob | undefined) => job?.TranscriptionJobStatus === "QUEUED" || job?.TranscriptionJobStatus === "IN_PROGRESS";

/** Transcribe and the two buckets it works with, each call ending with the caller's abort or a mapped error. */
export interface TranscribeClient {
  /** The bucket Transcribe writes transcripts into. */
  output: BlobStore;
  /** The bucket of staged copies: the output bucket's store when it is the same bucket. */
  staging: BlobStore;
  /** `<outputPrefix><job>.json`: where Transcribe writes the job's transcript. */
  outputKey(jobName: string): string;
  /** `<stagingPrefix><job>`: where the job's copy of a recording is staged. */
  stagedKey(jobName: string): string;
  /** Transcribe's region: the configured one, else the SDK's; undefined when it has none. */
  region(): Promise<string | undefined>;
  /** StartTranscriptionJob. */
  startJob(request: StartTranscriptionJobCommandInput, signal: AbortSignal | undefined): Promise<void>;
  /** The job, or undefined when Transcribe does not know it. */
  findJob(jobName: string, signal: AbortSignal | undefined): Promise<TranscriptionJob | undefined>;
  /**
   * DeleteTranscriptionJob; a job Transcribe does not know is already gone.
   * @throws ConfideError `provider.unavailable`, retryable, when Transcribe refuses to delete it.
   */
  deleteJob(jobName: string, signal: AbortSignal | undefined): Promise<void>;
  /** GetVocabularyFilter, `operation` naming it in errors. */
  readVocabularyFilter(name: string, operation: string, signal: AbortSignal | undefined): Promise<GetVocabularyFilterCommandOutput>;
  close(): Promise<void>;
}

/**
 * The Transcribe SDK client and the S3 blob stores of the output and staging buckets, both
 * imported on first use (`@aws-sdk/client-transcribe`, `../s3/s3-blob-store.ts`). Requests go
 * through the SDK's default credential chain (or the credentials given), with its retries
 * (`maxAttempts`) and a per-request timeout that ends a hung request (`throwOnRequestTimeout`).
 */
export async function createTranscribeClient(settings: CheckedTranscribeSettings): Promise<TranscribeClient> {
  const [{ DeleteTranscriptionJobCommand, GetTranscriptionJobCommand, GetVocabularyFilterCommand, StartTranscriptionJobCommand, TranscribeClient: SdkClient }, { createS3BlobStore }] = await Promise.all([
    import("@aws-sdk/client-transcribe"),
    import("../s3/s3-blob-store.ts"),
  ]);
  const client = new SdkClient({
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
  const s3Credentials = settings.s3Credentials ?? settings.credentials;
  const storeFor = (bucket: string) =>
    createS3BlobStore({
      bucket,
      ...(settings.region === undefined ? {} : { region: settings.region }),
      ...(settings.s3Endpoint === undefined ? {} : { endpoint: settings.s3Endpoint, forcePathStyle: true }),
      ...(s3Credentials === undefined ? {} : { credentials: s3Credentials }),
      maxAttempts: settings.maxAttempts,
    });
  const output: BlobStore = await storeFor(settings.outputBucket);
  const stagingBucket = settings.stagingBucket ?? settings.outputBucket;
  const staging: BlobStore = stagingBucket === settings.outputBucket ? output : await storeFor(stagingBucket);
  const signalOption = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { abortSignal: signal });
  let region: string | undefined = settings.region;

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

  return {
    output,
    staging,
    outputKey: (jobName) => `${settings.outputPrefix}${jobName}.json`,
    stagedKey: (jobName) => `${settings.stagingPrefix}${jobName}`,

    async region() {
      if (region === undefined) {
        try {
          region = await client.config.region();
        } catch {
          // No region anywhere: the next call to Transcribe fails and says so.
          return undefined;
        }
      }
      return region;
    },

    async startJob(request, signal) {
      await call("start a transcription job", signal, () => client.send(new StartTranscriptionJobCommand(request), signalOption(signal)));
    },

    async findJob(jobName, signal) {
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
    },

    async deleteJob(jobName, signal) {
      try {
        await client.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: jobName }), signalOption(signal));
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (isJobNotFound(error)) return;
        if (isDeleteRefused(error)) {
          throw new ConfideError("provider.unavailable", "Amazon Transcribe refused to delete the job; discard it again later.", {
            retryable: true,
            retryAfterMs: settings.pollIntervalSeconds * 1000,
            cause: error,
            details: { provider, jobName },
          });
        }
        throw toTranscribeError(error, "delete a transcription job");
      }
    },

    readVocabularyFilter(name, operation, signal) {
      return call(operation, signal, () => client.send(new GetVocabularyFilterCommand({ VocabularyFilterName: name }), signalOption(signal)));
    },

    async close() {
      client.destroy();
      await output.close();
      if (staging !== output) await staging.close();
    },
  };
}
