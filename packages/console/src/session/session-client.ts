import { createConfideClient } from "@confide/client";
import { auth } from "../auth/auth-state.ts";
import { createSessionApi } from "./session-api.ts";

/**
 * The session view's client, signed in with the shell's access token. Provisional until the
 * shell's own calls go through @confide/client: then this is `createSessionApi(<that client>)`.
 */
export const sessionClient = createConfideClient({
    baseUrl: "",
    fetch: (input, init) => {
      const request = new Request(input, init);
      const signed = auth.get();
      if (signed && !request.headers.has("authorization")) request.headers.set("authorization", `Bearer ${signed.accessToken}`);
      return fetch(request);
    },
});

export const sessionApi = createSessionApi(sessionClient);
