/**
 * Longest files first, so the two workers finish together: on a fresh clone (CI) vitest has no
 * durations of earlier runs and would start the biggest files by size, which puts the short
 * horizons-a/-b files (the longest to run) last. Seconds per file from a local run on 2 cores; files
 * not listed go after these, largest first.
 */
import {basename} from "node:path";
import {BaseSequencer, type TestSpecification} from "vitest/node";

export const SECONDS: Readonly<Record<string, number>> = {
  "horizons-a.test.ts": 300,
  "horizons-b.test.ts": 250,
  "publish.test.ts": 290,
  "explorer.test.ts": 200,
  "notes-layout.test.ts": 200,
  "scenario.test.ts": 100,
  "instroom.test.ts": 80,
  "maatregelen.test.ts": 65,
  "notes-exports.test.ts": 55,
  "measures-effect.test.ts": 52,
  "ind.test.ts": 50,
  "toekenning.test.ts": 40,
  "band.test.ts": 39,
  "nareis.test.ts": 38,
  "uitstroom.test.ts": 35,
  "page-weight.test.ts": 42,
  "europa.test.ts": 29,
  "vergelijken.test.ts": 26,
  "forecast.test.ts": 16
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = await super.sort(files);
    const weight = (f: TestSpecification) => SECONDS[basename(f.moduleId)] ?? -1;
    return bySize.map((f, i) => ({f, i})).sort((a, b) => weight(b.f) - weight(a.f) || a.i - b.i).map(({f}) => f);
  }
}
