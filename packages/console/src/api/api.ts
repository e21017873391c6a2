/**
 * The calls the shell's screens make, over @confide/client (`consoleClient`). Failures throw the
 * client's ConfideApiError, whose `code` is the problem's stable code.
 */
import { dataOf } from "@confide/client";
import { auth } from "../auth/auth-state.ts";
import { setLostSignIn } from "../auth/lost-sign-in.ts";
import { drafts } from "../drafts/draft-store.ts";
import type { Page, SessionQuery, SessionStatus, SessionSummary, User } from "./api-types.ts";
import { consoleClient } from "./console-client.ts";

const { api } = consoleClient;

export async function signIn(email: string, password: string): Promise<User> {
  const user = await consoleClient.signIn({ email, password });
  // Text another account left in this tab is not theirs to see.
  drafts.forgetAll(user.id);
  auth.set({ user });
  return user;
}

/** Signs in again from the refresh cookie (a reload, a new tab); null when there is none or it was refused. */
export async function resumeSession(): Promise<User | null> {
  const user = await consoleClient.resume();
  if (user) {
    drafts.forgetAll(user.id);
    auth.set({ user });
  }
  return user ?? null;
}

/**
 * Ends the sign-in on the server too; the console forgets it even when the server cannot be
 * reached, and forgets the unsaved text kept in this tab.
 */
export async function signOut(): Promise<void> {
  try {
    await consoleClient.signOut();
  } finally {
    drafts.forgetAll();
    setLostSignIn(null);
    auth.set(null);
  }
}

export function listSessions(query: SessionQuery): Promise<Page<SessionSummary>> {
  const { status, ...rest } = query;
  return dataOf(api.GET("/v1/sessions", { params: { query: { ...rest, ...(status ? { status: status.join(",") } : {}) } } }));
}

export function listPendingReview(query: { cursor?: string; limit?: number }): Promise<Page<SessionSummary>> {
  return dataOf(api.GET("/v1/sessions/pending", { params: { query } }));
}

export function listPatients(query: { q?: string; cursor?: string; limit?: number }): Promise<Page<User>> {
  return dataOf(api.GET("/v1/patients", { params: { query } }));
}

/**
 * Follows a session's status until it settles or is deleted, or `signal` aborts (the client
 * reconnects and refreshes the access token on the way).
 */
export async function followSession(
  sessionId: string,
  handlers: { onStatus: (status: SessionStatus) => void; onDeleted?: () => void; signal: AbortSignal },
): Promise<void> {
  for await (const event of consoleClient.sessionEvents(sessionId, { signal: handlers.signal })) {
    if (event.type === "deleted") handlers.onDeleted?.();
    else handlers.onStatus(event.status);
  }
}
