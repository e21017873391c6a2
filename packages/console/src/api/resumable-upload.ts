import { ConfideApiError, dataOf, type Session } from "@confide/client";
import { Upload, type HttpResponse, type PreviousUpload } from "tus-js-client";
import type { UploadForm } from "./api-types.ts";
import { consoleClient } from "./console-client.ts";

/** The transcription settings each channel layout of the form stands for. */
const channelSettings = {
  mono: { channelLayout: "mono" },
  "therapist-left": { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
  "therapist-right": { channelLayout: "per-channel", channelRoles: ["patient", "therapist"] },
} as const;

/** Waits between tries after a dropped connection: about a minute in all before giving up. */
const retryDelays = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 20_000];

/** 8 MiB per PATCH: a dropped connection loses at most one chunk's progress. */
const chunkSize = 8 * 1024 * 1024;

/** The server's problem behind a tus failure, as the rest of the console reads it (plain words, same codes). */
async function problemOf(response: HttpResponse): Promise<ConfideApiError> {
  const retryAfter = response.getHeader("Retry-After");
  return ConfideApiError.fromResponse(
    new Response(response.getBody() ?? "", {
      status: response.getStatus(),
      headers: retryAfter ? { "retry-after": retryAfter } : {},
    }),
  );
}

export interface ResumableUploadOptions {
  onProgress: (sentBytes: number, totalBytes: number) => void;
  /** Called when an earlier upload of the same file (same name, size, date) is picked up where it stopped. */
  onResume?: () => void;
  /**
   * False sends the file from the start even when an earlier upload of it stopped part-way (its
   * settings were changed since: a resumed upload keeps the settings it started with).
   */
  resume?: boolean;
  /**
   * Aborting pauses the upload (the page went away: it can be resumed later); aborting with the
   * reason `cancelUpload` also removes the server's copy.
   */
  signal?: AbortSignal;
}

/** The abort reason of a person's Cancel: the upload is terminated, not just paused. */
export const cancelUpload = "cancel-upload";

/**
 * Uploads a recording over tus (`/v1/uploads`): in chunks, retried after a dropped connection,
 * and resumed after a reload when the same file is chosen again (tus-js-client keeps the
 * upload's URL in localStorage under the file's fingerprint; nothing about the patient is kept
 * there). A refusal throws ConfideApiError with the server's code (`consent.missing` at creation,
 * before any byte is sent). Resolves with the stored session.
 */
export function uploadResumably(form: UploadForm, options: ResumableUploadOptions): Promise<Session> {
  const settings = channelSettings[form.channelLayout];
  return new Promise<string>((resolve, reject) => {
    let sessionId: string | null = null;
    const upload = new Upload(form.audio, {
      endpoint: "/v1/uploads",
      chunkSize,
      retryDelays,
      removeFingerprintOnSuccess: true,
      metadata: {
        patientId: form.patientId,
        ...(form.title.trim() === "" ? {} : { title: form.title.trim() }),
        titleShared: form.titleShared ? "true" : "false",
        settings: JSON.stringify(settings),
        ...(form.noteFormat ? { noteFormat: form.noteFormat } : {}),
        filename: form.audio.name,
      },
      // A fresh access token on every request: an upload can outlast one.
      async onBeforeRequest(request) {
        const token = await consoleClient.accessToken();
        if (token) request.setHeader("Authorization", `Bearer ${token}`);
      },
      onAfterResponse(_request, response) {
        sessionId = response.getHeader("Confide-Session-Id") ?? sessionId;
      },
      onProgress: (sentBytes, totalBytes) => options.onProgress(sentBytes, totalBytes),
      onSuccess() {
        if (sessionId) resolve(sessionId);
        else reject(new ConfideApiError({ status: 0, code: "network.unreadable_problem", message: "the server did not name the stored session" }));
      },
      onError(error) {
        const response = (error as Error & { originalResponse?: HttpResponse | null }).originalResponse;
        if (response && response.getStatus() >= 400) void problemOf(response).then(reject, reject);
        else reject(new Error("The connection to the server was lost. Choose the same file again to continue where it stopped."));
      },
    });
    options.signal?.addEventListener("abort", () => {
      // Cancelled by the person: the server's copy is removed too (tus termination).
      const terminate = options.signal?.reason === cancelUpload;
      void upload.abort(terminate).finally(() => reject(new DOMException("The upload was cancelled.", "AbortError")));
    });
    void (options.resume === false ? Promise.resolve([]) : upload.findPreviousUploads())
      .then((previous: PreviousUpload[]) => {
        const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
        if (last) {
          upload.resumeFromPreviousUpload(last);
          options.onResume?.();
        }
        upload.start();
      })
      .catch(reject);
  }).then(storedSession);
}

/**
 * The session the upload became. The recording is stored by now: a connection lost at this
 * moment is tried again a few times rather than reported as a failed upload.
 */
async function storedSession(id: string): Promise<Session> {
  const retryDelaysMs = [1_000, 3_000, 5_000];
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await dataOf(consoleClient.api.GET("/v1/sessions/{id}", { params: { path: { id } } }))) as Session;
    } catch (error) {
      // A refusal (the session was deleted meanwhile, signed out) is the answer; a lost connection is tried again.
      const delayMs = retryDelaysMs[attempt];
      if (ConfideApiError.is(error) || delayMs === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
