/**
 * LiveSpeechToText over a Whisper-compatible server: the utterance cutter of core cuts the
 * stream at pauses (per channel for one-speaker-per-channel audio), and each utterance is sent
 * as a 16 kHz mono WAV to `POST /v1/audio/transcriptions` as soon as it ends — the same request,
 * settings and verbose_json reading as the batch Whisper adapter. Finals only; no live
 * diarization (a mono stream has `speaker: null`). Utterances of one recognition are sent one
 * after the other, so finals come in order and a self-hosted server is not flooded.
 */
import { type LiveUtterance, parseSettings, startUtteranceRecognition, type UtteranceTranscript } from "@confide/core/adapter-kit";
import type { LiveSpeechToText } from "@confide/core/ports";
import { cutterOptions } from "../live-utterances/utterance-cutter-settings.ts";
import { createWhisperRequests } from "../whisper/whisper-requests.ts";
import { toSegments } from "../whisper/whisper-verbose-json.ts";
import { whisperLiveSettings, type WhisperLiveSettings } from "./settings.ts";
import { utteranceWav } from "./utterance-wav.ts";

const provider = "whisper-live";

/**
 * Creates the Whisper live engine.
 * @throws ConfideError `validation.invalid_input` naming a bad setting (settings.ts).
 */
export function createWhisperLiveSpeechToText(settings: WhisperLiveSettings): LiveSpeechToText {
  const resolved = parseSettings(whisperLiveSettings, settings);
  const { utteranceTimeoutMs } = resolved;
  const { transcribeUpload, check } = createWhisperRequests({ ...resolved, timeoutMs: utteranceTimeoutMs, responseFormat: "verbose_json" });
  let sent = 0;

  function decoder(language: string) {
    return async (utterance: LiveUtterance, signal: AbortSignal): Promise<UtteranceTranscript | null> => {
      const wav = utteranceWav(utterance.samples, 16_000);
      sent += 1;
      const json = await transcribeUpload(
        {
          open: async () =>
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(wav);
                controller.close();
              },
            }),
          filename: `utterance-${sent}.wav`,
          contentType: "audio/wav",
          sizeBytes: wav.byteLength,
        },
        { language, wordTimestamps: true },
        signal,
        utteranceTimeoutMs,
      );
      const segments = toSegments(json, "live", true);
      const text = segments.map((segment) => segment.text).join(" ").trim();
      if (text === "") return null;
      const words = segments.flatMap((segment) => segment.words ?? []);
      const confidences = segments.flatMap((segment) => (segment.confidence === undefined ? [] : [segment.confidence]));
      return {
        text,
        words,
        ...(confidences.length === 0 ? {} : { confidence: confidences.reduce((sum, value) => sum + value, 0) / confidences.length }),
      };
    };
  }

  return {
    provider,
    capabilities: { partials: false, liveDiarization: false, perChannel: true },
    // The server decodes; this process only cuts utterances. Each is sent after its pause and
    // decoded whole, so its final waits for the pause plus the server's decode of the utterance.
    streamCost: { coresPerStream: 0, finalDelayTargetMs: 3_000 },

    async open(liveSettings, options = {}) {
      options.signal?.throwIfAborted();
      return startUtteranceRecognition(liveSettings, {
        decode: decoder(liveSettings.language),
        cutter: cutterOptions(resolved),
      });
    },

    async check(options = {}) {
      await check(options.signal);
    },

    async close() {},
  };
}
