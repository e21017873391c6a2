import { useEffect, useRef } from "preact/hooks";
import { formatBytes } from "../components/problem-text.ts";

/**
 * The recording on its way: a progress bar, how much is sent, and Cancel. It takes the focus when
 * it appears (the form's fields are disabled meanwhile), so the focus never falls to the page.
 */
export function UploadProgressPanel({ sentBytes, totalBytes, resumed, onCancel }: { sentBytes: number; totalBytes: number; resumed: boolean; onCancel: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div class="field upload-progress" ref={panel} tabIndex={-1} role="group" aria-labelledby="upload-progress-label" data-testid="upload-progress">
      <label id="upload-progress-label" for="upload-progress">
        Sending the recording
      </label>
      <progress id="upload-progress" max={totalBytes || 1} value={sentBytes} />
      {resumed ? (
        <span class="hint" data-testid="upload-resumed">
          Continuing the earlier upload of this file where it stopped.
        </span>
      ) : null}
      <span class="hint" aria-hidden="true">
        {formatBytes(sentBytes)} of {formatBytes(totalBytes)}
      </span>
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
