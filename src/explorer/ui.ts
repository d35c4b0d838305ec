/**
 * Small UI pieces shared by the scenario pages: the URL notices, the permalink bar with a copy
 * button, and the printed summary of the inputs. Everything from a URL is set with textContent, never
 * parsed as markup.
 */
import type {ModelInputs, Scenario} from "../model/types.js";
import {formatDecimal, formatCount, formatExact, formatMonth} from "../components/format.js";
import {monthDate} from "../components/scenario-chart.js";
import {searchFor} from "./session.js";
import {currentSearch, scenarioSearch, withHtml} from "./links.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content != null) node.textContent = content;
  return node;
}

/** Translates a validator notice (English, from src/model/scenario.ts) into Dutch; unknown patterns are kept. */
export function noticeInDutch(notice: string, labels?: ReadonlyMap<string, string>): string {
  const m = /^([^:]+): (.*)$/.exec(notice);
  if (!m) return notice;
  const [, field, rest] = m;
  const id = field.replace(/^overrides\./, "");
  // the user reads the parameter's Dutch label, never its id
  const name = labels?.get(id) ?? id.replace(/^measures\[(\d+)\]/, (_, i) => `maatregel ${Number(i) + 1}`);
  const num = (x: string) => (x.trim() !== "" && Number.isFinite(Number(x)) ? formatExact(Number(x)) : x);
  let r: RegExpExecArray | null;
  const month = (ym: string) => formatMonth(monthDate(ym));
  if (field === "origin" && (r = /^(\d{4}-\d{2}) is (?:after the latest observed month|before) (\d{4}-\d{2}); clamped to (\d{4}-\d{2})$/.exec(rest)))
    return `De prognoseoorsprong ${month(r[1]!)} ligt buiten de waarnemingen; het model rekent vanaf ${month(r[3]!)}.`;
  if (field === "preset" && (r = /^"([^"]+)" is now "([^"]+)"$/.exec(rest))) return "Het scenario uit deze oudere link heeft een nieuwe naam gekregen en is omgezet.";
  if (/^off\[\d+\]$/.test(field)) return "Een maatregel die in de link uit stond, bestaat niet (meer) in de basis en is genegeerd.";
  if ((r = /^(\S+) is (below|above) the plausible range; clamped to (\S+)$/.exec(rest)))
    return `‘${name}’: ${num(r[1]!)} ligt ${r[2] === "below" ? "onder" : "boven"} het plausibele bereik en is begrensd op ${num(r[3]!)}.`;
  if ((r = /^(\S+) is outside .*; clamped to (\S+)$/.exec(rest))) return `‘${name}’: ${num(r[1]!)} ligt buiten het toegestane bereik en is begrensd op ${num(r[2]!)}.`;
  if (/unknown parameter id/.test(rest)) return `‘${name}’ is geen bekende instelling en is genegeerd.`;
  if (/unknown measure/.test(rest)) return `Een onbekende maatregel in de link (${name}) is genegeerd.`;
  if (/unknown preset|preset: missing/.test(notice)) return "Onbekend of ontbrekend scenario in de link; ‘Ongewijzigd beleid’ wordt getoond.";
  if (/unknown URL parameter/.test(rest)) return `Onbekend linkonderdeel ‘${name}’ is genegeerd.`;
  if (/unknown field/.test(rest)) return `Onbekend veld ‘${name}’ is genegeerd.`;
  if (/finite number|is not id:value|must be a number/.test(rest)) return `‘${name}’ had geen geldige getalwaarde en is genegeerd.`;
  if (/not a month|is outside|is before start|is not after start/.test(rest)) return `‘${name}’ is geen geldige maand of periode en is genegeerd.`;
  if (/not quantifiable/.test(rest)) return `${name}: deze maatregel is niet te kwantificeren uit openbare bronnen en heeft geen effect in het model.`;
  if (field === "modelVersion") return "De link is gemaakt met een andere modelversie; de uitkomsten kunnen afwijken van toen.";
  if (field === "dataVintage") return "De link is gemaakt met een andere datastand; de uitkomsten kunnen afwijken van toen.";
  if (/is required/.test(rest)) return `‘${name}’ ontbreekt en het onderdeel is genegeerd.`;
  return `${name}: ${rest}`;
}

