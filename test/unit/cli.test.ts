import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {main, parseArgs, CliError} from "../../cli/run.js";

const dir = mkdtempSync(join(tmpdir(), "model-cli-"));

async function cli(args: string[]): Promise<{code: number; out: string; err: string}> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return {code, out: out.join("\n"), err: err.join("\n")};
}

describe("cli", () => {
  it("parseArgs(missing --out or unknown flag) throws a CliError with usage", () => {
    expect(() => parseArgs(["--scenario", "x.json"])).toThrow(CliError);
    expect(() => parseArgs(["--scenario", "x.json", "--out", "y.txt"])).toThrow(/\.csv or \.json/);
    expect(() => parseArgs(["--scenario", "x.json", "--out", "y.csv", "--fast"])).toThrow(/unknown argument/);
    expect(parseArgs(["--scenario", "x.json", "--out", "y.csv", "--band", "50", "--seed", "3"])).toEqual({scenario: "x.json", out: "y.csv", band: 50, seed: 3});
  });

  it("main(example scenario → CSV) writes one row per month and a summary file", async () => {
    const out = join(dir, "base.csv");
    const r = await cli(["--scenario", "cli/examples/ongewijzigd.json", "--out", out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0].startsWith("month,inflow_first,")).toBe(true);
    expect(lines.length).toBe(1 + 108);
    expect(lines[1].startsWith("2022-01,")).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, "base.summary.json"), "utf8"));
    expect(summary.summary.costPerYear.length).toBe(9);
    expect(r.out).toMatch(/nareis peak/);
    expect(r.out).toMatch(/peak COA occupancy/);
  });

  it("main(example scenario → JSON with a band) writes series, summary and percentiles", async () => {
    const out = join(dir, "medio.json");
    const r = await cli(["--scenario", "cli/examples/mpp-medio-meer-ind.json", "--out", out, "--band", "30"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.series.coa_total.length).toBe(108);
    expect(json.band.p90.coa_total.length).toBe(108);
    expect(json.scenario.preset).toBe("mpp-2025-ii-max");
    expect(json.origin).toBe("2025-08");
  });

  it("main(user path with observed inputs) runs the given period", async () => {
    const out = join(dir, "path.json");
    const r = await cli(["--scenario", "cli/examples/eigen-instroompad.json", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.months).toBe(24);
    expect(json.series.inflow_first[0]).toBe(2000);
    expect(json.series.inflow_first[6]).toBe(2500);
  });

  it("main(--origin 2023-04, start 2023-04) starts from the observed past, never from the 2022 start values", async () => {
    const file = join(dir, "later.json");
    writeFileSync(file, JSON.stringify({preset: "ongewijzigd", overrides: {}, measures: [], start: "2023-04"}));
    const a = join(dir, "later.json.out.json");
    const r = await cli(["--scenario", file, "--out", a, "--origin", "2023-04"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(a, "utf8"));
    expect(json.origin).toBe("2023-04");
    // COA at the end of 2024 within 15% of the reading of 6 Jan 2025 (72.610), not the 2022-based 47.365
    expect(Math.abs(json.series.coa_total[20] / 72610 - 1)).toBeLessThan(0.15);
    expect(r.out).toMatch(/forecast origin 2023-04/);
  });

  it("main(bad scenario file) exits 2 naming the field", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({preset: "ongewijzigd", overrides: {share_hgh: 0.5}}));
    const r = await cli(["--scenario", bad, "--out", join(dir, "x.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/overrides\.share_hgh: unknown parameter id/);
  });

  it("main(scenario without preset) exits 2: nothing is silently defaulted", async () => {
    const bad = join(dir, "nopreset.json");
    writeFileSync(bad, JSON.stringify({overrides: {}}));
    const r = await cli(["--scenario", bad, "--out", join(dir, "x.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/preset: is required/);
  });

  it("main(invalid JSON) exits 2 naming the file", async () => {
    const bad = join(dir, "broken.json");
    writeFileSync(bad, "{preset: ");
    const r = await cli(["--scenario", bad, "--out", join(dir, "x.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json: cannot be read as JSON/);
  });

  it("main(out-of-range value) runs and reports the clamp as a notice", async () => {
    const f = join(dir, "clamp.json");
    writeFileSync(f, JSON.stringify({preset: "ongewijzigd", overrides: {grant_rate_high: 2}, measures: []}));
    const r = await cli(["--scenario", f, "--out", join(dir, "clamp.csv")]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/notice: overrides\.grant_rate_high: 2 is above the plausible range; clamped to 0\.99/);
  });
});
