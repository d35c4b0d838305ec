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
import {isMonth} from "../model/months.js";

export interface ControlsOptions {
  /** Parameter groups whose sliders this page shows. */
  groups: ParameterGroup[];
  /** Measure pillars whose switches this page shows; "all" for every quantified measure. */
  pillars: Measure["pillar"][] | "all";
  /** Show the preset choice (default true). */
  presets?: boolean;
  /** The scenario reader's notices: clamped values are marked at their control. */
  notices?: readonly string[];
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

/** One control of a parameter: its current value, its starting value and a way back to it. */
interface ParameterControl {
  parameter: Parameter;
  start: number;
  element: HTMLElement;
  /** The value to put in the scenario, or null when the control is at its starting value. */
  override(): number | null;
  /** Back to the starting value, without firing events. */
  reset(): void;
}

/** The kind of control a parameter gets: on/off switch, year select, or slider. */
export function controlKind(parameter: Parameter): "switch" | "year" | "slider" {
  if (/schakelaar/.test(parameter.unit) && parameter.low === 0 && parameter.high === 1) return "switch";
  if (parameter.unit === "jaar") return "year";
  return "slider";
}

/** Relative steps offered next to a slider, so a user can make round changes (+10%, +20%). */
export const RELATIVE_STEPS = [-0.2, -0.1, 0.1, 0.2] as const;

/** The value `factor` away from `start`, clamped to the parameter's range. */
export function relativeValue(parameter: Parameter, start: number, factor: number): number {
  return Math.min(parameter.high, Math.max(parameter.low, start * (1 + factor)));
}

function button(text: string, label: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "control-step";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  return b;
}

/** A note under a control saying the link's value was clamped. */
function clampedNote(parameter: Parameter, clamp: ClampedValue | undefined): HTMLElement | null {
  if (!clamp) return null;
  const note = document.createElement("div");
  note.className = "basis clamped";
  note.setAttribute("role", "note");
  note.textContent = `Begrensd: de link gaf ${formatParameter(parameter, clamp.given)}; dat ligt buiten het bereik, dus geldt ${formatParameter(parameter, clamp.clamped)}.`;
  return note;
}

/**
 * A control for one parameter. Sliders are native range inputs with a Dutch-formatted readout
 * (Inputs.range shows its number box in English notation, 0.91 instead of 91%), relative step buttons
 * and a "basis" button; 0/1 parameters are switches and years are selects. A value set exactly (from
 * the URL or a relative step) is kept exactly until the user moves the slider: the slider's own step
 * would otherwise round 3.373 × 1,1 to 3.700. Keyboard: arrow keys step, Page Up/Down and Home/End jump.
 */
function parameterControl(parameter: Parameter, start: number, given: number | undefined, clamp: ClampedValue | undefined, changed: () => void): ParameterControl {
  const kind = controlKind(parameter);
  const id = `slider-${parameter.id}-${++sliderCount}`;
  const element = document.createElement("div");
  element.className = "control";
  element.dataset.parameter = parameter.id;
  element.dataset.kind = kind;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = kind === "switch" ? parameter.label : `${parameter.label} (${parameter.unit})`;
  const basis = document.createElement("div");
  basis.className = "basis";
  const row = document.createElement("div");
  row.className = "control-row";
  const back = button("basis", `basis: ${parameter.label} terug naar de basiswaarde`);

  if (kind === "switch") {
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = id;
    input.name = parameter.id;
    input.setAttribute("role", "switch");
    input.checked = (given ?? start) >= 0.5;
    const state = document.createElement("output");
    const show = () => (state.textContent = input.checked ? "aan" : "uit");
    input.addEventListener("change", () => {
      show();
      input.dispatchEvent(new Event("input", {bubbles: true}));
    });
    show();
    basis.textContent = `Basis: ${start >= 0.5 ? "aan" : "uit"}. ${basisText(parameter)}`;
    row.append(input, state, back);
    element.append(label, row, basis);
    back.addEventListener("click", () => {
      input.checked = start >= 0.5;
      show();
      changed();
    });
    return {parameter, start, element, override: () => ((input.checked ? 1 : 0) === (start >= 0.5 ? 1 : 0) ? null : input.checked ? 1 : 0), reset: () => ((input.checked = start >= 0.5), show())};
  }

  if (kind === "year") {
    const select = document.createElement("select");
    select.id = id;
    select.name = parameter.id;
    for (let y = Math.ceil(parameter.low); y <= parameter.high; y++) {
      const option = document.createElement("option");
      option.value = String(y);
      option.textContent = String(y);
      select.append(option);
    }
    select.value = String(Math.round(given ?? start));
    basis.textContent = `Basis: ${Math.round(start)}. ${basisText(parameter)}`;
    row.append(select, back);
    element.append(label, row, basis);
    const note = clampedNote(parameter, clamp);
    if (note) element.append(note);
    back.addEventListener("click", () => {
      select.value = String(Math.round(start));
      changed();
    });
    return {parameter, start, element, override: () => (Number(select.value) === Math.round(start) ? null : Number(select.value)), reset: () => (select.value = String(Math.round(start)))};
  }

  const span = parameter.high - parameter.low;
  const step = parameter.step ?? (span > 1000 ? 100 : span > 10 ? 1 : span > 1 ? 0.1 : 0.01);
  const clampValue = (v: number) => Math.min(parameter.high, Math.max(parameter.low, v));
  const input = document.createElement("input") as HTMLInputElement & {valueAsNumber: number};
  input.type = "range";
  input.id = id;
  input.name = parameter.id;
  input.min = String(parameter.low);
  input.max = String(parameter.high);
  input.step = String(step);
  /** An exact value (from the URL or a relative step) that the slider's step cannot represent. */
  let exact: number | null = given ?? null;
  input.value = String(clampValue(given ?? start));
  const output = document.createElement("output");
  output.htmlFor.add(id);
  const current = () => exact ?? input.valueAsNumber;
  const show = () => {
    const text = formatParameter(parameter, current());
    output.textContent = text;
    input.setAttribute("aria-valuetext", `${text} ${parameter.unit === "aandeel" ? "" : parameter.unit}`.trim());
  };
  input.addEventListener("input", () => {
    exact = null;
    show();
  });
  show();
  basis.textContent = `Basiswaarde ${formatParameter(parameter, start)}; bereik ${formatParameter(parameter, parameter.low)} – ${formatParameter(parameter, parameter.high)}. Bron: ${basisText(parameter)}`;
  row.append(input, output);
  const steps = document.createElement("div");
  steps.className = "control-row control-steps";
  if (start > 0) {
    for (const factor of RELATIVE_STEPS) {
      const text = `${factor > 0 ? "+" : "−"}${Math.abs(factor * 100)}%`;
      const b = button(text, `${text} op de basiswaarde van ${parameter.label}`);
      b.addEventListener("click", () => {
        exact = relativeValue(parameter, start, factor);
        input.value = String(exact);
        show();
        changed();
      });
      steps.append(b);
    }
  }
  steps.append(back);
  back.addEventListener("click", () => {
    exact = null;
    input.value = String(clampValue(start));
    show();
    changed();
  });
  element.append(label, row, steps, basis);
  const note = clampedNote(parameter, clamp);
  if (note) element.append(note);
  return {
    parameter,
    start,
    element,
    override: () => {
      if (exact !== null) return Math.abs(exact - start) < 1e-9 ? null : exact;
      // A slider still at its starting position sets no override (its step may not hit the default exactly).
      const value = input.valueAsNumber;
      return Math.abs(value - clampValue(start)) > step / 2 ? value : null;
    },
    reset: () => {
      exact = null;
      input.value = String(clampValue(start));
      show();
    }
  };
}

/** A value the URL gave that the reader clamped to the register's range. */
export interface ClampedValue {
  given: number;
  clamped: number;
}

/** Reads the clamped overrides from the scenario reader's notices ("overrides.x: 9 is above …; clamped to 6"). */
export function clampedOverrides(notices: readonly string[]): Map<string, ClampedValue> {
  const out = new Map<string, ClampedValue>();
  for (const n of notices) {
    const m = /^overrides\.([^:]+): (\S+) is (?:below|above) the plausible range; clamped to (\S+)$/.exec(n);
    if (m && m[1] && m[2] && m[3]) out.set(m[1], {given: Number(m[2]), clamped: Number(m[3])});
  }
  return out;
}

/** The controls element: `value` is the scenario; `setMeasure` switches a measure as its switch would. */
export type ScenarioControls = HTMLElement & {
  value: Scenario;
  /**
   * Switches measure `id` on or off (a baseline measure: off puts it in `Scenario.off`), optionally from
   * month `start` (measures not in the baseline), and fires "input". False when this page has no switch for it.
   */
  setMeasure(id: string, on: boolean, start?: string): boolean;
};

/** Builds the controls for a page. */
export function scenarioControls(inputs: ModelInputs, initial: Scenario, options: ControlsOptions): ScenarioControls {
  const defaultFrom = changesFrom(inputs);
  const from0 = initial.overridesFrom ?? defaultFrom;
  const clamped = clampedOverrides(options.notices ?? []);
  const root = document.createElement("div") as unknown as ScenarioControls;
  root.className = "panel controls no-print";
  const changed = () => root.dispatchEvent(new Event("input", {bubbles: true}));
  /** Overrides and measures of parameters not shown on this page (kept, unless the whole scenario is reset). */
  let carried: Record<string, number> = {...initial.overrides};
  let carriedMeasures: ScenarioMeasure[] = [...initial.measures];
  /** Baseline measures switched off by the link (kept, unless the whole scenario is reset). */
  let carriedOff: string[] | undefined = initial.off;

  const presetInput = Inputs.select(inputs.presets, {
    label: "Scenario (uitgangspunt)",
    format: (p: {name: string}) => p.name,
    value: inputs.presets.find((p) => p.id === initial.preset) ?? inputs.presets[0]
  }) as HTMLElement & {value: {id: string}};
  if (options.presets !== false) root.append(presetInput);

  const shown = inputs.parameters.filter((p) => options.groups.includes(p.group));
  const fromInput = document.createElement("input");
  fromInput.type = "month";
  fromInput.value = from0;
  fromInput.min = defaultFrom;
  fromInput.id = `field-${++sliderCount}`;
  fromInput.name = "vanaf";
  const hasControls = shown.length > 0 || options.pillars === "all" || options.pillars.length > 0;
  if (hasControls) {
    const box = document.createElement("div");
    box.className = "control";
    box.dataset.control = "vanaf";
    const label = document.createElement("label");
    label.htmlFor = fromInput.id;
    label.textContent = "Wijzigingen met de knoppen gelden vanaf (maand)";
    const note = document.createElement("div");
    note.className = "basis";
    const [year, month] = defaultFrom.split("-").map(Number);
    note.textContent = `Standaard ${formatMonth(new Date(Date.UTC(year ?? 2025, (month ?? 1) - 1, 1)))}, de eerste maand na de laatste waarneming (de start van de prognose); eerdere maanden volgen de waarnemingen en de afgestemde waarden. Een latere maand laat een wijziging later ingaan. Maatregelen gelden vanaf hun eigen startmaand.`;
    box.append(label, fromInput, note);
    if (shown.length) root.append(box);
    else {
      const p = document.createElement("p");
      p.className = "basis";
      p.textContent = note.textContent;
      root.append(p);
    }
  }

  const controls = new Map<string, ParameterControl>();
  for (const kind of ["lever", "assumption"] as const) {
    const params = shown.filter((p) => p.kind === kind);
    if (!params.length) continue;
    const box = document.createElement(kind === "lever" ? "div" : "details");
    const heading = document.createElement(kind === "lever" ? "h3" : "summary");
    heading.textContent = kind === "lever" ? "Beleidsknoppen" : "Aannames (verander je deze, dan verschuift ook de 'gewijzigde basis')";
    box.append(heading);
    for (const p of params) {
      const start = defaultAt(p, from0);
      const control = parameterControl(p, start, initial.overrides[p.id], clamped.get(p.id), changed);
      controls.set(p.id, control);
      box.append(control.element);
    }
    if (kind === "assumption" && params.some((p) => clamped.has(p.id) || initial.overrides[p.id] !== undefined)) (box as HTMLDetailsElement).open = true;
    root.append(box);
  }
  const quantified = inputs.measures.filter((m) => m.effects?.length && (options.pillars === "all" || options.pillars.includes(m.pillar)));
  const switches = new Map<string, {on: HTMLInputElement; start: HTMLInputElement; end: HTMLInputElement; strength: HTMLInputElement}>();
  const baselineIds = new Set(quantified.filter((m) => m.inBaseline === true).map((m) => m.id));
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
      const inBaseline = m.inBaseline === true;
      if (inBaseline) row.dataset.baseline = "true";
      const on = field(row, "checkbox", inBaseline ? "Aan (onderdeel van de basis)" : "Aan");
      on.setAttribute("role", "switch");
      on.checked = inBaseline ? !(initial.off ?? []).includes(m.id) : Boolean(active);
      const start = field(row, "month", "Vanaf (maand)");
      start.value = active?.start ?? m.defaultStart ?? from0;
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
      // the basis of the measure folds away, so that a page with many measures stays readable
      const note = document.createElement("details");
      note.className = "basis measure-basis";
      const noteSummary = document.createElement("summary");
      noteSummary.textContent = inBaseline ? "In de basis: hoe het model ermee rekent en de bron" : "Hoe het model ermee rekent en de bron";
      const noteText = document.createElement("p");
      noteText.textContent = `${inBaseline ? "Deze maatregel zit in elk scenario (de basis); hier kun je hem uitzetten. " : ""}${m.mechanism ? `${m.mechanism} ` : ""}${m.quantification ?? ""} Bron: ${m.source.document}${m.source.section ? `, ${m.source.section}` : ""}.`;
      note.append(noteSummary, noteText);
      // A baseline measure runs with the catalogue's period and strength; a second copy would count it twice.
      if (inBaseline) for (const input of [start, end, strength]) input.disabled = true;
      row.prepend(legend);
      row.append(note);
      switches.set(m.id, {on, start, end, strength});
      box.append(row);
    }
    root.append(box);
  }

  const resetAll = button("Alles terug naar basis", "Alles terug naar basis: alle knoppen, aannames en maatregelen van het scenario");
  resetAll.classList.add("reset-all");
  resetAll.addEventListener("click", () => {
    carried = {};
    carriedMeasures = [];
    carriedOff = undefined;
    fromInput.value = defaultFrom;
    for (const c of controls.values()) c.reset();
    for (const [id, s] of switches) s.on.checked = baselineIds.has(id);
    changed();
  });
  root.append(resetAll);

  const compute = (): Scenario => {
    const from = isMonth(fromInput.value) && fromInput.value >= defaultFrom ? fromInput.value : from0;
    const overrides: Record<string, number> = {...carried};
    for (const [id, control] of controls) {
      const value = control.override();
      if (value === null) delete overrides[id];
      else overrides[id] = value;
    }
    const measures: ScenarioMeasure[] = carriedMeasures.filter((x) => !switches.has(x.id));
    const off = new Set((carriedOff ?? []).filter((id) => !switches.has(id)));
    for (const [id, s] of switches) {
      if (baselineIds.has(id)) {
        if (!s.on.checked) off.add(id);
        continue;
      }
      if (!s.on.checked) continue;
      const original = initial.measures.find((x) => x.id === id);
      const start = isMonth(s.start.value) ? s.start.value : from;
      const end = isMonth(s.end.value) && s.end.value >= start ? s.end.value : undefined;
      const measure: ScenarioMeasure = {...original, id, start, strength: s.strength.valueAsNumber};
      if (end) measure.end = end;
      else delete measure.end;
      measures.push(measure);
    }
    const out: Scenario = {...initial, preset: presetInput.value.id, overrides, measures, overridesFrom: from};
    if (off.size) out.off = [...off];
    else delete out.off;
    return out;
  };
  Object.defineProperty(root, "value", {get: compute});
  root.setMeasure = (id, on, start) => {
    const s = switches.get(id);
    if (!s) return false;
    s.on.checked = on;
    if (on && start && isMonth(start) && !baselineIds.has(id)) s.start.value = start;
    changed();
    return true;
  };
  return root;
}

/** Re-exported from the model, where it lives now (pure, shared with the CLI and tests). */
export {changedBaseline} from "../model/scenario-diff.js";
