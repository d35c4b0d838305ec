/** The page modules return the numbers the pages print; these tests call the same functions. */
import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {compute, type Results} from "../../src/explorer/session.js";
import {changesFrom} from "../../src/explorer/series.js";
import {formatFigure} from "../../src/explorer/figures-ui.js";
import {valueInScenario, versusBase, figurePair} from "../../src/explorer/pages/common.js";
import {opvangView, OPVANG_SERIES} from "../../src/explorer/pages/opvang.js";
import {indView, IND_SERIES, byStartYear, listByYear} from "../../src/explorer/pages/ind.js";
import {uitstroomView, UITSTROOM_SERIES, taakstellingSeries} from "../../src/explorer/pages/uitstroom.js";
import {nareisView, NAREIS_SERIES, cbsYears} from "../../src/explorer/pages/nareis.js";
import {overviewView, OVERVIEW_SERIES} from "../../src/explorer/pages/overview.js";
import {effectRows, maatregelenView, activeText} from "../../src/explorer/pages/maatregelen.js";
import {instroomHistory, projectionView} from "../../src/explorer/pages/instroom.js";
import {keyFigure} from "../../src/model/key-figures.js";
import {defaultValueAt} from "../../src/model/params.js";
import {yearSum} from "../../src/model/timeline.js";
import {formatCount, formatEuro} from "../../src/components/format.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";
import {loadInflow} from "../../loaders/inflow.js";

let inputs: ModelInputs;
const basis: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
const run = (scenario: Scenario, series: readonly string[]): Results => compute(inputs, scenario, series as never);
beforeAll(async () => {
  inputs = await loadModelInputs();
  basis.overridesFrom = changesFrom(inputs);
});

describe("one definition per key figure across pages", () => {
  it("IND backlog, lead time and permit holders waiting at the end of 2025 are the same on the home page and their own page", () => {
    const scenario = {...basis, overrides: {ind_decisions_per_month: 4050}};
    const home = overviewView(run(scenario, OVERVIEW_SERIES), inputs, scenario);
    const ind = indView(run(scenario, IND_SERIES), inputs, scenario);
    const out = uitstroomView(run(scenario, UITSTROOM_SERIES), inputs, scenario);
    expect(home.f.ind_backlog.value).toBe(ind.backlog.value);
    expect(home.f.lead_time.value).toBe(ind.lead.value);
    expect(home.f.permit_waiting.value).toBe(out.waiting.value);
    expect(home.f.housed.value).toBe(out.housed.value);
    expect(home.f.ind_backlog.date).toBe("eind 2025 (stand 31 december)");
  });
});

describe("opvang", () => {
  it("occupancy rate and cost per place come from the register, with their dates", () => {
    const r = run(basis, OPVANG_SERIES);
    const v = opvangView(r, inputs, basis);
    expect(v.occupancyRate).toBe("91%");
    expect(v.costRegular).toBe(`${formatEuro(27100)} vanaf januari 2022, ${formatEuro(30400)} vanaf januari 2023`);
    expect(v.costEmergency).toBe(`${formatEuro(53400)} vanaf januari 2022, ${formatEuro(69400)} vanaf januari 2023`);
    expect(v.peak.value).toBe(r.scenario.summary.peakOccupancy.value);
    expect(v.cost.value).toBe(keyFigure(r.scenario, "cost", 2025).value);
    expect(v.peakVsBase).toBe("");
  });

  it("a modified scenario states the baseline and the difference", () => {
    const scenario = {...basis, overrides: {capacity_emergency: 60000}};
    const r = run(scenario, OPVANG_SERIES);
    const v = opvangView(r, inputs, scenario);
    expect(r.modified).toBe(true);
    expect(v.costVsBase).toBe(` (basis: ${formatEuro(keyFigure(r.baseline, "cost", 2025).value)})`);
  });
});

describe("ind", () => {
  it("production and observed figures in the captions come from the data", () => {
    const p = inputs.parameters.find((x) => x.id === "ind_decisions_per_month");
    const steps = Array.isArray(p?.value) ? p.value : [];
    expect(steps.length).toBeGreaterThan(1);
    const text = byStartYear(steps);
    expect(text.split(", ").length + (text.match(/ en /g)?.length ?? 0)).toBe(steps.length);
    expect(text).toContain(`${formatCount(steps[0]?.value)} (vanaf januari 2022)`);
    expect(byStartYear([{from: "2022-01", value: 2333}, {from: "2023-07", value: 2917}])).toBe("2.333 (vanaf januari 2022) en 2.917 (vanaf juli 2023)");
    expect(listByYear([{date: "2022", value: 3.4e6}, {date: "2023", value: 11.3e6}], formatEuro)).toBe(`${formatEuro(3.4e6)} (2022) en ${formatEuro(11.3e6)} (2023)`);
  });

  it("key figures and the year before come from the key-figure functions", () => {
    const r = run(basis, IND_SERIES);
    const v = indView(r, inputs, basis);
    expect(v.backlog.value).toBe(keyFigure(r.scenario, "ind_backlog", 2025).value);
    expect(v.backlogEnd.value).toBe(keyFigure(r.scenario, "ind_backlog", 2030).value);
    expect(v.decisionsPrev).toBe(formatCount(yearSum(r.scenario.series.decisions, r.scenario.start, 2024)));
    expect(v.decisionsPrevObserved).toBe("40.480");
    expect(v.dwangsomPrevObserved).toBe(formatEuro(36.8e6));
    expect(v.legalTerm).toBe("15");
    expect(v.measuresNote).toMatch(/maatregelen voor de doorstroom/);
  });
});

