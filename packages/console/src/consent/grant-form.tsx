import { useState } from "preact/hooks";
import { ErrorMessage } from "../components/error-message.tsx";
import type { ConsentForm, ConsentScopeEntry } from "./consent-api.ts";
import { consentForm, consentFormParagraphs, consentFormVersion, scopeEntries, type ScopeChoice } from "./consent-form.ts";
import { ScopeChoices } from "./scope-choices.tsx";

export type RecordedMethod = "written" | "verbal_witnessed";

const methods: { value: RecordedMethod; label: string; hint: string }[] = [
  { value: "written", label: "Signed form", hint: "The patient signed this form; the clinic keeps it." },
  { value: "verbal_witnessed", label: "Said before me", hint: "The patient agreed to this form aloud, before you." },
];

/**
 * A grant: the consent form's text first, then the scopes (checkboxes) and, for a therapist, how
 * the patient gave it. The form is sent as its version and the sha256 of its text.
 */
export function GrantForm({
  who,
  usedProviders,
  onGrant,
}: {
  who: "patient" | "therapist";
  /** The cloud providers this deployment uses: ticked at first, as recording, transcription and AI notes are. */
  usedProviders: readonly string[];
  onGrant: (input: { scopes: ConsentScopeEntry[]; form: ConsentForm; method: RecordedMethod }) => Promise<void>;
}) {
  const [choice, setChoice] = useState<ScopeChoice>({ scopes: ["recording", "transcription", "ai_notes"], cloudProviders: [...usedProviders] });
  const [method, setMethod] = useState<RecordedMethod>("written");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nothingChosen, setNothingChosen] = useState(false);
  const mine = who === "patient";

  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">{mine ? "Give your consent" : "Record consent"}</h2>
      <section class="consent-form-text" aria-labelledby="form-text-heading">
        <h3 id="form-text-heading">Consent form ({consentFormVersion})</h3>
        {consentFormParagraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const scopes = scopeEntries(choice);
          if (scopes.length === 0) {
            setNothingChosen(true);
            return;
          }
          setNothingChosen(false);
          setError(null);
          setBusy(true);
          try {
            await onGrant({ scopes, form: await consentForm(), method });
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
          onChange={setChoice}
          disabled={busy}
          usedProviders={usedProviders}
        />
        {mine ? null : (
          <fieldset class="field" disabled={busy}>
            <legend>How the patient gave it</legend>
            {methods.map((option) => (
              <div class="choice" key={option.value}>
                <input
                  type="radio"
                  id={`method-${option.value}`}
                  name="method"
                  checked={method === option.value}
                  aria-describedby={`method-${option.value}-hint`}
                  onChange={() => setMethod(option.value)}
                />
                <label for={`method-${option.value}`}>{option.label}</label>
                <span class="hint" id={`method-${option.value}-hint`}>
                  {option.hint}
                </span>
              </div>
            ))}
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
