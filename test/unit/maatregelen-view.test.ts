// @vitest-environment jsdom
/** The catalogue as a user meets it (in jsdom): filters and their counts, card switches wired to the page's controls, effects on the card. */
import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import type {ScenarioControls} from "../../src/explorer/controls.js";
import {catalogueView} from "../../src/explorer/pages/maatregelen.js";
import {earliestStart} from "../../src/explorer/pages/measure-cards.js";
import {DOCUMENT_LABELS, documentGroup, facetCounts} from "../../src/explorer/pages/measure-filters.js";
import {dateText, measureCard} from "../../src/components/measure-catalogue.js";
import type {ModelInputs, Scenario} from "../../src/model/types.js";

let inputs: ModelInputs;
const basis: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
beforeAll(async () => {
  inputs = await loadModelInputs();
});

/** A stand-in for the page's controls: records setMeasure calls. */
function fakeControls(): ScenarioControls & {calls: [string, boolean, string | undefined][]} {
  const el = document.createElement("div") as unknown as ScenarioControls & {calls: [string, boolean, string | undefined][]};
  el.calls = [];
  el.setMeasure = (id, on, start) => (el.calls.push([id, on, start]), true);
  return el;
}

function mount(scenario = basis) {
  const controls = fakeControls();
  const view = catalogueView(inputs, controls, scenario);
  document.body.replaceChildren(view.element);
  view.update(scenario);
  const card = (id: string) => view.element.querySelector<HTMLElement>(`#maatregel-${id}`)!;
  const visible = () => [...view.element.querySelectorAll<HTMLElement>(".measure-card")].filter((c) => !c.hidden);
  return {controls, view, card, visible};
}

function choose(select: HTMLSelectElement, text: RegExp) {
  const option = [...select.options].find((o) => text.test(o.textContent ?? ""));
  if (!option) throw new Error(`no option ${text}`);
  select.value = option.value;
  select.dispatchEvent(new Event("input", {bubbles: true}));
}

describe("catalogue filters", () => {
  it("every measure has a card with the anchor the site search links to", () => {
    const {view} = mount();
    for (const m of inputs.measures) expect(view.element.querySelector(`#maatregel-${m.id}`)?.getAttribute("data-measure")).toBe(m.id);
    expect(view.element.querySelector("#catalogus-aantal")?.textContent).toBe(`Alle ${inputs.measures.length} maatregelen worden getoond.`);
  });

  it("the document select lists each group with its count and shows exactly those cards", () => {
    const {view, visible} = mount();
    const counts = facetCounts(inputs.measures);
    const select = view.element.querySelectorAll("select")[0] as HTMLSelectElement;
    const texts = [...select.options].map((o) => o.textContent);
    expect(texts).toContain(`Strategische migratieagenda (${counts.document.migratieagenda})`);
    expect(texts).toContain(`${DOCUMENT_LABELS.later} (${counts.document.later})`);
    choose(select, /migratieagenda/);
    expect(visible().length).toBe(counts.document.migratieagenda);
    expect(visible().every((c) => c.dataset.document === "migratieagenda")).toBe(true);
    expect(view.element.querySelector("#catalogus-aantal")?.textContent).toBe(`${counts.document.migratieagenda} van de ${inputs.measures.length} maatregelen passen bij deze filters.`);
    // Empty pillar sections are hidden with their heading.
    for (const s of view.element.querySelectorAll<HTMLElement>(".pillar-group")) expect(s.hidden).toBe(![...s.querySelectorAll<HTMLElement>(".measure-card")].some((c) => !c.hidden));
    expect(view.filter().document).toBe("migratieagenda");
  });

  it("status, 'alleen gekwantificeerd', the search box and 'filters wissen'", () => {
    const {view, visible} = mount();
    const [, , status] = view.element.querySelectorAll("select") as unknown as HTMLSelectElement[];
    choose(status!, /^vastgesteld/);
    expect(visible().every((c) => c.dataset.status === "adopted")).toBe(true);
    const quantified = view.element.querySelector<HTMLInputElement>('input[type=checkbox][value="0"]')!;
    quantified.checked = true;
    quantified.dispatchEvent(new Event("input", {bubbles: true}));
    expect(visible().length).toBe(inputs.measures.filter((m) => m.status === "adopted" && m.effects?.length).length);
    [...view.element.querySelectorAll("button")].find((b) => b.textContent === "Filters wissen")!.click();
    expect(visible().length).toBe(inputs.measures.length);
    const search = view.element.querySelector<HTMLInputElement>("input[type=search]")!;
    search.value = "tweestatusstelsel";
    search.dispatchEvent(new Event("input", {bubbles: true}));
    expect(visible().map((c) => c.dataset.measure)).toContain("tweestatusstelsel");
    expect(visible().length).toBeLessThan(inputs.measures.length);
    expect(view.filter().text).toBe("tweestatusstelsel");
  });

  it("filters survive a scenario update", () => {
    const {view, visible} = mount();
    choose(view.element.querySelectorAll("select")[0] as HTMLSelectElement, /Bestuurlijke/);
    const n = visible().length;
    view.update({...basis, overrides: {}});
    expect(visible().length).toBe(n);
  });
});

