/** Page logic of /uitstroom: permit holders waiting, housing against the taakstelling, departures, Dublin transfers. */
import {keyFigure, type KeyFigure} from "../../model/key-figures.js";
import {paramValue, resolveParameters} from "../../model/params.js";
import {endOfYear, peakOf, yearSum} from "../../model/timeline.js";
import type {ModelInputs, Scenario, SeriesId} from "../../model/types.js";
import {annualCompare} from "../../components/annual-compare.js";
import {annualStacked} from "../../components/annual-stacked.js";
import {formatCount, formatDecimal, formatMonth, formatPercent} from "../../components/format.js";
import {monthDate, scenarioChart} from "../../components/scenario-chart.js";
import {BAND_RUNS, type Results} from "../session.js";
import {bandOf, chartRows, lastObservedMonth, lines, observedPoints} from "../series.js";
import {figureText, NOT_APPLICABLE} from "../figures-ui.js";
import {annualBarsOf, annualRows, basisOf, figurePair, framed, fullYearSums, observations, parameter, REPORT_YEAR, valueInScenario, versusBase} from "./common.js";
import {PAGE_BAND_SERIES} from "../precomputed-band.js";

export const UITSTROOM_SERIES: readonly SeriesId[] = PAGE_BAND_SERIES.uitstroom;

/** The last year drawn in the departures chart (later years are in its CSV). */
export const LAST_DEPARTURE_YEAR = 2027;

/**
 * The taakstelling per month, recovered from the modelled housing supply: supply = taakstelling / 6 ×
 * realisation + flex homes / 12 (src/model/run.ts), with the scenario's resolved parameter values. This
 * also covers the model's need-based taakstelling, which is not a parameter but computed in the run.
 */
export function taakstellingSeries(results: Results, inputs: ModelInputs, scenario: Scenario): Float64Array {
  const ps = resolveParameters(scenario, inputs);
  return Float64Array.from(results.scenario.series.housing_capacity, (cap, t) => Math.max(0, cap - paramValue(ps, "flex_homes_per_year", t) / 12) / Math.max(1e-9, paramValue(ps, "housing_realisation", t)));
}

export interface UitstroomView {
  year: number;
  waiting: KeyFigure;
  waitingVsBase: string;
  waitingEnd: KeyFigure;
  waitingEndVsBase: string;
  /** " ; daarnaast wonen er 1.200 in een doorstroomlocatie" or "". */
  doorstroomNote: string;
  peakWaiting: string;
  peakWaitingMonth: string;
  housed: KeyFigure;
  housedVsBase: string;
  housedPrev: string;
  housedPrevObserved: string;
  taakstelling: string;
  /** The housing realisation in the scenario from the month changes apply ("70%"). */
  realisation: string;
  /** Months the waiting permit holders need at December's housing pace, or "n.v.t.". */
  waitMonths: string;
  independent: KeyFigure;
  forced: KeyFigure;
  departed: KeyFigure;
  departedVsBase: string;
  unknown: KeyFigure;
  unregistered: KeyFigure;
  dublin: KeyFigure;
  dublinVsBase: string;
  taak: Float64Array;
}

export function uitstroomView(results: Results, inputs: ModelInputs, scenario: Scenario, year = REPORT_YEAR): UitstroomView {
  const s = results.scenario;
  const waiting = figurePair(results, "permit_waiting", year);
  const waitingEnd = figurePair(results, "permit_waiting", 2030);
  const housed = figurePair(results, "housed", year);
  const departed = figurePair(results, "departed", year);
  const dublin = figurePair(results, "dublin_transfers", year);
  const peak = peakOf(s.series.coa_permit_waiting, s.start);
  const doorstroom = endOfYear(s.series.doorstroom_occupied, s.start, year);
  const housedDecember = endOfYear(s.series.housed, s.start, year);
  const taak = taakstellingSeries(results, inputs, scenario);
  const observedHoused = observations(inputs, "housed", "flow_year");
  return {
    year,
    waiting: waiting.mine,
    waitingVsBase: versusBase(results, waiting),
    waitingEnd: waitingEnd.mine,
    waitingEndVsBase: versusBase(results, waitingEnd, false),
    doorstroomNote: doorstroom !== null && doorstroom > 0.5 ? `; daarnaast wonen er ${formatCount(doorstroom)} in een doorstroomlocatie` : "",
    peakWaiting: formatCount(peak?.value),
    peakWaitingMonth: peak ? formatMonth(monthDate(peak.month)) : NOT_APPLICABLE,
    housed: housed.mine,
    housedVsBase: versusBase(results, housed, false),
    housedPrev: formatCount(yearSum(s.series.housed, s.start, year - 1)),
    housedPrevObserved: formatCount(observedHoused.find((o) => o.date === String(year - 1))?.value),
    taakstelling: formatCount(yearSum(taak, s.start, year)),
    realisation: formatPercent(valueInScenario(inputs, scenario, "housing_realisation"), 0),
    waitMonths: waiting.mine.value !== null && housedDecember !== null && housedDecember > 0 ? formatDecimal(waiting.mine.value / housedDecember) : NOT_APPLICABLE,
    independent: keyFigure(s, "departed_independent", year),
    forced: keyFigure(s, "departed_forced", year),
    departed: departed.mine,
    departedVsBase: versusBase(results, departed, false),
    unknown: keyFigure(s, "departed_unknown", year),
    unregistered: keyFigure(s, "departed_unregistered", year),
    dublin: dublin.mine,
    dublinVsBase: versusBase(results, dublin, false),
    taak
  };
}

