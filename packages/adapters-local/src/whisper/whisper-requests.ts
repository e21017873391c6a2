import { withDeadline } from "@confide/core/adapter-kit";
import type { TranscriptionSettings } from "@confide/core/ports";
import type { z } from "zod";
import type { whisperSettings } from "./settings.ts";
import { errorFromFailedRequest, errorFromResponse } from "./whisper-errors.ts";
import { streamingMultipartBody } from "./whisper-multipart-body.ts";
import { parseVerboseJson, type WhisperVerboseJson } from "./whisper-verbose-json.ts";

/** One file to send: servers pick the decoder from the file name's extension. */
export interface Upload {
  open: (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;
  filename: string;
  contentType: string;
  sizeBytes: number | null;
}

/** "en" of "en-US". */
export const primarySubtag = (locale: string) => locale.split(/[-_]/)[0]!.toLowerCase();

/**
 * What the requests need of a Whisper adapter's parsed settings: the batch adapter's own, or the
 * live engine's with its utterance timeout and `verbose_json`.
 */
export type WhisperServerSettings = Pick<
  z.output<typeof whisperSettings>,
  "baseUrl" | "model" | "apiKey" | "responseFormat" | "timeoutMs" | "checkTimeoutMs" | "fetch"
>;

/** The transcription endpoint and the model list under the server root `baseUrl` (a trailing `/v1` ignored). */
function whisperEndpoints(baseUrl: string): { transcriptionsUrl: string; modelsUrl: string } {
  const root = new URL(baseUrl).href.replace(/\/+$/, "").replace(/\/v1$/, "");
  return { transcriptionsUrl: `${root}/v1/audio/transcriptions`, modelsUrl: `${root}/v1/models` };
}

/**
 * The requests both Whisper adapters (batch and live) send to a Whisper-compatible server: the
 * bearer header, one transcription request under a deadline, the multipart body, verbose_json.
 */
export function createWhisperRequests(resolved: WhisperServerSettings) {
  const { transcriptionsUrl, modelsUrl } = whisperEndpoints(resolved.baseUrl);
  const fetch = resolved.fetch ?? globalThis.fetch;

  function authorization(): Record<string, string> {
    return resolved.apiKey === undefined || resolved.apiKey === "" ? {} : { authorization: `Bearer ${resolved.apiKey}` };
  }

  /**
   * Runs one request under `timeoutMs` and the caller's signal (core's `withDeadline`): a caller's
   * abort is rethrown as is, the timeout becomes `provider.timeout`.
   */
  function withRequestDeadline<T>(
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
    what: string,
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return withDeadline(timeoutMs, callerSignal, call, (error, afterMs) =>
      errorFromFailedRequest(error, what, afterMs === undefined ? null : { afterMs }),
    );
  }

  /**
   * Sends `upload` to `POST /v1/audio/transcriptions` and parses the verbose_json answer.
   * @throws ConfideError as `errorFromResponse`/`errorFromFailedRequest` classify the failure.
   */
  async function transcribeUpload(
    upload: Upload,
    settings: Pick<TranscriptionSettings, "language" | "candidateLanguages" | "wordTimestamps">,
    callerSignal: AbortSignal | undefined,
    timeoutMs: number = resolved.timeoutMs,
  ): Promise<WhisperVerboseJson> {
    const what = `the transcription of ${upload.filename}`;
    return withRequestDeadline(timeoutMs, callerSignal, what, async (signal) => {
      const fields: Array<[string, string]> = [
        ["model", resolved.model],
        ["response_format", resolved.responseFormat],
      ];
      if (resolved.responseFormat === "diarized_json") fields.push(["chunking_strategy", "auto"]);
      else {
        fields.push(["timestamp_granularities[]", "segment"]);
        if (settings.wordTimestamps) fields.push(["timestamp_granularities[]", "word"]);
      }
      // With several candidate languages the server identifies the language itself.
      const candidates = settings.candidateLanguages ?? [];
      const language = candidates.length > 1 ? undefined : (candidates[0] ?? settings.language);
      if (language !== undefined) fields.push(["language", primarySubtag(language)]);

      const multipart = streamingMultipartBody(fields, {
        field: "file",
        filename: upload.filename,
        contentType: upload.contentType,
        stream: await upload.open(signal),
        sizeBytes: upload.sizeBytes,
      });
      const response = await fetch(transcriptionsUrl, {
        method: "POST",
        headers: {
          ...authorization(),
          accept: "application/json",
          "content-type": multipart.contentType,
          ...(multipart.contentLength === null ? {} : { "content-length": String(multipart.contentLength) }),
        },
        body: multipart.body,
        duplex: "half",
        signal,
      } as RequestInit);
      if (!response.ok) throw await errorFromResponse(response, what);
      return parseVerboseJson(await response.text());
    });
  }

  /**
   * Asks the server for its model list under `checkTimeoutMs`.
   * @throws ConfideError when the server does not answer or refuses.
   */
  async function check(callerSignal: AbortSignal | undefined): Promise<void> {
    const what = "the readiness check";
    await withRequestDeadline(resolved.checkTimeoutMs, callerSignal, what, async (signal) => {
      const response = await fetch(modelsUrl, {
        method: "GET",
        headers: { ...authorization(), accept: "application/json" },
        signal,
      });
      // Servers without a model list (whisper.cpp) answer 404/405: they are up all the same.
      if (response.ok || response.status === 404 || response.status === 405) {
        await response.body?.cancel();
        return;
      }
      throw await errorFromResponse(response, what);
    });
  }

  return { transcribeUpload, check };
}
