import type { User } from "../api/api-types.ts";
import { createStore, useStore } from "../store.ts";

/**
 * Who is signed in. The tokens are the console client's (api/console-client.ts): the access
 * token in this page's memory only (never localStorage or a readable cookie), the refresh token
 * in an HttpOnly cookie scripts cannot read, so a reload signs in again.
 */
export interface Signed {
  user: User;
}

export const auth = createStore<Signed | null>(null);

export function useAuth(): Signed | null {
  return useStore(auth);
}
