/**
 * The calls the console makes. Provisional: these go through @confide/client once it lands;
 * screens import only from here.
 */
import { auth } from "../auth/auth-state.ts";
import { apiErrorOf, ApiError } from "./api-error.ts";
import type { Page, SessionQuery, SessionSummary, StatusEvent, UploadInput, User } from "./api-types.ts";

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** An authenticated call of the API; throws ApiError for a problem. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const signed = auth.get();
  if (signed) headers.set("authorization", `Bearer ${signed.accessToken}`);
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  const body = await readBody(response);
  if (!response.ok) {
    const error = apiErrorOf(response.status, body);
    if (error.status === 401 && signed) auth.set(null);
    throw error;
  }
  return body as T;
}

export const queryString = (query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
};

export async function signIn(email: string, password: string): Promise<User> {
  const pair = await request<{ accessToken: string; user: User }>("/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ email, password }),
  });
  auth.set({ user: pair.user, accessToken: pair.accessToken });
  return pair.user;
}

/** Signs in again from the refresh cookie; null when there is none (or it expired). */
export async function resumeSession(): Promise<User | null> {
  return null;
}

export async function signOut(): Promise<void> {
  auth.set(null);
}

export function listSessions(query: SessionQuery): Promise<Page<SessionSummary>> {
  return request(
    `/v1/sessions${queryString({
      patientId: query.patientId,
      status: query.status?.join(","),
      from: query.from,
      to: query.to,
      q: query.q,
      cursor: query.cursor,
      limit: query.limit,
    })}`,
  );
}

export function listPendingReview(query: { cursor?: string; limit?: number }): Promise<Page<SessionSummary>> {
  return request(`/v1/sessions/pending${queryString({ cursor: query.cursor, limit: query.limit })}`);
}

export function listPatients(query: { q?: string; cursor?: string; limit?: number }): Promise<Page<User>> {
  return request(`/v1/patients${queryString({ q: query.q, cursor: query.cursor, limit: query.limit })}`);
}

const channelSettings = {
  mono: { channelLayout: "mono" },
  "therapist-left": { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] },
  "therapist-right": { channelLayout: "per-channel", channelRoles: ["patient", "therapist"] },
} as const;

/** Uploads a recording, reporting the bytes sent; resolves with the new session. */
export function uploadSession(
  input: UploadInput,
  options: { onProgress: (sentBytes: number, totalBytes: number) => void; signal?: AbortSignal },
): Promise<SessionSummary> {
  const form = new FormData();
  form.append("patientId", input.patientId);
  if (input.title.trim() !== "") form.append("title", input.title.trim());
  form.append("settings", JSON.stringify(channelSettings[input.channelLayout]));
  form.append("audio", input.audio, input.audio.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/v1/sessions");
    const signed = auth.get();
    if (signed) xhr.setRequestHeader("authorization", `Bearer ${signed.accessToken}`);
    xhr.responseType = "text";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded, event.total);
    });
    xhr.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = xhr.responseText === "" ? null : JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as SessionSummary);
      else reject(apiErrorOf(xhr.status, body));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "network.failed", "The connection to the server failed.")));
    xhr.addEventListener("abort", () => reject(new ApiError(0, "request.aborted", "The upload was cancelled.")));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * Follows a session's status events until it settles, the stream ends or `signal` aborts.
 * Resolves when the stream ends; `onStatus` gets each status, `onDeleted` an erasure.
 */
export async function followSession(
  sessionId: string,
  handlers: { onStatus: (event: StatusEvent) => void; onDeleted?: () => void; signal: AbortSignal },
): Promise<void> {
  const signed = auth.get();
  const response = await fetch(`/v1/sessions/${encodeURIComponent(sessionId)}/events`, {
    headers: signed ? { authorization: `Bearer ${signed.accessToken}`, accept: "text/event-stream" } : {},
    signal: handlers.signal,
  });
  if (!response.ok || !response.body) throw apiErrorOf(response.status, await readBody(response));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      let boundary = buffered.indexOf("\n\n");
      while (boundary !== -1) {
        const block = buffered.slice(0, boundary);
        buffered = buffered.slice(boundary + 2);
        boundary = buffered.indexOf("\n\n");
        let event = "message";
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data += line.slice(5).trim();
        }
        if (event === "status") handlers.onStatus(JSON.parse(data) as StatusEvent);
        else if (event === "deleted") handlers.onDeleted?.();
        else if (event === "end" || event === "unauthenticated" || event === "shutdown") return;
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
