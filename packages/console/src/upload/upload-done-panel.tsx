import type { Session } from "@confide/client";
import type { SessionStatus } from "../api/api-types.ts";
import { announce } from "../components/announcer.tsx";
import { StatusChip, statusLabels } from "../components/status-chip.tsx";
import { useLiveStatuses } from "../live/live-statuses.ts";
import { Link } from "../router/link.tsx";
import { ScreenHeading } from "../screens/screen-heading.tsx";

/** The stored recording, followed until it is ready (each status announced), with where to go next. */
export function UploadDonePanel({ session, onAnother }: { session: Session; onAnother: () => void }) {
  const live = useLiveStatuses([session], (followed, status) => announce(`${followed.title}: ${statusLabels[status]}.`));
  const status: SessionStatus = live[session.id] ?? session.status;
  return (
    <>
      <ScreenHeading title="Recording uploaded">Recording uploaded</ScreenHeading>
      <p>
        <strong>{session.title}</strong> is stored. Confide is processing it; this page follows it until it is ready.
      </p>
      <p class="hint">
        {session.titleShared ? "The patient sees this title." : "The patient does not see this title: they see “Session of” and the date."}
      </p>
      <p class="live-status">
        Status: <StatusChip status={status} />
      </p>
      <p class="actions">
        <Link href={`/sessions/${encodeURIComponent(session.id)}`}>Open the session</Link>
        <Link href="/sessions">Back to sessions</Link>
        <button type="button" class="secondary" onClick={onAnother}>
          Upload another recording
        </button>
      </p>
    </>
  );
}
