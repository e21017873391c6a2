import { useState } from "preact/hooks";
import { ErrorMessage } from "../components/error-message.tsx";
import type { ConsentForm, ConsentScopeEntry, ConsentStatus } from "./consent-api.ts";
import { consentForm, consentFormParagraphs, scopeEntries, scopeStates, usedCloudProviders, type ScopeChoice } from "./consent-form.ts";
import { ScopeChoices } from "./scope-choices.tsx";

export type RecordedMethod = "written" | "verbal_witnessed";

const methods: { value: RecordedMethod; label: string; hint: string }[] = [
  { value: "written", label: "Signed a paper form", hint: "The patient signed this form; the clinic keeps it." },
  { value: "verbal_witnessed", label: "Agreed aloud in front of me", hint: "You read or showed the patient this form and they said yes." },
];

const nothing: ScopeChoice = { scopes: [], cloudProviders: [] };

/**
 * A grant: the consent form's text first, then the scopes (checkboxes, none ticked, each saying
 * where it stands now) and, for a therapist, how the patient gave it (no answer chosen for them).
 * A grant adds to what is in force: a withdrawn scope is given again only by ticking it. The form
 * is sent as its version and the sha256 of its text.
 */
export function GrantForm({
  who,
  status,
  onGrant,
}: {
  who: "patient" | "therapist";
  /** What is in force, the history and what this deployment uses. */
  status: Pick<ConsentStatus, "active" | "history" | "needs">;
  onGrant: (input: { scopes: ConsentScopeEntry[]; form: ConsentForm; method: RecordedMethod }) => Promise<void>;
}) {
  const [choice, setChoice] = useState<ScopeChoice>(nothing);
  const [method, setMethod] = useState<RecordedMethod | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nothingChosen, setNothingChosen] = useState(false);
  const [noMethod, setNoMethod] = useState(false);
  const mine = who === "patient";

  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">{mine ? "Give your consent" : "Record consent"}</h2>
      <section class="consent-form-text" aria-labelledby="form-text-heading">
        <h3 id="form-text-heading">Consent form</h3>
        {consentFormParagraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const scopes = scopeEntries(choice);
          const methodMissing = !mine && method === null;
          setNothingChosen(scopes.length === 0);
          setNoMethod(methodMissing);
          if (scopes.length === 0 || methodMissing) return;
          setError(null);
          setBusy(true);
          try {
            await onGrant({ scopes, form: await consentForm(), method: method ?? "written" });
            setChoice(nothing);
            setMethod(null);
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
          }
        }}
      >
        <ScopeChoices
          idPrefix="grant"
          legend={mine ? "I consent to" : "The patient consents to"}
          choice={choice}
          onChange={(next) => {
            setChoice(next);
            setNothingChosen(false);
          }}
          disabled={busy}
          usedProviders={usedCloudProviders(status)}
          stateOf={scopeStates(status)}
          who={who}
        />
        {mine ? null : (
          <fieldset class="field" disabled={busy} aria-describedby={noMethod ? "grant-method-error" : undefined}>
            <legend>How the patient gave it</legend>
            {methods.map((option) => (
              <div class="choice" key={option.value}>
                <input
                  type="radio"
                  id={`method-${option.value}`}
                  name="method"
                  checked={method === option.value}
                  aria-describedby={`method-${option.value}-hint`}
                  onChange={() => {
                    setMethod(option.value);
                    setNoMethod(false);
                  }}
                />
                <label for={`method-${option.value}`}>{option.label}</label>
                <span class="hint" id={`method-${option.value}-hint`}>
                  {option.hint}
                </span>
              </div>
            ))}
            {noMethod ? (
              <p class="error-message" role="alert" id="grant-method-error">
                Choose how the patient gave their consent.
              </p>
            ) : null}
          </fieldset>
        )}
        {nothingChosen ? (
          <p class="error-message" role="alert">
            Choose at least one thing to consent to.
          </p>
        ) : null}
        <ErrorMessage error={error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? "Saving…" : mine ? "I consent" : "Record consent"}
          </button>
        </div>
      </form>
    </section>
  );
}
