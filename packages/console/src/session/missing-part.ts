/**
 * What the session page says where a part (the transcript, the patient's sentiment, the notes)
 * is missing, by why it is missing: still being processed, processing stopped, or not made for
 * this session. A failed session never reads as if the notes were merely on their way.
 */
export type SessionPart = "transcript" | "sentiment" | "notes";

const processing = new Set(["uploaded", "queued", "transcribing", "analyzing", "writing_notes", "live"]);

const words: Record<"processing" | "failed" | "absent", Record<SessionPart, string>> = {
  processing: {
    transcript: "No transcript yet: the recording is still being processed.",
    sentiment: "Not measured yet: the session is still being processed.",
    notes: "No notes yet: they are written once the transcript is ready.",
  },
  failed: {
    transcript: "There is no transcript: processing stopped before it was written. What failed, and what you can do, is said at the top of the page.",
    sentiment: "Not measured: processing stopped before the sentiment was measured.",
    notes: "No notes were written: processing stopped before the notes. Once the session is processed again, they are written.",
  },
  absent: {
    transcript: "There is no transcript for this session.",
    sentiment: "The patient's sentiment was not measured for this session.",
    notes: "No notes were written for this session.",
  },
};

export function missingPartWords(status: string, part: SessionPart): string {
  const why = status === "failed" ? "failed" : processing.has(status) ? "processing" : "absent";
  return words[why][part];
}
