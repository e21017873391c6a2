/**
 * Diarization error rate as NIST md-eval scores it: 10 ms frames; no scoring within `collarMs`
 * of either side of every reference boundary; overlapped reference speech scored (each speaker
 * counts); system speakers mapped one-to-one to reference speakers so as to maximise the time
 * they agree (every mapping tried: at most 4 speakers each side here).
 * DER = (missed + false alarm + confusion) / scored reference speaker time.
 */
export interface TimedTurn {
  speaker: string;
  startMs: number;
  endMs: number;
}

export interface DerParts {
  /** Scored reference speaker time (ms). */
  referenceMs: number;
  missedMs: number;
  falseAlarmMs: number;
  confusionMs: number;
}

const frameMs = 10;

function permutations<T>(items: T[], length: number): T[][] {
  if (length === 0) return [[]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)], length - 1).map((rest) => [item, ...rest]),
  );
}

export function diarizationError(reference: TimedTurn[], system: TimedTurn[], durationMs: number, collarMs = 250): DerParts {
  const frames = Math.ceil(durationMs / frameMs);
  const referenceSpeakers = [...new Set(reference.map((t) => t.speaker))];
  const systemSpeakers = [...new Set(system.map((t) => t.speaker))];
  const active = (turns: TimedTurn[], speakers: string[]) =>
    speakers.map((speaker) => {
      const mask = new Uint8Array(frames);
      for (const turn of turns) {
        if (turn.speaker !== speaker) continue;
        for (let f = Math.floor(turn.startMs / frameMs); f < Math.min(frames, Math.ceil(turn.endMs / frameMs)); f += 1) mask[f] = 1;
      }
      return mask;
    });
  const referenceActive = active(reference, referenceSpeakers);
  const systemActive = active(system, systemSpeakers);
  const scored = new Uint8Array(frames).fill(1);
  for (const turn of reference) {
    for (const boundary of [turn.startMs, turn.endMs]) {
      for (let f = Math.max(0, Math.floor((boundary - collarMs) / frameMs)); f < Math.min(frames, Math.ceil((boundary + collarMs) / frameMs)); f += 1) scored[f] = 0;
    }
  }
  // Agreement of each system speaker with each reference speaker, over scored frames.
  const agreement = systemActive.map((sys) =>
    referenceActive.map((ref) => {
      let both = 0;
      for (let f = 0; f < frames; f += 1) if (scored[f] && sys[f] && ref[f]) both += 1;
      return both;
    }),
  );
  // Best one-to-one mapping: pad the smaller side with "nobody" (-1).
  const slots = Math.max(referenceSpeakers.length, systemSpeakers.length);
  const referenceSlots = Array.from({ length: slots }, (_, i) => (i < referenceSpeakers.length ? i : -1));
  let bestMapping: number[] = [];
  let best = -1;
  for (const mapping of permutations(referenceSlots, systemSpeakers.length)) {
    const total = mapping.reduce((sum, ref, sys) => sum + (ref >= 0 ? agreement[sys]![ref]! : 0), 0);
    if (total > best) {
      best = total;
      bestMapping = mapping;
    }
  }
  let referenceFrames = 0;
  let missed = 0;
  let falseAlarm = 0;
  let confusion = 0;
  for (let f = 0; f < frames; f += 1) {
    if (!scored[f]) continue;
    let nRef = 0;
    let nSys = 0;
    let correct = 0;
    for (const mask of referenceActive) nRef += mask[f]!;
    systemActive.forEach((mask, sys) => {
      if (!mask[f]) return;
      nSys += 1;
      const ref = bestMapping[sys]!;
      if (ref >= 0 && referenceActive[ref]![f]) correct += 1;
    });
    referenceFrames += nRef;
    missed += Math.max(0, nRef - nSys);
    falseAlarm += Math.max(0, nSys - nRef);
    confusion += Math.min(nRef, nSys) - correct;
  }
  return { referenceMs: referenceFrames * frameMs, missedMs: missed * frameMs, falseAlarmMs: falseAlarm * frameMs, confusionMs: confusion * frameMs };
}

export function addParts(a: DerParts, b: DerParts): DerParts {
  return {
    referenceMs: a.referenceMs + b.referenceMs,
    missedMs: a.missedMs + b.missedMs,
    falseAlarmMs: a.falseAlarmMs + b.falseAlarmMs,
    confusionMs: a.confusionMs + b.confusionMs,
  };
}

export const derOf = (parts: DerParts) => (parts.missedMs + parts.falseAlarmMs + parts.confusionMs) / Math.max(1, parts.referenceMs);
