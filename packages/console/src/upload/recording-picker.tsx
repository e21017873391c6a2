import type { Ref } from "preact";
import { useState } from "preact/hooks";
import { formatBytes } from "../components/problem-text.ts";

/** The recording to upload: dropped on the zone or chosen with the file input; says when none was chosen. */
export function RecordingPicker({
  file,
  missing,
  disabled,
  inputRef,
  onChoose,
}: {
  file: File | null;
  missing: boolean;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
  onChoose: (file: File) => void;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      class={`drop-zone${dragging ? " dragging" : ""}${missing ? " invalid" : ""}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const dropped = event.dataTransfer?.files[0];
        if (disabled || !dropped) return;
        // The file input shows the dropped file too (and a form reset clears both).
        const input = typeof inputRef === "object" ? inputRef?.current : null;
        if (input && event.dataTransfer) input.files = event.dataTransfer.files;
        onChoose(dropped);
      }}
    >
      <label for="upload-file">Recording</label>
      <p class="hint" id="upload-file-hint">
        Drop an audio file here, or choose one (WAV, MP3, OGG, FLAC, M4A, WebM).
      </p>
      <input
        ref={inputRef}
        id="upload-file"
        name="audio"
        type="file"
        accept="audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.mp4,.webm"
        disabled={disabled}
        aria-describedby={missing ? "upload-file-hint upload-file-missing" : "upload-file-hint"}
        aria-invalid={missing}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          if (chosen) onChoose(chosen);
        }}
      />
      {file ? (
        <p class="chosen-file">
          Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
        </p>
      ) : null}
      {missing ? (
        <p class="error-message" id="upload-file-missing" role="alert">
          Choose a recording to upload.
        </p>
      ) : null}
    </div>
  );
}
