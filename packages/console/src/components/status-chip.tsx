import type { SessionStatus } from "../api/api-types.ts";

/** Every status in the pipeline's order (the sessions filter offers them in it), worded for a person. */
export const statusLabels: Record<SessionStatus, string> = {
  live: "Live",
  uploaded: "Uploaded",
  queued: "Queued",
  transcribing: "Transcribing",
  analyzing: "Analyzing",
  writing_notes: "Writing notes",
  ready: "Ready for review",
  finalized: "Finalized",
  failed: "Failed",
};

/** A session's status as a labelled chip; color is never the only cue (the text says it). */
export function StatusChip({ status }: { status: SessionStatus }) {
  return (
    <span class={`chip chip-${status}`} data-status={status}>
      {statusLabels[status]}
    </span>
  );
}
