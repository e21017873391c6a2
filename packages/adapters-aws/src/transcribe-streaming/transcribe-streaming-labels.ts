/**
 * Speaker and channel ids of Transcribe Streaming results, read defensively. The API reference
 * (Item.Speaker, Result.ChannelId) gives them as strings — `"0"`, `"1"` for speakers, `"ch_0"`,
 * `"ch_1"` for channels — without a grammar; anything else is taken as "cannot tell" (null),
 * never as a label made of `NaN` or of whatever the string held.
 */

/** The channel number of `ch_<n>` (also `ch<n>`), within `channels`; undefined otherwise. */
export function channelOf(channelId: string | undefined, channels: number): number | undefined {
  const match = /^ch_?(\d{1,2})$/.exec(channelId?.trim() ?? "");
  if (match === null) return undefined;
  const channel = Number(match[1]);
  return channel < channels ? channel : undefined;
}

/** `spk_<n>` for a speaker id `"<n>"` (also `"spk_<n>"`); undefined for anything else. */
export function speakerLabelOf(speaker: string | undefined): string | undefined {
  const match = /^(?:spk_)?(\d{1,3})$/.exec(speaker?.trim() ?? "");
  return match === null ? undefined : `spk_${Number(match[1])}`;
}
