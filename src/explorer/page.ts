/**
 * What every scenario page starts with: the scenario read from the URL (with notices), its controls,
 * the computation that also writes the URL and carries the scenario into every link, and the shared
 * pieces at the bottom (input summary, permalink, model line with links to the sources and to
 * "Vergelijken"). A page calls `scenarioPage(...)` once and uses the returned pieces in its prose.
 */
import type {ModelInputs, Scenario, SeriesId} from "../model/types.js";
import {formatMonth} from "../components/format.js";
import {monthDate} from "../components/scenario-chart.js";
import {clampedOverrides, scenarioControls, type ControlsOptions, type ScenarioControls} from "./controls.js";
import {currentSearch, installLinkPropagation, scenarioSearch, withHtml} from "./links.js";
import {lastObservedMonth} from "./series.js";
import type {BandOutput} from "../model/types.js";
import {computePending, readScenario, requestBand, withBand, writeUrl, type Results} from "./session.js";
import {bandFilePath, bandFromFile, isPrecomputable, type BandPage} from "./precomputed-band.js";
import {inputSummary, noticeList, pageLink, permalinkBar} from "./ui.js";
import {validityNoticeFor} from "./validity-notice.js";

export interface ScenarioPage {
  initial: Scenario;
  notices: HTMLElement;
  controls: ScenarioControls;
  /** "Tot en met september 2025 volgt het model de waargenomen instroom; …" */
  observedUntil: string;
  /**
   * Runs basis, changed basis, scenario and band for `series`, and writes the scenario into the URL.
   * A preset as it stands gets its band at once from the page's precomputed band file (when it has
   * arrived). Otherwise the band comes later: the first call for a scenario returns the point runs
   * with a pending band and asks for the band (the file on its way, else the Web Worker); when it is
   * ready and the scenario is still the one on screen, the controls fire "input" again and the call
   * for the same scenario returns it with its band.
   */
  compute(scenario: Scenario, series: readonly SeriesId[]): Results;
  summary(scenario: Scenario): HTMLElement;
  /** A visible Dutch warning when the run leaves the range the model was tested on (empty otherwise). */
  validity(results: Results, scenario: Scenario): HTMLElement;
  permalink(scenario: Scenario): HTMLElement;
  /** The model version line with links to the sources and to the comparison page. */
  footer: HTMLElement;
}

export interface ScenarioPageOptions extends ControlsOptions {
  /**
   * The page whose precomputed bands (data/bands/<page>/<preset>.json) serve a preset as it stands,
   * so that its band comes with the first charts instead of from the band worker.
   */
  bands?: BandPage;
}

/** How long a page waits for the precomputed band of its first scenario before it shows the point runs without it. */
export const BAND_FILE_WAIT_MS = 1500;

/**
 * Everything a scenario page starts with. Resolves once the precomputed band of the URL's scenario
 * has arrived (at most BAND_FILE_WAIT_MS), so that the first charts have their band.
 */
