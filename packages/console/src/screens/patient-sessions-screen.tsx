import { listSessions } from "../api/api.ts";
import { getPatientSummary, type PatientSummary } from "../api/patient-api.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { ShowMoreButton } from "../components/show-more-button.tsx";
import { usePagedList } from "../components/use-paged-list.ts";
import { ScreenHeading } from "./screen-heading.tsx";

const pageSize = 10;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/**
 * The patient's screen: their finalized sessions, newest first, each with what the notes say to
 * them. Nothing else: no transcript, no sentiment, no therapist's notes (the API answers a
 * patient only with finalized sessions; the console shows only their summaries).
 */
export function PatientSessionsScreen() {
  const list = usePagedList(
    async (cursor) => {
      const page = await listSessions({ status: ["finalized"], limit: pageSize, ...(cursor ? { cursor } : {}) });
      const items: PatientSummary[] = await Promise.all(page.items.map((session) => getPatientSummary(session.id)));
      return { items, nextCursor: page.nextCursor };
    },
    "sessions",
    [],
  );
  const { items: sessions, loading, error } = list;

  return (
    <>
      <ScreenHeading title="My sessions">My sessions</ScreenHeading>
      <p>Your sessions once your therapist has finished reviewing them, with their summary for you.</p>
      <ErrorMessage error={error} />
      <section aria-labelledby="my-sessions-heading" aria-busy={loading}>
        <h2 id="my-sessions-heading" class="visually-hidden">
          Finalized sessions
        </h2>
        {loading && sessions.length === 0 ? (
          <p>Loading your sessions…</p>
        ) : sessions.length === 0 && !error ? (
          <p class="empty">No finalized sessions yet. They appear here once your therapist has reviewed them.</p>
        ) : (
          <ol class="summaries">
            {sessions.map((session) => (
              <li key={session.id} data-session-id={session.id}>
                <article aria-labelledby={`summary-${session.id}`}>
                  <h3 id={`summary-${session.id}`}>{session.title || "Session"}</h3>
                  <p class="hint">
                    Recorded <time dateTime={session.recordedAt}>{dateFormat.format(new Date(session.recordedAt))}</time>
                  </p>
                  {session.patientSummary ? (
                    <p class="summary-text">{session.patientSummary}</p>
                  ) : (
                    <p class="empty">No summary has been shared with you for this session.</p>
                  )}
                </article>
              </li>
            ))}
          </ol>
        )}
        <ShowMoreButton list={list} noun="sessions" />
      </section>
    </>
  );
}
