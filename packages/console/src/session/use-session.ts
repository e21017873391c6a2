import { ConfideApiError } from "@confide/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { consoleClient } from "../api/console-client.ts";
import { isTherapistView, type Session, type SessionApi } from "./session-api.ts";

/** The statuses of a session still being processed: the page follows its events meanwhile. */
export const processingStatuses = new Set(["uploaded", "queued", "transcribing", "analyzing", "writing_notes"]);

export const conflictMessage = "Someone else changed this session meanwhile. It has been reloaded: check the change and try again.";

/** Runs a write on the session read last; a version conflict reloads the session and says so. */
export type SessionWrite = (run: (current: Session) => Promise<Session>, done: string) => Promise<void>;

export interface SessionState {
  session: Session | null;
  loadError: unknown;
  /** A write is under way. */
  busy: boolean;
  /** The session read last (for callbacks that outlive a render). */
  latest: { current: Session | null };
  setSession: (session: Session) => void;
  reload: () => Promise<Session | null>;
  write: SessionWrite;
}

/**
 * The therapist's session, loaded, followed while it is processed (reloaded when it settles) and
 * written with the version read (If-Match).
 */
export function useSession(id: string, api: SessionApi): SessionState {
  const [session, setSession] = useState<Session | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef<Session | null>(null);
  latest.current = session;

  const reload = async (): Promise<Session | null> => {
    const view = await api.get(id);
    if (!isTherapistView(view)) {
      setLoadError(new Error("This view is for the session's therapist."));
      return null;
    }
    setSession(view);
    return view;
  };

  useEffect(() => {
    reload().catch(setLoadError);
  }, [id]);

  const status = session?.status;
  useEffect(() => {
    if (status === undefined || !processingStatuses.has(status)) return;
    const controller = new AbortController();
    void (async () => {
      try {
        for await (const event of consoleClient.sessionEvents(id, { signal: controller.signal })) {
          if (event.type === "deleted") {
            setLoadError(new Error("This session was deleted."));
            return;
          }
          if (event.type === "end" || !processingStatuses.has(event.status)) {
            await reload();
            return;
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) setLoadError(error);
      }
    })();
    return () => controller.abort();
  }, [status]);

  const write: SessionWrite = async (run, done) => {
    const current = latest.current;
    if (!current) return;
    setBusy(true);
    try {
      setSession(await run(current));
      announce(done);
    } catch (error) {
      if (ConfideApiError.is(error, "session.version_conflict")) {
        await reload();
        throw new Error(conflictMessage);
      }
      throw error;
    } finally {
      setBusy(false);
    }
  };

  return { session, loadError, busy, latest, setSession, reload, write };
}
