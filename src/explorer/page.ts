/**
 * What every scenario page starts with: the scenario read from the URL (with notices), its controls,
 * the computation that also writes the URL and carries the scenario into every link, and the shared
 * pieces at the bottom (input summary, permalink, model line with links to the sources and to
 * "Vergelijken"). A page calls `scenarioPage(...)` once and uses the returned pieces in its prose.
 */
import type {ModelInputs, Scenario, SeriesId} from "../model/types.js";
import {formatMonth} from "../components/format.js";
import {monthDate} from "../components/scenario-chart.js";
import {clampedOverrides, scenarioControls, type ControlsOptions} from "./controls.js";
import {installLinkPropagation} from "./links.js";
import {lastObservedMonth} from "./series.js";
import {compute, readScenario, writeUrl, type Results} from "./session.js";
import {inputSummary, noticeList, pageLink, permalinkBar} from "./ui.js";
import {validityNoticeFor} from "./validity-notice.js";

export interface ScenarioPage {
  initial: Scenario;
  notices: HTMLElement;
  controls: HTMLElement & {value: Scenario};
  /** "Tot en met september 2025 volgt het model de waargenomen instroom; …" */
  observedUntil: string;
  /** Runs basis, changed basis, scenario and band for `series`, and writes the scenario into the URL. */
  compute(scenario: Scenario, series: readonly SeriesId[]): Results;
  summary(scenario: Scenario): HTMLElement;
  /** A visible Dutch warning when the run leaves the range the model was tested on (empty otherwise). */
  validity(results: Results, scenario: Scenario): HTMLElement;
  permalink(scenario: Scenario): HTMLElement;
  /** The model version line with links to the sources and to the comparison page. */
  footer: HTMLElement;
}

export function scenarioPage(inputs: ModelInputs, search: string, options: ControlsOptions): ScenarioPage {
  const {scenario, notices} = readScenario(search, inputs);
  const clamped = clampedOverrides(notices);
  installLinkPropagation();
  return {
    initial: scenario,
    notices: noticeList(notices),
    controls: scenarioControls(inputs, scenario, {...options, notices}),
    observedUntil: `Tot en met ${formatMonth(monthDate(lastObservedMonth(inputs)))} volgt het model de waargenomen instroom; daarna is het een projectie (gestippeld).`,
    compute(current, series) {
      const results = compute(inputs, current, series);
      writeUrl(current, inputs);
      return results;
    },
    summary: (current) => inputSummary(current, inputs, clamped),
    validity: (results, current) => validityNoticeFor(results.scenario, inputs, current),
    permalink: (current) => permalinkBar(current, inputs),
    footer: footer(inputs)
  };
}

function footer(inputs: ModelInputs): HTMLElement {
  const p = document.createElement("p");
  p.className = "bron";
  p.append(
    `Cijfers met een M zijn gemodelleerd: uitkomsten van het ketenmodel, geen feiten. Model: versie ${inputs.modelVersion}, datastand ${inputs.dataVintage}. Alle aannames met hun basis: `,
    pageLink("./bronnen", "Bronnen en methode"),
    ". Dit scenario naast een ander leggen: ",
    pageLink("./vergelijken", "Vergelijken"),
    "."
  );
  return p;
}
