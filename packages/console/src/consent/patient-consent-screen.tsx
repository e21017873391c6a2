import { useEffect, useState } from "preact/hooks";
import { Outcome, useOutcome } from "../components/outcome.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { Link } from "../router/link.tsx";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { usePatients } from "../screens/use-patients.ts";
import { getPatientConsent, recordPatientConsent, recordPatientWithdrawal, type ConsentStatus } from "./consent-api.ts";
import { allowsUploads } from "./consent-form.ts";
import { ConsentHistory } from "./consent-history.tsx";
import { GrantForm } from "./grant-form.tsx";
import { WithdrawalForm } from "./withdrawal-form.tsx";

/** A therapist's view of one patient's consent: what is in force, the history, a grant or a withdrawal to record. */
export function PatientConsentScreen({ patientId }: { patientId: string }) {
  const { patients } = usePatients();
  const [status, setStatus] = useState<ConsentStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { outcome, show } = useOutcome();
  const patient = patients?.find((candidate) => candidate.id === patientId);
  const name = patient?.displayName ?? "Patient";

  useEffect(() => {
    let cancelled = false;
    getPatientConsent(patientId)
      .then((read) => !cancelled && setStatus(read))
      .catch((failure: unknown) => !cancelled && setError(failure));
    return () => {
      cancelled = true;
    };
  }, [patientId]);

  const reread = async (said: string) => {
    setStatus(await getPatientConsent(patientId));
    show(said);
  };

  return (
    <>
      <ScreenHeading title={`Consent: ${name}`}>Consent: {name}</ScreenHeading>
      <p>
        <Link href="/patients">All patients</Link>
      </p>
      <ErrorMessage error={error} />
      {status === null ? (
        error ? null : <p>Loading consent…</p>
      ) : (
        <div class="stack">
          <Outcome outcome={outcome} testId="consent-outcome" />
          <ConsentHistory status={status} who="therapist" />
          {allowsUploads(status) ? (
            <p>
              <Link href={`/upload?patientId=${encodeURIComponent(patientId)}`}>Upload a session for {name}</Link>
            </p>
          ) : null}
          <GrantForm
            who="therapist"
            status={status}
            onGrant={async (input) => {
              await recordPatientConsent(patientId, input);
              await reread("Consent recorded.");
            }}
          />
          {status.active.scopes.length > 0 || status.active.cloudProviders.length > 0 ? (
            <WithdrawalForm
              who="therapist"
              status={status}
              onWithdraw={async (input) => {
                await recordPatientWithdrawal(patientId, input);
                await reread("Withdrawal recorded.");
              }}
            />
          ) : null}
        </div>
      )}
    </>
  );
}
