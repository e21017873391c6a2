/**
 * The names of `@azure/identity`'s errors for a credential that could not sign in: none
 * configured (`CredentialUnavailableError` — no managed identity, no developer sign-in) or a
 * sign-in refused on its way (`AuthenticationError`, and the chain's `AggregateAuthenticationError`).
 * The one list the Azure adapters' error maps read.
 */
export const credentialErrorNames: ReadonlySet<string> = new Set(["CredentialUnavailableError", "AuthenticationError", "AggregateAuthenticationError"]);