/** A visible list of what the URL reader changed or dropped; empty element when nothing. */
export function noticeList(notices: string[], inputs?: Pick<ModelInputs, "parameters">): HTMLElement {
  const labels = inputs ? new Map(inputs.parameters.map((p) => [p.id, p.label])) : undefined;
  const box = el("div", notices.length ? "melding" : undefined);
  box.setAttribute("role", notices.length ? "alert" : "status");
  box.id = "url-notices";
  if (!notices.length) return box;
  box.append(el("strong", undefined, "Let op: de link bevatte waarden die zijn aangepast of genegeerd."));
  const list = el("ul", "notices");
  for (const n of notices) list.append(el("li", undefined, noticeInDutch(n, labels)));
  box.append(list);
  return box;
}

/** The permalink of the current view with a "kopieer link" button. */
export function permalinkBar(scenario: Scenario, inputs: ModelInputs): HTMLElement {
  const url = window.location.origin + window.location.pathname + searchFor(scenario, inputs);
  const bar = el("div", "permalink");
  const button = el("button", "no-print", "Kopieer link");
  button.type = "button";
  const status = el("span", "permalink-status");
  status.setAttribute("aria-live", "polite");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = " Link gekopieerd.";
    } catch {
      status.textContent = " Kopiëren lukte niet; selecteer de link hieronder.";
    }
  });
  const link = el("a", "permalink-url", url);
  link.href = url;
  bar.append(button, status, el("br"), el("span", "basis", `Permalink (modelversie ${inputs.modelVersion}, datastand ${inputs.dataVintage}): `), link);
  return bar;
}

/** A readable list of the scenario's inputs (shown in print and under the controls). */
export function inputSummary(scenario: Scenario, inputs: ModelInputs, clamped: ReadonlyMap<string, {given: number; clamped: number}> = new Map()): HTMLElement {
  const box = el("div", "input-summary");
  const preset = inputs.presets.find((p) => p.id === scenario.preset);
  box.append(el("p", undefined, `Scenario: ${preset?.name ?? scenario.preset}.`));
  const overrides = Object.entries(scenario.overrides);
  const list = el("ul");
  for (const [id, value] of overrides) {
    const p = inputs.parameters.find((x) => x.id === id);
    const shown = p?.unit === "aandeel" ? `${formatDecimal(value * 100)}%` : Math.abs(value) >= 100 ? formatCount(value) : formatDecimal(value);
    const clamp = clamped.get(id);
    const note = clamp && Math.abs(clamp.clamped - value) < 1e-9 ? `; begrensd, de link gaf ${p?.unit === "aandeel" ? `${formatDecimal(clamp.given * 100)}%` : formatDecimal(clamp.given)}` : "";
    list.append(el("li", undefined, `${p?.label ?? id}: ${shown} ${p?.unit === "aandeel" ? "" : p?.unit ?? ""} (${p?.kind === "lever" ? "beleidsknop" : "aanname"}${note})`));
  }
  for (const m of scenario.measures) {
    const measure = inputs.measures.find((x) => x.id === m.id);
    list.append(el("li", undefined, `Maatregel: ${measure?.name ?? m.id}, vanaf ${m.start}${m.end ? ` tot ${m.end}` : ""}, sterkte ${formatDecimal(m.strength)}`));
  }
  for (const id of scenario.off ?? []) {
    const measure = inputs.measures.find((x) => x.id === id);
    list.append(el("li", undefined, `Maatregel uit de basis uitgezet: ${measure?.name ?? id}`));
  }
  if (overrides.length && scenario.overridesFrom) list.append(el("li", undefined, `Wijzigingen met de knoppen gelden vanaf ${scenario.overridesFrom}.`));
  if (!overrides.length && !scenario.measures.length && !(scenario.off ?? []).length) list.append(el("li", undefined, "Geen wijzigingen ten opzichte van het scenario."));
  box.append(list);
  return box;
}

/** A link to another page that carries the current scenario along in the search string. */
export function pageLink(path: string, label: string): HTMLAnchorElement {
  const a = el("a", undefined, label);
  a.href = withHtml(path) + scenarioSearch(currentSearch());
  return a;
}
