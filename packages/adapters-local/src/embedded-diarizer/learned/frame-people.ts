import { chainsPerFrame, type StitchedFrames } from "./stitching.ts";

/**
 * One person per frame, as pyannote rebuilds the diarization once its clusters are known: each
 * person's votes in a frame are those of the chains that are that person; the frame's count says
 * how many people speak; of the most voted that many, one is kept (the turns do not overlap) —
 * where two speak, the one already speaking keeps the floor.
 */
export function framePeople(frames: StitchedFrames, personOf: readonly number[]): Int16Array {
  const labels = new Int16Array(frames.length).fill(-1);
  let previous = -1;
  const people: number[] = [];
  const votes: number[] = [];
  for (let f = 0; f < frames.length; f += 1) {
    people.length = 0;
    votes.length = 0;
    for (let i = 0; i < chainsPerFrame; i += 1) {
      const chain = frames.chains[f * chainsPerFrame + i]!;
      const person = chain >= 0 ? personOf[chain]! : -1;
      if (person < 0) continue;
      const at = people.indexOf(person);
      if (at >= 0) votes[at]! += frames.votes[f * chainsPerFrame + i]!;
      else {
        people.push(person);
        votes.push(frames.votes[f * chainsPerFrame + i]!);
      }
    }
    const ranked = people.map((_, i) => i).sort((a, b) => votes[b]! - votes[a]! || people[a]! - people[b]!);
    const speaking = ranked.slice(0, frames.count[f]!).map((i) => people[i]!);
    const label = speaking.includes(previous) ? previous : (speaking[0] ?? -1);
    labels[f] = label;
    if (label >= 0) previous = label;
  }
  return labels;
}
