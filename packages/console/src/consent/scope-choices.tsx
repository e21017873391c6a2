import { cloudProviderNames, describeProvider, scopeLabels, toggled, type PlainScope, type ScopeChoice } from "./consent-form.ts";

const plainScopes: readonly PlainScope[] = ["recording", "transcription", "ai_notes"];

/** The scopes of a grant or a withdrawal as checkboxes; cloud processing names its providers. */
export function ScopeChoices({
  idPrefix,
  legend,
  choice,
  onChange,
  disabled,
  usedProviders,
}: {
  idPrefix: string;
  legend: string;
  choice: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
  disabled?: boolean;
  /** The cloud providers this deployment uses (the API's consent needs). */
  usedProviders: readonly string[];
}) {
  return (
    <fieldset class="field" disabled={disabled}>
      <legend>{legend}</legend>
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
            {scopeLabels[scope].hint}
          </span>
        </div>
      ))}
      <fieldset class="field nested">
        <legend>{scopeLabels.cloud_processing.label}</legend>
        <p class="hint" id={`${idPrefix}-cloud-hint`}>
          {scopeLabels.cloud_processing.hint}{" "}
          {usedProviders.length === 0
            ? "This deployment sends sessions to no cloud service: none is needed."
            : `This deployment uses these services: ${usedProviders.map(describeProvider).join(", ")}. Without consent naming each, what needs them is refused.`}
        </p>
        {[...new Set([...usedProviders, ...cloudProviderNames])].map((provider) => (
          <div class="choice" key={provider}>
            <input
              type="checkbox"
              id={`${idPrefix}-cloud-${provider}`}
              checked={choice.cloudProviders.includes(provider)}
              onChange={(event) => onChange({ ...choice, cloudProviders: toggled(choice.cloudProviders, provider, event.currentTarget.checked) })}
            />
            <label for={`${idPrefix}-cloud-${provider}`}>
              {describeProvider(provider)}
              {usedProviders.includes(provider) ? " (used here)" : ""}
            </label>
          </div>
        ))}
        <details>
          <summary>Details</summary>
          <ul class="detail">
            {[...new Set([...usedProviders, ...cloudProviderNames])].map((provider) => (
              <li key={provider}>
                {describeProvider(provider)}: <code>{provider}</code>
              </li>
            ))}
          </ul>
        </details>
      </fieldset>
    </fieldset>
  );
}
