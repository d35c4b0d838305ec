/**
 * The scenario controls: a preset choice, sliders for policy levers and for assumptions (kept apart),
 * and switches for quantified measures with start, strength and optional end. The returned element's
 * `value` is always a complete Scenario, so parameters not shown on this page keep the values the URL
 * gave them. It emits "input" when anything changes (Framework's `view()` listens for that).
 */
import * as Inputs from "@observablehq/inputs";
import type {Measure, ModelInputs, Parameter, ParameterGroup, Scenario, ScenarioMeasure} from "../model/types.js";
import {formatCount, formatDecimal, formatMonth, formatPercent} from "../components/format.js";
import {changesFrom} from "./series.js";

export interface ControlsOptions {
  /** Parameter groups whose sliders this page shows. */
  groups: ParameterGroup[];
  /** Measure pillars whose switches this page shows; "all" for every quantified measure. */
  pillars: Measure["pillar"][] | "all";
  /** Show the preset choice (default true). */
  presets?: boolean;
}

/** The value a slider starts from: the parameter's default at `month` (dated series resolved). */
export function defaultAt(parameter: Parameter, month: string): number {
  if (typeof parameter.value === "number") return parameter.value;
  let value = parameter.value[0].value;
  for (const step of parameter.value) if (step.from <= month) value = step.value;
  return value;
}

function formatParameter(parameter: Parameter, value: number): string {
  if (parameter.unit === "aandeel") return formatPercent(value, 1);
  return Number.isInteger(value) ? formatCount(value) : formatDecimal(value);
}

function basisText(parameter: Parameter): string {
  return parameter.basis.map((b) => [b.document, b.section].filter(Boolean).join(", ")).join("; ");
}

let sliderCount = 0;

/** Appends a labelled native input of `type` to `parent` and returns the input. */
function field(parent: HTMLElement, type: string, text: string): HTMLInputElement {
  const wrapper = document.createElement("div");
  wrapper.className = "control-row";
  const input = document.createElement("input");
  input.type = type;
  input.id = `field-${++sliderCount}`;
  const label = document.createElement("label");
  label.htmlFor = input.id;
  label.textContent = text;
  wrapper.append(label, input);
  parent.append(wrapper);
  return input;
}

/**
 * A slider for one parameter: a native range input with a Dutch-formatted readout (Inputs.range shows
 * its number box in English notation, 0.91 instead of 91%), the unit, and the basis underneath.
 * Keyboard: arrow keys step, Page Up/Down and Home/End jump (native range behaviour).
 */
function slider(parameter: Parameter, value: number): {element: HTMLElement; input: HTMLInputElement & {valueAsNumber: number}} {
  const span = parameter.high - parameter.low;
  const step = parameter.step ?? (span > 1000 ? 100 : span > 10 ? 1 : span > 1 ? 0.1 : 0.01);
  const id = `slider-${parameter.id}-${++sliderCount}`;
  const element = document.createElement("div");
  element.className = "control";
  element.dataset.parameter = parameter.id;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = `${parameter.label} (${parameter.unit})`;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.name = parameter.id;
  input.min = String(parameter.low);
  input.max = String(parameter.high);
  input.step = String(step);
  input.value = String(Math.min(parameter.high, Math.max(parameter.low, value)));
  const output = document.createElement("output");
  output.htmlFor.add(id);
  const show = () => {
    const text = formatParameter(parameter, input.valueAsNumber);
    output.textContent = text;
    input.setAttribute("aria-valuetext", `${text} ${parameter.unit === "aandeel" ? "" : parameter.unit}`.trim());
  };
  input.addEventListener("input", show);
  show();
  const basis = document.createElement("div");
  basis.className = "basis";
  basis.textContent = `Bereik ${formatParameter(parameter, parameter.low)} – ${formatParameter(parameter, parameter.high)}. Basis: ${basisText(parameter)}`;
  const row = document.createElement("div");
  row.className = "control-row";
  row.append(input, output);
  element.append(label, row, basis);
  return {element, input: input as HTMLInputElement & {valueAsNumber: number}};
}

