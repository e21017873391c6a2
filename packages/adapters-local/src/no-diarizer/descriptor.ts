import { ConfideError, type AdapterDescriptor, type Diarizer } from "@confide/core";
import { z } from "zod";

const noDiarizerSettings = z.object({}).describe("no diarizer: speakers come from the speech engine or the channels");

/**
 * No diarizer (`CONFIDE_DIARIZER=none`): for speech services that separate speakers themselves
 * (Azure, AWS). A mono transcript that still arrives with one speaker keeps it, and its
 * transcript says so in a warning (`provider.unsupported`, not retried). Ready at once.
 */
export const noDiarizerDescriptor = {
  port: "diarizer",
  name: "none",
  settings: noDiarizerSettings,
  async create() {
    return {
      provider: "none",
      async diarize() {
        throw new ConfideError(
          "provider.unsupported",
          "No diarizer is configured (CONFIDE_DIARIZER=none): one speaker stands for everyone.",
          { retryable: false },
        );
      },
      follow() {
        throw new ConfideError("provider.unsupported", "No diarizer is configured (CONFIDE_DIARIZER=none): live mono speakers are not told apart.", {
          retryable: false,
        });
      },
      async embedVoice() {
        throw new ConfideError("provider.unsupported", "No diarizer is configured (CONFIDE_DIARIZER=none): voices cannot be enrolled.", {
          retryable: false,
        });
      },
      async check() {},
      async close() {},
    } satisfies Diarizer;
  },
} satisfies AdapterDescriptor<Diarizer, z.output<typeof noDiarizerSettings>>;
