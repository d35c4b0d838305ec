/**
 * Page logic of /vergelijken: two scenarios A and B side by side. Each side is a preset, the current
 * scenario (the one the other pages carry in the URL), or a scenario from a pasted link. The pair is
 * in the URL: `?a=<choice>&b=<choice>` beside the current scenario's own keys, where a choice is a
 * preset id, "huidig", or a scenario search string ("p=…&o=…").
 */
import {csvFormat} from "d3-dsv";
import {COMPARE_FIGURES, KEY_FIGURES, dateOf, keyFigure, type FigureUnit, type KeyFigureId} from "../../model/key-figures.js";
import {run} from "../../model/run.js";
import {decodeScenarioFromSearch} from "../../model/scenario.js";
import {monthAt, offsetOf} from "../../model/timeline.js";
import type {ModelInputs, RunOutput, Scenario, SeriesId} from "../../model/types.js";
import {formatPercent} from "../../components/format.js";
import {scenarioChart} from "../../components/scenario-chart.js";
import {isReused, keepable, reuse} from "../../components/kept-node.js";
import {formatFigure} from "../figures-ui.js";
import {currentSearch as pageSearch, flushSearch, replaceSearchSoon, scenarioSearch} from "../links.js";
import {changesFrom, lastObservedMonth} from "../series.js";
import {noticeInDutch} from "../ui.js";
import {framed} from "./common.js";

/** The choice value meaning "the scenario the site carries in the URL". */
export const CURRENT = "huidig";
export const COMPARE_YEARS: readonly number[] = [2025, 2026, 2027, 2028, 2029, 2030];

export interface Choice {
  /** The value as it goes into the URL. */
  value: string;
  /** Dutch label ("MPP april 2023 — medio", "jouw huidige scenario", "scenario uit een link"). */
  label: string;
  kind: "preset" | "current" | "link";
  scenario: Scenario;
  /** Dutch notices (clamped or dropped parts of a link). */
  notices: string[];
}

/** The scenario as the scenario pages run it: overrides apply from the month the controls state (never rewriting the observed history). */
export function asOnThePages(scenario: Scenario, inputs: ModelInputs): Scenario {
  return {...scenario, overridesFrom: scenario.overridesFrom ?? changesFrom(inputs)};
}

/** Reads a search string or a whole pasted link as a scenario search ("p=…&o=…"); null when it holds no scenario. */
export function linkSearch(text: string): string | null {
  const trimmed = text.trim();
  const search = trimmed.includes("?") ? trimmed.slice(trimmed.indexOf("?") + 1).split("#")[0] ?? "" : trimmed;
  const carried = scenarioSearch(search);
  return carried === "" ? null : carried.slice(1);
}

/** The scenario a choice value stands for. Never throws: an unreadable value falls back with a notice. */
export function parseChoice(value: string | null, inputs: ModelInputs, currentSearch: string, fallback: string): Choice {
  const text = value ?? fallback;
  const preset = inputs.presets.find((p) => p.id === text);
  if (preset) return {value: preset.id, label: preset.name, kind: "preset", scenario: {preset: preset.id, overrides: {}, measures: []}, notices: []};
  if (text === CURRENT) {
    const decoded = decodeScenarioFromSearch(scenarioSearch(currentSearch), inputs);
    return {value: CURRENT, label: "jouw huidige scenario", kind: "current", scenario: asOnThePages(decoded.scenario, inputs), notices: decoded.notices.filter((n) => !/^(preset: missing|modelVersion|dataVintage)/.test(n)).map((n) => noticeInDutch(n, new Map(inputs.parameters.map((p) => [p.id, p.label]))))};
  }
  const search = linkSearch(text);
  if (search === null) {
    const back = parseChoice(fallback, inputs, currentSearch, "ongewijzigd");
    return {...back, notices: ["De geplakte link bevat geen scenario; het standaardscenario wordt getoond.", ...back.notices]};
  }
  const decoded = decodeScenarioFromSearch(`?${search}`, inputs);
  return {value: search, label: "scenario uit een link", kind: "link", scenario: asOnThePages(decoded.scenario, inputs), notices: decoded.notices.map((n) => noticeInDutch(n, new Map(inputs.parameters.map((p) => [p.id, p.label]))))};
}

/** The URL search of a comparison: the pair plus the current scenario's own keys (so navigation keeps it). */
export function compareSearch(a: string, b: string, currentSearch: string): string {
  const q = new URLSearchParams(scenarioSearch(currentSearch).slice(1));
  const out = new URLSearchParams();
  out.set("a", a);
  out.set("b", b);
  for (const [key, value] of q) out.set(key, value);
  return `?${out.toString()}`;
}

