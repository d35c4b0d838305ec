/** The CLI hardened for issue 12: bounds, duplicates, --out problems, non-finite results, warnings, big bands. */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {firstNonFinite, main, outProblem} from "../../cli/run.js";
import {EXACT_BAND_MAX, streamBand} from "../../cli/band-stream.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {band} from "../../src/model/band.js";
import {validateScenario} from "../../src/model/scenario.js";
import {OBSERVED_MAX, scenarioFileProblem} from "../../src/model/schema.js";
import {SERIES_IDS, type ModelInputs} from "../../src/model/types.js";

const dir = mkdtempSync(join(tmpdir(), "publish-cli-"));
const measures = JSON.parse(readFileSync("data/measures.json", "utf8")) as {id: string; effects?: unknown}[];
const parameters = JSON.parse(readFileSync("data/parameters.json", "utf8")) as {id: string; high: number}[];
const quantified = measures.find((m) => m.effects)!.id;

async function cli(scenario: unknown, extra: string[] = [], out = join(dir, "o.csv")) {
  const file = join(dir, `s-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof scenario === "string" ? scenario : JSON.stringify(scenario));
  const lines: string[] = [];
  const errs: string[] = [];
  const code = await main(["--scenario", file, "--out", out, ...extra], (s) => lines.push(s), (s) => errs.push(s));
  return {code, out: lines.join("\n"), err: errs.join("\n")};
}

describe("scenario files are checked before the model runs", () => {
  it("observed values of 1.7e308 or 1e300 are rejected naming the value, not run into NaN", async () => {
    for (const v of [1.7e308, 1e300]) {
      const r = await cli({preset: "ongewijzigd", observed: {inflow_first: [2000, v]}});
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/observed\.inflow_first\[1\]: .* above the plausible maximum of 50000 per month/);
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });

  it("every observed input has a bound, and a value at the bound is accepted", () => {
    for (const [id, max] of Object.entries(OBSERVED_MAX)) {
      expect(scenarioFileProblem({preset: "ongewijzigd", observed: {[id]: [max]}})).toBeNull();
      expect(scenarioFileProblem({preset: "ongewijzigd", observed: {[id]: [max + 1]}})?.field).toBe(`observed.${id}[0]`);
    }
  });

  it("duplicate measure ids are rejected: ten copies no longer stack", async () => {
    const m = {id: quantified, start: "2026-01", strength: 1};
    const r = await cli({preset: "ongewijzigd", measures: Array(10).fill(m)});
    expect(r.code).toBe(2);
    expect(r.err).toContain(`measures[1].id: measure "${quantified}" is already in measures[0]`);
  });

  it("200.000 measure entries are rejected at once", async () => {
    const r = await cli({preset: "ongewijzigd", measures: Array(200_000).fill({id: quantified, start: "2026-01", strength: 1})});
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/measures: has more than 200 entries/);
  }, 60_000);

  it("the forecast origin (origin, YYYY-MM) is part of the schema and checked", () => {
    expect(scenarioFileProblem({preset: "ongewijzigd", origin: "2025-10"})).toBeNull();
    expect(scenarioFileProblem({preset: "ongewijzigd", origin: "oktober"})).toEqual({field: "origin", reason: '"oktober" is not a month like 2024-01'});
  });

  it("a byte-order mark at the start of the file is accepted", async () => {
    const r = await cli("\uFEFF" + JSON.stringify({preset: "ongewijzigd"}));
    expect(r.code).toBe(0);
  });
});

describe("--out problems are one line", () => {
  it("a missing folder", async () => {
    const r = await cli({preset: "ongewijzigd"}, [], join(dir, "no", "such", "folder", "x.csv"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--out .*x\.csv: the folder .*folder does not exist$/);
    expect(r.err).not.toMatch(/ENOENT|at /);
  });

  it("a folder given as the file", async () => {
    const folder = join(dir, "out.csv");
    mkdirSync(folder, {recursive: true});
    expect(outProblem(folder)).toMatch(/is a folder, not a file/);
  });
});

describe("results", () => {
  it("a non-finite value is found and named by series and month", () => {
    const series = Object.fromEntries(SERIES_IDS.map((id) => [id, new Float64Array(3)]));
    expect(firstNonFinite(series, "2024-01")).toBeNull();
    series.coa_total[2] = Number.POSITIVE_INFINITY;
    expect(firstNonFinite(series, "2024-01")).toBe("coa_total in 2024-03 is Infinity");
  });

  it("all parameters at their high ends: the run completes with Dutch validity warnings", async () => {
    const r = await cli({preset: "ongewijzigd", start: "2022-01", end: "2040-12", overrides: Object.fromEntries(parameters.map((p) => [p.id, p.high]))});
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/waarschuwing: buiten het bereik waarop het model is getoetst: De bezetting van de COA-opvang komt in \d{4}-\d{2} op [\d.]+: meer dan twee keer/);
    expect(r.err).toMatch(/aannames staan tegelijk aan de rand van hun bereik/);
    const summary = JSON.parse(readFileSync(join(dir, "o.summary.json"), "utf8"));
    expect(summary.validityWarnings.length).toBeGreaterThan(1);
  }, 60_000);

  it("the baseline has no validity warning", async () => {
    const r = await cli({preset: "ongewijzigd"});
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/waarschuwing/);
  });
});

describe("the streamed band", () => {
  let inputs: ModelInputs;
  beforeAll(async () => {
    inputs = await loadModelInputs();
  });

  it("is within one bin of the exact band for the same draws", () => {
    const scenario = validateScenario({preset: "ongewijzigd"}, inputs).scenario;
    const n = 600;
    const exact = band(scenario, inputs, n, 11);
    const streamed = streamBand(scenario, inputs, n, 11, {pilot: 200});
    let worst = 0;
    for (const id of SERIES_IDS) {
      for (const q of ["p10", "p50", "p90"] as const) {
        for (let t = 0; t < exact[q][id].length; t++) {
          const spread = exact.p90[id][t] - exact.p10[id][t];
          const diff = Math.abs(exact[q][id][t] - streamed[q][id][t]);
          if (spread === 0) expect(diff).toBeLessThan(1e-6 * Math.max(1, Math.abs(exact[q][id][t])));
          else worst = Math.max(worst, diff / spread);
        }
      }
    }
    expect(worst).toBeLessThan(0.01);
    expect(streamed.n).toBe(n);
  }, 120_000);

  it("the CLI switches to it above the exact limit", () => {
    expect(EXACT_BAND_MAX).toBe(5000);
  });
});