export interface UitstroomCharts {
  waiting: HTMLElement;
  housing: HTMLElement;
  housedAnnual: HTMLElement;
  departures: HTMLElement;
  dublin: HTMLElement;
}

const CATEGORIES = [
  {id: "departed_independent", label: "zelfstandig vertrek (aantoonbaar)", color: "#2563eb"},
  {id: "departed_forced", label: "gedwongen vertrek", color: "#7c3aed"},
  {id: "departed_unknown", label: "vertrek met onbekende bestemming", color: "#9ca3af"}
] as const;

export function uitstroomCharts(v: UitstroomView, results: Results, inputs: ModelInputs, scenario: Scenario, {width}: {width: number}): UitstroomCharts {
  const s = results.scenario.series;
  const start = results.scenario.start;
  const lastObserved = lastObservedMonth(inputs);
  const y = v.year;
  const eoy = (values: ArrayLike<number>) => formatCount(endOfYear(values, start, y));
  const waitingBand = bandOf(results, "coa_permit_waiting");
  const waiting = framed(
    scenarioChart(
      {start, lines: lines(results, "coa_permit_waiting"), band: waitingBand, observed: observedPoints(inputs, "coa_permit_waiting")},
      {width, yLabel: "vergunninghouders in de opvang", lastObserved, caption: `Vergunninghouders in de COA-opvang die op een woning wachten, aan het eind van elke maand (gemodelleerd; zonder nareizigers en zonder bewoners van doorstroomlocaties), met de P10–P90-band van ${formatCount(BAND_RUNS)} modelruns. Zwarte punten: gepubliceerde aantallen (COA, Bestuurlijke afspraken aug. 2022, nieuwsberichten; meestal afgerond).`, summary: `Wachtende vergunninghouders eind ${y}: ${figureText(v.waiting)} (band ${eoy(waitingBand.p10)} – ${eoy(waitingBand.p90)}); eind 2030: ${figureText(v.waitingEnd)}.`}
    ),
    {title: "Vergunninghouders wachtend op een woning", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen COA en Rijksoverheid", rows: () => chartRows(results, "coa_permit_waiting"), filename: "vergunninghouders-wachtend"}
  );
  // Housed equals the supply whenever enough permit holders wait; draw the supply only where it differs.
  const supplyDiffers = Array.from(s.housing_capacity).some((cap, t) => Math.abs(cap - (s.housed[t] ?? 0)) > Math.max(1, 0.01 * cap));
  const housing = framed(
    scenarioChart(
      {
        start,
        lines: [
          ...lines(results, "housed", "gehuisvest"),
          ...(supplyDiffers ? [{role: "scenario" as const, label: "woningaanbod (jouw scenario)", values: s.housing_capacity, color: "#15803d"}] : []),
          {role: "scenario", label: results.modified ? "taakstelling (jouw scenario)" : "taakstelling", values: v.taak, color: "#b91c1c"}
        ],
        band: bandOf(results, "housed")
      },
      {width, yLabel: "personen per maand", lastObserved, caption: `Gehuisveste vergunninghouders en nareizigers per maand (gemodelleerd) tegen de taakstelling en het woningaanbod. Taakstelling per halfjaar uit de Rijksoverheid-bekendmakingen tot en met 2025; daarna volgt zij in het model de behoefte van het vorige halfjaar. Het woningaanbod is taakstelling × realisatiegraad + flexwoningen; gehuisvest wordt hooguit het aanbod (${supplyDiffers ? "de groene lijn" : "in dit scenario is dat steeds het geval: gehuisvest = aanbod"}), en niet sneller dan de norm van ${formatCount(valueInScenario(inputs, scenario, "housing_norm_weeks"))} weken na koppeling toelaat. Band: P10–P90 van ${formatCount(BAND_RUNS)} modelruns.`, summary: `In ${y} worden ${figureText(v.housed)} personen gehuisvest bij een taakstelling van ${v.taakstelling}.`}
    ),
    {title: "Huisvesting tegen de taakstelling (per maand)", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); taakstelling: Rijksoverheid", rows: () => chartRows(results, ["housed", "housing_capacity"]).map((r, i) => ({...r, taakstelling_scenario: Math.round((v.taak[i] ?? NaN) * 10) / 10})), filename: "huisvesting-maand"}
  );
  const observedHoused = observations(inputs, "housed", "flow_year");
  const housedAnnual = framed(
    annualCompare(
      {bars: annualBarsOf(results, "housed"), observed: observedHoused.map((o) => ({year: Number(o.date), value: o.value, source: o.source}))},
      {width, yLabel: "gehuisvest per jaar", format: formatCount, caption: `Gehuisveste vergunninghouders en nareizigers per kalenderjaar (gemodelleerd). Zwarte streep: vergunninghouders die de COA-opvang verlieten (${observedHoused.map((o) => `${o.date}: ${formatCount(o.value)}`).join(", ")}; alle bestemmingen; ${observedHoused.map((o) => o.source).join("; ")}). Taakstelling ${v.taakstelling} in ${y} (jouw scenario).`, summary: `Gehuisvest ${y - 1}: model ${v.housedPrev}, waargenomen ${v.housedPrevObserved}; ${y}: ${figureText(v.housed)}.`}
    ),
    {title: "Huisvesting per jaar", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarneming: Rijksoverheid", rows: annualRows(results, "housed", observedHoused), filename: "huisvesting-jaar"}
  );
  const MODEL_COLUMN = "gemodelleerd (jouw scenario)";
  const DTV_COLUMN = "waargenomen (DT&V)";
  const rowsAll = [
    ...CATEGORIES.flatMap((c) => fullYearSums(s[c.id], start).map((d) => ({year: d.year, column: MODEL_COLUMN, category: c.label, value: d.value}))),
    ...CATEGORIES.flatMap((c) => observations(inputs, c.id, "flow_year").map((o) => ({year: Number(o.date), column: DTV_COLUMN, category: c.label, value: o.value})))
  ];
  const dtvYear = (year: number) => {
    const values = CATEGORIES.map((c) => observations(inputs, c.id, "flow_year").find((o) => o.date === String(year))?.value);
    return values.every((x) => x !== undefined) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  };
  const modelYear = (year: number) => {
    const values = CATEGORIES.map((c) => yearSum(s[c.id], start, year));
    return values.every((x) => x !== null) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  };
  const departures = framed(
    annualStacked(rowsAll.filter((d) => d.year <= LAST_DEPARTURE_YEAR), {
      width,
      yLabel: "vertrek per jaar",
      format: formatCount,
      categories: [...CATEGORIES],
      columns: [MODEL_COLUMN, DTV_COLUMN],
      columnLabels: {[MODEL_COLUMN]: "model", [DTV_COLUMN]: "DT&V"},
      caption: `Vertrek van afgewezen asielzoekers en Dublinclaimanten zonder overdracht uit de opvang per kalenderjaar, naar bestemming. Linkerbalk per jaar: gemodelleerd (jouw scenario), afgewezenen verlaten de opvang ${formatCount(valueInScenario(inputs, scenario, "reception_leave_days"))} dagen na een definitieve afwijzing en worden verdeeld met de aandelen zelfstandig / gedwongen vertrek. Omlijnde balk: vertrekcijfers van de Dienst Terugkeer en Vertrek; die tellen de DT&V-caseload, niet alleen afgewezen asielzoekers. Het model geeft in 2024 ${formatCount(modelYear(2024))} vertrekkers, DT&V telde er ${formatCount(dtvYear(2024))}. Getekend tot en met ${LAST_DEPARTURE_YEAR}; latere jaren staan in de CSV.`,
      summary: `Vertrek ${y} (model): ${figureText(v.independent)} zelfstandig, ${figureText(v.forced)} gedwongen, ${figureText(v.unknown)} onbekend.`
    }),
    {title: "Vertrek van afgewezen asielzoekers", source: "Asielketen Verkenner, ketenmodel (gemodelleerd); waarnemingen DT&V", rows: () => rowsAll.map((d) => ({jaar: d.year, kolom: d.column, bestemming: d.category, aantal: Math.round(d.value)})), filename: "vertrek"}
  );
  const dublinParam = parameter(inputs, "dublin_transfer_share");
  const dublin = framed(
    annualCompare(
      {bars: annualBarsOf(results, "dublin_transfers"), observed: []},
      {width, height: 200, yLabel: "overdrachten per jaar", format: formatCount, caption: `Dublinoverdrachten per kalenderjaar (gemodelleerd): afgehandelde Dublinzaken (spoor 1) × het aandeel met overdracht (${formatPercent(valueInScenario(inputs, scenario, "dublin_transfer_share"), 0)}; ${basisOf(dublinParam)}). De overige Dublinclaimanten verlaten de opvang zoals afgewezen asielzoekers (zelfstandig, gedwongen, onbekende bestemming of zonder geregistreerd vertrek). Er zijn geen waargenomen jaarcijfers in de dataset opgenomen.`, summary: `Dublinoverdrachten ${y}: ${figureText(v.dublin)}.`}
    ),
    {title: "Dublinoverdrachten", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: annualRows(results, "dublin_transfers"), filename: "dublinoverdrachten"}
  );
  return {waiting, housing, housedAnnual, departures, dublin};
}
