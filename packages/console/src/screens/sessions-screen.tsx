import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { TableScroll } from "../components/table-scroll.tsx";
import { listPendingReview, listSessions } from "../api/api.ts";
import type { Page, SessionQuery, SessionStatus, SessionSummary, User } from "../api/api-types.ts";
import { announce } from "../components/announcer.tsx";
import { FlashMessage } from "../components/flash-message.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { ShowMoreButton } from "../components/show-more-button.tsx";
import { StatusChip, statusLabels } from "../components/status-chip.tsx";
import { usePagedList } from "../components/use-paged-list.ts";
import { riskFirst } from "./risk-first.ts";
import { useLiveStatuses } from "../live/live-statuses.ts";
import { Link } from "../router/link.tsx";
import { navigate, useLocation } from "../router/router.ts";
import { SearchMatchLine } from "../search/search-match-line.tsx";
import { ScreenHeading } from "./screen-heading.tsx";
import { usePatients } from "./use-patients.ts";

const pageSize = 20;

/** The filters of the list, as they appear in the address (so back, forward and bookmarks keep them). */
interface Filters {
  q: string;
  patientId: string;
  status: string;
  from: string;
  to: string;
}

const filterNames: (keyof Filters)[] = ["q", "patientId", "status", "from", "to"];

const filtersOf = (query: URLSearchParams): Filters =>
  Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? ""])) as unknown as Filters;

