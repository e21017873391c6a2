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
   * This process's admission of live streams (issue 31): one per process, shared by its
   * connections. Absent: every session is admitted live (a host that does not limit them).
   */
  liveCapacity?: LiveCapacity;
}
