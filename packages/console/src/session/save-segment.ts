import { ConfideApiError } from "@confide/client";
import { announce } from "../components/announcer.tsx";
import { resolveConflict } from "./segment-conflict.ts";
import type { SaveResult } from "./segment-editor.tsx";
import type { Session, SessionApi } from "./session-api.ts";
import { conflictMessage } from "./use-session.ts";

/** Tries a segment save again at most this often when other saves keep landing first on other segments. */
const maxResubmits = 3;

export interface SaveSegmentDeps {
  api: Pick<SessionApi, "editSegment">;
  sessionId: string;
  latest: { current: Session | null };
  setSession: (session: Session) => void;
  reload: () => Promise<Session | null>;
  /** Called with the session as saved, before the save is announced. */
  onSaved?: (before: Session | null, after: Session, segmentId: string) => void;
}

/**
 * Saves one segment's correction over the version read. Another save landing first on another
 * segment is resubmitted over it; the same words saved already count as saved; different words
 * saved on this segment come back as a conflict for the therapist to settle.
 */
export async function saveSegment(deps: SaveSegmentDeps, segmentId: string, mine: string, base: string): Promise<SaveResult> {
  let version = deps.latest.current?.version ?? 0;
  for (let attempt = 0; attempt <= maxResubmits; attempt += 1) {
    try {
      const before = deps.latest.current;
      const saved = await deps.api.editSegment(deps.sessionId, version, segmentId, mine);
      deps.setSession(saved);
      deps.onSaved?.(before, saved, segmentId);
      return { kind: "saved" };
    } catch (error) {
      if (!ConfideApiError.is(error, "session.version_conflict")) throw error;
    }
    const current = await deps.reload();
    if (!current) throw new Error(conflictMessage);
    const outcome = resolveConflict({ segmentId, base, mine }, current);
    switch (outcome.kind) {
      case "already-saved":
        announce("Segment saved (someone else had saved the same words).");
        return { kind: "saved" };
      case "conflict":
        announce("Someone else saved this segment while you were editing. Compare the two versions.");
        return { kind: "conflict", theirs: outcome.theirs };
      case "gone":
        throw new Error("This segment is no longer in the transcript.");
      case "resubmit":
        version = outcome.version;
    }
  }
  throw new Error(conflictMessage);
}
