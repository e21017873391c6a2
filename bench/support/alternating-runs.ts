/** Runs of several modes of one bench, taking turns going first, and their medians. */
import { median } from "./median.ts";

export interface UploadFigures {
  mibPerSecond: number;
  rssGrowthBytes: number;
}

/**
 * `repeats` runs of every mode (the order reversed every other round, so leftover work of one
 * run weighs on each mode alike), each printed by `describe` as it ends; then the medians,
 * printed and returned.
 */
export async function runAlternating<Mode extends string>(
  modes: readonly Mode[],
  repeats: number,
  runOne: (mode: Mode) => Promise<UploadFigures>,
  describe: (mode: Mode, figures: UploadFigures) => string,
): Promise<Map<Mode, UploadFigures>> {
  const results = new Map<Mode, UploadFigures[]>(modes.map((mode) => [mode, []]));
  for (let run = 0; run < repeats; run += 1) {
    for (const mode of run % 2 === 0 ? modes : [...modes].reverse()) {
      const figures = await runOne(mode);
      console.log(`  run ${run + 1}: ${describe(mode, figures)}`);
      results.get(mode)?.push(figures);
    }
  }
  const medians = new Map<Mode, UploadFigures>();
  for (const mode of modes) {
    const runs = results.get(mode) as UploadFigures[];
    medians.set(mode, { mibPerSecond: median(runs.map((run) => run.mibPerSecond)), rssGrowthBytes: median(runs.map((run) => run.rssGrowthBytes)) });
    console.log(`median ${describe(mode, medians.get(mode) as UploadFigures)}`);
  }
  return medians;
}
