import type { SessionStatus } from "../api/api-types.ts";

export const statusLabels: Record<SessionStatus, string> = {
  live: "Live",
  uploaded: "Uploaded",
  queued: "Queued",
  transcribing: "Transcribing",
  analyzing: "Analysing",
  writing_notes: "Writing notes",
  ready: "Ready for review",
  finalized: "Finalized",
  failed: "Failed",
};

/** A session's status as a labelled chip; colour is never the only cue (the text says it). */
export function StatusChip({ status }: { status: SessionStatus }) {
  return (
    <span class={`chip chip-${status}`} data-status={status}>
      {statusLabels[status]}
    </span>
  );
}
