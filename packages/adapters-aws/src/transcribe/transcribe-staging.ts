import { loggableCode, type AudioSource } from "@confide/core/ports";
import { s3ObjectOfUrl } from "./s3-media-location.ts";
import type { TranscribeClient, TranscriptionJob } from "./transcribe-client.ts";
import type { CheckedTranscribeSettings } from "./settings.ts";

/** How long the signed read URL of a recording is asked for; it is only read for its location. */
const readUrlSeconds = 900;

export interface TranscribeMedia {
  /** `s3://bucket/key` of what the job reads. */
  uri: string;
  /** A copy in the staging bucket, not the recording in place. */
  staged: boolean;
}

export interface TranscribeStaging {
  /** Where Transcribe reads the recording: in place when it can, else a copy in the staging bucket. */
  mediaOf(audio: AudioSource, jobName: string, signal: AbortSignal | undefined): Promise<TranscribeMedia>;
  /**
   * Deletes the staged copy of an ended job's recording, when the job read one; a failure is
   * logged, not thrown (`discard` deletes it again).
   */
  releaseStagedCopy(job: TranscriptionJob, jobName: string): Promise<void>;
  /** Deletes a staged copy (missing is fine); a failure is logged, not thrown. */
  deleteStagedCopy(jobName: string): Promise<void>;
}

/**
 * The recording where Transcribe reads it: when the blob store signs an Amazon S3 read URL of it
 * in Transcribe's region (`AudioSource.readUrl`), in place (`s3://bucket/key`); otherwise streamed
 * into the staging bucket first (the S3 blob store's part upload: 5 MiB parts, at most 15 MiB in
 * memory), that copy deleted once the job has ended (and again by `discard`).
 */
export function createTranscribeStaging(settings: CheckedTranscribeSettings, client: TranscribeClient): TranscribeStaging {
  const stagingBucket = settings.stagingBucket ?? settings.outputBucket;
  async function deleteStagedCopy(jobName: string): Promise<void> {
    try {
      await client.staging.delete(client.stagedKey(jobName));
    } catch (error) {
      settings.logger?.warn("transcribe.staged_copy.delete_failed", { jobName, code: loggableCode(error) });
    }
  }

  return {
    async mediaOf(audio, jobName, signal) {
      if (audio.readUrl !== undefined) {
        const url = await audio.readUrl({ expiresInSeconds: readUrlSeconds, ...(signal === undefined ? {} : { signal }) });
        const object = s3ObjectOfUrl(url, { region: await client.region(), s3Endpoint: settings.s3Endpoint });
        if (object !== undefined) return { uri: `s3://${object.bucket}/${object.key}`, staged: false };
      }
      const key = client.stagedKey(jobName);
      const body = await audio.open(signal);
      await client.staging.put(key, body, { contentType: audio.contentType, ...(signal === undefined ? {} : { signal }) });
      return { uri: `s3://${stagingBucket}/${key}`, staged: true };
    },

    async releaseStagedCopy(job, jobName) {
      if (job.Media?.MediaFileUri !== `s3://${stagingBucket}/${client.stagedKey(jobName)}`) return;
      await deleteStagedCopy(jobName);
    },

    deleteStagedCopy,
  };
}
