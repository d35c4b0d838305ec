// @vitest-environment jsdom
/**
 * Snapshot tests of the exported SVG, as Observable Plot tests its marks: a chart is rendered with
 * Plot in jsdom, composed by the chart frame, serialised with numbers rounded to two decimals and
 * compared with a committed file in test/snapshots/. Set UPDATE_SNAPSHOTS=1 to rewrite the files.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {annualBars} from "../../src/components/annual-bars.js";
import {composeSvg, defaultSubtitle, exportMeta, fullRowsOf, legendOf, mainSvg, wrapText} from "../../src/components/chart-frame.js";
import {scenarioChart} from "../../src/components/scenario-chart.js";
import {toDutchCsv} from "../../src/components/data-table.js";
import {formatEuro} from "../../src/components/format.js";

const DIR = "test/snapshots";

/** Serialises an SVG with numbers rounded to two decimals (as Plot's own snapshot tests do). */
function serialise(svg: SVGSVGElement): string {
  return new XMLSerializer()
    .serializeToString(svg)
    .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/class="plot-[0-9a-f]+/g, 'class="plot')
    .replace(/\.plot-[0-9a-f]+/g, ".plot")
    .replace(/></g, ">\n<");
}

function matchSnapshot(name: string, actual: string): void {
  const path = `${DIR}/${name}`;
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(path)) {
    mkdirSync(DIR, {recursive: true});
    writeFileSync(path, actual);
    if (!process.env.UPDATE_SNAPSHOTS) throw new Error(`snapshot ${path} did not exist and was written; run the test again`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const PERMALINK = "http://127.0.0.1:3000/opvang?p=ongewijzigd&o=capacity_emergency%3A30000&m=doorstroomlocaties~2026-01~1&v=1.1.0&d=2025-11-03";

const costRows = [2024, 2025, 2026].flatMap((year, i) => [
  {year, role: "baseline" as const, label: "ongewijzigd beleid", value: 3.1e9 + i * 2e8},
  {year, role: "scenario" as const, label: "jouw scenario", value: 3.0e9 + i * 1.5e8}
]);

describe("exported SVG", () => {
  test("grouped bars: legend outside Plot's SVG is carried into the export", () => {
    const chart = annualBars(costRows, {width: 640, yLabel: "€ per jaar", format: formatEuro, tickFormat: (v) => formatEuro(v), caption: "Kosten per jaar (gemodelleerd).", summary: "Kosten."});
    const options = {title: "Kosten per jaar", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); kosten per persoon: COA", permalink: () => PERMALINK, rows: () => [], filename: "kosten"};
    expect(legendOf(chart)).toEqual([
      {label: "ongewijzigd beleid", color: "#6b7280"},
      {label: "jouw scenario", color: "#1d4ed8"}
    ]);
    const svg = composeSvg(mainSvg(chart)!, exportMeta(chart, options));
    const texts = [...svg.querySelectorAll(":scope > text")].map((t) => t.textContent);
    expect(texts).toContain("ongewijzigd beleid");
    expect(texts).toContain("gemodelleerd");
    expect(texts.some((t) => t?.startsWith("Scenario: ongewijzigd beleid, aangepast (zie link) · datastand 3 november 2025 · model versie 1.1.0"))).toBe(true);
    matchSnapshot("export-annual-bars.svg", serialise(svg));
  });

  test("scenario chart: lines, band, observations; the full CSV holds the observations", () => {
    const values = (a: number) => Float64Array.from({length: 24}, (_, i) => a + i * 100);
    const chart = scenarioChart(
      {start: "2024-01", lines: [{role: "baseline", label: "basis", values: values(40000)}, {role: "scenario", label: "jouw scenario", values: values(39000)}], band: {p10: values(37000), p90: values(42000), label: "P10–P90 (200 modelruns)"}, observed: [{date: new Date(Date.UTC(2024, 5, 1)), value: 40800, label: "COA"}]},
      {width: 640, yLabel: "personen", lastObserved: "2024-09", caption: "Bezetting (gemodelleerd).", summary: "Bezetting."}
    );
    const options = {title: "Bezetting COA-opvang", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen COA", permalink: () => PERMALINK, rows: () => [{maand: "2024-01", coa_total_basis: 40000.5}], filename: "bezetting"};
    expect(legendOf(chart).map((d) => d.label)).toEqual(["basis", "jouw scenario", "waargenomen", "P10–P90 (200 modelruns)"]);
    const full = fullRowsOf(chart, options);
    expect(full).toEqual([{maand: "2024-01", coa_total_basis: 40000.5}, {datum: "2024-06-01", reeks: "waargenomen", waarde: 40800, bron: "COA"}]);
    const csv = toDutchCsv(full, {title: options.title, source: options.source, permalink: PERMALINK});
    expect(csv.split("\r\n").slice(0, 4)).toEqual(["\ufeffmaand;bezetting COA — basis;datum;reeks;waarde;bron", "jjjj-mm;personen;;;;", "2024-01;40000,5;;;;", ";;2024-06-01;waargenomen;40800;COA"]);
    matchSnapshot("export-scenario-chart.svg", serialise(composeSvg(mainSvg(chart)!, exportMeta(chart, options))));
  });
});

describe("export text helpers", () => {
  test("wrapText keeps every line within the limit and loses no character", () => {
    for (const content of [PERMALINK, `Bron: ${"woord ".repeat(40)}`, "a"]) {
      const lines = wrapText(content, 30);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
      expect(lines.join("").replace(/ /g, "")).toBe(content.replace(/ /g, ""));
    }
  });

  test("defaultSubtitle names the scenario, vintage and version, and never shows an id", () => {
    expect(defaultSubtitle("http://x/opvang?p=mpp-2023-max&v=1.1.0&d=2025-11-03")).toBe("Scenario: MPP april 2023, maximum · datastand 3 november 2025 · model versie 1.1.0");
    expect(defaultSubtitle("http://x/instroom")).toMatch(/^model versie \d/);
    expect(defaultSubtitle("http://x/opvang?p=<script>")).toContain("Scenario: eigen basis");
  });
});
