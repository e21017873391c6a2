import { speakingChains, type StitchedFrames } from "./stitching.ts";

/**
 * The blocks a chain's voice is taken from: those where it speaks alone (in `minFrames` of the
 * block's frames at least); when they are fewer than `minBlocks`, those where it speaks at all,
 * overlapped speech included — as pyannote's pipeline embeds a speaker's clean frames, or all
 * its frames when too few are clean, so that a speaker heard mostly over another still has a voice.
 */
export function voiceBlocks(
  solo: ReadonlyMap<number, number> | undefined,
  overlapped: ReadonlyMap<number, number> | undefined,
  minFrames: number,
  minBlocks: number,
): number[] {
  const alone = [...(solo ?? [])].filter(([, n]) => n >= minFrames).map(([b]) => b);
  if (alone.length >= minBlocks) return alone.sort((a, b) => a - b);
  const all = new Map(solo ?? []);
  for (const [block, n] of overlapped ?? []) all.set(block, (all.get(block) ?? 0) + n);
  return [...all].filter(([, n]) => n >= minFrames).map(([b]) => b).sort((a, b) => a - b);
}

type Blocks = Map<number, Map<number, number>>;

/**
 * Per chain, the blocks its voice is measured on (`voiceBlocks`), from the frames the vote gave
 * it: those inside the voice-activity model's speech (`inSpeech`). A chain that speaks only where
 * the voice-activity model heard no speech takes its voice from those frames instead — as
 * pyannote, which has no separate voice activity, embeds every speaker its segmentation found —
 * since a chain without a voice loses its turns, and a person the segmentation heard apart from
 * everyone else would go uncounted.
 */
export function chainVoiceBlocks(
  frames: StitchedFrames,
  chains: number,
  inSpeech: ArrayLike<number>,
  blockOf: (frame: number) => number,
  limits: { minFrames: number; minBlocks: number },
): number[][] {
  const heard = { solo: new Map() as Blocks, overlapped: new Map() as Blocks };
  const anywhere = { solo: new Map() as Blocks, overlapped: new Map() as Blocks };
  const add = (to: Blocks, chain: number, block: number) => {
    const perChain = to.get(chain) ?? new Map<number, number>();
    perChain.set(block, (perChain.get(block) ?? 0) + 1);
    to.set(chain, perChain);
  };
  for (let f = 0; f < frames.length; f += 1) {
    const [first = -1, second = -1] = speakingChains(frames, f);
    if (first < 0) continue;
    const block = blockOf(f);
    for (const into of inSpeech[f] ? [heard, anywhere] : [anywhere]) {
      if (second < 0) add(into.solo, first, block);
      else {
        add(into.overlapped, first, block);
        add(into.overlapped, second, block);
      }
    }
  }
  return Array.from({ length: chains }, (_, chain) => {
    const chosen = voiceBlocks(heard.solo.get(chain), heard.overlapped.get(chain), limits.minFrames, limits.minBlocks);
    return chosen.length > 0 ? chosen : voiceBlocks(anywhere.solo.get(chain), anywhere.overlapped.get(chain), limits.minFrames, limits.minBlocks);
  });
}
