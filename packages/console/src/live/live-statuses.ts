import { useEffect, useRef, useState } from "preact/hooks";
import { followSession } from "../api/api.ts";
import { settledStatuses, type SessionStatus, type SessionSummary } from "../api/api-types.ts";

/**
 * The server lets one user hold 5 event streams open; the console follows at most this many
 * sessions at once (one left for a session view in another tab) and takes the next when one settles.
 */
export const maxFollowedSessions = 4;

/** What the hook needs of a session: its id and the status it was listed with. */
export type FollowedSession = Pick<SessionSummary, "id" | "status">;

/** How long to wait before following a session again after its stream failed. */
const retryDelayMs = 5000;

/**
 * The live status of each listed session still in processing, from its event stream: the
 * listed status until an event says otherwise. `onChange` hears every change (for announcements).
 */
export function useLiveStatuses<S extends FollowedSession>(
  sessions: S[],
  onChange?: (session: S, status: SessionStatus) => void,
): Record<string, SessionStatus> {
  const [statuses, setStatuses] = useState<Record<string, SessionStatus>>({});
  const followed = useRef(new Map<string, AbortController>());
  const latest = useRef<Record<string, SessionStatus>>({});
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [round, setRound] = useState(0);

  useEffect(() => {
    const unsettled = sessions.filter((session) => !settledStatuses.includes(latest.current[session.id] ?? session.status));
    const wanted = new Set(unsettled.slice(0, maxFollowedSessions).map((session) => session.id));
    for (const [id, controller] of followed.current) {
      if (!wanted.has(id)) {
        controller.abort();
        followed.current.delete(id);
      }
    }
    for (const session of unsettled) {
      if (!wanted.has(session.id) || followed.current.has(session.id)) continue;
      const controller = new AbortController();
      followed.current.set(session.id, controller);
      const update = (status: SessionStatus) => {
        if (latest.current[session.id] === status) return;
        latest.current = { ...latest.current, [session.id]: status };
        setStatuses(latest.current);
        onChangeRef.current?.(session, status);
      };
      followSession(session.id, { signal: controller.signal, onStatus: update })
        .catch(() => new Promise((resolve) => setTimeout(resolve, retryDelayMs)))
        .finally(() => {
          if (controller.signal.aborted) return;
          followed.current.delete(session.id);
          // Another round: follows this one again if it has not settled, or the next one waiting.
          setRound((value) => value + 1);
        });
    }
  }, [sessions, round]);

  useEffect(
    () => () => {
      for (const controller of followed.current.values()) controller.abort();
      followed.current.clear();
    },
    [],
  );

  return statuses;
}
