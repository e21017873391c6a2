import type { ClaimReader } from "../ports/claim-reader.ts";
import type { SpeakerRole } from "./transcript.ts";

/**
 * Whether a session mood's claim is carried by the words it cites (every writer's, in
 * `verifyNotes`): each feeling the claim names — a word the reader knows as an emotion's ("despair"
 * → sadness, `kinds`) — must be shown by a cited word of the same side (unpleasant or pleasant),
 * said by the patient (or a speaker of unknown role) and not negated. "Patient is in despair"
 * citing "better" is not carried; "Presented as low (“lonely”)" citing "lonely" is. This is the
 * rule's data.
 */
export const unpleasantKinds: ReadonlySet<string> = new Set(["anxiety", "sadness", "loneliness", "anger", "fear", "guilt"]);
export const pleasantKinds: ReadonlySet<string> = new Set(["hope", "joy"]);

const sideOf = (kind: string) => (unpleasantKinds.has(kind) ? "unpleasant" : pleasantKinds.has(kind) ? "pleasant" : null);

/**
 * True when every side of feeling the mood's text names (by the reader's `kinds`) is shown by a
 * cited word of that side; a text naming no feeling the reader knows claims none to check. Never
 * throws.
 */
export function moodCarried(text: string, cited: readonly { text: string; role: SpeakerRole }[], reader: ClaimReader): boolean {
  const sides = (words: ReturnType<ClaimReader["read"]>) => new Set(words.flatMap((word) => word.kinds ?? []).map(sideOf).filter((side) => side !== null));
  const claimed = sides(reader.read(text).filter((word) => !word.negated));
  const shown = sides(
    cited
      .filter((segment) => segment.role !== "therapist")
      .flatMap((segment) => reader.read(segment.text))
      .filter((word) => !word.negated),
  );
  return [...claimed].every((side) => shown.has(side));
}
