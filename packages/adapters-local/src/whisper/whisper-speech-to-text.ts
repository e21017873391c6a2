import { parseSettings } from "@confide/core/adapter-kit";
import { type AudioSource, ConfideError, type Segment, type SpeechResult, type SpeechToText, type SpeechWarning, type TranscriptDraft, type TranscriptionSettings } from "@confide/core/ports";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { probeChannels, splitChannels } from "../ffmpeg/ffmpeg-audio.ts";
import { whisperSettings, type WhisperSettings } from "./settings.ts";
import { createWhisperRequests, primarySubtag, type Upload } from "./whisper-requests.ts";
import { durationMsOf, serverSpeakers, toSegments, type WhisperVerboseJson } from "./whisper-verbose-json.ts";

const provider = "whisper";
/** More channels than this is not a conversation recording; refuse rather than send them all. */
const maxChannels = 8;

const extensionByContentType: Record<string, string> = {
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/ogg": "ogg",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/webm": "webm",
};

interface ChannelTranscript {
  json: WhisperVerboseJson;
  segments: Array<Omit<Segment, "id">>;
}

let languageCodesByName: Map<string, string> | undefined;

/** English language names ("english", "german") to ISO 639-1 codes, built once from Intl. */
function languageCodeForName(name: string): string | undefined {
  if (languageCodesByName === undefined) {
    languageCodesByName = new Map();
    const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (const first of letters) {
      for (const second of letters) {
        const code = first + second;
        const display = names.of(code);
        if (display !== undefined) languageCodesByName.set(display.toLowerCase(), code);
      }
    }
  }
  return languageCodesByName.get(name.toLowerCase());
}

/**
 * The transcript's BCP-47 language: the requested locale (or candidate) when the server's
 * language matches it ("en" or "english" for "en-US"), else the server's language as a code.
 */
function transcriptLanguage(reported: string | undefined, settings: TranscriptionSettings): string {
  const candidates = [settings.language, ...(settings.candidateLanguages ?? [])];
  if (reported === undefined) return settings.candidateLanguages?.[0] ?? settings.language;
  const code = /^[a-z]{2,3}$/i.test(reported) ? reported.toLowerCase() : languageCodeForName(reported);
  if (code === undefined) return settings.language;
  return candidates.find((candidate) => primarySubtag(candidate) === code) ?? code;
}

/** Settings Whisper cannot honour, reported rather than silently ignored. */
function settingWarnings(settings: TranscriptionSettings): SpeechWarning[] {
  const warnings: SpeechWarning[] = [];
  if (settings.profanity !== "none") {
    warnings.push({
      type: "unsupported",
      feature: "profanity",
      message: `Whisper does not filter profanity; the transcript is verbatim (asked: ${settings.profanity}).`,
    });
  }
  if (settings.punctuation === "none") {
    warnings.push({
      type: "unsupported",
      feature: "punctuation",
      message: "Whisper always punctuates; punctuation was kept.",
    });
  }
  return warnings;
}

/**
 * SpeechToText over any Whisper-compatible server (`POST /v1/audio/transcriptions`). The
 * recording is streamed into a multipart request, never held in memory. Whisper does not
 * diarize: a mono recording becomes one speaker "S1"; a one-speaker-per-channel recording is
 * split with ffmpeg and each channel transcribed as its own speaker ("ch0", "ch1", …).
 * Answers are synchronous, so `submit` always returns `done`.
 * @throws ConfideError `validation.invalid_input` naming a bad setting (settings.ts).
 */
