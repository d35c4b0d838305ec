/**
 * The catalogue on the Maatregelen page: filters (document, pillar, status, "alleen gekwantificeerd",
 * "alleen in de basislijn", free text) and one card per measure, grouped by pillar. Built once; the
 * page calls `update(scenario)` whenever the scenario changes, and the cards switch measures through
 * the page's own controls (`ScenarioControls.setMeasure`), so the scenario stays one object for the
 * whole page and its links. Filter state stays on the page (never in the URL).
 *
 * Effects: a card shows its effect at once when its measure is switched (on, or off for a baseline
 * measure); other quantified measures get a "bereken effect" button, so the page stays fast.
 */
import * as Inputs from "@observablehq/inputs";
import {measureCard, PILLAR_LABELS, STATUS_LABELS, type MeasureCardOptions} from "../../components/measure-catalogue.js";
import type {Measure, ModelInputs, Scenario} from "../../model/types.js";
import type {ScenarioControls} from "../controls.js";
import {cardEffect, checkedStart, earliestStart, isSwitched, offeredStart, switchState, type CardEffectView} from "./measure-cards.js";
import {measureExtras} from "./measure-extras.js";
import {DOCUMENT_GROUPS, DOCUMENT_LABELS, FLAG_LABELS, FLAGS, documentGroup, facetCounts, matches, NO_FILTER, shownText, withCount, type CatalogueFilter, type DocumentGroup, type Flag} from "./measure-filters.js";

export interface CatalogueView {
  element: HTMLElement;
  /** Re-renders the cards for `scenario` (switch states and effects). */
  update(scenario: Scenario): void;
  /** The current filter (for tests and the page's counts). */
  filter(): CatalogueFilter;
}

const ALL = "alle";
type Choice<T extends string> = T | typeof ALL;

function selectOf<T extends string>(label: string, values: readonly T[], format: (v: Choice<T>) => string): HTMLElement & {value: Choice<T>} {
  return Inputs.select([ALL, ...values], {label, format, value: ALL}) as HTMLElement & {value: Choice<T>};
}

