import { ConfideError } from "../../errors.ts";
import type { Diarizer, LiveDiarization } from "../../ports/diarizer.ts";
import type { LiveRecognition, LiveSpeechEvent, LiveSpeechSettings, LiveSpeechToText } from "../../ports/live-speech-to-text.ts";

/**
 * A live engine whose mono finals get speakers from `diarizer` as they are spoken, when the
 * engine cannot tell them apart itself (`liveDiarization: false`): every PCM chunk written is
 * also pushed to the diarizer's follower, and each `final` without a speaker is given the one
 * the follower names for its span — decided then and never changed, so nothing already sent is
 * relabelled. Partials keep `speaker: null` (the utterance is not over). Per-channel sessions,
 * stereo streams and engines that diarize themselves pass through unchanged, and so does
 * everything when the diarizer cannot follow live audio (`provider.unsupported`).
 */
export function diarizedLiveSpeechToText(live: LiveSpeechToText, diarizer: Diarizer): LiveSpeechToText {
  const follows = (settings: LiveSpeechSettings) =>
    !live.capabilities.liveDiarization && settings.channelLayout === "mono" && settings.format.channels === 1;
  let canFollow = true;
  try {
    diarizer.follow({ maxSpeakers: 2 });
  } catch (error) {
    if (!ConfideError.is(error, "provider.unsupported")) throw error;
    canFollow = false;
  }
  return {
    provider: live.provider,
    // Following speakers costs the diarizer's frame statistics, not a decode: the engine's cost stands.
    streamCost: live.streamCost,
    capabilities: { ...live.capabilities, liveDiarization: live.capabilities.liveDiarization || canFollow },
    async open(settings, options) {
      const recognition = await live.open(settings, options);
      if (!canFollow || !follows(settings)) return recognition;
      const follower: LiveDiarization = diarizer.follow({ maxSpeakers: Math.max(1, settings.maxSpeakers) });
      async function* withSpeakers(): AsyncIterable<LiveSpeechEvent> {
        for await (const event of recognition.events) {
          if (event.type !== "final" || event.speaker !== null) {
            yield event;
            continue;
          }
          const found = follower.speakerOf(event.startMs, event.endMs);
          yield found ? { ...event, speaker: found.speaker } : event;
        }
      }
      const diarized: LiveRecognition = {
        async write(chunk) {
          follower.push(chunk);
          await recognition.write(chunk);
        },
        end: () => recognition.end(),
        abort: () => recognition.abort(),
        events: withSpeakers(),
        ...(recognition.awaitedFinalEndMs ? { awaitedFinalEndMs: () => recognition.awaitedFinalEndMs?.() ?? null } : {}),
      };
      return diarized;
    },
    check: (options) => live.check(options),
    close: () => live.close(),
  };
}
