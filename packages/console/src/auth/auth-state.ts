import type { User } from "../api/api-types.ts";
import { createStore, useStore } from "../store.ts";

/**
 * Who is signed in. The access token lives in this page's memory only (never localStorage or a
 * readable cookie): a reload signs in again through the refresh cookie, which scripts cannot read.
 */
export interface Signed {
  user: User;
  accessToken: string;
}

export const auth = createStore<Signed | null>(null);

export function useAuth(): Signed | null {
  return useStore(auth);
}
