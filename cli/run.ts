/**
 * Runs a scenario file and writes every monthly output (CSV or JSON) plus a summary.
 *
 *   npm run model -- --scenario cli/examples/mpp-medio.json --out out.csv [--band 1000] [--seed 42] [--origin 2024-01]
 *
 * The run follows the observations up to the forecast origin (default: the latest month with
 * observed first applications; `--origin` or the file's "origin" choose an earlier one for a
 * backtest) and projects from there; the log names the origin and the stock readings used.
 *
 * A bad scenario file stops with a message naming the field; nothing is silently defaulted
 * (clamped values are reported as notices on stderr).
 */
import {readFileSync, writeFileSync} from "node:fs";
import {loadModelInputs} from "../loaders/model-inputs.js";
import {band} from "../src/model/band.js";
import {monthIndex, monthString} from "../src/model/months.js";
import {run} from "../src/model/run.js";
import {prepare} from "../src/model/prepare.js";
import {ANCHOR_SERIES} from "../src/model/origin.js";
import {ScenarioError, validateScenario} from "../src/model/scenario.js";
import {MODEL_VERSION} from "../src/model/version.js";
import {SERIES_IDS, type BandOutput, type RunOutput} from "../src/model/types.js";

export class CliError extends Error {}

export interface CliArgs {
  scenario: string;
  out: string;
  band: number;
  seed: number;
  /** "YYYY-MM": forecast origin (overrides the scenario file's). */
  origin?: string;
}

const USAGE = "usage: npm run model -- --scenario <file.json> --out <out.csv|out.json> [--band <runs>] [--seed <int>] [--origin <YYYY-MM>]";

/** Parses argv (after the script name); throws CliError with a usage message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: Partial<CliArgs> = {band: 0, seed: 42};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined || value.startsWith("--")) throw new CliError(`${key} needs a value\n${USAGE}`);
      i++;
      return value;
    };
    switch (key) {
      case "--scenario":
        args.scenario = need();
        break;
      case "--out":
        args.out = need();
        break;
      case "--band": {
        const n = Number(need());
        if (!Number.isInteger(n) || n < 0 || n > 100000) throw new CliError(`--band must be an integer 0 … 100000, got ${value}`);
        args.band = n;
        break;
      }
      case "--origin": {
        const m = need();
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw new CliError(`--origin must be a month like 2024-01, got ${m}`);
        args.origin = m;
        break;
      }
      case "--seed": {
        const n = Number(need());
        if (!Number.isInteger(n)) throw new CliError(`--seed must be an integer, got ${value}`);
        args.seed = n;
        break;
      }
      default:
        throw new CliError(`unknown argument "${key}"\n${USAGE}`);
    }
  }
  if (!args.scenario) throw new CliError(`--scenario is required\n${USAGE}`);
  if (!args.out) throw new CliError(`--out is required\n${USAGE}`);
  if (!/\.(csv|json)$/.test(args.out)) throw new CliError(`--out must end in .csv or .json, got ${args.out}`);
  return args as CliArgs;
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}

/** Monthly CSV: one row per month, one column per series (and _p10/_p50/_p90 when a band ran). */
export function toCsv(out: RunOutput, b: BandOutput | null): string {
  const header = ["month", ...SERIES_IDS];
  if (b) for (const id of SERIES_IDS) header.push(`${id}_p10`, `${id}_p50`, `${id}_p90`);
  const lines = [header.join(",")];
  const s0 = monthIndex(out.start);
  for (let t = 0; t < out.months; t++) {
    const row = [monthString(s0 + t), ...SERIES_IDS.map((id) => num(out.series[id][t]))];
    if (b) for (const id of SERIES_IDS) row.push(num(b.p10[id][t]), num(b.p50[id][t]), num(b.p90[id][t]));
    lines.push(row.join(","));
  }
  return lines.join("\n") + "\n";
}

/** Human-readable summary lines (English; figures unformatted). */
export function summaryLines(out: RunOutput): string[] {
  const s = out.summary;
  const r = (x: number) => Math.round(x).toLocaleString("en");
  return [
    `peak COA occupancy: ${r(s.peakOccupancy.value)} in ${s.peakOccupancy.month}`,
    `nareis peak: ${r(s.nareisPeak.value)} arrivals per month in ${s.nareisPeak.month}`,
    `largest capacity shortage: ${r(s.maxShortage.value)} places in ${s.maxShortage.month}`,
    `IND backlog at the end: ${r(s.backlogEnd)}`,
    `bottleneck (last 12 months): ${s.bottleneck}`,
    ...s.costPerYear.map((c) => `reception cost ${c.year}: € ${r(c.value)} (regular € ${r(c.regular)}, emergency € ${r(c.emergency)})`)
  ];
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[], log = console.log, err = console.error): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(args.scenario, "utf8"));
  } catch (e) {
    err(`scenario file ${args.scenario}: cannot be read as JSON (${(e as Error).message})`);
    return 2;
  }
  const inputs = await loadModelInputs();
  if (args.origin && raw && typeof raw === "object" && !Array.isArray(raw)) raw = {...(raw as Record<string, unknown>), origin: args.origin};
  let validated;
  try {
    validated = validateScenario(raw, inputs);
  } catch (e) {
    if (e instanceof ScenarioError) {
      err(`scenario file ${args.scenario}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  for (const notice of validated.notices) err(`notice: ${notice}`);
  const out = run(validated.scenario, inputs);
  const prepared = prepare(validated.scenario, inputs);
  const readings = prepared.state.readings;
  const lastReading = ANCHOR_SERIES.map((id) => {
    const r = readings.filter((x) => x.series === id).at(-1);
    return r ? `${id} ${r.month} = ${Math.round(r.value)}` : `${id}: no reading (rolled forward from begin 2022)`;
  });
  const b = args.band > 0 ? band(validated.scenario, inputs, args.band, args.seed) : null;
  const summary = summaryLines(out);
  if (args.out.endsWith(".json")) {
    const json = {
      modelVersion: MODEL_VERSION,
      dataVintage: inputs.dataVintage,
      scenario: validated.scenario,
      notices: validated.notices,
      start: out.start,
      months: out.months,
      origin: out.origin,
      originReadings: readings,
      series: Object.fromEntries(SERIES_IDS.map((id) => [id, Array.from(out.series[id])])),
      summary: out.summary,
      band: b
        ? {
            n: b.n,
            seed: b.seed,
            p10: Object.fromEntries(SERIES_IDS.map((id) => [id, Array.from(b.p10[id])])),
            p50: Object.fromEntries(SERIES_IDS.map((id) => [id, Array.from(b.p50[id])])),
            p90: Object.fromEntries(SERIES_IDS.map((id) => [id, Array.from(b.p90[id])]))
          }
        : null
    };
    writeFileSync(args.out, JSON.stringify(json, null, 1));
  } else {
    writeFileSync(args.out, toCsv(out, b));
    const summaryFile = args.out.replace(/\.csv$/, ".summary.json");
    writeFileSync(
      summaryFile,
      JSON.stringify({modelVersion: MODEL_VERSION, dataVintage: inputs.dataVintage, scenario: validated.scenario, notices: validated.notices, summary: out.summary}, null, 1)
    );
  }
  log(`model ${MODEL_VERSION}, data ${inputs.dataVintage}, scenario ${args.scenario} (preset ${validated.scenario.preset})`);
  log(`forecast origin ${out.origin}: observed inputs up to it; stocks reset to the last readings ${lastReading.join("; ")}`);
  for (const line of summary) log(line);
  log(`wrote ${args.out}`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  process.exitCode = await main(process.argv.slice(2));
}