/** Builds the controls for a page. */
export function scenarioControls(inputs: ModelInputs, initial: Scenario, options: ControlsOptions): HTMLElement & {value: Scenario} {
  const from = initial.overridesFrom ?? changesFrom(inputs);
  const root = document.createElement("div") as unknown as HTMLElement & {value: Scenario};
  root.className = "panel controls no-print";

  const presetInput = Inputs.select(inputs.presets, {
    label: "Scenario (uitgangspunt)",
    format: (p: {name: string}) => p.name,
    value: inputs.presets.find((p) => p.id === initial.preset) ?? inputs.presets[0]
  }) as HTMLElement & {value: {id: string}};
  if (options.presets !== false) root.append(presetInput);
  if (options.groups.length || options.pillars === "all" || options.pillars.length) {
    const note = document.createElement("p");
    note.className = "basis";
    const [year, month] = from.split("-").map(Number);
    note.textContent = `Wijzigingen met de knoppen gelden vanaf ${formatMonth(new Date(Date.UTC(year, month - 1, 1)))}, het eerste volle jaar zonder waargenomen instroom; eerdere maanden volgen de waarnemingen en de afgestemde waarden. Maatregelen gelden vanaf hun eigen startmaand.`;
    root.append(note);
  }

  const shown = inputs.parameters.filter((p) => options.groups.includes(p.group));
  const sliders = new Map<string, {input: HTMLInputElement; start: number}>();
  for (const kind of ["lever", "assumption"] as const) {
    const params = shown.filter((p) => p.kind === kind);
    if (!params.length) continue;
    const box = document.createElement(kind === "lever" ? "div" : "details");
    const heading = document.createElement(kind === "lever" ? "h3" : "summary");
    heading.textContent = kind === "lever" ? "Beleidsknoppen" : "Aannames (verander je deze, dan verschuift ook de 'gewijzigde basis')";
    box.append(heading);
    for (const p of params) {
      const start = defaultAt(p, from);
      const {element, input} = slider(p, initial.overrides[p.id] ?? start);
      sliders.set(p.id, {input, start});
      box.append(element);
    }
    root.append(box);
  }

  const quantified = inputs.measures.filter((m) => m.effects?.length && (options.pillars === "all" || options.pillars.includes(m.pillar)));
  const switches = new Map<string, {on: HTMLInputElement; start: HTMLInputElement; end: HTMLInputElement; strength: HTMLInputElement}>();
  if (quantified.length) {
    const box = document.createElement("div");
    const heading = document.createElement("h3");
    heading.textContent = "Maatregelen";
    box.append(heading);
    for (const m of quantified) {
      const active = initial.measures.find((x) => x.id === m.id);
      const row = document.createElement("fieldset");
      row.className = "measure";
      row.dataset.measure = m.id;
      const legend = document.createElement("legend");
      legend.textContent = m.name;
      const on = field(row, "checkbox", "Aan");
      on.checked = Boolean(active);
      const start = field(row, "month", "Vanaf (maand)");
      start.value = active?.start ?? m.defaultStart ?? from;
      const end = field(row, "month", "Tot en met (maand, leeg = blijvend)");
      end.value = active?.end ?? m.defaultEnd ?? "";
      const strength = field(row, "range", "Sterkte (1 = omvang uit de bron)");
      Object.assign(strength, {min: "0", max: "2", step: "0.1"});
      strength.value = String(active?.strength ?? 1);
      const readout = document.createElement("output");
      readout.htmlFor.add(strength.id);
      const show = () => {
        readout.textContent = formatDecimal(strength.valueAsNumber);
        strength.setAttribute("aria-valuetext", formatDecimal(strength.valueAsNumber));
      };
      strength.addEventListener("input", show);
      show();
      strength.after(readout);
      const note = document.createElement("div");
      note.className = "basis";
      note.textContent = `${m.quantification ?? ""} Bron: ${m.source.document}${m.source.section ? `, ${m.source.section}` : ""}.`;
      row.prepend(legend);
      row.append(note);
      switches.set(m.id, {on, start, end, strength});
      box.append(row);
    }
    root.append(box);
  }

  const compute = (): Scenario => {
    const overrides: Record<string, number> = {...initial.overrides};
    for (const [id, {input, start}] of sliders) {
      const value = input.valueAsNumber;
      // A slider still at its starting position sets no override (its step may not hit the default exactly).
      if (Math.abs(value - Math.min(Math.max(start, Number(input.min)), Number(input.max))) > Number(input.step) / 2) overrides[id] = value;
      else delete overrides[id];
    }
    const measures: ScenarioMeasure[] = initial.measures.filter((x) => !switches.has(x.id));
    for (const [id, s] of switches) {
      if (!s.on.checked) continue;
      const original = initial.measures.find((x) => x.id === id);
      const start = /^\d{4}-\d{2}$/.test(s.start.value) ? s.start.value : from;
      const end = /^\d{4}-\d{2}$/.test(s.end.value) && s.end.value >= start ? s.end.value : undefined;
      const measure: ScenarioMeasure = {...original, id, start, strength: s.strength.valueAsNumber};
      if (end) measure.end = end;
      else delete measure.end;
      measures.push(measure);
    }
    return {...initial, preset: presetInput.value.id, overrides, measures, overridesFrom: from};
  };
  Object.defineProperty(root, "value", {get: compute});
  return root;
}

/** Splits a scenario into the "changed baseline" (assumptions only, no measures). */
export function changedBaseline(scenario: Scenario, inputs: ModelInputs): Scenario | null {
  const assumptions = new Set(inputs.parameters.filter((p) => p.kind === "assumption").map((p) => p.id));
  const overrides = Object.fromEntries(Object.entries(scenario.overrides).filter(([id]) => assumptions.has(id)));
  if (!Object.keys(overrides).length) return null;
  return {...scenario, overrides, measures: []};
}