/** A day (yyyy-mm-dd, the date input's value) as the start of that day in the browser's time zone. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const startOfNextDay = (day: string) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
};

function queryOf(filters: Filters): SessionQuery {
  return {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.patientId ? { patientId: filters.patientId } : {}),
    ...(filters.status ? { status: [filters.status as SessionStatus] } : {}),
    ...(filters.from ? { from: startOfDay(filters.from) } : {}),
    ...(filters.to ? { to: startOfNextDay(filters.to) } : {}),
  };
}

/** True when "Recorded from" is after "Recorded until": a search that can find nothing, said as such. */
const reversedDates = (filters: Pick<Filters, "from" | "to">) => filters.from !== "" && filters.to !== "" && filters.from > filters.to;
const reversedDatesText = "“Recorded from” is after “Recorded until”: choose a start on or before the end.";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function formatDuration(durationMs: number | null): string {
  if (durationMs === null) return "—";
  const seconds = Math.round(durationMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The therapist's sessions (all, filtered and searched, or those pending review), those with risk to acknowledge first, then newest first. */
export function SessionsScreen({ view }: { view: "all" | "pending" }) {
  const location = useLocation();
  const filters = filtersOf(location.query);
  const filterKey = view === "pending" ? "pending" : JSON.stringify(filters);
  const { patients } = usePatients();
  const patientNames = useMemo(() => new Map((patients ?? []).map((patient) => [patient.id, patient.displayName])), [patients]);

  const list = usePagedList(
    (cursor): Promise<Page<SessionSummary>> => {
      const paging = { limit: pageSize, ...(cursor ? { cursor } : {}) };
      return view === "pending" ? listPendingReview(paging) : listSessions({ ...queryOf(filters), ...paging });
    },
    "sessions",
    [filterKey],
  );
  const { items: loaded, loading, error } = list;
  const sessions = riskFirst(loaded);

  const live = useLiveStatuses(sessions, (session, status) => announce(`${session.title}: ${statusLabels[status]}.`));

  const title = view === "pending" ? "Pending review" : "Sessions";
  const filtered = view === "all" && filterNames.some((name) => filters[name] !== "");
  return (
    <>
      <ScreenHeading title={title}>{title}</ScreenHeading>
      <FlashMessage />
      {view === "all" ? <FilterForm filters={filters} patients={patients} /> : <p>Sessions transcribed and waiting for your review.</p>}
      <section aria-labelledby="results-heading" aria-busy={loading}>
        <h2 id="results-heading" class="visually-hidden">
          Results
        </h2>
        {/* A problem takes the place of the results: never shown over results it does not belong to. */}
        {view === "all" && reversedDates(filters) ? (
          <p class="error-message" role="alert" id="results-problem" data-testid="results-problem">
            {reversedDatesText}
          </p>
        ) : error ? (
          <ErrorMessage error={error} />
        ) : loading && sessions.length === 0 ? (
          <p>Loading sessions…</p>
        ) : sessions.length === 0 ? (
          <p class="empty">
            {filtered ? "No session matches these filters." : view === "pending" ? "Nothing is waiting for review." : "No sessions yet. "}
            {view === "all" && !filtered ? <Link href="/upload">Upload a recording</Link> : null}
          </p>
        ) : (
          <TableScroll label={title}>
<table class="sessions">
            <caption class="visually-hidden">{title}: sessions with risk flags to acknowledge first, then newest recording first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Patient</th>
                <th scope="col">Recorded</th>
                <th scope="col">Length</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id} data-session-id={session.id}>
                  <th scope="row">
                    <Link href={`/sessions/${encodeURIComponent(session.id)}`}>{session.title || "Untitled session"}</Link>
                    {view === "all" && filters.q.trim() ? (
                      <>
                        <br />
                        <SearchMatchLine sessionId={session.id} query={filters.q.trim()} />
                      </>
                    ) : null}
                    {(session.riskUnacknowledged ?? 0) > 0 ? (
                      <span class="risk-mark">
                        {" "}
                        <span aria-hidden="true">⚠ </span>
                        {session.riskUnacknowledged === 1 ? "Risk flag to acknowledge" : `${session.riskUnacknowledged} risk flags to acknowledge`}
                      </span>
                    ) : (session.riskAcknowledgedAlerts ?? 0) > 0 ? (
                      <span class="risk-mark risk-mark-acknowledged">
                        {" "}
                        <span aria-hidden="true">⚑ </span>
                        {session.riskAcknowledgedAlerts === 1 ? "High risk flag, acknowledged" : `${session.riskAcknowledgedAlerts} high risk flags, acknowledged`}
                      </span>
                    ) : null}
                  </th>
                  <td>{patientNames.get(session.patientId) ?? "—"}</td>
                  <td>{dateFormat.format(new Date(session.recordedAt))}</td>
                  <td>{formatDuration(session.durationMs)}</td>
                  <td>
                    <StatusChip status={live[session.id] ?? session.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
</TableScroll>
        )}
        {error || (view === "all" && reversedDates(filters)) ? null : <ShowMoreButton list={list} noun="sessions" />}
      </section>
    </>
  );
}

function FilterForm({ filters, patients }: { filters: Filters; patients: User[] | null }) {
  const [draft, setDraft] = useState(filters);
  // Said at the dates once searched for; the results say it in their place.
  const datesReversed = reversedDates(filters);
  // The form takes the filters again only when the URL's change: not once more after it mounts,
  // when it would empty what the therapist has started typing.
  const filtersKey = JSON.stringify(filters);
  const shownKey = useRef(filtersKey);
  useEffect(() => {
    if (shownKey.current === filtersKey) return;
    shownKey.current = filtersKey;
    setDraft(filters);
  }, [filtersKey]);
  const field = (name: keyof Filters) => ({
    id: `filter-${name}`,
    name,
    value: draft[name],
    onInput: (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  const apply = (next: Filters) => {
    const params = new URLSearchParams();
    for (const name of filterNames) if (next[name].trim() !== "") params.set(name, next[name].trim());
    const text = params.toString();
    navigate(text === "" ? "/sessions" : `/sessions?${text}`);
  };
  return (
    <form
      role="search"
      aria-label="Search and filter sessions"
      class="filters"
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <div class="field field-wide">
        <label for="filter-q">Search titles and transcripts</label>
        <input type="search" {...field("q")} />
      </div>
      <div class="field">
        <label for="filter-patientId">Patient</label>
        <select {...field("patientId")} onChange={(event) => setDraft({ ...draft, patientId: event.currentTarget.value })}>
          <option value="">All patients</option>
          {(patients ?? []).map((patient) => (
            <option key={patient.id} value={patient.id}>
              {patient.displayName}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-status">Status</label>
        <select {...field("status")} onChange={(event) => setDraft({ ...draft, status: event.currentTarget.value })}>
          <option value="">Any status</option>
          {(Object.keys(statusLabels) as SessionStatus[]).map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-from">Recorded from</label>
        <input type="date" {...field("from")} aria-invalid={datesReversed} aria-describedby={datesReversed ? "results-problem" : undefined} />
      </div>
      <div class="field">
        <label for="filter-to">Recorded until</label>
        <input type="date" {...field("to")} aria-invalid={datesReversed} aria-describedby={datesReversed ? "results-problem" : undefined} />
      </div>
      <div class="actions">
        <button type="submit" class="primary">
          Search
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => apply({ q: "", patientId: "", status: "", from: "", to: "" })}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
