import type { ActiveConsent } from "./consent-api.ts";
import { describeScopes, scopeLabels, toggled, type ScopeChoice } from "./consent-form.ts";

/** Whether a withdrawal ends everything in force or only the part chosen. */
export type WithdrawalExtent = "everything" | "part";

const extents: { value: WithdrawalExtent; label: string }[] = [
  { value: "everything", label: "Withdraw everything" },
  { value: "part", label: "Withdraw only part" },
];

/**
 * The choice between withdrawing everything and only part of it, and for a part a checkbox for
 * each scope in force and for cloud processing by each provider in force (nothing else: what is
 * not in force cannot be withdrawn). `nothingChosen` shows the problem of a part left empty.
 */
export function WithdrawalChoices({
  active,
  extent,
  onExtent,
  chosen,
  onChosen,
  nothingChosen,
}: {
  active: Pick<ActiveConsent, "scopes" | "cloudProviders">;
  extent: WithdrawalExtent;
  onExtent: (extent: WithdrawalExtent) => void;
  chosen: ScopeChoice;
  onChosen: (chosen: ScopeChoice) => void;
  nothingChosen: boolean;
}) {
  const hints: Record<WithdrawalExtent, string> = {
    everything: `Ends all of it: ${describeScopes(active)}.`,
    part: "Choose what ends; the rest stays in force.",
  };
  return (
    <fieldset class="field">
      <legend>What to withdraw</legend>
      {extents.map((option) => (
        <div class="choice" key={option.value}>
          <input
            type="radio"
            id={`withdraw-extent-${option.value}`}
            name="withdraw-extent"
            checked={extent === option.value}
            aria-describedby={`withdraw-extent-${option.value}-hint`}
            onChange={() => onExtent(option.value)}
          />
          <label for={`withdraw-extent-${option.value}`}>{option.label}</label>
          <span class="hint" id={`withdraw-extent-${option.value}-hint`}>
            {hints[option.value]}
          </span>
        </div>
      ))}
      {extent === "part" ? (
        <fieldset class="field nested" aria-describedby={nothingChosen ? "withdraw-part-error" : undefined}>
          <legend>What ends</legend>
          {active.scopes.map((scope) => (
            <div class="choice" key={scope}>
              <input
                type="checkbox"
                id={`withdraw-part-${scope}`}
                checked={chosen.scopes.includes(scope)}
                aria-describedby={`withdraw-part-${scope}-hint`}
                onChange={(event) => onChosen({ ...chosen, scopes: toggled(chosen.scopes, scope, event.currentTarget.checked) })}
              />
              <label for={`withdraw-part-${scope}`}>{scopeLabels[scope].label}</label>
              <span class="hint" id={`withdraw-part-${scope}-hint`}>
                {scopeLabels[scope].hint}
              </span>
            </div>
          ))}
          {active.cloudProviders.map((provider) => (
            <div class="choice" key={provider}>
              <input
                type="checkbox"
                id={`withdraw-part-cloud-${provider}`}
                checked={chosen.cloudProviders.includes(provider)}
                onChange={(event) => onChosen({ ...chosen, cloudProviders: toggled(chosen.cloudProviders, provider, event.currentTarget.checked) })}
              />
              <label for={`withdraw-part-cloud-${provider}`}>{describeScopes({ scopes: [], cloudProviders: [provider] })}</label>
            </div>
          ))}
          {nothingChosen ? (
            <p class="error-message" role="alert" id="withdraw-part-error">
              Choose at least one thing to withdraw.
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
