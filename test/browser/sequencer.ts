/**
 * Longest files first, so the two workers finish together: on a fresh clone (CI) vitest has no
 * durations of earlier runs and would start the biggest files by size, which puts the short
 * horizons-a/-b files (the longest to run) last. Seconds per file from a local run on 2 cores (headless shell); files
 * not listed go after these, largest first.
 */
import {basename} from "node:path";
import {BaseSequencer, type TestSpecification} from "vitest/node";

export const SECONDS: Readonly<Record<string, number>> = {
  "horizons-a.test.ts": 190,
  "horizons-b.test.ts": 182,
  "publish.test.ts": 113,
  "notes-layout.test.ts": 108,
  "explorer.test.ts": 100,
  "scenario.test.ts": 51,
  "instroom.test.ts": 35,
  "measures-effect.test.ts": 33,
  "notes-exports.test.ts": 30,
  "band.test.ts": 30,
  "page-weight.test.ts": 28,
  "ind.test.ts": 28,
  "maatregelen.test.ts": 27,
  "toekenning.test.ts": 20,
  "uitstroom.test.ts": 20,
  "nareis.test.ts": 14,
  "europa.test.ts": 12,
  "vergelijken.test.ts": 9,
  "forecast.test.ts": 5
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = await super.sort(files);
    const weight = (f: TestSpecification) => SECONDS[basename(f.moduleId)] ?? -1;
    return bySize.map((f, i) => ({f, i})).sort((a, b) => weight(b.f) - weight(a.f) || a.i - b.i).map(({f}) => f);
  }
}
