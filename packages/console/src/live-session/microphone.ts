/** A microphone the browser refused or does not have, said in words a therapist can act on. */
export class MicrophoneError extends Error {
  override name = "MicrophoneError";
}

/**
 * Asks for the microphone (`channels`: 2 for a stereo microphone, one speaker per side). Throws `MicrophoneError` with a sentence when it is refused, missing,
 * busy, or when this browser cannot process audio (no AudioWorklet).
 */
export async function openMicrophone(channels: 1 | 2): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicrophoneError("This browser cannot use a microphone here (it needs a secure connection: HTTPS or localhost).");
  }
  if (typeof AudioContext === "undefined" || typeof AudioWorkletNode === "undefined") {
    throw new MicrophoneError("This browser cannot process microphone audio (AudioWorklet). Use a current Chrome, Edge or Firefox.");
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { channelCount: channels, echoCancellation: false, noiseSuppression: false, autoGainControl: channels === 1 } });
  } catch (error) {
    throw microphoneRefusal(error) ?? new MicrophoneError(`The microphone could not be opened (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** The microphone refused to getUserMedia (not allowed), missing, or busy, in words; null for any other failure. */
export function microphoneRefusal(error: unknown): MicrophoneError | null {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return new MicrophoneError("The microphone was refused. Allow this site to use the microphone in the browser's site settings, then start again.");
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return new MicrophoneError("No microphone was found. Connect one, then start again.");
  if (name === "NotReadableError" || name === "AbortError") return microphoneBusy();
  return null;
}

/** The microphone in use by another program, or not opened for a reason the browser does not say. */
export function microphoneBusy(): MicrophoneError {
  return new MicrophoneError("The microphone is in use by another program or could not be opened. Close the other program, then start again.");
}
