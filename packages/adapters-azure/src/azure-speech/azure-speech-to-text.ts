import { parseRetryAfterMs, parseSettings } from "@confide/core/adapter-kit";
import { ConfideError, loggableCode, type SpeechResult, type SpeechToText, type TranscriptionSettings } from "@confide/core/ports";
import { createSpeechClient, type SpeechClient } from "./azure-speech-client.ts";
import { createDeferredDeletions, isDeleteNotAllowed, isMarkedForDeletion, type DeferredDeletions } from "./azure-speech-deferred-deletion.ts";
import { probeAudio } from "./azure-speech-audio-probe.ts";
import { badResponse, failedJob } from "./azure-speech-errors.ts";
import { createResultAccess } from "./azure-speech-result-access.ts";
import { parseResultFile, transcriptFromResults, type SpeakerLayout } from "./azure-speech-result.ts";
import { createSpeechStaging, isStagedKey, type SpeechStaging } from "./azure-speech-staging.ts";
import { azureSpeechSettings, type AzureSpeechSettings } from "./settings.ts";
import { assertTranscribable, assertWithinBatchLimits, isDiarizedJob, isPerChannelJob, planSubmission, settingWarnings, willDiarize, type JobProperties } from "./azure-speech-submission.ts";

const provider = "azure-speech";
/** Transcription ids are GUIDs; anything else is refused before a request is made. */
const jobIdPattern = /^[A-Za-z0-9-]{1,100}$/;
/** Separates the job id from the staged blob's key in a ref: `<id>~speech-staging/<uuid>`. */
const refSeparator = "~";
/** Most pages of `/files` read for one job (100 files a page). */
const maxFilePages = 50;

interface JobRef {
  id: string;
  /** The staged copy of the recording, when it was staged. */
  stagedKey: string | undefined;
}

/** Reads a ref made by `submit`; undefined when it cannot be one (never made here). */
function parseRef(ref: string): JobRef | undefined {
  const at = ref.indexOf(refSeparator);
  const id = at < 0 ? ref : ref.slice(0, at);
  const stagedKey = at < 0 ? undefined : ref.slice(at + 1);
  if (!jobIdPattern.test(id) || (stagedKey !== undefined && !isStagedKey(stagedKey))) return undefined;
  return { id, stagedKey };
}

function discardedJob(id: string): ConfideError {
  return new ConfideError("provider.rejected", `The Azure Speech job "${id}" was discarded; it is deleted once it finishes.`, {
    retryable: false,
    details: { provider, reason: "discarded" },
  });
}

