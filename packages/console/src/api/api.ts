/**
 * The calls the shell's screens make, over @confide/client (`consoleClient`). Failures throw the
 * client's ConfideApiError, whose `code` is the problem's stable code.
 */
import { dataOf, type Session } from "@confide/client";
import { auth } from "../auth/auth-state.ts";
import type { Page, SessionQuery, SessionStatus, SessionSummary, UploadForm, User } from "./api-types.ts";
import { consoleClient } from "./console-client.ts";

const { api } = consoleClient;

export async function signIn(email: string, password: string): Promise<User> {
  const user = await consoleClient.signIn({ email, password });
  auth.set({ user });
  return user;
}

/** Signs in again from the refresh cookie (a reload, a new tab); null when there is none or it was refused. */
export async function resumeSession(): Promise<User | null> {
  const user = await consoleClient.resume();
  if (user) auth.set({ user });
  return user ?? null;
}

/** Ends the sign-in on the server too; the console forgets it even when the server cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await consoleClient.signOut();
  } finally {
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

/** The transcription settings each channel layout of the form stands for. */
const channelSettings = {
  mono: { channelLayout: "mono" },
  "therapist-left": { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
  "therapist-right": { channelLayout: "per-channel", channelRoles: ["patient", "therapist"] },
} as const;

/** Uploads a recording, reporting the bytes sent; resolves with the new session. */
export function uploadSession(
  form: UploadForm,
  options: { onProgress: (sentBytes: number, totalBytes: number) => void; signal?: AbortSignal },
): Promise<Session> {
  return consoleClient.uploadSession(
    {
      patientId: form.patientId,
      ...(form.title.trim() === "" ? {} : { title: form.title.trim() }),
      settings: channelSettings[form.channelLayout],
      audio: form.audio,
      fileName: form.audio.name,
    },
    {
      onProgress: ({ sentBytes, totalBytes }) => options.onProgress(sentBytes, totalBytes ?? form.audio.size),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
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