export interface CompareRow {
  figure: KeyFigureId;
  /** Dutch name with the date kind ("IND-voorraad … (stand 31 december)"). */
  label: string;
  unit: FigureUnit;
  year: number;
  a: number | null;
  b: number | null;
  /** B − A; null when either is outside its horizon. */
  diff: number | null;
  /** (B − A) / A; null when A is 0 or missing. */
  pct: number | null;
}

/** Every compared key figure per year: A, B, the difference and the relative difference. */
export function compareRows(runA: RunOutput, runB: RunOutput, years: readonly number[] = COMPARE_YEARS): CompareRow[] {
  return COMPARE_FIGURES.flatMap((id) =>
    years.map((year) => {
      const a = keyFigure(runA, id, year).value;
      const b = keyFigure(runB, id, year).value;
      const diff = a === null || b === null ? null : b - a;
      const def = KEY_FIGURES[id];
      return {figure: id, label: `${def.name} (${def.measure === "stock" ? "stand 31 december" : "kalenderjaar"})`, unit: def.unit, year, a, b, diff, pct: diff === null || a === null || a === 0 ? null : diff / a};
    })
  );
}

/** Rows for the CSV download of the comparison table. */
export function csvRows(rows: readonly CompareRow[], a: Choice, b: Choice): Record<string, string | number>[] {
  const round = (x: number | null) => (x === null ? "n.v.t." : Math.round(x * 10) / 10);
  return rows.map((r) => ({uitkomst: r.label, jaar: r.year, scenario_a: a.label, a: round(r.a), scenario_b: b.label, b: round(r.b), verschil: round(r.diff), verschil_procent: r.pct === null ? "n.v.t." : Math.round(r.pct * 1000) / 10}));
}

export interface Comparison {
  a: Choice;
  b: Choice;
  runA: RunOutput;
  runB: RunOutput;
  baseline: RunOutput;
  rows: CompareRow[];
}

const runCache = new Map<string, RunOutput>();
function cachedRun(scenario: Scenario, inputs: ModelInputs): RunOutput {
  const key = JSON.stringify(scenario);
  let out = runCache.get(key);
  if (!out) {
    out = run(scenario, inputs);
    if (runCache.size > 20) runCache.clear();
    runCache.set(key, out);
  }
  return out;
}

