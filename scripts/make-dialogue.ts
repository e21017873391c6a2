/**
 * Writes a synthetic therapy dialogue of about 40 s to try Confide with (espeak-ng speaks the
 * turns, sox assembles them; both come with scripts/install-system-deps.sh):
 *
 *   npm run make-dialogue -- [folder, default /tmp/confide-audio]
 *
 * `dialogue-stereo.wav` has the therapist on the left channel and the patient on the right;
 * `dialogue-mono.wav` mixes both.
 */
import { makeDialogueWav } from "@confide/contracts/support";

const audio = await makeDialogueWav({ directory: process.argv[2] ?? "/tmp/confide-audio" });
process.stdout.write(
  `${audio.stereoPath}  ${Math.round(audio.durationMs / 1000)} s, therapist left, patient right\n${audio.monoPath}  both speakers mixed\n`,
);
