import type { ConfideDeps } from "../../deps.ts";
import type { AgendaMatcher } from "../../ports/agenda-matcher.ts";
import type { LiveAudioDecoder } from "../../ports/live-audio-decoder.ts";
import type { LiveSpeechToText } from "../../ports/live-speech-to-text.ts";
import type { LiveCapacity } from "./live-capacity.ts";

/**
 * What the live use cases need beyond the pipeline's deps: the live engine, the agenda matcher
 * and, for WebM/Opus from browsers, a decoder to PCM. Kept apart from ConfideDeps so hosts
 * without live sessions (a worker, an embedding script) build nothing for them.
 */
export interface LiveDeps extends ConfideDeps {
  liveSpeech: LiveSpeechToText;
  agenda: AgendaMatcher;
  /** Null when this deployment cannot decode WebM: a `webm` start is refused `provider.unsupported`. */
  webmDecoder: LiveAudioDecoder | null;
  /**
   * This process's admission of live streams: one per process, shared by its
   * connections. Absent: every session is admitted live (a host that does not limit them).
   */
  liveCapacity?: LiveCapacity;
  /**
   * Whether a live run suggests the therapist's next questions (`LiveSuggestions`). False: it
   * suggests nothing and screens no final while it is spoken. Absent: it does (a host that does
   * not choose).
   */
  suggestions?: boolean;
  /**
   * Whether a live run with suggestions also suggests reflections of the patient's words, asked
   * of the note writer (`NoteWriter.reflect`) where the patient's consent covers AI notes
   * (`LiveReflections`). Absent or false: none (off unless a host turns them on).
   */
  reflections?: boolean;
}
