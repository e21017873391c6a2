import type { ChannelLayout } from "../api/api-types.ts";
import { auth } from "../auth/auth-state.ts";
import type { NoteFormat } from "../session/session-api.ts";

/** What the upload form says about a recording, apart from the file: what an upload is created with. */
export interface UploadDetails {
  patientId: string;
  title: string;
  titleShared: boolean;
  channelLayout: ChannelLayout;
  noteFormat: NoteFormat;
}

/**
 * The upload form kept across a reload of this tab: sessionStorage (gone with the tab, never the
 * URL), forgotten once the upload is stored and when the person signs out. `sending` is the file
 * being sent when the page went away (its name and size only) and the details it was created
 * with: choosing it again with the same details resumes it.
 */
export interface KeptUploadForm extends Partial<UploadDetails> {
  sending?: { name: string; size: number; details?: UploadDetails };
}

const storageKey = "confide.upload-form";

export function keptUploadForm(): KeptUploadForm {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? "{}") as KeptUploadForm;
  } catch {
    // Storage blocked or the value unreadable: start with an empty form.
    return {};
  }
}

/** Keeps the form; null forgets it. */
export function keepUploadForm(form: KeptUploadForm | null): void {
  try {
    if (form === null || (!form.patientId && !form.title && !form.sending)) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify(form));
  } catch {
    // Storage blocked: the form is simply not kept across a reload.
  }
}

/** True when two sets of details would create the same upload (a resumed upload keeps those it started with). */
export function sameDetails(a: UploadDetails, b: UploadDetails): boolean {
  return (
    a.patientId === b.patientId &&
    a.title.trim() === b.title.trim() &&
    a.titleShared === b.titleShared &&
    a.channelLayout === b.channelLayout &&
    a.noteFormat === b.noteFormat
  );
}

// A sign-out (or a sign-in that ended) forgets it; a reload, which starts signed out, does not.
let signedIn = auth.get() !== null;
auth.subscribe((state) => {
  if (signedIn && state === null) keepUploadForm(null);
  signedIn = state !== null;
});
