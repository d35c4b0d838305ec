/**
 * The precomputed bands (src/explorer/precomputed-band.ts, loaders/bands.ts): a page shows them
 * instead of the worker's band, so they must be exactly the band the worker would compute, for any
 * window a URL may ask for, and never be used for another scenario or another build's inputs.
 */
import fc from "fast-check";
import JSZip from "jszip";
import {beforeAll, describe, expect, test} from "vitest";
import {bandArchive, bandFiles, fullRange} from "../../loaders/bands.js";
import {fingerprintOf, loadModelInputs} from "../../loaders/model-inputs.js";
import {band} from "../../src/model/band.js";
import {HORIZON_END, LATEST_END, MODEL_START} from "../../src/model/constants.js";
import {addMonths, monthIndex, monthsBetween} from "../../src/model/months.js";
import type {BandOutput, ModelInputs, Scenario, SeriesId} from "../../src/model/types.js";
import {BAND_RUNS, BAND_SEED, bandFilePath, bandFilePaths, bandFromFile, isPrecomputable, PAGE_BAND_SERIES, type BandFile} from "../../src/explorer/precomputed-band.js";
import config from "../../observablehq.config.js";

let inputs: ModelInputs;
let files: Map<string, BandFile>;
beforeAll(async () => {
  inputs = await loadModelInputs();
  files = bandFiles(inputs);
}, 120_000);

const TIMEOUT = 120_000;
const IND = PAGE_BAND_SERIES.ind as readonly SeriesId[];
const months = (s: Scenario) => monthsBetween(s.start ?? MODEL_START, s.end ?? HORIZON_END);

/** Every value of two bands for `series`, compared exactly; the first difference, or null. */
function firstDifference(a: BandOutput, b: BandOutput, series: readonly SeriesId[]): string | null {
  for (const q of ["p10", "p50", "p90"] as const) {
    for (const id of series) {
      const x = a[q][id];
      const y = b[q][id];
      if (x.length !== y.length) return `${q} ${id}: length ${x.length} against ${y.length}`;
      for (let t = 0; t < x.length; t++) if (!Object.is(x[t], y[t])) return `${q} ${id}[${t}]: ${x[t]} against ${y[t]}`;
    }
  }
  return null;
}

describe("the band of a window is a slice of the full band", () => {
  test(
    "any start and end (seeded windows): band(window) equals the slice of band(MODEL_START … LATEST_END), value for value",
    () => {
      const full = band(fullRange("ongewijzigd"), inputs, BAND_RUNS, BAND_SEED, {series: IND});
      const last = monthIndex(LATEST_END) - monthIndex(MODEL_START);
      fc.assert(
        fc.property(fc.integer({min: 0, max: last}), fc.integer({min: 0, max: last}), (a, b) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const scenario: Scenario = {preset: "ongewijzigd", overrides: {}, measures: [], start: addMonths(MODEL_START, from), end: addMonths(MODEL_START, to)};
          const window = band(scenario, inputs, BAND_RUNS, BAND_SEED, {series: IND});
          const slice = bandFromFile(files.get("ind/ongewijzigd.json"), inputs, scenario, IND, months(scenario));
          expect(slice).not.toBeNull();
          expect(firstDifference(window, slice!, IND)).toBeNull();
          for (const id of IND) expect(Array.from(slice!.p50[id])).toEqual(Array.from(full.p50[id]).slice(from, to + 1));
        }),
        {numRuns: 12, seed: 20251103}
      );
    },
    TIMEOUT
  );

  test(
    "every page's file of another preset gives the band the worker would compute for the default horizon",
    () => {
      for (const [page, preset] of [["opvang", "mpp-2024-ii-max"], ["uitstroom", "mpp-2023-i-min"], ["index", "mpp-2025-ii-min"]] as const) {
        const series = PAGE_BAND_SERIES[page] as readonly SeriesId[];
        const scenario: Scenario = {preset, overrides: {}, measures: []};
        const live = band(scenario, inputs, BAND_RUNS, BAND_SEED, {series});
        const file = bandFromFile(files.get(`${page}/${preset}.json`), inputs, scenario, series, months(scenario));
        expect(file, `${page}/${preset}`).not.toBeNull();
        expect(firstDifference(live, file!, series), `${page}/${preset}`).toBeNull();
      }
    },
    TIMEOUT
  );
});