/** Runs A, B and the baseline (unchanged policy) and builds the table rows. */
export function compare(inputs: ModelInputs, pair: {a: string; b: string}, currentSearch: string): Comparison {
  const a = parseChoice(pair.a, inputs, currentSearch, "ongewijzigd");
  const b = parseChoice(pair.b, inputs, currentSearch, defaultB(inputs, currentSearch));
  const runA = cachedRun(a.scenario, inputs);
  const runB = cachedRun(b.scenario, inputs);
  const baseline = cachedRun({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
  return {a, b, runA, runB, baseline, rows: compareRows(runA, runB)};
}

/** B by default: the current scenario when the URL carries one, else the second preset. */
export function defaultB(inputs: ModelInputs, currentSearch: string): string {
  return scenarioSearch(currentSearch) !== "" ? CURRENT : inputs.presets[1]?.id ?? "ongewijzigd";
}

// ---- DOM --------------------------------------------------------------------------------------

let count = 0;

/** One side's choice: a select (presets, current scenario, from a link) and a field for the pasted link. */
function choiceControl(inputs: ModelInputs, side: "A" | "B", initial: Choice): HTMLElement & {value: string} {
  const root = document.createElement("div") as unknown as HTMLElement & {value: string};
  root.className = "control";
  root.dataset.side = side;
  const id = `compare-${side}-${++count}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = `Scenario ${side}`;
  const select = document.createElement("select");
  select.id = id;
  select.name = `scenario-${side}`;
  for (const [value, text] of [...inputs.presets.map((p) => [p.id, p.name] as const), [CURRENT, "jouw huidige scenario (uit de link van de site)"] as const, ["link", "een scenario uit een geplakte link"] as const]) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
  select.value = initial.kind === "link" ? "link" : initial.value;
  const linkLabel = document.createElement("label");
  const linkInput = document.createElement("input");
  linkInput.type = "text";
  linkInput.id = `${id}-link`;
  linkInput.name = `link-${side}`;
  linkInput.placeholder = "plak hier een link van deze site";
  linkInput.value = initial.kind === "link" ? `?${initial.value}` : "";
  linkInput.style.width = "100%";
  linkLabel.htmlFor = linkInput.id;
  linkLabel.textContent = `Link voor scenario ${side}`;
  const linkBox = document.createElement("div");
  linkBox.append(linkLabel, linkInput);
  const sync = () => (linkBox.hidden = select.value !== "link");
  sync();
  select.addEventListener("change", () => {
    sync();
    if (select.value !== "link" || linkInput.value.trim()) root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  linkInput.addEventListener("change", () => root.dispatchEvent(new Event("input", {bubbles: true})));
  root.append(label, select, linkBox);
  Object.defineProperty(root, "value", {get: () => (select.value === "link" ? linkSearch(linkInput.value) ?? linkInput.value : select.value)});
  return root;
}

/** The two choices; `value` is {a, b} as they go into the URL. */
export function pairControls(inputs: ModelInputs, search: string): HTMLElement & {value: {a: string; b: string}} {
  const q = new URLSearchParams(search);
  const a = parseChoice(q.get("a"), inputs, search, "ongewijzigd");
  const b = parseChoice(q.get("b"), inputs, search, defaultB(inputs, search));
  const root = document.createElement("div") as unknown as HTMLElement & {value: {a: string; b: string}};
  root.className = "panel controls no-print";
  const ca = choiceControl(inputs, "A", a);
  const cb = choiceControl(inputs, "B", b);
  root.append(ca, cb);
  Object.defineProperty(root, "value", {get: () => ({a: ca.value, b: cb.value})});
  return root;
}

/**
 * Writes the pair into the address bar (no navigation), and the page's links follow, once the choice
 * rests (links.ts replaceSearchSoon: not on the way to the charts' paint).
 */
export function writeCompareUrl(c: Comparison): void {
  replaceSearchSoon(compareSearch(c.a.value, c.b.value, pageSearch()));
}

/** The notices of both sides, or an empty status element. */
export function compareNotices(c: Comparison): HTMLElement {
  const box = document.createElement("div");
  box.id = "url-notices";
  const all = [...c.a.notices.map((n) => `A: ${n}`), ...c.b.notices.map((n) => `B: ${n}`)];
  box.setAttribute("role", all.length ? "alert" : "status");
  if (!all.length) return box;
  box.className = "melding";
  const list = document.createElement("ul");
  for (const n of all) list.append(Object.assign(document.createElement("li"), {textContent: n}));
  box.append(Object.assign(document.createElement("strong"), {textContent: "Let op: een scenario bevatte waarden die zijn aangepast of genegeerd."}), list);
  return box;
}

function signed(value: number | null, unit: FigureUnit): string {
  if (value === null) return formatFigure(null, unit);
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatFigure(Math.abs(value), unit)}`;
}

const TABLE_COLUMNS = ["uitkomst", "jaar", "a", "b", "verschil", "procent"] as const;

function tableCaption(c: Comparison): string {
  return `Gemodelleerde uitkomsten per jaar: A = ${c.a.label}, B = ${c.b.label}. Voorraden zijn standen op 31 december, stromen zijn kalenderjaarsommen; n.v.t. = buiten de modelperiode.`;
}

/** The texts of a row's cells, in TABLE_COLUMNS order. */
function cellTexts(r: CompareRow): string[] {
  return [r.year === COMPARE_YEARS[0] ? r.label : "", String(r.year), formatFigure(r.a, r.unit), formatFigure(r.b, r.unit), signed(r.diff, r.unit), r.pct === null ? "n.v.t." : `${r.pct > 0 ? "+" : r.pct < 0 ? "−" : "±"}${formatPercent(Math.abs(r.pct), 1)}`];
}

/** The table on the page and its rows (outcome@year): a new pair with the same rows is written into it. */
let shownTable: {wrap: HTMLElement; rows: string} | null = null;

/**
 * The table: one row per outcome and year, with A, B, B − A and the relative difference. A new pair
 * of scenarios changes only the texts: they are written into the table on the page, which stays
 * attached (kept-node.ts), instead of a new table of ~360 cells laid out again on every choice.
 */
export function compareTable(c: Comparison): HTMLElement {
  const rows = c.rows.map((r) => `${r.figure}@${r.year}`).join("|");
  const kept = shownTable;
  if (kept && kept.rows === rows && kept.wrap.isConnected && !isReused(kept.wrap)) {
    const table = kept.wrap.querySelector("table")!;
    table.caption!.textContent = tableCaption(c);
    const trs = table.tBodies[0]!.rows;
    c.rows.forEach((r, k) => {
      const texts = cellTexts(r);
      const cells = trs[k]!.cells;
      for (let i = 0; i < texts.length; i++) {
        const cell = cells[i]!;
        const text = cell.firstChild;
        // the text node's data, not textContent: the cell keeps its text node (and its layout object)
        if (text instanceof Text && text === cell.lastChild) {
          if (text.data !== texts[i]) text.data = texts[i]!;
        } else if (cell.textContent !== texts[i]) cell.textContent = texts[i]!;
      }
    });
    reuse(kept.wrap);
    return kept.wrap;
  }
  const wrap = document.createElement("div");
  wrap.style.overflowX = "auto";
  const table = document.createElement("table");
  table.id = "vergelijking";
  table.className = "effects";
  const caption = document.createElement("caption");
  caption.textContent = tableCaption(c);
  table.append(caption);
  const head = table.createTHead().insertRow();
  for (const h of ["Uitkomst (gemodelleerd)", "Jaar", "A", "B", "Verschil B − A", "Verschil %"]) head.append(Object.assign(document.createElement("th"), {textContent: h, scope: "col"}));
  const body = table.createTBody();
  for (const r of c.rows) {
    const tr = body.insertRow();
    tr.dataset.figure = `${r.figure}@${r.year}`;
    cellTexts(r).forEach((text, i) => {
      const cell = tr.insertCell();
      cell.textContent = text;
      cell.dataset.col = TABLE_COLUMNS[i] ?? "";
    });
  }
  wrap.append(table);
  keepable(wrap);
  shownTable = {wrap, rows};
  return wrap;
}

/** A button that downloads the table as CSV (with the pair's permalink in the header). */
export function csvButton(c: Comparison): HTMLElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "no-print";
  button.textContent = "CSV van de tabel";
  button.addEventListener("click", () => {
    // a download right after a choice: the pair is in the URL first
    flushSearch();
    const text = `# Vergelijking van twee scenario's (gemodelleerd)\n# Bron: Asielketen Verkenner, ketenmodel\n# Link: ${window.location.href}\n${csvFormat(csvRows(c.rows, c.a, c.b))}`;
    const url = URL.createObjectURL(new Blob([text], {type: "text/csv;charset=utf-8"}));
    const a = document.createElement("a");
    a.href = url;
    a.download = "vergelijking.csv";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}

/** A series of `run` placed on a common month axis from `start` (NaN outside the run's horizon). */
export function aligned(run: RunOutput, id: SeriesId, start: string, months: number): Float64Array {
  const out = new Float64Array(months).fill(NaN);
  const shift = offsetOf(start, run.start);
  const values = run.series[id];
  for (let i = 0; i < values.length; i++) {
    const j = i + shift;
    if (j >= 0 && j < months) out[j] = values[i] ?? NaN;
  }
  return out;
}

const CHARTS: {id: SeriesId; title: string; yLabel: string}[] = [
  {id: "coa_total", title: "Bezetting COA-opvang", yLabel: "personen in de opvang"},
  {id: "backlog_total", title: "IND-voorraad asiel eerste aanleg", yLabel: "open aanvragen"},
  {id: "coa_permit_waiting", title: "Vergunninghouders wachtend op een woning", yLabel: "vergunninghouders"},
  {id: "nareis_arrivals", title: "Aankomende nareizigers per maand", yLabel: "personen per maand"}
];

/** One chart per main outcome with A, B and the baseline (unchanged policy) on one axis. */
export function compareCharts(c: Comparison, inputs: ModelInputs, {width}: {width: number}): HTMLElement[] {
  const runs = [c.runA, c.runB, c.baseline];
  const start = runs.map((r) => r.start).sort()[0] ?? c.runA.start;
  const end = Math.max(...runs.map((r) => offsetOf(start, r.start) + r.months));
  return CHARTS.map(({id, title, yLabel}) => {
    const lines = [
      {role: "baseline" as const, label: "basis: ongewijzigd beleid", values: aligned(c.baseline, id, start, end)},
      {role: "changed" as const, label: `A: ${c.a.label}`, values: aligned(c.runA, id, start, end)},
      {role: "scenario" as const, label: `B: ${c.b.label}`, values: aligned(c.runB, id, start, end)}
    ];
    const y = COMPARE_YEARS.at(-1) ?? 2030;
    const endValue = (r: RunOutput) => formatFigure(r.series[id][offsetOf(r.start, `${y}-12`)] ?? null, "personen");
    return framed(
      scenarioChart({start, lines}, {width, height: 240, yLabel, lastObserved: lastObservedMonth(inputs), caption: `${title} per maand (gemodelleerd): scenario A, scenario B en de basis (ongewijzigd beleid). Tot de laatste waargenomen maand doorgetrokken, daarna gestippeld.`, summary: `${title} ${dateOf("stock", y)}: A ${endValue(c.runA)}, B ${endValue(c.runB)}, basis ${endValue(c.baseline)}.`}),
      {title, source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", rows: () => Array.from({length: end}, (_, i) => ({maand: monthAt(start, i), basis: lines[0]?.values[i] ?? NaN, a: lines[1]?.values[i] ?? NaN, b: lines[2]?.values[i] ?? NaN})), filename: `vergelijking-${id}`}
    );
  });
}