describe("switching from the card", () => {
  it("a measure in force has 'uitzetten', which puts it in off through the page's controls", () => {
    const b = inputs.measures.find((m) => m.inBaseline && m.effects?.length)!;
    const {controls, card} = mount();
    const button = card(b.id).querySelector<HTMLButtonElement>('[data-action="uitzetten"]')!;
    expect(card(b.id).querySelector(".measure-state")?.textContent).toMatch(/Staat aan: in de basislijn/);
    button.click();
    expect(controls.calls).toEqual([[b.id, false, undefined]]);
  });

  it("a measure not in force is switched on from its start month, never before the month after the origin", () => {
    const o = inputs.measures.find((m) => !m.inBaseline && m.effects?.length)!;
    const {controls, card, view} = mount();
    const min = earliestStart(basis, inputs);
    const month = card(o.id).querySelector<HTMLInputElement>('input[type=month]')!;
    expect(month.min).toBe(min);
    expect(month.value >= min).toBe(true);
    month.value = "2020-01";
    month.dispatchEvent(new Event("input", {bubbles: true}));
    card(o.id).querySelector<HTMLButtonElement>('[data-action="aanzetten"]')!.click();
    expect(controls.calls).toEqual([[o.id, true, min]]);
    // The page recomputes with the measure on: the card says so, shows the correction and its effect.
    view.update({...basis, measures: [{id: o.id, start: min, strength: 1}]});
    expect(card(o.id).querySelector(".measure-state")?.textContent).toMatch(/Staat aan vanaf/);
    expect(card(o.id).querySelector('[role="note"]')?.textContent).toMatch(/niet vóór het startpunt/);
    expect(card(o.id).querySelectorAll(".measure-effect-table tbody tr").length).toBe(5);
  });

  it("switched measures show their effect at once; others on demand with 'bereken effect'", () => {
    const b = inputs.measures.find((m) => m.inBaseline && m.effects?.length)!;
    const o = inputs.measures.find((m) => !m.inBaseline && m.effects?.length)!;
    const u = inputs.measures.find((m) => !m.effects?.length)!;
    const {card, view} = mount({...basis, off: [b.id]});
    expect(card(b.id).querySelector(".measure-effect-table")).not.toBeNull();
    expect(card(b.id).querySelector(".measure-effect-title")?.textContent).toMatch(/gemodelleerd/);
    expect(card(o.id).querySelector(".measure-effect-table")).toBeNull();
    expect(card(u.id).querySelector('[data-action="bereken"]')).toBeNull();
    expect(card(u.id).textContent).toMatch(/Niet gekwantificeerd:/);
    card(o.id).querySelector<HTMLButtonElement>('[data-action="bereken"]')!.click();
    expect(card(o.id).querySelector(".measure-effect-table")).not.toBeNull();
    // A requested effect stays shown (recomputed) when the scenario changes.
    view.update({...basis});
    expect(card(o.id).querySelector(".measure-effect-table")).not.toBeNull();
    expect(card(b.id).querySelector(".measure-effect-table")).toBeNull();
  });
});

