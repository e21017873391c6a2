/**
 * Which real conversations the notes labels cover (`notes-labels.jsonl`, rubric in
 * `notes-rubric.md`): 150 of ESConv's 1,300 conversations drawn by a seeded shuffle (mulberry32,
 * seed `notesSampleSeed`) of their ids in file order, and the six Rogers sessions. Chosen by id
 * alone, before any was read.
 */
export const notesSampleSeed = 44;
export const notesSampleSize = 150;
/** How many ESConv ids the fresh part takes, next after the first `notesSampleSize` of the same shuffle. */
export const notesFreshSize = 60;
/** How many ESConv ids the second fresh part takes, next after the fresh part in the same shuffle. */
export const notesFresh2Size = 40;
/** How many ESConv ids the third fresh part takes, next after the second fresh part in the same shuffle. */
export const notesFresh3Size = 40;
/** How many ESConv ids the fourth fresh part takes, next after the third fresh part in the same shuffle. */
export const notesFresh4Size = 40;
/** How many ESConv ids the fifth fresh part takes, next after the fourth fresh part in the same shuffle. */
export const notesFresh5Size = 40;
/** How many ESConv ids the sixth fresh part takes, next after the fifth fresh part in the same shuffle. */
export const notesFresh6Size = 40;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every id of `esconvIds` (file order) in the order of the seeded shuffle both samples draw from. */
function shuffledEsconvIds(esconvIds: readonly string[]): string[] {
  const random = mulberry32(notesSampleSeed);
  const ids = [...esconvIds];
  for (let index = ids.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  }
  return ids;
}

/** The sampled ids, in the order drawn: `notesSampleSize` ESConv ids of `esconvIds` (file order), then every Rogers id. */
export function notesSample(esconvIds: readonly string[], rogersIds: readonly string[]): string[] {
  return [...shuffledEsconvIds(esconvIds).slice(0, notesSampleSize), ...rogersIds];
}

/**
 * The fresh part (`notes-labels-fresh.jsonl`): the next `notesFreshSize` ESConv ids of the same
 * shuffle as `notesSample` (positions `notesSampleSize` to `notesSampleSize + notesFreshSize - 1`),
 * so none is in the first sample. Chosen by id alone, before any was read; labelled before the
 * writer was run on it.
 */
export function notesFreshSample(esconvIds: readonly string[]): string[] {
  return shuffledEsconvIds(esconvIds).slice(notesSampleSize, notesSampleSize + notesFreshSize);
}

/**
 * The second fresh part (`notes-labels-fresh-2.jsonl`): the next `notesFresh2Size` ESConv ids of
 * the same shuffle after the fresh part (positions `notesSampleSize + notesFreshSize` to
 * `notesSampleSize + notesFreshSize + notesFresh2Size - 1`, i.e. 210–249), so none is in the first
 * sample or the fresh part. Chosen by id alone, before any was read; labelled before the writer was
 * run on it.
 */
export function notesFresh2Sample(esconvIds: readonly string[]): string[] {
  const start = notesSampleSize + notesFreshSize;
  return shuffledEsconvIds(esconvIds).slice(start, start + notesFresh2Size);
}

/**
 * The third fresh part (`notes-labels-fresh-3.jsonl`): the next `notesFresh3Size` ESConv ids of the
 * same shuffle after the second fresh part (positions `notesSampleSize + notesFreshSize +
 * notesFresh2Size` onward, i.e. 250–289), so none is in the first sample or an earlier fresh part.
 * Chosen by id alone, before any was read; labelled before the writer was run on it.
 */
export function notesFresh3Sample(esconvIds: readonly string[]): string[] {
  const start = notesSampleSize + notesFreshSize + notesFresh2Size;
  return shuffledEsconvIds(esconvIds).slice(start, start + notesFresh3Size);
}

/**
 * The fourth fresh part (`notes-labels-fresh-4.jsonl`): the next `notesFresh4Size` ESConv ids of
 * the same shuffle after the third fresh part (positions `notesSampleSize + notesFreshSize +
 * notesFresh2Size + notesFresh3Size` onward, i.e. 290–329), so none is in the first sample or an
 * earlier fresh part. Chosen by id alone, before any was read; labelled before the writer was run
 * on it.
 */
export function notesFresh4Sample(esconvIds: readonly string[]): string[] {
  const start = notesSampleSize + notesFreshSize + notesFresh2Size + notesFresh3Size;
  return shuffledEsconvIds(esconvIds).slice(start, start + notesFresh4Size);
}

/**
 * The fifth fresh part (`notes-labels-fresh-5.jsonl`): the next `notesFresh5Size` ESConv ids of
 * the same shuffle after the fourth fresh part (positions `notesSampleSize + notesFreshSize +
 * notesFresh2Size + notesFresh3Size + notesFresh4Size` onward, i.e. 330–369), so none is in the
 * first sample or an earlier fresh part. Chosen by id alone, before any was read; labelled before
 * the writer was run on it.
 */
export function notesFresh5Sample(esconvIds: readonly string[]): string[] {
  const start = notesSampleSize + notesFreshSize + notesFresh2Size + notesFresh3Size + notesFresh4Size;
  return shuffledEsconvIds(esconvIds).slice(start, start + notesFresh5Size);
}

/**
 * The sixth fresh part (`notes-labels-fresh-6.jsonl`): the next `notesFresh6Size` ESConv ids of
 * the same shuffle after the fifth fresh part (positions `notesSampleSize + notesFreshSize +
 * notesFresh2Size + notesFresh3Size + notesFresh4Size + notesFresh5Size` onward, i.e. 370–409), so
 * none is in the first sample or an earlier fresh part. Chosen by id alone, before any was read;
 * labelled before the writer was run on it.
 */
export function notesFresh6Sample(esconvIds: readonly string[]): string[] {
  const start =
    notesSampleSize + notesFreshSize + notesFresh2Size + notesFresh3Size + notesFresh4Size + notesFresh5Size;
  return shuffledEsconvIds(esconvIds).slice(start, start + notesFresh6Size);
}