describe("uitstroom", () => {
  it("the realisation rate is a number even though the register holds a dated series (was '–')", () => {
    const r = run(basis, UITSTROOM_SERIES);
    const v = uitstroomView(r, inputs, basis);
    const p = inputs.parameters.find((x) => x.id === "housing_realisation");
    expect(v.realisation).toBe(`${Math.round(defaultValueAt(p!, changesFrom(inputs)) * 100)}%`);
    expect(v.realisation).not.toBe("–");
    expect(v.taakstelling).toBe("28.000");
    expect(taakstellingSeries(r, inputs, basis).length).toBe(r.scenario.months);
  });

  it("an override of the realisation is what the text states", () => {
    const scenario = {...basis, overrides: {housing_realisation: 0.85}};
    expect(uitstroomView(run(scenario, UITSTROOM_SERIES), inputs, scenario).realisation).toBe("85%");
    expect(valueInScenario(inputs, scenario, "housing_realisation")).toBe(0.85);
  });
});

describe("nareis", () => {
  it("observed CBS years: complete years summed, partial years apart", () => {
    const {complete, partial} = cbsYears(inputs);
    expect(complete.find((d) => d.year === 2023)?.value).toBe(10125);
    expect(partial.every((d) => d.quarters < 4)).toBe(true);
  });

  it("the peak and the timing text come from the run", () => {
    const r = run(basis, NAREIS_SERIES);
    const v = nareisView(r, inputs, basis);
    expect(v.peak.value).toBe(r.scenario.summary.nareisPeak.value);
    expect(v.timing).toMatch(/^Waarom dan\? De inwilligingen die de nareis voeden zijn het hoogst in \p{L}+ \d{4}/u);
    expect(v.cbs2023).toBe("10.125");
  });
});

describe("maatregelen", () => {
  it("the effect table is zero-difference without measures and uses the key figures", () => {
    const r = run(basis, ["coa_total"]);
    const rows = effectRows(r);
    expect(rows.map((x) => x.short)).toEqual(["piek", "tekort", "wachtend", "voorraad", "kosten", "nareis"]);
    expect(rows.every((x) => x.base === x.mine)).toBe(true);
    expect(rows.find((x) => x.short === "voorraad")?.mine).toBe(keyFigure(r.scenario, "ind_backlog", 2025).value);
    expect(activeText(basis)).toMatch(/nog geen maatregel/);
    expect(activeText({...basis, measures: [{id: "a", start: "2025-01", strength: 1}]})).toBe("Er staat 1 maatregel aan.");
    const m = maatregelenView(inputs);
    expect(m.total).toBe(inputs.measures.length);
    expect(m.quantified).toBe(inputs.measures.filter((x) => x.effects?.length).length);
  });
});

describe("instroom", () => {
  it("history figures come from the inflow loader", async () => {
    const inflow = await loadInflow();
    const h = instroomHistory(inflow);
    const unhcr2023 = inflow.annual.find((d) => d.series === "unhcr_new" && d.year === 2023);
    expect(h.first2023).toBe(formatCount(unhcr2023?.count));
    expect(h.mppMedio).toBe(formatCount(inflow.scenarios.find((d) => d.edition === "2023-I" && d.scenario === "medio")?.count));
  });

  it("the Nidos caseload on 1 January 2024 is the stand at the end of December 2023", () => {
    const r = run(basis, ["inflow_total", "nidos_caseload"]);
    const v = projectionView(r, inputs);
    expect(v.nidos2024.value).toBe(keyFigure(r.scenario, "nidos_caseload", 2023).value);
    expect(v.inflow.value).toBe(keyFigure(r.scenario, "inflow_total", 2025).value);
  });
});

describe("any valid horizon", () => {
  it("a horizon without 2025 gives n.v.t. on every page module, never a throw or NaN", () => {
    for (const horizon of [{start: "2026-01"}, {end: "2024-12"}, {start: "2040-12", end: "2040-12"}]) {
      const scenario = {...basis, ...horizon};
      const texts = [
        JSON.stringify(opvangView(run(scenario, OPVANG_SERIES), inputs, scenario)),
        JSON.stringify(indView(run(scenario, IND_SERIES), inputs, scenario)),
        JSON.stringify({...uitstroomView(run(scenario, UITSTROOM_SERIES), inputs, scenario), taak: null}),
        JSON.stringify(nareisView(run(scenario, NAREIS_SERIES), inputs, scenario)),
        JSON.stringify(overviewView(run(scenario, OVERVIEW_SERIES), inputs, scenario)),
        JSON.stringify(effectRows(run(scenario, ["coa_total"])))
      ].join(" ");
      expect(texts, JSON.stringify(horizon)).not.toMatch(/NaN|Infinity|undefined/);
      expect(formatFigure(keyFigure(run(scenario, OVERVIEW_SERIES).scenario, "ind_backlog", 2025).value, "zaken")).toBe("n.v.t.");
    }
  }, 30_000);

  it("versusBase says nothing for an unmodified scenario", () => {
    const r = run(basis, IND_SERIES);
    expect(versusBase(r, figurePair(r, "ind_backlog", 2025))).toBe("");
  });
});
