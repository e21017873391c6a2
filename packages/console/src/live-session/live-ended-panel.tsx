import { useMemo } from "preact/hooks";
import type { SessionStatus } from "../api/api-types.ts";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { StatusChip, statusLabels } from "../components/status-chip.tsx";
import { useLiveStatuses } from "../live/live-statuses.ts";
import { Link } from "../router/link.tsx";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import type { LiveTranscript } from "./live-transcript.ts";

/**
 * The live session ended: followed until ready, each status announced. `capturedBytes` (the PCM
 * sent, each byte once) rides on the status line for checks against the stored recording.
 */
export function LiveEndedPanel({ sessionId, error, capturedBytes, transcript }: { sessionId: string | null; error: unknown; capturedBytes: number; transcript: LiveTranscript }) {
  const sessions = useMemo(() => (sessionId ? [{ id: sessionId, status: "queued" as SessionStatus }] : []), [sessionId]);
  const statuses = useLiveStatuses(sessions, (_session, status) => announce(`The live session: ${statusLabels[status]}.`));
  const status: SessionStatus = (sessionId ? statuses[sessionId] : undefined) ?? "queued";
  return (
    <>
      <ScreenHeading title="Live session">Live session ended</ScreenHeading>
      <ErrorMessage error={error} />
      {sessionId ? (
        <>
          <p>
            {transcript.recordOnly
              ? "Confide is now transcribing the recording, then analyzing it and writing the notes; this page follows it until it is ready."
              : `${transcript.segments.length} parts of the conversation were transcribed live. Confide is now processing the session (analysis and notes); this page follows it until it is ready.`}
          </p>
          <p class="live-status" data-captured-bytes={capturedBytes}>
            Status: <StatusChip status={status} />
          </p>
          <p class="actions">
            <Link href={`/sessions/${encodeURIComponent(sessionId)}`}>Open the session</Link>
            <Link href="/live">Start another live session</Link>
          </p>
        </>
      ) : (
        <p class="actions">
          <Link href="/live">Start a live session</Link>
        </p>
      )}
    </>
  );
}
