import { useEffect, useRef, useState } from "preact/hooks";
import type { SessionApi } from "./session-api.ts";

export interface AudioPlayerProps {
  sessionId: string;
  api: Pick<SessionApi, "audioLink">;
  /** The media element once it exists (for seeking from the transcript), null when it goes. */
  onElement: (element: HTMLAudioElement | null) => void;
  /** Every position change (playing, seeking), in milliseconds. */
  onTime: (timeMs: number) => void;
  /** Playback started or stopped. */
  onPlayingChange: (playing: boolean) => void;
}

/**
 * The recording, streamed with Range requests from a short-lived signed link (an <audio>
 * element cannot send a bearer token; fetching the whole recording into a blob would hold a
 * one-hour session in memory). When the link has expired the element fails: a new link is
 * asked for and playback resumes where it was.
 */
export function AudioPlayer({ sessionId, api, onElement, onTime, onPlayingChange }: AudioPlayerProps) {
  const element = useRef<HTMLAudioElement>(null);
  const [source, setSource] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resume = useRef<{ timeSeconds: number; playing: boolean } | null>(null);
  const renewals = useRef(0);

  const renew = async () => {
    try {
      const link = await api.audioLink(sessionId);
      setSource(link.url);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The recording could not be opened.");
    }
  };

  useEffect(() => {
    void renew();
  }, [sessionId]);

  useEffect(() => {
    onElement(element.current);
    return () => onElement(null);
  }, [source]);

  return (
    <div class="audio-player">
      <audio
        ref={element}
        controls
        preload="metadata"
        aria-label="Recording of the session"
        {...(source === null ? {} : { src: source })}
        onTimeUpdate={(event) => onTime(event.currentTarget.currentTime * 1000)}
        onSeeked={(event) => onTime(event.currentTarget.currentTime * 1000)}
        onLoadedMetadata={(event) => {
          const pending = resume.current;
          if (pending) {
            resume.current = null;
            event.currentTarget.currentTime = pending.timeSeconds;
            if (pending.playing) void event.currentTarget.play().catch(() => undefined);
          }
        }}
        onPlaying={() => {
          renewals.current = 0;
          onPlayingChange(true);
        }}
        onPause={() => onPlayingChange(false)}
        onEnded={() => onPlayingChange(false)}
        onError={(event) => {
          // Most likely the link expired (401): one new link per failure in a row, then give up.
          if (renewals.current >= 1) {
            setProblem("The recording could not be played. Reload the page to try again.");
            return;
          }
          renewals.current += 1;
          resume.current = { timeSeconds: event.currentTarget.currentTime, playing: !event.currentTarget.paused };
          void renew();
        }}
      />
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
