/**
 * One scenario for the whole site: the scenario survives navigation by the sidebar, the chain diagram,
 * in-text links and search results; every page shows the same key figures for it; the controls do
 * what people expect (vanaf month, switches, year selects, round steps, clamping shown, reset).
 */
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {compute} from "../../src/explorer/session.js";
import {changesFrom} from "../../src/explorer/series.js";
import {keyFigure} from "../../src/model/key-figures.js";
import {decodeScenarioFromSearch} from "../../src/model/scenario.js";
import {defaultValueAt} from "../../src/model/params.js";
import {openPage, parseDutchNumber, setSlider, waitForChange, currentUrl} from "./harness.js";

const inputs = await loadModelInputs();
const MEASURE = "coa-maatregelenpakket-19000";

/** Every key figure on the page: data-figure key → normalised text (a number when it is one). */
async function figures(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval("[data-figure]", (els) => els.map((e) => [(e as HTMLElement).dataset.figure ?? "", e.textContent ?? ""] as [string, string]));
  const out = new Map<string, string>();
  for (const [key, text] of pairs) {
    let value: string;
    try {
      value = String(parseDutchNumber(text.replace(/\b(mnd|mln|mld)\b/g, "")));
      if (/mln|mld/.test(text)) value += text.includes("mld") ? " mld" : " mln";
    } catch {
      value = text.trim();
    }
    if (out.has(key) && out.get(key) !== value) throw new Error(`${key} differs within one page: ${out.get(key)} vs ${value}`);
    out.set(key, value);
  }
  return out;
}

/** Scenario parts of the current URL (the model version and data vintage aside). */
function scenarioOf(url: string): {o: string | null; m: string | null; p: string | null; x: string | null} {
  const q = new URL(url).searchParams;
  return {p: q.get("p"), o: q.get("o"), m: q.get("m"), x: q.get("x")};
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForSelector("[data-figure]", {timeout: 15_000});
  await page.waitForTimeout(150);
}