/** Builds the catalogue for `inputs.measures`, wired to the page's `controls`. */
export function catalogueView(inputs: ModelInputs, controls: ScenarioControls, initial: Scenario): CatalogueView {
  const measures = inputs.measures;
  const counts = facetCounts(measures);
  const root = document.createElement("div");
  root.className = "catalogue";

  // Filters (counts over the whole catalogue, so the labels do not jump while filtering).
  const docInput = selectOf<DocumentGroup>("Document", DOCUMENT_GROUPS.filter((g) => counts.document[g] > 0), (v) => (v === ALL ? withCount("Alle documenten", measures.length) : withCount(DOCUMENT_LABELS[v], counts.document[v])));
  const pillars = (Object.keys(PILLAR_LABELS) as Measure["pillar"][]).filter((p) => counts.pillar[p] > 0);
  const pillarInput = selectOf<Measure["pillar"]>("Pijler", pillars, (v) => (v === ALL ? withCount("Alle pijlers", measures.length) : withCount(PILLAR_LABELS[v], counts.pillar[v])));
  const statuses = (Object.keys(STATUS_LABELS) as Measure["status"][]).filter((s) => counts.status[s] > 0);
  const statusInput = selectOf<Measure["status"]>("Status", statuses, (v) => (v === ALL ? withCount("Alle statussen", measures.length) : withCount(STATUS_LABELS[v], counts.status[v])));
  const flagInput = Inputs.checkbox(FLAGS, {label: "Alleen", format: (f: Flag) => withCount(FLAG_LABELS[f].replace(/^alleen /, ""), counts.flags[f])}) as HTMLElement & {value: Flag[]};
  const textInput = Inputs.search(measures, {label: "Zoeken", placeholder: "naam of trefwoord", filter: (q: string) => (m: Measure) => matches(m, {...NO_FILTER, text: q}), format: (n: number) => `${n} ${n === 1 ? "treffer" : "treffers"}`}) as HTMLElement & {value: Measure[]; query: string};
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "control-step";
  reset.textContent = "Filters wissen";
  const form = document.createElement("div");
  form.className = "catalogue-filters no-print";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Maatregelen filteren");
  form.append(docInput, pillarInput, statusInput, flagInput, textInput, reset);
  const shown = document.createElement("p");
  shown.id = "catalogus-aantal";
  shown.setAttribute("aria-live", "polite");
  root.append(form, shown);

  const current = (): CatalogueFilter => ({
    document: docInput.value === ALL ? null : docInput.value,
    pillar: pillarInput.value === ALL ? null : pillarInput.value,
    status: statusInput.value === ALL ? null : statusInput.value,
    flags: flagInput.value,
    text: textInput.querySelector("input")?.value ?? ""
  });

  // Cards, grouped by pillar.
  const cards = new Map<string, HTMLElement>();
  const groups: {pillar: Measure["pillar"]; section: HTMLElement; ids: string[]}[] = [];
  for (const pillar of pillars) {
    const list = measures.filter((m) => m.pillar === pillar);
    const section = document.createElement("section");
    section.className = "pillar-group";
    section.dataset.pillar = pillar;
    const h = document.createElement("h3");
    h.textContent = withCount(PILLAR_LABELS[pillar], list.length);
    section.append(h);
    for (const m of list) {
      const placeholder = document.createElement("article");
      placeholder.id = `maatregel-${m.id}`;
      cards.set(m.id, placeholder);
      section.append(placeholder);
    }
    groups.push({pillar, section, ids: list.map((m) => m.id)});
    root.append(section);
  }

  const applyFilter = () => {
    const f = current();
    const hits = new Set(textInput.value.map((m) => m.id));
    let n = 0;
    for (const m of measures) {
      const visible = matches(m, {...f, text: ""}) && hits.has(m.id);
      cards.get(m.id)!.hidden = !visible;
      if (visible) n++;
    }
    for (const g of groups) g.section.hidden = g.ids.every((id) => cards.get(id)!.hidden);
    shown.textContent = shownText(n, measures.length);
  };
  for (const input of [docInput, pillarInput, statusInput, flagInput, textInput]) input.addEventListener("input", applyFilter);
  reset.addEventListener("click", () => {
    for (const s of [docInput, pillarInput, statusInput]) (s as HTMLElement & {value: string}).value = ALL;
    flagInput.value = [];
    textInput.query = "";
    textInput.dispatchEvent(new Event("input", {bubbles: true}));
    applyFilter();
  });

  // Card state kept across re-renders.
  let scenario = initial;
  const requested = new Set<string>();
  const drafts = new Map<string, string>();
  const notices = new Map<string, string>();
  let cache = new Map<string, CardEffectView>();
  let cacheKey = "";
  const effectOf = (id: string): CardEffectView => {
    const key = JSON.stringify(scenario);
    if (key !== cacheKey) {
      cache = new Map();
      cacheKey = key;
    }
    let e = cache.get(id);
    if (!e) cache.set(id, (e = cardEffect(scenario, inputs, id)));
    return e;
  };

  /** What a card shows: its options (the callbacks aside, which only close over `m` and the view's state). */
  const cardOptions = (m: Measure): MeasureCardOptions => {
    const extras = measureExtras(m);
    const quantified = Boolean(m.effects?.length);
    const minStart = earliestStart(scenario, inputs);
    const draft = drafts.get(m.id);
    return {
      documentGroup: documentGroup(m.source.document),
      state: switchState(m, scenario),
      ...(extras.mechanism ? {mechanism: extras.mechanism} : {}),
      ...(extras.strengthLow !== undefined && extras.strengthHigh !== undefined ? {strength: {low: extras.strengthLow, high: extras.strengthHigh, ...(extras.rangeReason ? {reason: extras.rangeReason} : {})}} : {}),
      effect: quantified && (isSwitched(m, scenario) || requested.has(m.id)) ? effectOf(m.id) : null,
      start: draft ?? offeredStart(m, scenario, inputs),
      minStart,
      notice: notices.get(m.id) ?? null,
      onStartInput: (value) => drafts.set(m.id, value),
      onSwitch: (on, start) => {
        notices.delete(m.id);
        let month: string | undefined;
        if (on && !m.inBaseline) {
          const checked = checkedStart(start ?? "", minStart);
          month = checked.start;
          if (checked.note) notices.set(m.id, checked.note);
        }
        if (!controls.setMeasure(m.id, on, month)) {
          notices.set(m.id, "Deze maatregel kan op deze pagina niet worden geschakeld.");
          replace(m);
        }
      },
      onCompute: () => {
        requested.add(m.id);
        replace(m, "bereken");
      }
    };
  };

  /** The data a card was last drawn from, per measure: a card whose data did not change is kept as it is. */
  const drawn = new Map<string, string>();
  const render = (m: Measure, options = cardOptions(m)) => {
    const card = measureCard(m, options);
    card.hidden = cards.get(m.id)?.hidden ?? false;
    if (m.id === targetId) card.classList.add("is-target");
    return card;
  };

  /** Replaces the card of `m`, keeping keyboard focus on the same action (or the card's first action). */
  const replace = (m: Measure, focusAction?: string) => {
    const old = cards.get(m.id)!;
    const options = cardOptions(m);
    // JSON leaves the callbacks out; they close over `m` and this view's state, not over the data
    const key = `${JSON.stringify(options)}\u0000${m.id === targetId}`;
    if (!focusAction && drawn.get(m.id) === key && old.isConnected) return;
    drawn.set(m.id, key);
    const active = document.activeElement as HTMLElement | null;
    const hadFocus = Boolean(active && old.contains(active));
    const action = focusAction ?? (hadFocus ? active?.dataset.action : undefined);
    const card = render(m, options);
    old.replaceWith(card);
    cards.set(m.id, card);
    if (hadFocus || focusAction) {
      const target = (action && card.querySelector<HTMLElement>(`[data-action="${action}"]`)) || card.querySelector<HTMLElement>(".measure-action") || card.querySelector<HTMLElement>(".measure-effect");
      (target ?? card).focus();
    }
  };

  let first = true;
  let targetId: string | null = null;
  const update = (next: Scenario) => {
    const t0 = performance.now();
    scenario = next;
    for (const m of measures) replace(m);
    applyFilter();
    // A User Timing entry (as session.compute writes one): card effects and re-render together.
    performance.measure?.("asielketen:catalogue", {start: t0, duration: performance.now() - t0});
    if (first) {
      first = false;
      showTarget();
    }
  };

  /** Brings the card named by the URL fragment into view (the site search links to "#maatregel-<id>"). */
  const showTarget = () => {
    const id = decodeURIComponent(location.hash.replace(/^#maatregel-/, ""));
    if (!location.hash.startsWith("#maatregel-") || !cards.has(id)) return;
    if (cards.get(id)!.hidden) reset.click();
    const go = () => {
      const card = cards.get(id)!;
      for (const c of root.querySelectorAll(".is-target")) c.classList.remove("is-target");
      targetId = id;
      card.classList.add("is-target");
      card.scrollIntoView({block: "start"});
      card.focus({preventScroll: true});
    };
    // After the cells above have laid out (charts render in the same pass).
    requestAnimationFrame(() => setTimeout(go, 50));
  };
  window.addEventListener("hashchange", showTarget);

  applyFilter();
  return {element: root, update, filter: current};
}
