import { ConfideError, type AdapterDescriptor, type LiveSpeechToText } from "@confide/core/ports";
import { z } from "zod";

const noLiveSettings = z.object({}).describe("no live sessions");

/**
 * No live engine (`CONFIDE_LIVE=none`): the deployment serves no live sessions; a start on
 * `/v1/live` is refused `live.unavailable`. Ready at once: nothing to reach.
 */
export const noLiveDescriptor = {
  port: "live",
  name: "none",
  settings: noLiveSettings,
  async create() {
    return {
      provider: "none",
      capabilities: { partials: false, liveDiarization: false, perChannel: false },
      streamCost: { coresPerStream: 0, finalDelayTargetMs: 1_000 },
      async open() {
        throw new ConfideError("live.unavailable", "This deployment has no live speech engine (CONFIDE_LIVE=none).");
      },
      async check() {},
      async close() {},
    } satisfies LiveSpeechToText;
  },
} satisfies AdapterDescriptor<LiveSpeechToText, z.output<typeof noLiveSettings>>;
