import type { ConfideDeps } from "../../deps.ts";
import { ConfideError } from "../../errors.ts";

/**
 * Ends every access token the user holds (raises their token generation). A user who no longer
 * exists has none left, so that is not an error.
 */
export async function revokeAccessTokensOf(deps: Pick<ConfideDeps, "users">, userId: string): Promise<void> {
  try {
    await deps.users.revokeAccessTokens(userId);
  } catch (error) {
    if (!ConfideError.is(error, "user.not_found")) throw error;
  }
}
