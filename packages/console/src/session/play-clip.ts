import { announce } from "../components/announcer.tsx";

/** The clip each player is playing: its listener, removed when another clip starts or it ends. */
const playingClips = new WeakMap<HTMLAudioElement, () => void>();

/**
 * Plays `startMs`–`endMs` of the recording in its player (which streams it with Range requests),
 * then pauses. Another clip, a seek elsewhere or the end of the recording ends it early.
 */
export function playClip(element: HTMLAudioElement | null, startMs: number, endMs: number): void {
  if (!element) return;
  const previous = playingClips.get(element);
  if (previous) element.removeEventListener("timeupdate", previous);
  const stop = () => {
    const seconds = element.currentTime;
    const outside = seconds < startMs / 1000 - 0.5;
    if (seconds < endMs / 1000 && !outside) return;
    if (!outside) element.pause();
    element.removeEventListener("timeupdate", stop);
    playingClips.delete(element);
  };
  playingClips.set(element, stop);
  element.addEventListener("timeupdate", stop);
  element.currentTime = startMs / 1000;
  void element.play().catch(() => announce("Press play on the recording to listen."));
}
