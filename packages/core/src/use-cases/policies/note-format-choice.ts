import type { ConfideDeps } from "../../deps.ts";
import { defaultNoteFormat, type NoteFormat } from "../../domain/note-formats.ts";

/**
 * The note format a new session is written in: the one chosen for it (already
 * checked with `checkNoteFormat`), else its therapist's default (`User.defaultNoteFormat`),
 * else `confide`.
 */
export async function noteFormatForNewSession(
  deps: Pick<ConfideDeps, "users">,
  therapistId: string,
  chosen: NoteFormat | undefined,
): Promise<NoteFormat> {
  if (chosen !== undefined) return chosen;
  const therapist = await deps.users.get(therapistId);
  return therapist?.defaultNoteFormat ?? defaultNoteFormat;
}
