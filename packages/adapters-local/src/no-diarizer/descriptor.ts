import { noDiarizer } from "@confide/core/adapter-kit";
import type { AdapterDescriptor, Diarizer } from "@confide/core/ports";
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
    // Core's diarizer for deps without one: every call is provider.unsupported, ready at once.
    return noDiarizer;
  },
} satisfies AdapterDescriptor<Diarizer, z.output<typeof noDiarizerSettings>>;
