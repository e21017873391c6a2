/**
 * A failed session's problem in plain words: what happened, what can be done (try again when the
 * server says a retry can help), and the server's code and sentence kept for "Details" (they may
 * name a program, a provider or a decoder's output).
 */
export interface ProcessingError {
  code: string;
  message: string;
  retryable: boolean;
}

export interface DescribedFailure {
  title: string;
  message: string;
  /** The server accepts a retry (POST /retry): a button "Try again". */
  retryable: boolean;
  detail: string;
}

const decodeFailure = /decod|not audio|no 'fmt '|invalid data|could not be read/i;

export function describeFailure(error: ProcessingError): DescribedFailure {
  const detail = `${error.code}: ${error.message}`;
  if (error.code === "upload.not_audio" || (error.code === "provider.rejected" && decodeFailure.test(error.message))) {
    return {
      title: "This file could not be read as audio",
      message: error.retryable
        ? "Try again; if it fails again, delete this session and upload the recording in another format (WAV, MP3, OGG, FLAC, M4A)."
        : "Trying again will not change that. Delete this session and upload the recording in another format (WAV, MP3, OGG, FLAC, M4A).",
      retryable: error.retryable,
      detail,
    };
  }
  if (error.code === "speech.no_speech") {
    return { title: "No speech was found in this recording", message: "Check that it is the right file and that it has sound.", retryable: error.retryable, detail };
  }
  if (["provider.unavailable", "provider.timeout", "provider.throttled", "provider.interrupted", "speech.timeout", "speech.engine_unavailable", "dependency.unavailable"].includes(error.code)) {
    return {
      title: "The transcription could not be finished",
      message: error.retryable ? "The service doing it was busy or could not be reached. Try again." : "The service doing it could not finish it. Ask your administrator.",
      retryable: error.retryable,
      detail,
    };
  }
  return {
    title: "This session could not be processed",
    message: error.retryable ? "Try again. If it keeps failing, ask your administrator." : "Ask your administrator; the details below help them.",
    retryable: error.retryable,
    detail,
  };
}
