import { describeProvider, scopeLabels, toggled, type PlainScope, type ScopeChoice, type ScopeState } from "./consent-form.ts";

const plainScopes: readonly PlainScope[] = ["recording", "transcription", "ai_notes"];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/** Where a scope stands now, in words beside its checkbox (the checkbox itself starts unticked). */
function stateText(state: ScopeState): string {
  switch (state.kind) {
    case "given":
      return "Now: given.";
    case "withdrawn":
      return `Now: withdrawn on ${dateFormat.format(new Date(state.at))}. It stays withdrawn unless you tick it.`;
    default:
      return "Now: not given.";
  }
}

/**
 * The scopes of a grant as checkboxes, none ticked at first, each saying where it stands now;
 * cloud processing lists only the services this deployment uses, by their product names.
 */
export function ScopeChoices({
  idPrefix,
  legend,
  choice,
  onChange,
  disabled,
  usedProviders,
  stateOf,
  who,
}: {
  idPrefix: string;
  legend: string;
  choice: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
  disabled?: boolean;
  /** The cloud providers this deployment uses (the API's consent needs). */
  usedProviders: readonly string[];
  /** Where each scope (or `cloud:<provider>`) stands now. */
  stateOf: (key: PlainScope | `cloud:${string}`) => ScopeState;
  who: "patient" | "therapist";
}) {
  return (
    <fieldset class="field" disabled={disabled}>
      <legend>{legend}</legend>
      <p class="hint">Tick only what {who === "patient" ? "you agree" : "the patient agrees"} to now. What is not ticked stays as it is.</p>
      {plainScopes.map((scope) => (
        <div class="choice" key={scope}>
          <input
            type="checkbox"
            id={`${idPrefix}-${scope}`}
            checked={choice.scopes.includes(scope)}
            aria-describedby={`${idPrefix}-${scope}-hint`}
            onChange={(event) => onChange({ ...choice, scopes: toggled(choice.scopes, scope, event.currentTarget.checked) })}
          />
          <label for={`${idPrefix}-${scope}`}>{scopeLabels[scope].label}</label>
          <span class="hint" id={`${idPrefix}-${scope}-hint`}>
            {scopeLabels[scope].hint} <span data-testid={`${idPrefix}-${scope}-state`}>{stateText(stateOf(scope))}</span>
          </span>
        </div>
      ))}
      <fieldset class="field nested">
        <legend>{scopeLabels.cloud_processing.label}</legend>
        <p class="hint">
          {usedProviders.length === 0
            ? "This service keeps sessions inside it: it sends them to no outside speech or language service, so there is nothing to choose here."
            : `${scopeLabels.cloud_processing.hint} Without consent naming each, what needs it is not done.`}
        </p>
        {usedProviders.map((provider) => (
          <div class="choice" key={provider}>
            <input
              type="checkbox"
              id={`${idPrefix}-cloud-${provider}`}
              checked={choice.cloudProviders.includes(provider)}
              aria-describedby={`${idPrefix}-cloud-${provider}-hint`}
              onChange={(event) => onChange({ ...choice, cloudProviders: toggled(choice.cloudProviders, provider, event.currentTarget.checked) })}
            />
            <label for={`${idPrefix}-cloud-${provider}`}>{describeProvider(provider)}</label>
            <span class="hint" id={`${idPrefix}-cloud-${provider}-hint`}>
              {stateText(stateOf(`cloud:${provider}`))}
            </span>
          </div>
        ))}
        {usedProviders.length === 0 ? null : (
          <details>
            <summary>Details</summary>
            <ul class="detail">
              {usedProviders.map((provider) => (
                <li key={provider}>
                  {describeProvider(provider)}: <code>{provider}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
      </fieldset>
    </fieldset>
  );
}
