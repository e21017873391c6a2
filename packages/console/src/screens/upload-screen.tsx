import type { Session } from "@confide/client";
import { useState } from "preact/hooks";
import { UploadDonePanel } from "../upload/upload-done-panel.tsx";
import { UploadFormPanel } from "../upload/upload-form-panel.tsx";

/** Upload a recording (the form, its progress), then follow the stored session until it is ready. */
export function UploadScreen() {
  const [sent, setSent] = useState<Session | null>(null);
  // "Upload another recording" keeps the patient of the one just sent.
  const [lastPatientId, setLastPatientId] = useState<string | undefined>(undefined);
  if (sent) {
    return (
      <UploadDonePanel
        session={sent}
        onAnother={() => {
          setLastPatientId(sent.patientId);
          setSent(null);
        }}
      />
    );
  }
  return <UploadFormPanel {...(lastPatientId ? { patientId: lastPatientId } : {})} onSent={setSent} />;
}
