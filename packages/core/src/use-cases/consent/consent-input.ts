import { consentMethods, consentScopes, type ConsentForm, type ConsentMethod, type ConsentScopeEntry } from "../../domain/consent.ts";
import { invalidInput } from "../../errors.ts";

const providerNamePattern = /^[a-z0-9][a-z0-9-]{0,59}$/;
const sha256Pattern = /^[0-9a-f]{64}$/;
const maxFormVersionLength = 100;
export const maxWithdrawalReasonLength = 500;

/**
 * Checks the scopes of a grant or a withdrawal: at least one, each once, `cloud_processing`
 * naming 1–20 providers (lower-case names such as `azure-speech`), the others none.
 * @returns the entries, with provider lists sorted and without repeats.
 * @throws ConfideError `validation.invalid_input` (field `scopes`).
 */
export function checkConsentScopes(scopes: unknown): ConsentScopeEntry[] {
  if (!Array.isArray(scopes) || scopes.length === 0) throw invalidInput("Name at least one consent scope.", "scopes");
  const seen = new Set<string>();
  return scopes.map((entry: unknown): ConsentScopeEntry => {
    const { scope, providers } = (entry ?? {}) as { scope?: unknown; providers?: unknown };
    if (typeof scope !== "string" || !(consentScopes as readonly string[]).includes(scope)) {
      throw invalidInput(`A consent scope is one of ${consentScopes.join(", ")}.`, "scopes");
    }
    if (seen.has(scope)) throw invalidInput(`The scope ${scope} is named twice.`, "scopes");
    seen.add(scope);
    if (scope !== "cloud_processing") {
      if (providers !== undefined) throw invalidInput(`Only cloud_processing names providers.`, "scopes");
      return { scope: scope as Exclude<ConsentScopeEntry["scope"], "cloud_processing"> };
    }
    if (!Array.isArray(providers) || providers.length === 0 || providers.length > 20) {
      throw invalidInput("cloud_processing names the 1 to 20 providers it covers.", "scopes");
    }
    for (const provider of providers) {
      if (typeof provider !== "string" || !providerNamePattern.test(provider)) {
        throw invalidInput("A provider name is lower-case letters, digits and dashes, e.g. azure-speech.", "scopes");
      }
    }
    return { scope: "cloud_processing", providers: [...new Set(providers as string[])].sort() };
  });
}

/** @throws ConfideError `validation.invalid_input` (field `form`) unless a version of 1–100 characters and a hex sha256. */
export function checkConsentForm(form: unknown): ConsentForm {
  const { version, textSha256 } = (form ?? {}) as { version?: unknown; textSha256?: unknown };
  const trimmed = typeof version === "string" ? version.trim() : "";
  if (trimmed.length < 1 || trimmed.length > maxFormVersionLength) {
    throw invalidInput(`The consent form's version must have 1 to ${maxFormVersionLength} characters.`, "form.version");
  }
  if (typeof textSha256 !== "string" || !sha256Pattern.test(textSha256.toLowerCase())) {
    throw invalidInput("The consent form's textSha256 must be the sha256 of its text, 64 hex digits.", "form.textSha256");
  }
  return { version: trimmed, textSha256: textSha256.toLowerCase() };
}

/** @throws ConfideError `validation.invalid_input` (field `method`) for an unknown method. */
export function checkConsentMethod(method: unknown): ConsentMethod {
  if (typeof method !== "string" || !(consentMethods as readonly string[]).includes(method)) {
    throw invalidInput(`The method is one of ${consentMethods.join(", ")}.`, "method");
  }
  return method as ConsentMethod;
}
