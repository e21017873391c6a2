import type { ConsentStatus } from "./consent-api.ts";
import { allowsUploads, describeScopes } from "./consent-form.ts";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });

const methodLabels = { written: "signed a paper form", verbal_witnessed: "agreed aloud in front of the therapist", electronic: "given in the console" } as const;

/** What is in force (in words, never colour alone) and the whole history, newest first. */
export function ConsentHistory({ status, who }: { status: ConsentStatus; who: "patient" | "therapist" }) {
  const { active } = status;
  const uploads = allowsUploads(status);
  const missing = describeScopes(status.needs.upload.missing);
  // `since` is the last change, a withdrawal too: said only of something in force.
  const anything = active.scopes.length > 0 || active.cloudProviders.length > 0;
  return (
    <>
      <section aria-labelledby="consent-active-heading" class="consent-active">
        <h2 id="consent-active-heading">In force</h2>
        <p data-testid="consent-in-force">
          <strong>{describeScopes(active)}</strong>
          {anything && active.since ? (
            <>
              {" "}
              since <time dateTime={active.since}>{dateTimeFormat.format(new Date(active.since))}</time>
            </>
          ) : null}
        </p>
        <p>
          {uploads
            ? who === "therapist"
              ? "Sessions can be uploaded for this patient."
              : "Your therapist may record your sessions."
            : who === "therapist"
              ? `No sessions can be uploaded for this patient until their consent covers: ${missing}.`
              : `Your therapist cannot record your sessions until your consent covers: ${missing}.`}
        </p>
      </section>
      <section aria-labelledby="consent-history-heading">
        <h2 id="consent-history-heading">History</h2>
        {status.history.length === 0 ? (
          <p class="empty">No consent recorded yet.</p>
        ) : (
          <ol class="consent-history" reversed>
            {[...status.history].reverse().map((record) => (
              <li key={record.id}>
                <strong>{record.kind === "grant" ? "Granted" : "Withdrawn"}</strong>: {describeScopes(record.scopes)}.{" "}
                <time dateTime={record.at}>{dateTimeFormat.format(new Date(record.at))}</time>
                {record.method ? `, ${methodLabels[record.method]}` : ""}
                {record.kind === "withdrawal" && record.reason ? `. Reason: ${record.reason}` : ""}
                {record.eraseSessions ? ". Sessions erased." : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