describe("one scenario across pages", () => {
  test("a lever and a measure in force switched off on /opvang survive three sidebar clicks with the same scenario and key figures", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang");
    const before = await page.locator("#max-tekort").innerText();
    await setSlider(page, "capacity_emergency", 40000, "max-tekort");
    // the 19.000-places package is in force (in the baseline): switching it off writes x=
    await page.locator(`fieldset[data-measure="${MEASURE}"] input[type=checkbox]`).uncheck();
    await page.waitForFunction((m) => location.search.includes(m), MEASURE, {timeout: 15_000});
    const set = scenarioOf((await currentUrl(page)));
    expect(set.o).toBe("capacity_emergency:40000");
    expect(set.x).toContain(MEASURE);
    expect(await page.locator("#max-tekort").innerText()).not.toBe(before);
    const seen = new Map<string, {value: string; page: string}>();
    const record = async (name: string) => {
      for (const [key, value] of await figures(page)) {
        const earlier = seen.get(key);
        if (earlier) expect(value, `${key} on ${name} vs ${earlier.page}`).toBe(earlier.value);
        else seen.set(key, {value, page: name});
      }
    };
    await record("/opvang");
    for (const name of ["IND / doorstroom", "Uitstroom", "Asielketen Verkenner"]) {
      await page.locator("#observablehq-sidebar a", {hasText: name}).first().click();
      await settle(page);
      expect(scenarioOf((await currentUrl(page))), `scenario after clicking ${name}`).toEqual(set);
      const summary = await page.locator(".input-summary").innerText();
      expect(summary).toMatch(/Noodopvangplekken.*40\.000/);
      expect(summary).toContain("uitgezet:");
      expect(summary).not.toContain("Geen wijzigingen");
      await record(name);
    }
    // The home page states the same peak and shortage as /opvang did, and the figures the node model computes.
    expect(seen.get("peak:capacity_shortage")?.page).toBe("/opvang");
    const {scenario} = decodeScenarioFromSearch(new URL((await currentUrl(page))).search, inputs);
    const results = compute(inputs, {...scenario, overridesFrom: scenario.overridesFrom ?? changesFrom(inputs)}, ["coa_total"]);
    expect(Number(seen.get("ind_backlog@2025")?.value)).toBe(Math.round(keyFigure(results.scenario, "ind_backlog", 2025).value ?? NaN));
    expect(Number(seen.get("permit_waiting@2025")?.value)).toBe(Math.round(keyFigure(results.scenario, "permit_waiting", 2025).value ?? NaN));
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("the chain diagram, in-text links and the footer link carry the scenario; a comparison pair is not carried", async () => {
    const search = "?p=mpp-2023-i-max&o=ind_decisions_per_month%3A4050";
    const {page, close} = await openPage(`/${search}`);
    const hrefs = await page.$$eval("a.chain-stage, a.chain-loop, #observablehq-main li a, #observablehq-sidebar a", (els) => els.map((a) => a.getAttribute("href") ?? ""));
    const internal = hrefs.filter((h) => h.startsWith("./"));
    expect(internal.length).toBeGreaterThan(15);
    for (const h of internal) expect(h, h).toContain("o=ind_decisions_per_month%3A4050");
    await page.locator('a.chain-stage[data-stage="ind"]').click();
    await settle(page);
    expect(new URL((await currentUrl(page))).pathname).toMatch(/\/ind(\.html)?$/);
    expect(scenarioOf((await currentUrl(page))).o).toBe("ind_decisions_per_month:4050");
    await page.locator("#observablehq-main a", {hasText: "Vergelijken"}).first().click();
    await settle(page).catch(() => undefined);
    await page.waitForSelector("#vergelijking");
    const url = new URL((await currentUrl(page)));
    expect(url.searchParams.get("o")).toBe("ind_decisions_per_month:4050");
    expect(url.searchParams.get("b")).toBe("huidig");
    const back = await page.locator("#observablehq-sidebar a", {hasText: "Opvang"}).first().getAttribute("href");
    expect(back).toContain("o=ind_decisions_per_month%3A4050");
    expect(back).not.toMatch(/[?&](a|b)=/);
    await close();
  });

  test("search results carry the scenario", async () => {
    const {page, close} = await openPage("/ind?o=capacity_emergency%3A30000");
    await page.locator("#observablehq-search input").fill("opvang");
    await page.waitForSelector("#observablehq-search-results a", {timeout: 10_000});
    const hrefs = await page.$$eval("#observablehq-search-results a", (els) => els.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toContain("o=capacity_emergency%3A30000");
    await close();
  });

  test("every scenario page shows the same key figures for one scenario, equal to the model's", async () => {
    const search = "?p=mpp-2023-i-medio&o=housing_realisation%3A0.85,ind_decisions_per_month%3A3800";
    const {scenario} = decodeScenarioFromSearch(search, inputs);
    const results = compute(inputs, {...scenario, overridesFrom: changesFrom(inputs)}, ["coa_total"]);
    const seen = new Map<string, {value: string; page: string}>();
    const pages = ["/", "/instroom", "/ind", "/opvang", "/uitstroom", "/nareis", "/maatregelen"];
    for (const path of pages) {
      const {page, close} = await openPage(path + search);
      for (const [key, value] of await figures(page)) {
        const earlier = seen.get(key);
        if (earlier) expect(value, `${key} on ${path} vs ${earlier.page}`).toBe(earlier.value);
        else seen.set(key, {value, page: path});
      }
      await close();
    }
    // Figures that appear on more than one page, checked against the model in Node.
    for (const [key, id] of [["ind_backlog@2025", "ind_backlog"], ["permit_waiting@2025", "permit_waiting"], ["housed@2025", "housed"], ["inflow_total@2025", "inflow_total"], ["nareis_arrivals@2025", "nareis_arrivals"]] as const) {
      expect(Number(seen.get(key)?.value), key).toBe(Math.round(keyFigure(results.scenario, id, 2025).value ?? NaN));
    }
    expect(Number(seen.get("lead_time@2025")?.value)).toBe(Math.round((keyFigure(results.scenario, "lead_time", 2025).value ?? NaN) * 10) / 10);
    expect(seen.get("peak:coa_occupancy")).toBeDefined();
    expect(seen.size).toBeGreaterThan(25);
  });
});

describe("controls people expect", () => {
  test("a visible 'vanaf' month writes f= and changes the outcome", async () => {
    const {page, close} = await openPage("/ind?o=ind_decisions_per_month%3A5000");
    const vanaf = page.locator('[data-control="vanaf"] input[type=month]');
    expect(await vanaf.inputValue()).toBe(changesFrom(inputs));
    const before = await page.locator("#werkvoorraad-2025").innerText();
    await vanaf.fill("2027-01");
    await waitForChange(page, "#werkvoorraad-2025", before);
    expect(new URL((await currentUrl(page))).searchParams.get("f")).toBe("2027-01");
    // With the change from 2027, end-2025 equals the baseline of the preset.
    const base = compute(inputs, {preset: "ongewijzigd", overrides: {}, measures: []}, ["backlog_total"]);
    expect(parseDutchNumber(await page.locator("#werkvoorraad-2025").innerText())).toBe(Math.round(keyFigure(base.scenario, "ind_backlog", 2025).value ?? NaN));
    await close();
  });

  test("0/1 parameters are switches and years are selects", async () => {
    const {page, close} = await openPage("/uitstroom");
    await page.locator("details:has([data-parameter]) > summary").first().click();
    const sw = page.locator('[data-parameter="taakstelling_need_based"] input[role=switch]');
    expect(await sw.count()).toBe(1);
    expect(await page.locator('[data-parameter="taakstelling_need_based"] input[type=range]').count()).toBe(0);
    const before = await page.locator("#wachtend-2030").innerText();
    await sw.click();
    await waitForChange(page, "#wachtend-2030", before);
    expect(new URL((await currentUrl(page))).searchParams.get("o")).toContain("taakstelling_need_based:0");
    const year = page.locator('[data-parameter="taakstelling_need_from_year"] select');
    await year.selectOption("2028");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("o")?.includes("taakstelling_need_from_year:2028"), null, {timeout: 15_000});
    await close();
  });

  test("+10% sets exactly 110% of the basis value; 'basis' and 'Alles terug naar basis' reset", async () => {
    const {page, close} = await openPage("/ind");
    const control = page.locator('[data-parameter="ind_decisions_per_month"]');
    const before = await page.locator("#werkvoorraad-2025").innerText();
    await control.getByRole("button", {name: /^\+10%/}).click();
    await waitForChange(page, "#werkvoorraad-2025", before);
    const p = inputs.parameters.find((x) => x.id === "ind_decisions_per_month")!;
    const exact = defaultValueAt(p, changesFrom(inputs)) * 1.1;
    expect(new URL((await currentUrl(page))).searchParams.get("o")).toBe(`ind_decisions_per_month:${Number(exact.toPrecision(6))}`);
    expect(parseDutchNumber(await control.locator("output").innerText())).toBeCloseTo(exact, 1);
    await control.getByRole("button", {name: /^basis/}).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("o"), null, {timeout: 15_000});
    expect(await page.locator("#werkvoorraad-2025").innerText()).toBe(before);
    await setSlider(page, "legal_term_months", 21, "buiten-termijn-2025");
    await page.getByRole("button", {name: /^Alles terug naar basis/}).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("o"), null, {timeout: 15_000});
    expect(await page.locator(".input-summary").innerText()).toContain("Geen wijzigingen");
    await close();
  });

  test("a baseline measure is on by default; switching it off writes x= and is listed, never counted twice", async () => {
    const baseline = inputs.measures.find((m) => m.inBaseline && m.effects?.length && m.pillar === "doorstroom");
    expect(baseline, "a quantified baseline measure on /ind").toBeDefined();
    const {page, close} = await openPage("/ind");
    const sw = page.locator(`fieldset[data-measure="${baseline!.id}"] input[role=switch]`);
    expect(await sw.isChecked()).toBe(true);
    expect(await page.locator(`fieldset[data-measure="${baseline!.id}"] input[type=range]`).isDisabled()).toBe(true);
    await sw.uncheck();
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("x") === id, baseline!.id, {timeout: 15_000});
    expect(new URL((await currentUrl(page))).searchParams.get("m")).toBeNull();
    expect(await page.locator(".input-summary").innerText()).toContain(`uitgezet: ${baseline!.name}`);
    await page.getByRole("button", {name: /^Alles terug naar basis/}).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("x"), null, {timeout: 15_000});
    expect(await sw.isChecked()).toBe(true);
    await close();
  });

  test("a value clamped from the URL is shown as clamped at the control and in the input list", async () => {
    const {page, close} = await openPage("/ind?o=ind_decisions_per_month%3A99999");
    const note = page.locator('[data-parameter="ind_decisions_per_month"] .clamped');
    expect(await note.innerText()).toMatch(/Begrensd: de link gaf 99\.999.*6\.000/);
    expect(await page.locator(".input-summary").innerText()).toMatch(/6\.000.*begrensd, de link gaf 99\.999/);
    expect(await page.locator('[data-parameter="ind_decisions_per_month"] output').innerText()).toBe("6.000");
    await close();
  });
});
