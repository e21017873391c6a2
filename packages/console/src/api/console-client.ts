import { createConfideClient } from "@confide/client";
import { auth } from "../auth/auth-state.ts";

/**
 * The console's one @confide/client: same origin, the refresh token in the HttpOnly cookie (the
 * page never sees it), the access token in the client's memory. When the server refuses the
 * refresh (expired, revoked, reused) the console shows the sign-in form.
 */
export const consoleClient = createConfideClient({
  baseUrl: "",
  refreshTokenIn: "cookie",
  onSignedOut: () => auth.set(null),
});
