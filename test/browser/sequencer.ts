/**
 * Longest files first, so the two workers finish together: on a fresh clone (CI) vitest has no
 * durations of earlier runs and would start the biggest files by size, which puts the short
 * horizons-a/-b files (the longest to run) last. Seconds per file from a local run on 2 cores; files
 * not listed go after these, largest first.
 */
import {basename} from "node:path";
import {BaseSequencer, type TestSpecification} from "vitest/node";

export const SECONDS: Readonly<Record<string, number>> = {
  "horizons-a.test.ts": 290,
  "horizons-b.test.ts": 245,
  "publish.test.ts": 230,
  "explorer.test.ts": 185,
  "notes-layout.test.ts": 165,
  "scenario.test.ts": 80,
  "instroom.test.ts": 67,
  "measures-effect.test.ts": 60,
  "page-weight.test.ts": 48,
  "notes-exports.test.ts": 47,
  "ind.test.ts": 47,
  "maatregelen.test.ts": 46,
  "band.test.ts": 46,
  "uitstroom.test.ts": 34,
  "toekenning.test.ts": 33,
  "nareis.test.ts": 26,
  "europa.test.ts": 22,
  "vergelijken.test.ts": 18,
  "forecast.test.ts": 16
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = await super.sort(files);
    const weight = (f: TestSpecification) => SECONDS[basename(f.moduleId)] ?? -1;
    return bySize.map((f, i) => ({f, i})).sort((a, b) => weight(b.f) - weight(a.f) || a.i - b.i).map(({f}) => f);
  }
}
