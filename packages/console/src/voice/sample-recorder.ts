import { useEffect, useRef, useState } from "preact/hooks";
import { MicrophoneError, microphoneBusy, microphoneRefusal } from "../live-session/microphone.ts";

/** A read-aloud of 20–30 s is asked for; the recorder stops by itself here (the server refuses over 60 s). */
export const recordingLimitSeconds = 40;

export type RecorderState =
  | { phase: "idle" }
  | { phase: "starting" }
  | { phase: "recording"; seconds: number }
  | { phase: "recorded"; seconds: number; sample: Blob };

/** The microphone, asked for in words a therapist can act on (the same sentences as a live session). */
async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
    throw new MicrophoneError("This browser cannot record here (it needs a secure connection: HTTPS or localhost). Choose a recording file instead.");
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  } catch (error) {
    throw microphoneRefusal(error) ?? microphoneBusy();
  }
}

/**
 * Records a voice sample with MediaRecorder (the browser's own format: WebM/Opus in Chrome and
 * Firefox, MP4 in Safari — both read by the server): start, stop (or by itself at
 * `recordingLimitSeconds`), a second counter meanwhile. The microphone is released as soon as the
 * recording stops, and when the screen goes away.
 */
export function useSampleRecorder(onProblem: (problem: unknown) => void) {
  const [state, setState] = useState<RecorderState>({ phase: "idle" });
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const release = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  useEffect(
    () => () => {
      if (recorder.current?.state === "recording") recorder.current.stop();
      release();
    },
    [],
  );

  const stop = () => {
    if (recorder.current?.state === "recording") recorder.current.stop();
  };

  const start = async () => {
    setState({ phase: "starting" });
    try {
      stream.current = await openMicrophone();
    } catch (problem) {
      setState({ phase: "idle" });
      onProblem(problem);
      return;
    }
    const chunks: Blob[] = [];
    const media = new MediaRecorder(stream.current);
    recorder.current = media;
    const startedAt = Date.now();
    const elapsed = () => Math.round((Date.now() - startedAt) / 1000);
    media.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    media.onstop = () => {
      release();
      const sample = new Blob(chunks, { type: media.mimeType || "audio/webm" });
      setState({ phase: "recorded", seconds: elapsed(), sample });
    };
    media.start(1000);
    setState({ phase: "recording", seconds: 0 });
    timer.current = setInterval(() => {
      const seconds = elapsed();
      if (seconds >= recordingLimitSeconds) stop();
      else setState({ phase: "recording", seconds });
    }, 250);
  };

  return { state, start, stop, discard: () => setState({ phase: "idle" }) };
}
