import { ConfideError } from "@confide/core/ports";
import type { AccessToken, TokenCredential } from "@azure/identity";

/** A token is renewed this long before it expires. */
const tokenRenewalMarginMs = 2 * 60_000;

/**
 * Microsoft Entra ID tokens for one scope, kept until two minutes before they expire: from
 * `credential`, else `DefaultAzureCredential` (`@azure/identity` loaded on first need). `what`
 * names the resource in the error when the credential gives no token, `provider` the adapter.
 * @returns a function answering a token, fresh enough to send.
 * @throws (the function) ConfideError `provider.unavailable` (retryable) when no token can be had.
 */
export function azureTokenSource(
  credential: TokenCredential | undefined,
  scope: string,
  what: string,
  provider = "azure-speech",
): (signal?: AbortSignal) => Promise<AccessToken> {
  let loaded: Promise<TokenCredential> | undefined;
  let token: AccessToken | undefined;
  return async (signal) => {
    if (token === undefined || token.expiresOnTimestamp - tokenRenewalMarginMs <= Date.now()) {
      loaded ??= credential ? Promise.resolve(credential) : import("@azure/identity").then((identity) => new identity.DefaultAzureCredential());
      const fresh = await (await loaded).getToken(scope, signal === undefined ? {} : { abortSignal: signal });
      if (fresh === null) {
        throw new ConfideError("provider.unavailable", `The Azure credential gave no token for ${what}.`, { retryable: true, details: { provider } });
      }
      token = fresh;
    }
    return token;
  };
}