export async function scenarioPage(inputs: ModelInputs, search: string, options: ScenarioPageOptions): Promise<ScenarioPage> {
  const {scenario, notices} = readScenario(search, inputs);
  const clamped = clampedOverrides(notices);
  installLinkPropagation();
  const {bands: bandPage, ...controlOptions} = options;
  const controls = scenarioControls(inputs, scenario, {...controlOptions, notices});
  /** Bands ready per (scenario, series), the newest few; and the request on screen. */
  const bands = new Map<string, BandOutput>();
  let latest = "";
  /** The scenario on screen and its point runs. */
  let shown: {key: string; results: Results} | undefined;
  /** Precomputed band files per preset: the fetch, and its content once it has arrived (null: none). */
  const files = new Map<string, Promise<unknown>>();
  const arrived = new Map<string, unknown>();
  const bandFile = (preset: string): Promise<unknown> => {
    let file = files.get(preset);
    if (!file) {
      file = fetchJson(bandFilePath(bandPage!, preset)).then((json) => {
        arrived.set(preset, json);
        return json;
      });
      files.set(preset, file);
    }
    return file;
  };
  if (bandPage && isPrecomputable(scenario)) {
    await Promise.race([bandFile(scenario.preset), new Promise((resolve) => setTimeout(resolve, BAND_FILE_WAIT_MS))]);
  }
  const remember = (key: string, b: BandOutput): BandOutput => {
    bands.set(key, b);
    if (bands.size > 8) bands.delete(bands.keys().next().value!);
    return b;
  };
  /** A band that arrived later, for the scenario on screen: the page re-runs and `compute` returns it. */
  const arrive = (key: string, b: BandOutput): void => {
    remember(key, b);
    controls.dispatchEvent(new Event("input", {bubbles: true}));
  };
  /** The band of `current` from the worker. */
  const fromWorker = (key: string, current: Scenario, series: readonly SeriesId[]): void => {
    void requestBand(inputs, current, series).then((b) => {
      // null: a newer scenario superseded this one; a band for an older scenario is never shown
      if (b && latest === key) arrive(key, b);
    });
  };
  return {
    initial: scenario,
    notices: noticeList(notices, inputs),
    controls,
    observedUntil: `Tot en met ${formatMonth(monthDate(lastObservedMonth(inputs)))} volgt het model de waargenomen instroom; daarna is het een projectie (gestippeld).`,
    compute(current, series) {
      const key = JSON.stringify([current, series]);
      // The band's arrival re-runs the page for the same scenario: the URL, the links and the point
      // runs are those of the last call, so neither is done again.
      if (key !== shown?.key) {
        writeUrl(current, inputs);
        shown = {key, results: computePending(inputs, current, series)};
      }
      const results = shown.results;
      latest = key;
      const months = results.scenario.months;
      let ready = bands.get(key);
      const precomputed = bandPage !== undefined && isPrecomputable(current);
      if (!ready && precomputed && arrived.has(current.preset)) {
        const b = bandFromFile(arrived.get(current.preset), inputs, current, series, months);
        if (b) ready = remember(key, b);
      }
      // for tests and tools: whether the band on screen is still being computed
      document.documentElement.dataset.band = ready ? "ready" : "pending";
      if (ready) return withBand(results, ready);
      if (precomputed && !arrived.has(current.preset)) {
        // the preset's file is on its way: its band when it arrives, else the worker's
        void bandFile(current.preset).then((file) => {
          if (latest !== key) return;
          const b = bandFromFile(file, inputs, current, series, months);
          if (b) arrive(key, b);
          else fromWorker(key, current, series);
        });
      } else fromWorker(key, current, series);
      return results;
    },
    summary: (current) => inputSummary(current, inputs, clamped),
    validity: (results, current) => validityNoticeFor(results.scenario, inputs, current),
    permalink: (current) => permalinkBar(current, inputs),
    footer: footer(inputs)
  };
}

/** A JSON file of the site, or null when it cannot be fetched or read (the band then comes from the worker). */
async function fetchJson(path: string): Promise<unknown> {
  try {
    const response = await fetch(new URL(path, document.baseURI));
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

function footer(inputs: ModelInputs): HTMLElement {
  const p = document.createElement("p");
  p.className = "bron";
  p.append(
    `Cijfers met een M zijn gemodelleerd: uitkomsten van het ketenmodel, geen feiten. Model: versie ${inputs.modelVersion}, datastand ${inputs.dataVintage}. Alle aannames met hun basis: `,
    pageLink("./bronnen", "Bronnen en methode"),
    ". Dit scenario naast een ander leggen: ",
    pageLink("./vergelijken", "Vergelijken"),
    ". ",
    sensitivityLink(),
    "."
  );
  return p;
}

/** "Welke aannames tellen het zwaarst?" → the tornado on the Bronnen page, carrying the scenario. */
export function sensitivityLink(): HTMLAnchorElement {
  const a = document.createElement("a");
  a.textContent = "Welke aannames tellen het zwaarst?";
  a.href = withHtml("./bronnen") + scenarioSearch(currentSearch()) + "#gevoeligheid";
  return a;
}
