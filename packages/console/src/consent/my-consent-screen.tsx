import { useEffect, useState } from "preact/hooks";
import { Outcome, useOutcome } from "../components/outcome.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { getOwnConsent, grantOwnConsent, withdrawOwnConsent, type ConsentStatus } from "./consent-api.ts";
import { ConsentHistory } from "./consent-history.tsx";
import { GrantForm } from "./grant-form.tsx";
import { WithdrawalForm } from "./withdrawal-form.tsx";

/** The patient's own consent: what is in force, the history, the form to consent electronically, and withdrawal. */
export function MyConsentScreen() {
  const [status, setStatus] = useState<ConsentStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { outcome, show } = useOutcome();

  useEffect(() => {
    let cancelled = false;
    getOwnConsent()
      .then((read) => !cancelled && setStatus(read))
      .catch((failure: unknown) => !cancelled && setError(failure));
    return () => {
      cancelled = true;
    };
  }, []);

  const reread = async (said: string) => {
    setStatus(await getOwnConsent());
    show(said);
  };

  return (
    <>
      <ScreenHeading title="My consent">My consent</ScreenHeading>
      <p>What you allow to be done with the recordings of your therapy sessions. You can change it at any time.</p>
      <ErrorMessage error={error} />
      {status === null ? (
        error ? null : <p>Loading your consent…</p>
      ) : (
        <div class="stack">
          <Outcome outcome={outcome} testId="consent-outcome" />
          <ConsentHistory status={status} who="patient" />
          <GrantForm
            who="patient"
            status={status}
            onGrant={async ({ scopes, form }) => {
              await grantOwnConsent({ scopes, form });
              await reread("Your consent is recorded.");
            }}
          />
          {status.active.scopes.length > 0 || status.active.cloudProviders.length > 0 ? (
            <WithdrawalForm
              who="patient"
              status={status}
              onWithdraw={async (input) => {
                const result = await withdrawOwnConsent(input);
                await reread(
                  result.erasedSessionCount > 0 ? `Consent withdrawn; ${result.erasedSessionCount} sessions erased.` : "Consent withdrawn.",
                );
              }}
            />
          ) : null}
        </div>
      )}
    </>
  );
}
