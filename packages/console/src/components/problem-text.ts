import { ConfideApiError } from "@confide/client";
import { describeProvider } from "../consent/consent-form.ts";

/** Sentences for problems a person can act on; anything else shows the server's own detail. */
export function describeError(error: unknown): string {
  if (!ConfideApiError.is(error)) {
    if (error instanceof Error && error.name === "AbortError") return "The upload was cancelled.";
    // The client's TypeError for a connection lost or refused says so in words.
    return error instanceof Error ? error.message : "Something went wrong.";
  }
  switch (error.code) {
    case "upload.too_large": {
      const maxBytes = typeof error.details.maxBytes === "number" ? error.details.maxBytes : undefined;
      return maxBytes === undefined
        ? "This recording is too large for the server."
        : `This recording is too large: the limit is ${formatBytes(maxBytes)}. Split it or compress it (MP3, OGG), then upload again.`;
    }
    case "upload.not_audio":
      return "This file is not a recording Confide can read. Upload WAV, MP3, OGG, FLAC, M4A or WebM audio.";
    case "consent.missing": {
      const scopes = Array.isArray(error.details.missingScopes) ? error.details.missingScopes : [];
      const providers = Array.isArray(error.details.missingCloudProviders) ? (error.details.missingCloudProviders as string[]) : [];
      // Only the deployment's cloud providers are missing: name them, so the right boxes get ticked.
      const what =
        providers.length > 0 && !scopes.some((scope) => scope === "recording" || scope === "transcription")
          ? `cloud processing by services this deployment uses (${providers.map(describeProvider).join(", ")})`
          : "recording";
      return `This patient has not given consent to ${what}. Record their consent before uploading a session.`;
    }
    case "upload.expired":
    case "upload.not_found":
      return "This upload waited too long and was removed. Upload the recording again.";
    case "upload.locked":
    case "upload.offset_mismatch":
      return "This recording is being sent from another tab or window. Wait for it to finish, then check the sessions list.";
    case "upload.quota_exceeded":
      return `You have reached your upload limit for now. ${error.message}`;
    case "voice.consent_required":
      return "Tick the box to agree to Confide keeping a signature of your voice, then send the sample again.";
    case "voice.too_long":
      return "This sample is too long: record or choose 20 to 30 seconds of you reading aloud.";
    case "voice.too_short":
      return "Too little speech was heard in this sample: read the whole text aloud (20 to 30 seconds), then send it again.";
    case "voice.no_speech":
      return "No voice was heard in this sample (only silence, noise or music). Read the text aloud close to the microphone, then send it again.";
    case "voice.unreadable":
      return "This sample could not be played back. Record it again, or choose another audio file.";
    case "voice.unavailable":
      return "This Confide installation cannot recognize voices, so there is nothing to enrol.";
    case "auth.invalid_credentials":
      return "The email or password is not right.";
    case "auth.throttled":
      return `Too many sign-in attempts. ${waitSentence(error.retryAfterSeconds)}`;
    case "network.unreadable_problem":
      return `The server could not be reached or gave an unexpected answer (${error.message}). Try again.`;
    default:
      return error.message;
  }
}

/** "Try again in 11 minutes." from a Retry-After in seconds (rounded up); "Try again later." without one. */
export function waitSentence(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || !(retryAfterSeconds > 0)) return "Try again later.";
  if (retryAfterSeconds < 60) {
    const seconds = Math.ceil(retryAfterSeconds);
    return `Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
