import { createStore, useStore } from "../store.ts";

/**
 * Why the last sign-in ended without the person signing out: the code of the refused refresh
 * (`auth.refresh_invalid`: expired, or ended in another tab or window; `auth.refresh_reused`:
 * ended for safety). Kept in this tab's sessionStorage too, so a reload of the sign-in screen
 * still says it; never anything about a patient.
 */
export interface LostSignIn {
  code: string;
}

const storageKey = "confide.lost-sign-in";

function readKept(): LostSignIn | null {
  try {
    const kept = sessionStorage.getItem(storageKey);
    return kept === null ? null : (JSON.parse(kept) as LostSignIn);
  } catch {
    return null;
  }
}

export const lostSignIn = createStore<LostSignIn | null>(typeof sessionStorage === "undefined" ? null : readKept());

export function useLostSignIn(): LostSignIn | null {
  return useStore(lostSignIn);
}

/** Records (or, with null, forgets) why the sign-in ended. */
export function setLostSignIn(value: LostSignIn | null): void {
  lostSignIn.set(value);
  try {
    if (value === null) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify({ code: value.code }));
  } catch {
    // Storage blocked: the reason is shown in this page only.
  }
}

/** The reason in words, to follow "You were signed out because …". */
export function lostSignInReason(lost: LostSignIn | null): string {
  switch (lost?.code) {
    case "auth.refresh_reused":
      return "your sign-in was used from two places at once, so it was ended for safety";
    case "auth.refresh_invalid":
    case "auth.unauthenticated":
      return "your sign-in expired or was ended in another tab or window";
    case undefined:
      return "your sign-in ended before this text was saved";
    default:
      return "the server no longer accepted your sign-in";
  }
}
