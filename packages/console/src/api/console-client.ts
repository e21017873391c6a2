import { createConfideClient } from "@confide/client";
import { auth } from "../auth/auth-state.ts";
import { setLostSignIn } from "../auth/lost-sign-in.ts";

/**
 * The console's one @confide/client: same origin, the refresh token in the HttpOnly cookie (the
 * page never sees it), the access token in the client's memory. When the server refuses the
 * refresh (expired, revoked, reused) the console shows the sign-in form, saying why; text being
 * typed is kept (drafts/draft-store.ts) and offered back after signing in again.
 */
export const consoleClient = createConfideClient({
  baseUrl: "",
  refreshTokenIn: "cookie",
  onSignedOut: (reason) => {
    setLostSignIn({ code: reason.code });
    auth.set(null);
  },
});