describe("the card component", () => {
  it("shows status, pillar, source with a Dutch date, mechanism and strength range when given; text is never parsed as HTML", () => {
    const m = {...inputs.measures.find((x) => x.effects?.length)!, name: "<img src=x onerror=alert(1)>", source: {document: "Kamerstuk 36 704", section: "art. 29", date: "2025-07-03", grade: "seed" as const}};
    const card = measureCard(m, {documentGroup: documentGroup(m.source.document), state: {kind: "none"}, effect: null, start: "2025-10", minStart: "2025-10", mechanism: "minder nareis", strength: {low: 0.5, high: 1.5, reason: "laag: …"}, onSwitch: () => {}, onCompute: () => {}});
    expect(card.querySelector("img")).toBeNull();
    expect(card.querySelector("h4")?.textContent).toBe(m.name);
    expect(card.textContent).toContain("Bron: Kamerstuk 36 704, art. 29 (3 juli 2025).");
    expect(card.dataset.document).toBe("later");
    expect(dateText("2023-04")).toBe("april 2023");
    expect(card.textContent).toContain("Werking: minder nareis");
    expect(card.textContent).toContain("Sterkte: van 0,5 tot 1,5 (1 = de omvang uit de bron). laag: …");
    expect(card.textContent).toContain("Zo rekent het model ermee:");
  });
});

describe("the page controls switch a measure for the card", () => {
  it("setMeasure puts a baseline measure in off and back, and switches another on from a month", async () => {
    const {scenarioControls} = await import("../../src/explorer/controls.js");
    const b = inputs.measures.find((m) => m.inBaseline && m.effects?.length)!;
    const o = inputs.measures.find((m) => !m.inBaseline && m.effects?.length)!;
    const controls = scenarioControls(inputs, {...basis}, {groups: [], pillars: "all"});
    let events = 0;
    controls.addEventListener("input", () => events++);
    expect(controls.setMeasure(b.id, false)).toBe(true);
    expect(controls.value.off).toEqual([b.id]);
    expect(controls.querySelector<HTMLInputElement>(`fieldset[data-measure="${b.id}"] input[type=checkbox]`)!.checked).toBe(false);
    expect(controls.setMeasure(b.id, true)).toBe(true);
    expect(controls.value.off).toBeUndefined();
    expect(controls.setMeasure(o.id, true, "2026-03")).toBe(true);
    expect(controls.value.measures.find((x) => x.id === o.id)).toMatchObject({id: o.id, start: "2026-03", strength: 1});
    expect(controls.setMeasure(o.id, false)).toBe(true);
    expect(controls.value.measures.some((x) => x.id === o.id)).toBe(false);
    expect(events).toBe(4);
    expect(controls.setMeasure("bestaat-niet", true)).toBe(false);
    expect(events).toBe(4);
  });
});

describe("re-rendering on a scenario change", () => {
  it("keeps the cards whose content did not change and redraws the one whose effect did", () => {
    const o = inputs.measures.find((m) => !m.inBaseline && m.effects?.length)!;
    const start = earliestStart(basis, inputs);
    const on = (strength: number): Scenario => ({...basis, measures: [{id: o.id, start, strength}]});
    const {card, view} = mount(on(1));
    const before = new Map([...view.element.querySelectorAll<HTMLElement>(".measure-card")].map((c) => [c.id, c]));
    expect(before.size).toBeGreaterThan(10);
    view.update(on(1));
    for (const c of view.element.querySelectorAll<HTMLElement>(".measure-card")) expect(c, c.id).toBe(before.get(c.id));
    const table = card(o.id).querySelector(".measure-effect-table")!.textContent;
    view.update(on(1.5));
    expect(card(o.id)).not.toBe(before.get(`maatregel-${o.id}`));
    expect(card(o.id).querySelector(".measure-effect-table")!.textContent).not.toBe(table);
    const kept = [...view.element.querySelectorAll<HTMLElement>(".measure-card")].filter((c) => c === before.get(c.id));
    expect(kept.length).toBeGreaterThan(before.size / 2);
  });
});
