/**
 * The transcript file Amazon Transcribe writes for a batch job, built from a test's script of
 * segments, in the shape the Developer Guide's examples show:
 *
 *   { jobName, accountId, status: "COMPLETED", results: {
 *       transcripts: [{ transcript }],
 *       items: [{ id, type: "pronunciation" | "punctuation", start_time, end_time,
 *                 alternatives: [{ confidence, content }], speaker_label?, channel_label? }],
 *       speaker_labels?: { channel_label: "ch_0", speakers, segments: [{ start_time, end_time,
 *                          speaker_label, items: [{ start_time, end_time, speaker_label }] }] },
 *       channel_labels?: { channels: [{ channel_label, items: [...] }], number_of_channels },
 *       audio_segments?: [{ id, transcript, start_time, end_time, speaker_label?, channel_label?,
 *                           items: [item ids] }] } }
 *
 * Times and confidences are strings ("4.87", "0.998"); punctuation items have no times and
 * confidence "0.0". Speaker labels (`spk_0` …) appear only when the job asked for
 * ShowSpeakerLabels — a speaker beyond MaxSpeakerLabels is merged into the last label, as the
 * service merges extra speakers — channel labels (`ch_0`, `ch_1`) only with
 * ChannelIdentification. `audio_segments` (newer output) appears with the shape
 * "items-and-audio-segments"; "items" is the older output without it.
 */

export interface FakeTranscribeSegment {
  startMs: number;
  endMs: number;
  /** Words and punctuation; the words share the segment's time evenly. */
  text: string;
  /** 0-based; labelled `spk_<n>` when the job asked for speaker labels. */
  speaker?: number;
  /** 0-based; labelled `ch_<n>` when the job asked for channel identification. */
  channel?: number;
  /** Of every word in the segment (default 0.99). */
  confidence?: number;
}

export interface FakeTranscribeTranscript {
  segments: FakeTranscribeSegment[];
  /** With language identification: the language found (default the first LanguageOptions entry, else en-US). */
  identifiedLanguage?: string;
  /** Default 0.98. */
  identifiedLanguageScore?: number;
}

export type TranscribeOutputShape = "items" | "items-and-audio-segments";

export interface TranscribeOutputOptions {
  jobName: string;
  accountId: string;
  shape: TranscribeOutputShape;
  /** MaxSpeakerLabels when the job asked for ShowSpeakerLabels. */
  maxSpeakerLabels: number | undefined;
  channelIdentification: boolean;
  /** Channels of the media when known (channel_labels.number_of_channels). */
  mediaChannels: number | null;
}

interface Item {
  id: number;
  type: "pronunciation" | "punctuation";
  start_time?: string;
  end_time?: string;
  alternatives: [{ confidence: string; content: string }];
  speaker_label?: string;
  channel_label?: string;
}

/** Seconds as Transcribe writes them: up to three decimals, no trailing zeros. */
export const transcribeSeconds = (ms: number) => String(Number((ms / 1000).toFixed(3)));

/** A word, `***` (a word a vocabulary filter masked: still a pronunciation item), or one punctuation mark. */
const tokenPattern = /\*\*\*|[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]/gu;
const isWord = (token: string) => token === "***" || /[\p{L}\p{N}]/u.test(token);

function joinTokens(items: Item[]): string {
  return items.reduce((text, item) => (text === "" ? item.alternatives[0].content : item.type === "punctuation" ? text + item.alternatives[0].content : `${text} ${item.alternatives[0].content}`), "");
}

export function transcribeOutputFile(transcript: FakeTranscribeTranscript, options: TranscribeOutputOptions): Record<string, unknown> {
  const segments = [...transcript.segments].sort((a, b) => a.startMs - b.startMs);
  const speakerLabel = (segment: FakeTranscribeSegment) =>
    options.maxSpeakerLabels === undefined ? undefined : `spk_${Math.min(segment.speaker ?? 0, options.maxSpeakerLabels - 1)}`;
  const channelLabel = (segment: FakeTranscribeSegment) => (options.channelIdentification ? `ch_${segment.channel ?? 0}` : undefined);

  const items: Item[] = [];
  const perSegment = segments.map((segment) => {
    const tokens = segment.text.match(tokenPattern) ?? [];
    const wordCount = tokens.filter(isWord).length;
    const wordMs = wordCount === 0 ? 0 : (segment.endMs - segment.startMs) / wordCount;
    const labels = {
      ...(speakerLabel(segment) === undefined ? {} : { speaker_label: speakerLabel(segment) }),
      ...(channelLabel(segment) === undefined ? {} : { channel_label: channelLabel(segment) }),
    };
    let word = 0;
    const own = tokens.map((token): Item => {
      const id = items.length;
      const item: Item = isWord(token)
        ? {
            id,
            type: "pronunciation",
            start_time: transcribeSeconds(segment.startMs + word * wordMs),
            end_time: transcribeSeconds(segment.startMs + ++word * wordMs),
            alternatives: [{ confidence: String(segment.confidence ?? 0.99), content: token }],
            ...labels,
          }
        : { id, type: "punctuation", alternatives: [{ confidence: "0.0", content: token }], ...labels };
      items.push(item);
      return item;
    });
    return { segment, items: own };
  });

  const results: Record<string, unknown> = { transcripts: [{ transcript: joinTokens(items) }] };
  if (options.maxSpeakerLabels !== undefined) {
    const labels = new Set(perSegment.map(({ segment }) => speakerLabel(segment)));
    results.speaker_labels = {
      channel_label: "ch_0",
      speakers: labels.size,
      segments: perSegment.map(({ segment, items: own }) => ({
        start_time: transcribeSeconds(segment.startMs),
        speaker_label: speakerLabel(segment),
        end_time: transcribeSeconds(segment.endMs),
        items: own
          .filter((item) => item.type === "pronunciation")
          .map((item) => ({ start_time: item.start_time, speaker_label: item.speaker_label, end_time: item.end_time })),
      })),
    };
  }
  results.items = items;
  if (options.channelIdentification) {
    const channels = [...new Set(perSegment.map(({ segment }) => segment.channel ?? 0))].sort((a, b) => a - b);
    results.channel_labels = {
      channels: channels.map((channel) => ({ channel_label: `ch_${channel}`, items: items.filter((item) => item.channel_label === `ch_${channel}`) })),
      number_of_channels: options.mediaChannels ?? Math.max(2, channels.length),
    };
  }
  if (options.shape === "items-and-audio-segments") {
    results.audio_segments = perSegment.map(({ segment, items: own }, id) => ({
      id,
      transcript: joinTokens(own),
      start_time: transcribeSeconds(segment.startMs),
      end_time: transcribeSeconds(segment.endMs),
      ...(speakerLabel(segment) === undefined ? {} : { speaker_label: speakerLabel(segment) }),
      ...(channelLabel(segment) === undefined ? {} : { channel_label: channelLabel(segment) }),
      items: own.map((item) => item.id),
    }));
  }
  return { jobName: options.jobName, accountId: options.accountId, status: "COMPLETED", results };
}
