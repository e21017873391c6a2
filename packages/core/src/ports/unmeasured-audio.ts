import type { AudioProbe } from "./audio-probe.ts";

/**
 * The probe of a host that has none (tests, embedding hosts that do not set one): it measures
 * nothing, so only a header's length is known. The HTTP host sets ffmpeg's.
 */
export const unmeasuredAudio: AudioProbe = {
  async durationMs(audio) {
    await audio.cancel();
    return null;
  },
};
