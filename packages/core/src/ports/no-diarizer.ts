import { ConfideError } from "../errors.ts";
import type { Diarizer } from "./diarizer.ts";

const unsupported = (what: string) =>
  new ConfideError("provider.unsupported", `No diarizer is configured: ${what}.`, { retryable: false });

/**
 * The diarizer of deps built without one: every call is `provider.unsupported` (speakers are
 * not separated, voices cannot be enrolled); ready at once.
 */
export const noDiarizer: Diarizer = {
  provider: "none",
  async diarize() {
    throw unsupported("speakers are not separated");
  },
  follow() {
    throw unsupported("live speakers are not told apart");
  },
  async embedVoice() {
    throw unsupported("voices cannot be enrolled");
  },
  async check() {},
  async close() {},
};
