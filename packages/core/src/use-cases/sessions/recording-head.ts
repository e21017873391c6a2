import { maxAudioChannels, sniffAudio, sniffBytes, type SniffedAudio } from "../../domain/audio-format.ts";
import { ConfideError, invalidInput } from "../../errors.ts";

/**
 * Recognises the recording from its first chunks (at least `sniffBytes` of them, or all there were).
 * @throws ConfideError `upload.empty`, `upload.not_audio`, `validation.invalid_input` (channel count).
 */
export function sniffHead(chunks: Uint8Array[]): SniffedAudio {
  const head = new Uint8Array(sniffBytes);
  let length = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, sniffBytes - length);
    head.set(part, length);
    length += part.byteLength;
    if (length === sniffBytes) break;
  }
  if (length === 0) throw new ConfideError("upload.empty", "The recording is empty.");
  const sniffed = sniffAudio(head.subarray(0, length));
  if (!sniffed) {
    throw new ConfideError(
      "upload.not_audio",
      "The file is not a recording in a supported format (WAV, MP3, OGG, FLAC, MP4/M4A, WebM).",
    );
  }
  if (sniffed.channels !== null && (sniffed.channels < 1 || sniffed.channels > maxAudioChannels)) {
    throw invalidInput(
      `The recording's header says it has ${sniffed.channels} channels: recordings with 1 to ${maxAudioChannels} channels are supported.`,
      "audio",
    );
  }
  return sniffed;
}