export function createWhisperSpeechToText(settings: WhisperSettings): SpeechToText {
  const resolved = parseSettings(whisperSettings, settings);

  const { transcribeUpload, check } = createWhisperRequests(resolved);

  function draft(
    channelTranscripts: ChannelTranscript[],
    speakers: TranscriptDraft["speakers"],
    settings: TranscriptionSettings,
  ): TranscriptDraft {
    const segments = channelTranscripts
      .flatMap((transcript) => transcript.segments)
      .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
    if (segments.length === 0) {
      throw new ConfideError("speech.no_speech", "The Whisper server heard no speech in the recording.", {
        retryable: false,
        details: { provider },
      });
    }
    const reported = channelTranscripts.find((transcript) => transcript.json.language !== undefined)?.json.language;
    return {
      language: transcriptLanguage(reported, settings),
      durationMs: Math.max(...channelTranscripts.map((transcript) => durationMsOf(transcript.json, transcript.segments))),
      speakers,
      segments,
      provider,
    };
  }

  async function transcribeMono(
    audio: AudioSource,
    settings: TranscriptionSettings,
    warnings: SpeechWarning[],
    signal: AbortSignal | undefined,
  ): Promise<SpeechResult> {
    const extension = extensionByContentType[audio.contentType.split(";")[0]!.trim().toLowerCase()] ?? "wav";
    const json = await transcribeUpload(
      {
        open: (requestSignal) => audio.open(requestSignal),
        filename: `audio.${extension}`,
        contentType: audio.contentType,
        sizeBytes: Number.isInteger(audio.sizeBytes) && audio.sizeBytes >= 0 ? audio.sizeBytes : null,
      },
      settings,
      signal,
    );
    // A server that diarizes (OpenAI's diarized_json, WhisperX) labels every segment: its speakers stand.
    const labels = settings.diarization ? serverSpeakers(json) : null;
    if (labels) {
      const transcript = draft(
        [{ json, segments: toSegments(json, "S1", settings.wordTimestamps, { serverSpeakers: true }) }],
        labels.map((label) => ({ label })),
        settings,
      );
      return { status: "done", transcript: { ...transcript, speakerDetection: { method: "provider", confidence: null } }, warnings };
    }
    if (settings.diarization) {
      warnings.push({
        type: "unsupported",
        feature: "diarization",
        message: "Whisper does not separate speakers; the transcript has one speaker, S1.",
      });
    }
    const transcript = draft([{ json, segments: toSegments(json, "S1", settings.wordTimestamps) }], [{ label: "S1" }], settings);
    return { status: "done", transcript, warnings };
  }

  async function transcribePerChannel(
    audio: AudioSource,
    settings: TranscriptionSettings,
    warnings: SpeechWarning[],
    signal: AbortSignal | undefined,
  ): Promise<SpeechResult> {
    const channels =
      audio.channels ??
      (await probeChannels({ ffprobePath: resolved.ffprobePath, audio: await audio.open(signal), signal }));
    if (channels < 2) {
      warnings.push({
        type: "unsupported",
        feature: "channelLayout",
        message: "The recording has one channel; it was transcribed as one speaker.",
      });
      return transcribeMono(audio, { ...settings, diarization: false }, warnings, signal);
    }
    if (channels > maxChannels) {
      throw new ConfideError(
        "provider.unsupported",
        `A one-speaker-per-channel recording may have at most ${maxChannels} channels; this one has ${channels}.`,
        { retryable: false, details: { provider, channels } },
      );
    }

    const directory = await mkdtemp(join(resolved.temporaryDirectory ?? tmpdir(), "confide-whisper-"));
    try {
      const files = await splitChannels({
        ffmpegPath: resolved.ffmpegPath,
        input: { stream: await audio.open(signal) },
        channels,
        workDirectory: directory,
        signal,
      });
      const transcripts: ChannelTranscript[] = [];
      // One channel after the other: a self-hosted server usually runs one transcription at a time.
      for (const { channel, path } of files) {
        const { size } = await stat(path);
        const json = await transcribeUpload(
          {
            open: async () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
            filename: `channel-${channel}.wav`,
            contentType: "audio/wav",
            sizeBytes: size,
          },
          settings,
          signal,
        );
        transcripts.push({ json, segments: toSegments(json, `ch${channel}`, settings.wordTimestamps) });
      }
      const speakers = files.map(({ channel }) => ({ label: `ch${channel}`, channel }));
      return { status: "done", transcript: draft(transcripts, speakers, settings), warnings };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  return {
    provider,

    async submit(audio, settings, options = {}) {
      const warnings = settingWarnings(settings);
      return settings.channelLayout === "per-channel"
        ? transcribePerChannel(audio, settings, warnings, options.signal)
        : transcribeMono(audio, settings, warnings, options.signal);
    },

    async poll(ref, _settings, options = {}) {
      options.signal?.throwIfAborted();
      throw new ConfideError(
        "provider.rejected",
        `The Whisper adapter transcribes synchronously and has no job "${ref}" to poll.`,
        { retryable: false, details: { provider } },
      );
    },

    // A Whisper-compatible server answers within the request and offers no job to delete
    // afterwards (what a hosted one logs is its operator's retention policy, beyond this API):
    // nothing to discard, whatever the ref.
    async discard(_ref, options = {}) {
      options.signal?.throwIfAborted();
    },

    async check(options = {}) {
      await check(options.signal);
    },

    async close() {},
  };
}
