import { auth } from "../auth/auth-state.ts";

/**
 * The upload form's patient and title, kept across a reload of this tab: sessionStorage (gone
 * with the tab, never the URL), forgotten once the upload is stored and when the person signs
 * out.
 */
export interface KeptUploadForm {
  patientId?: string;
  title?: string;
  /** The file being sent when the page went away (its name and size only): choosing it again resumes. */
  sending?: { name: string; size: number };
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
export function keepUploadForm(form: { patientId: string; title: string; sending?: { name: string; size: number } } | null): void {
  try {
    if (form === null || (form.patientId === "" && form.title === "")) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify(form));
  } catch {
    // Storage blocked: the form is simply not kept across a reload.
  }
}

// A sign-out (or a sign-in that ended) forgets it; a reload, which starts signed out, does not.
let signedIn = auth.get() !== null;
auth.subscribe((state) => {
  if (signedIn && state === null) keepUploadForm(null);
  signedIn = state !== null;
});
