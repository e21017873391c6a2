import { httpFailureClass } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";

const provider = "azure-live";

/**
 * The HTTP status of a refused WebSocket upgrade, as the SDK words it in a cancellation's
 * details ("… Reason: Unexpected server response: 401"); undefined when the words name none.
 */
function upgradeStatus(details: string): number | undefined {
  const match = /(?:server response|status code)[^0-9]{0,4}([1-5][0-9]{2})\b/i.exec(details);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Maps a `canceled` event of the Speech SDK (reason Error) to a ConfideError. `errorCode` is the
 * SDK's `CancellationErrorCode` by name. TooManyRequests → `provider.throttled` (retryable);
 * AuthenticationFailure, Forbidden (quota), BadRequestParameters, and a connection whose
 * upgrade was refused with 401/403 → `provider.rejected`; a failed connection, a service
 * error or timeout → `provider.unavailable` (retryable). The SDK's details never carry the key
 * (it is sent in the URL, which its messages name only as the endpoint property, unset here),
 * but only the first 200 characters are kept.
 */
export function errorFromCancellation(errorCode: string, errorDetails: string | undefined): ConfideError {
  const said = (errorDetails ?? "").replace(/Ocp-Apim-Subscription-Key=[^&\s]*/gi, "Ocp-Apim-Subscription-Key=…").slice(0, 200);
  const details = { provider, reason: errorCode };
  switch (errorCode) {
    case "TooManyRequests":
      return new ConfideError("provider.throttled", `Azure Speech is throttling live transcription (too many concurrent recognitions): ${said}`, {
        retryable: true,
        details,
      });
    case "AuthenticationFailure":
    case "Forbidden":
      return new ConfideError("provider.rejected", `Azure Speech refused the live transcription (${errorCode}): ${said}. Check the key and the resource's quota.`, {
        retryable: false,
        details,
      });
    case "BadRequestParameters":
      return new ConfideError("provider.rejected", `Azure Speech refused the live transcription's parameters: ${said}`, { retryable: false, details });
    case "ConnectionFailure": {
      const status = upgradeStatus(said);
      const failure = status === undefined ? undefined : httpFailureClass(status);
      if (failure === "credentials") {
        return new ConfideError("provider.rejected", `Azure Speech refused the credentials for live transcription (HTTP ${status}). Check the key and region.`, {
          retryable: false,
          details: { ...details, status },
        });
      }
      if (failure === "throttled") {
        return new ConfideError("provider.throttled", "Azure Speech is throttling live transcription (HTTP 429).", { retryable: true, details: { ...details, status } });
      }
      return new ConfideError("provider.unavailable", `Azure Speech could not be reached or dropped the connection: ${said}`, { retryable: true, details });
    }
    default:
      return new ConfideError("provider.unavailable", `Azure Speech failed during live transcription (${errorCode}): ${said}`, { retryable: true, details });
  }
}