describe("band files", () => {
  test("one file per scenario page and preset, each with exactly its page's series over MODEL_START … LATEST_END", () => {
    const presets = inputs.presets.map((p) => p.id);
    expect(presets.length).toBeGreaterThan(10);
    expect(files.size).toBe(Object.keys(PAGE_BAND_SERIES).length * presets.length);
    expect([...files.keys()].map((k) => `data/bands/${k}`).sort()).toEqual(bandFilePaths(presets).sort());
    const total = monthsBetween(MODEL_START, LATEST_END);
    for (const [path, file] of files) {
      const page = path.split("/")[0] as keyof typeof PAGE_BAND_SERIES;
      expect(Object.keys(file.series), path).toEqual([...PAGE_BAND_SERIES[page]]);
      expect([file.start, file.end, file.n, file.seed, file.fingerprint]).toEqual([MODEL_START, LATEST_END, BAND_RUNS, BAND_SEED, inputs.fingerprint]);
      for (const q of Object.values(file.series)) for (const k of ["p10", "p50", "p90"] as const) expect(q[k].length, path).toBe(total);
    }
    expect(bandFilePath("ind", "ongewijzigd")).toBe("data/bands/ind/ongewijzigd.json");
  });

  test(
    "the archive holds every file, and two archives of the same inputs are byte-identical (the build is reproducible)",
    async () => {
      const [a, b] = [await bandArchive(inputs), await bandArchive(inputs)];
      expect(Buffer.compare(a, b)).toBe(0);
      const zip = await JSZip.loadAsync(a);
      const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
      expect(names.sort()).toEqual([...files.keys()].sort());
      expect(JSON.parse(await zip.file("ind/ongewijzigd.json")!.async("string"))).toEqual(files.get("ind/ongewijzigd.json"));
    },
    TIMEOUT
  );

  test("the site config builds every band file (dynamicPaths)", async () => {
    const paths: string[] = [];
    for await (const p of (config as unknown as {dynamicPaths: () => AsyncIterable<string>}).dynamicPaths()) paths.push(p);
    expect(paths.sort()).toEqual(bandFilePaths(inputs.presets.map((p) => p.id)).map((p) => `/${p}`).sort());
  });

  test("the inputs' fingerprint is a hash of everything else in them: it changes with any parameter", () => {
    expect(inputs.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf(inputs)).toBe(inputs.fingerprint);
    const changed = {...inputs, parameters: inputs.parameters.map((p, i) => (i === 0 ? {...p, value: (p.value as number) + 1} : p))};
    expect(fingerprintOf(changed)).not.toBe(inputs.fingerprint);
  });
});

describe("a band file is used only where it fits", () => {
  const base: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
  const file = () => files.get("ind/ongewijzigd.json")!;

  test("only for a preset as it stands, inside the range of the files", () => {
    expect(isPrecomputable(base)).toBe(true);
    expect(isPrecomputable({...base, start: "2030-01", end: LATEST_END})).toBe(true);
    expect(isPrecomputable({...base, overrides: {ind_decisions_per_month: 3000}})).toBe(false);
    expect(isPrecomputable({...base, measures: [{id: "x", start: "2026-01", strength: 1}]})).toBe(false);
    expect(isPrecomputable({...base, off: ["x"]})).toBe(false);
    expect(isPrecomputable({...base, origin: "2024-06"})).toBe(false);
    expect(isPrecomputable({...base, observed: {inflow_first: [1]}})).toBe(false);
    expect(isPrecomputable({...base, backtest: true})).toBe(false);
    expect(isPrecomputable({...base, freeRun: true})).toBe(false);
    expect(isPrecomputable({...base, end: "2041-01"})).toBe(false);
    expect(isPrecomputable({...base, start: "2021-12"})).toBe(false);
  });

  test("never for another build's inputs, another preset, a changed scenario, a missing series or a broken file", () => {
    const m = months(base);
    expect(bandFromFile(file(), inputs, base, IND, m)).not.toBeNull();
    expect(bandFromFile({...file(), fingerprint: "0000000000000000"}, inputs, base, IND, m)).toBeNull();
    expect(bandFromFile(file(), {...inputs, fingerprint: undefined}, base, IND, m)).toBeNull();
    expect(bandFromFile(file(), inputs, {...base, preset: "mpp-2024-ii-max"}, IND, m)).toBeNull();
    expect(bandFromFile(file(), inputs, {...base, overrides: {ind_decisions_per_month: 3000}}, IND, m)).toBeNull();
    expect(bandFromFile(file(), inputs, base, [...IND, "coa_total"], m)).toBeNull();
    expect(bandFromFile({...file(), n: 200}, inputs, base, IND, m)).toBeNull();
    expect(bandFromFile(file(), inputs, {...base, end: LATEST_END}, IND, monthsBetween(MODEL_START, LATEST_END) + 1)).toBeNull();
    const short = structuredClone(file());
    short.series.backlog_total!.p90.pop();
    expect(bandFromFile(short, inputs, base, IND, m)).toBeNull();
    const nan = structuredClone(file());
    (nan.series.decisions!.p10 as unknown[])[50] = null;
    expect(bandFromFile(nan, inputs, base, IND, m)).toBeNull();
    for (const broken of [null, "x", 42, {}, {...file(), start: "2022-13"}, {...file(), series: {backlog_total: {p10: []}}}]) expect(bandFromFile(broken, inputs, base, IND, m)).toBeNull();
  });
});
