/**
 * Which real conversations the notes labels cover (`notes-labels.jsonl`, rubric in
 * `notes-rubric.md`): 150 of ESConv's 1,300 conversations drawn by a seeded shuffle (mulberry32,
 * seed `notesSampleSeed`) of their ids in file order, and the six Rogers sessions. Chosen by id
 * alone, before any was read.
 */
export const notesSampleSeed = 44;
export const notesSampleSize = 150;
/**
 * The fresh parts, in the order they take ids from the seeded shuffle after the first
 * `notesSampleSize`: each its name (the bench's part, labels in `notes-labels-<name>.jsonl`) and
 * how many ESConv ids it takes. Each was chosen by id alone, before any was read, and labelled
 * before the writer ran on it (`notes-rubric.md`).
 */
export const notesFreshParts = [
  { name: "fresh", size: 60 },
  { name: "fresh-2", size: 40 },
  { name: "fresh-3", size: 40 },
  { name: "fresh-4", size: 40 },
  { name: "fresh-5", size: 40 },
  { name: "fresh-6", size: 40 },
  { name: "fresh-7", size: 40 },
  { name: "fresh-8", size: 40 },
  { name: "fresh-9", size: 40 },
  { name: "fresh-10", size: 40 },
  { name: "fresh-11", size: 40 },
  { name: "fresh-12", size: 40 },
  { name: "fresh-13", size: 40 },
  { name: "fresh-14", size: 40 },
  { name: "fresh-15", size: 40 },
  { name: "fresh-16", size: 40 },
  { name: "fresh-17", size: 40 },
  { name: "fresh-18", size: 40 },
  { name: "fresh-19", size: 40 },
  { name: "fresh-20", size: 40 },
  { name: "fresh-21", size: 40 },
  { name: "fresh-22", size: 40 },
  { name: "fresh-23", size: 40 },
  { name: "fresh-24", size: 40 },
  { name: "fresh-25", size: 40 },
  { name: "fresh-26", size: 40 },
  { name: "fresh-27", size: 40 },
  { name: "fresh-28", size: 40 },
] as const;
export type NotesFreshPart = (typeof notesFreshParts)[number]["name"];
/** How many ESConv ids the fresh part takes, next after the first `notesSampleSize` of the same shuffle. */
export const notesFreshSize = notesFreshParts[0].size;

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

/** Every id of `esconvIds` (file order) in the order of the seeded shuffle both samples draw from (the failed parts' ids likewise, from their own list). */
function shuffledIds(idsInFileOrder: readonly string[]): string[] {
  const random = mulberry32(notesSampleSeed);
  const ids = [...idsInFileOrder];
  for (let index = ids.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  }
  return ids;
}

/** The sampled ids, in the order drawn: `notesSampleSize` ESConv ids of `esconvIds` (file order), then every Rogers id. */
export function notesSample(esconvIds: readonly string[], rogersIds: readonly string[]): string[] {
  return [...shuffledIds(esconvIds).slice(0, notesSampleSize), ...rogersIds];
}

/**
 * The ids of a fresh part (`notesFreshParts`): the shuffle's next ids after the first sample and
 * every fresh part before it, so none is in either (the fresh part: positions 150–209, the second
 * 210–249, … the sixth 370–409, the seventh 410–449, the eighth 450–489, the ninth 490–529, the tenth
 * 530–569, the eleventh 570–609, the twelfth 610–649).
 */
export function notesFreshPartSample(part: NotesFreshPart, esconvIds: readonly string[]): string[] {
  const at = notesFreshParts.findIndex((entry) => entry.name === part);
  const start = notesSampleSize + notesFreshParts.slice(0, at).reduce((total, entry) => total + entry.size, 0);
  return shuffledIds(esconvIds).slice(start, start + notesFreshParts[at]!.size);
}

/** The fresh part (`notes-labels-fresh.jsonl`): positions `notesSampleSize` to `notesSampleSize + notesFreshSize - 1` of the shuffle. */
export function notesFreshSample(esconvIds: readonly string[]): string[] {
  return notesFreshPartSample("fresh", esconvIds);
}

/**
 * The parts drawn from FailedESConv (the 196 conversations ESConv's authors set aside as failed
 * support), once ESConv's own 1,300 were all taken: each its name (labels in
 * `notes-labels-<name>.jsonl`) and how many ids it takes. Chosen by id alone before any was read:
 * the same seeded shuffle of the FailedESConv ids in file order, less every id a risk label file
 * holds (read for the risk screen's labels), the first part the first `size` of them, the next
 * part the next. Labelled blind to the writer, its rules, its bench and its output, before the
 * writer ran on them (`notes-rubric.md`).
 */
export const notesFailedParts = [
  { name: "failed-1", size: 40 },
  { name: "failed-2", size: 40 },
  { name: "failed-3", size: 40 },
] as const;
export type NotesFailedPart = (typeof notesFailedParts)[number]["name"];

/** The ids of a failed part (`notesFailedParts`), from the FailedESConv ids in file order less those `readForRisk` holds. */
export function notesFailedPartSample(part: NotesFailedPart, failedIds: readonly string[], readForRisk: ReadonlySet<string>): string[] {
  const at = notesFailedParts.findIndex((entry) => entry.name === part);
  const start = notesFailedParts.slice(0, at).reduce((total, entry) => total + entry.size, 0);
  return shuffledIds(failedIds.filter((id) => !readForRisk.has(id))).slice(start, start + notesFailedParts[at]!.size);
}
