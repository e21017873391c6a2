import { dataOf } from "@confide/client";
import { useState } from "preact/hooks";
import { consoleClient } from "../api/console-client.ts";
import { auth, useAuth } from "../auth/auth-state.ts";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { defaultNoteFormatOf, NoteFormatField } from "../components/note-format-field.tsx";
import { VoiceEnrolmentSection } from "../voice/voice-enrolment-section.tsx";
import { ScreenHeading } from "./screen-heading.tsx";

/** The therapist's own account: the note format new sessions start with, and their voice enrolment. */
export function AccountScreen() {
  const signed = useAuth();
  const [format, setFormat] = useState(() => defaultNoteFormatOf(signed?.user));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (!signed) return null;
  return (
    <>
      <ScreenHeading title="Your account">Your account</ScreenHeading>
      <p>
        {signed.user.displayName} ({signed.user.email})
      </p>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          setSaved(false);
          try {
            const user = await dataOf(consoleClient.api.PATCH("/v1/me", { body: { defaultNoteFormat: format } }));
            auth.set({ user });
            setSaved(true);
            announce("Your default note format was saved.");
          } catch (failure) {
            setError(failure);
          } finally {
            setBusy(false);
          }
        }}
      >
        <NoteFormatField
          id="account-note-format"
          label="Default note format"
          value={format}
          disabled={busy}
          hint="New uploads and live sessions start with this format; you can change it for each session."
          onChange={(chosen) => {
            setFormat(chosen);
            setSaved(false);
          }}
        />
        <ErrorMessage error={error} id="account-error" />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
          {saved ? <span role="status">Saved.</span> : null}
        </div>
      </form>
      <VoiceEnrolmentSection />
    </>
  );
}