function unknownJob(ref: string): ConfideError {
  return new ConfideError("provider.rejected", `Azure Speech has no transcription job "${ref.slice(0, 120)}".`, {
    retryable: false,
    details: { provider },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The job id from a Transcription's `self` URL (`…/transcriptions/{id}`). */
function jobIdOf(transcription: unknown): string {
  const self = isRecord(transcription) ? transcription.self : undefined;
  const id = typeof self === "string" && URL.canParse(self) ? new URL(self).pathname.split("/").pop() : undefined;
  if (id === undefined || !jobIdPattern.test(id)) throw badResponse("the new transcription has no self link with its id.", { truncated: false });
  return id;
}

/**
 * SpeechToText over Azure Speech batch transcription, REST API 2024-11-15, called with
 * `fetch` (no Speech SDK). `submit` hands the service a read URL of the recording — the blob
 * store's (`AudioSource.readUrl`), or else a copy staged in the staging container — and
 * answers `pending`; `poll` reads the job and, once it Succeeded, its result files (paged);
 * `discard` deletes the staged copy and the job — or, when the service refuses to delete a job
 * that has not finished (`DeleteNotAllowed`), marks it at the service to be deleted once it ends,
 * which a later call's sweep does (azure-speech-deferred-deletion.ts). No call waits for the job: `poll` answers
 * after one request while it runs, with the delay to the next poll (growing with the job's
 * age, never under the service's Retry-After).
 * @throws ConfideError `validation.invalid_input` for settings it cannot use.
 */
export async function createAzureSpeechToText(settings: AzureSpeechSettings): Promise<SpeechToText> {
  const resolved = parseSettings(azureSpeechSettings, settings);
  const client: SpeechClient = createSpeechClient(resolved);
  const resultAccess = createResultAccess(resolved);
  const staging: SpeechStaging | undefined = await createSpeechStaging(resolved);
  const deferred: DeferredDeletions = createDeferredDeletions(client, { intervalMs: resolved.deferredDeletionSweepIntervalMs, logger: resolved.logger });

  /**
   * Removes a staged copy where a failure must not fail the call (the job has ended, or its
   * submission failed): it is logged, and `discard` — which core calls for every job it ends —
   * deletes the copy again.
   */
  async function removeStagedCopy(stagedKey: string | undefined, when: "ended" | "not-submitted"): Promise<void> {
    if (stagedKey === undefined || staging === undefined) return;
    try {
      await staging.remove(stagedKey);
    } catch (error) {
      resolved.logger.warn("speech.staging.remove_failed", { provider, when, code: loggableCode(error) });
    }
  }

  /**
   * Delay before the next poll: a fifth of the job's age, between the minimum and maximum
   * poll intervals, never under the service's Retry-After. A job queued for half an hour is
   * asked about once a minute, a fresh one every few seconds.
   */
  function pollDelayMs(transcription: Record<string, unknown>, retryAfter: string | null): number {
    const created = typeof transcription.createdDateTime === "string" ? Date.parse(transcription.createdDateTime) : Number.NaN;
    const ageMs = Number.isNaN(created) ? 0 : Math.max(0, Date.now() - created);
    const paced = Math.min(resolved.maxPollIntervalMs, Math.max(resolved.minPollIntervalMs, Math.round(ageMs / 5)));
    return Math.max(paced, parseRetryAfterMs(retryAfter) ?? 0);
  }

  /** Every file of a finished job, following `@nextLink`. */
  async function listFiles(id: string, signal: AbortSignal | undefined): Promise<Record<string, unknown>[]> {
    const files: Record<string, unknown>[] = [];
    let path: string | undefined = `/transcriptions/${id}/files`;
    for (let page = 0; path !== undefined; page += 1) {
      if (page >= maxFilePages) throw badResponse(`the job lists more than ${maxFilePages} pages of files.`, { truncated: false });
      const answer = await client.send({ method: "GET", path, authenticated: true, what: "the job's file list", signal });
      if (!isRecord(answer.json) || !Array.isArray(answer.json.values)) throw badResponse("the file list has no values.", { truncated: false });
      files.push(...answer.json.values.filter(isRecord));
      const next = answer.json["@nextLink"];
      path = typeof next === "string" && next !== "" ? next : undefined;
    }
    return files;
  }

  async function readResults(id: string, transcription: Record<string, unknown>, settings: TranscriptionSettings, signal: AbortSignal | undefined): Promise<SpeechResult> {
    const echoed = (isRecord(transcription.properties) ? transcription.properties : {}) as JobProperties;
    const resultFiles = (await listFiles(id, signal)).filter((file) => file.kind === "Transcription");
    if (resultFiles.length === 0) throw badResponse("the finished job lists no transcription file.", { truncated: false });
    const parsed = [];
    for (const file of resultFiles) {
      const contentUrl = isRecord(file.links) ? file.links.contentUrl : undefined;
      if (typeof contentUrl !== "string" || !URL.canParse(contentUrl)) throw badResponse("a result file has no content URL.", { truncated: false });
      // A signed content URL (SAS) gets no key or token; an unsigned one (a BYOS resource) the
      // storage account's token, never the Speech key.
      const headers = await resultAccess.headersFor(contentUrl, signal);
      const answer = await client.send({ method: "GET", path: contentUrl, authenticated: false, headers, what: "a transcription result file", signal });
      parsed.push(parseResultFile(answer.json));
    }
    // Diarized when the phrases carry speakers, whether or not the job's properties echo it.
    const phrasesHaveSpeakers = parsed.some((file) => file.recognizedPhrases.some((phrase) => Number.isInteger(phrase.speaker)));
    const properties: JobProperties =
      phrasesHaveSpeakers && !isDiarizedJob(echoed) ? { ...echoed, diarization: { ...echoed.diarization, enabled: true } } : echoed;
    // One speaker per channel when the job read two channels (asked for, or a stereo recording
    // said to be mono, which Azure cannot diarize); else diarization's speakers, or one speaker.
    const channels = properties.channels ?? [0, 1];
    const layout: SpeakerLayout =
      isPerChannelJob(settings, properties) || (!isDiarizedJob(properties) && channels.includes(1))
        ? { kind: "per-channel", channels }
        : isDiarizedJob(properties)
          ? { kind: "diarized" }
          : { kind: "single" };
    const { transcript, warnings } = transcriptFromResults(parsed, settings, layout, provider);
    return { status: "done", transcript, warnings: [...settingWarnings(settings, properties), ...warnings] };
  }

  return {
    provider,

    async submit(audio, settings, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      // Checked before anything is staged: a recording Azure cannot take is refused at once.
      assertTranscribable(settings, audio.channels);
      // Core knows a canonical WAV's channels; any other container's are read from its header
      // (Azure fails a stereo file asked to diarize, in every container).
      // A duration not known yet is read the same way where diarization would be asked for
      // (240 minutes at most); both are checked before anything is staged or submitted.
      let channels = audio.channels;
      let durationMs = audio.durationMs ?? null;
      if (channels === null || (durationMs === null && willDiarize(settings, channels))) {
        const probed = await probeAudio(await audio.open(signal), signal);
        channels ??= probed.channels;
        durationMs ??= probed.durationMs;
      }
      assertTranscribable(settings, channels);
      assertWithinBatchLimits(settings, { sizeBytes: audio.sizeBytes, durationMs, channels }, resolved.limits);
      await deferred.sweepWhenDue(signal);
      let url: string;
      let stagedKey: string | undefined;
      const expiresInSeconds = resolved.audioUrlExpiresInSeconds;
      if (audio.readUrl !== undefined) {
        url = await audio.readUrl({ expiresInSeconds, ...(signal === undefined ? {} : { signal }) });
      } else if (staging !== undefined) {
        ({ key: stagedKey, url } = await staging.stage(audio, { expiresInSeconds, signal }));
      } else {
        throw new ConfideError(
          "provider.unsupported",
          "Azure Speech reads recordings by URL: this one is not in Azure Blob Storage and no staging container is configured (CONFIDE_AZURE_SPEECH_STAGING_*).",
          { retryable: false, details: { provider } },
        );
      }
      try {
        const body = planSubmission(settings, { url, channels }, {
          timeToLiveHours: resolved.timeToLiveHours,
          displayName: `${resolved.displayNamePrefix} ${new Date().toISOString()}`,
        });
        const answer = await client.send({ method: "POST", path: "/transcriptions:submit", body, authenticated: true, what: "the submission", signal });
        const id = jobIdOf(answer.json);
        return { status: "pending", ref: stagedKey === undefined ? id : `${id}${refSeparator}${stagedKey}`, retryAfterMs: resolved.minPollIntervalMs };
      } catch (error) {
        await removeStagedCopy(stagedKey, "not-submitted");
        throw error;
      }
    },

    async poll(ref, settings, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      const job = parseRef(ref);
      if (job === undefined) throw unknownJob(ref);
      const answer = await client.send({ method: "GET", path: `/transcriptions/${job.id}`, authenticated: true, what: `the job ${job.id}`, signal });
      const transcription = answer.json;
      if (!isRecord(transcription) || typeof transcription.status !== "string") throw badResponse("the job has no status.", { truncated: false });
      // Discarded while it ran: its result is nobody's any more.
      if (isMarkedForDeletion(transcription)) throw discardedJob(job.id);
      switch (transcription.status) {
        case "NotStarted":
        case "Running":
          return { status: "pending", ref, retryAfterMs: pollDelayMs(transcription, answer.headers.get("retry-after")) };
        case "Failed": {
          await removeStagedCopy(job.stagedKey, "ended");
          const properties = isRecord(transcription.properties) ? transcription.properties : {};
          throw failedJob(isRecord(properties.error) ? properties.error : undefined);
        }
        case "Succeeded": {
          const result = await readResults(job.id, transcription, settings, signal);
          await removeStagedCopy(job.stagedKey, "ended");
          return result;
        }
        default:
          throw badResponse(`the job's status "${transcription.status.slice(0, 40)}" is not one the API documents.`, { truncated: false });
      }
    },

    async discard(ref, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      const job = parseRef(ref);
      // A ref this adapter never made names nothing it could have kept.
      if (job === undefined) return { status: "discarded" };
      await deferred.sweepWhenDue(signal);
      // An ended or unknown job answers 204 (or 404): nothing left. One NotStarted or Running is
      // refused (DeleteNotAllowed: the service cannot stop it); the staged copy goes whatever the
      // answer, so the patient's recording does not stay behind, and the job is marked to be
      // deleted once it ends.
      let deletion: "done" | "refused" = "done";
      let failure: unknown;
      try {
        await client.send({ method: "DELETE", path: `/transcriptions/${job.id}`, authenticated: true, accept: [404], what: `the deletion of job ${job.id}`, signal });
      } catch (error) {
        if (isDeleteNotAllowed(error)) deletion = "refused";
        else failure = error;
      }
      if (job.stagedKey !== undefined) {
        if (staging === undefined) {
          throw new ConfideError("provider.unavailable", "The job's recording was staged, but no staging container is configured any more: its copy remains.", {
            retryable: false,
            details: { provider },
          });
        }
        await staging.remove(job.stagedKey, signal === undefined ? {} : { signal });
      }
      if (failure !== undefined) throw failure;
      if (deletion === "done") return { status: "discarded" };
      await deferred.mark(job.id, signal);
      resolved.logger.warn("speech.job.deletion_deferred", { provider, reason: "DeleteNotAllowed" });
      return { status: "deferred", reason: "job_running" };
    },

    async check(options = {}) {
      await client.send({ method: "GET", path: "/transcriptions", query: { top: "1" }, authenticated: true, what: "the readiness check", signal: options.signal });
      await deferred.sweepWhenDue(options.signal);
      await staging?.check(options);
    },

    async close() {},
  };
}
