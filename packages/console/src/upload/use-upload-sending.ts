import type { Session } from "@confide/client";
import { useEffect, useRef, useState } from "preact/hooks";
import type { UploadForm } from "../api/api-types.ts";
import { cancelUpload, uploadResumably } from "../api/resumable-upload.ts";
import { announce } from "../components/announcer.tsx";

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
  resumed: boolean;
}

/**
 * Sends an upload and says how far it got (null while none is on its way). Leaving the page
 * meanwhile asks first (the upload can be resumed by choosing the same file again); leaving the
 * screen pauses it.
 */
export function useUploadSending() {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);
  const sending = progress !== null;
  useEffect(() => {
    if (!sending) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [sending]);

  /** Resolves with the stored session; throws the refusal, the lost connection or the cancellation. */
  const send = async (form: UploadForm, resume: boolean): Promise<Session> => {
    cancel.current = new AbortController();
    let resumed = false;
    setProgress({ sentBytes: 0, totalBytes: form.audio.size, resumed });
    try {
      return await uploadResumably(form, {
        signal: cancel.current.signal,
        resume,
        onResume: () => {
          resumed = true;
          announce("Continuing the earlier upload of this file where it stopped.");
        },
        onProgress: (sentBytes, totalBytes) => setProgress({ sentBytes, totalBytes, resumed }),
      });
    } finally {
      // Settled: leaving the screen now has nothing to pause.
      cancel.current = null;
      setProgress(null);
    }
  };
  return { progress, send, cancel: () => cancel.current?.abort(cancelUpload) };
}
