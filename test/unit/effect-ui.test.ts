// @vitest-environment jsdom
/** Page logic of the effect-per-measure, tornado and bottleneck sections (the numbers the pages print). */
import {beforeAll, describe, expect, it} from "vitest";
import {shapleySection, shapleyView, playerLabel} from "../../src/explorer/pages/shapley-ui.js";
import {parameterText, rangeText, sensitivitySection, tornadoRows} from "../../src/explorer/pages/sensitivity-ui.js";
import {bottleneckSection, stripCells, stripSentence} from "../../src/explorer/pages/bottleneck-ui.js";
import {waterfallRows} from "../../src/components/waterfall.js";
import {decompose, type Decomposition} from "../../src/model/shapley.js";
import {sensitivity} from "../../src/model/sensitivity.js";
import {bottlenecks} from "../../src/model/bottleneck.js";
import {defaultEntry} from "../../src/model/measure-effect.js";
import {addMonths} from "../../src/model/months.js";
import {originOf} from "../../src/model/prepare.js";
import {formatCount, formatEuro} from "../../src/components/format.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {testInputs} from "../fixtures/model/inputs.js";

let inputs: ModelInputs;
let scenario: Scenario;
let d: Decomposition;
const base: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
const num = (t: string) => Number(t.replace(/\u2212/g, "-").replace(/[^\d,+-]/g, "").replace(",", "."));

beforeAll(async () => {
  inputs = await testInputs();
  const from = addMonths(originOf(base, inputs), 1);
  const on = inputs.measures.filter((m) => m.effects?.length && !m.inBaseline && !m.defaultEnd).slice(0, 3);
  const off = inputs.measures.filter((m) => m.effects?.length && m.inBaseline).slice(0, 1);
  scenario = {...base, measures: on.map((m) => defaultEntry(m, from)), off: off.map((m) => m.id)};
  d = decompose(scenario, inputs);
});

describe("shapley-ui", () => {
  it("the table rows: basis, one row per measure, interaction, total and scenario, in Dutch numbers", () => {
    const v = shapleyView(d, "coa_2027");
    expect(v.rows.map((r) => r.role)).toEqual(["basis", "maatregel", "maatregel", "maatregel", "maatregel", "samenloop", "totaal", "scenario"]);
    expect(v.rows[0]!.value).toBe(formatCount(d.baseline.coa_2027));
    expect(v.rows.at(-1)!.value).toBe(formatCount(d.scenario.coa_2027));
    expect(v.rows[4]!.label).toMatch(/\(uitgezet\)$/);
    expect(v.rows[4]!.label).toBe(playerLabel(d.players[3]!.player));
    const parts = v.rows.filter((r) => r.role === "maatregel").map((r) => num(r.value));
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - num(v.rows.find((r) => r.role === "totaal")!.value))).toBeLessThanOrEqual(2);
    expect(v.sampled).toBeNull();
    expect(v.text).toMatch(/^Op de bezetting COA-opvang op 1 januari 2027 tellen de effecten (niet )?op/);
    const cost = shapleyView(d, "cost_2026");
    expect(cost.rows[0]!.value).toBe(formatEuro(d.baseline.cost_2026));
  });

  it("the waterfall rows run from the baseline through the cumulative parts to the scenario", () => {
    const v = shapleyView(d, "coa_2027");
    const rows = waterfallRows(v.data, formatCount);
    expect(rows[0]!.to).toBe(d.baseline.coa_2027);
    for (let i = 1; i < rows.length - 1; i++) expect(rows[i]!.from).toBe(rows[i - 1]!.to);
    expect(rows.at(-2)!.to).toBeCloseTo(d.scenario.coa_2027, 6);
    expect(new Set(rows.map((r) => r.row)).size).toBe(rows.length);
  });

  it("a sampled decomposition says so, with the number of orders and a margin per measure", () => {
    const s = decompose(scenario, inputs, {exactUpTo: 2, permutations: 50});
    const v = shapleyView(s, "coa_2027");
    expect(v.sampled).toContain("50 willekeurige volgordes");
    expect(v.rows.filter((r) => r.role === "maatregel").every((r) => r.se?.startsWith("± "))).toBe(true);
  });

  it("the section draws a select of five outcomes, the chart and the table; without players a hint", () => {
    const el = shapleySection(inputs, scenario, {width: 640});
    expect(el.querySelectorAll("select option").length).toBe(5);
    expect(el.querySelector("figure svg")).not.toBeNull();
    expect(el.querySelectorAll('tr[data-role="maatregel"]').length).toBe(4);
    const select = el.querySelector("select")!;
    select.value = "nareis_2026";
    select.dispatchEvent(new Event("change"));
    expect(el.querySelector(".shapley-outcome")!.getAttribute("data-outcome")).toBe("nareis_2026");
    expect(shapleySection(inputs, base, {width: 640}).querySelector(".shapley-empty")).not.toBeNull();
  });
});

describe("sensitivity-ui", () => {
  it("formats parameter values and ranges by unit", () => {
    expect(parameterText(0.5, "aandeel")).toBe("50%");
    expect(parameterText(2026, "jaar")).toBe("2026");
    expect(parameterText(23953, "personen per jaar")).toBe("23.953");
    expect(parameterText(0.7745, "factor")).toBe("0,8");
    expect(rangeText({low: 4000, high: 60000, unit: "personen per jaar"})).toBe("4.000 – 60.000 personen per jaar");
    expect(rangeText({low: 0.2, high: 0.8, unit: "aandeel"})).toBe("20% – 80%");
  });

  it("the table rows are the top 10 by swing, ranked", () => {
    const rows = tornadoRows(sensitivity(base, inputs), "coa_2027");
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.swingValue).toBeGreaterThanOrEqual(rows[i]!.swingValue);
    const el = sensitivitySection(inputs, base, {width: 640});
    expect(el.querySelectorAll(".tornado-table tbody tr").length).toBe(10);
    expect(el.querySelector(".sensitivity-origin")!.textContent).not.toContain("jouw aanpassingen");
  });
});

describe("bottleneck-ui", () => {
  it("one cell per month with a Dutch tooltip, and a sentence counting the projected months", () => {
    const b = bottlenecks(base, inputs);
    const cells = stripCells(b);
    expect(cells.length).toBe(b.months.length);
    expect(cells[0]!.title).toMatch(/^jan 2022: (knelpunt|geen knelpunt)/);
    const text = stripSentence(b);
    expect(text).toMatch(/^In de projectie \([a-z]+ \d{4} – dec 2030\) is het bindende knelpunt: \d+ maanden/);
    const el = bottleneckSection(inputs, base, {width: 640});
    expect([...el.querySelectorAll(".strip-legend li")].map((li) => li.textContent!.trim()).slice(0, 4)).toEqual(["IND-beslissingen", "opvangplekken", "woningen voor vergunninghouders", "geen knelpunt"]);
  });
});

describe("charts at width 0 (Framework reports 0 while re-laying out a page)", () => {
  it("draw no rect with a negative width", async () => {
    const {waterfall} = await import("../../src/components/waterfall.js");
    const {tornadoChart} = await import("../../src/components/tornado.js");
    const {bottleneckStrip} = await import("../../src/components/bottleneck-strip.js");
    const opts = {width: 0, format: formatCount, xLabel: "x", caption: "c", summary: "s"};
    const charts = [
      waterfall({baseline: 100, scenario: 90, parts: [{label: "a", value: -4, solo: -3}], baselineLabel: "B", scenarioLabel: "S"}, opts),
      tornadoChart([{label: "a", range: "r", atLow: 1, atHigh: 3}], {...opts, base: 2}),
      bottleneckStrip([{month: "2025-01", kind: "ind", past: false, title: "t"}], {width: 0, origin: "2024-12", caption: "c", summary: "s"})
    ];
    for (const c of charts) {
      const widths = [...c.querySelectorAll("rect")].map((r) => r.getAttribute("width") ?? "");
      expect(widths.length).toBeGreaterThan(0);
      for (const w of widths) expect(w.startsWith("-"), w).toBe(false);
    }
  });
});
