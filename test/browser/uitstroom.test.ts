import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {annualSum, valueAt} from "../../src/model/timeline.js";
import {run} from "../../src/model/run.js";
import {defaultValueAt} from "../../src/model/params.js";
import {changesFrom} from "../../src/explorer/series.js";
import {changed, number, openPage, parseDutchNumber, pressOnSlider, screenshot, setSlider, currentUrl} from "./harness.js";

const inputs = await loadModelInputs();
const baseline = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
const sum2025 = (values: Float64Array) => annualSum(values, baseline.start).find((d) => d.year === 2025)!.value;

/** Clicks the "Aan" switch of a measure and waits for `id` to change. */
async function toggleMeasure(page: Page, measure: string, id: string): Promise<void> {
  const before = await page.locator(`#${id}`).innerText();
  await page.locator(`[data-measure="${measure}"] input[type=checkbox]`).click();
  await changed(page, id, before);
}

describe("uitstroom page", () => {
  test("openPage('/uitstroom') shows the waiting permit holders, housing and departures the model computes", async () => {
    const {page, consoleErrors, close} = await openPage("/uitstroom");
    expect(await number(page, "wachtend-2025")).toBe(Math.round(valueAt(baseline.series.coa_permit_waiting, baseline.start, "2025-12")!));
    expect(await number(page, "gehuisvest-2025")).toBe(Math.round(sum2025(baseline.series.housed)));
    expect(await number(page, "zelfstandig-2025")).toBe(Math.round(sum2025(baseline.series.departed_independent)));
    expect(await number(page, "gedwongen-2025")).toBe(Math.round(sum2025(baseline.series.departed_forced)));
    expect(await number(page, "dublin-2025")).toBe(Math.round(sum2025(baseline.series.dublin_transfers)));
    // The taakstelling for 2025 is 15.000 + 13.000 (register), shown beside the housed number.
    expect(await number(page, "taakstelling-2025")).toBe(28000);
    const titles = await page.locator("svg title").allTextContents();
    // Observed DT&V departures and the observed housed figure are drawn and labelled as observed.
    expect(titles).toContain("zelfstandig vertrek (aantoonbaar), 2024, waargenomen (DT&V): 3.240");
    expect(titles.some((t) => t.startsWith("waargenomen, 2024: 30.210"))).toBe(true);
    expect(titles.some((t) => t.includes("gemodelleerd"))).toBe(true);
    expect(await page.locator("figure.chart-frame").count()).toBe(5);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a higher housing realisation lowers the permit holders waiting and writes the URL", async () => {
    const {page, consoleErrors, close} = await openPage("/uitstroom");
    const base = await number(page, "wachtend-2025");
    const housed = await number(page, "gehuisvest-2025");
    await pressOnSlider(page, "housing_realisation", "ArrowRight", "wachtend-2025", 10);
    expect(await number(page, "wachtend-2025")).toBeLessThan(base);
    expect(await number(page, "gehuisvest-2025")).toBeGreaterThan(housed);
    // Ten steps of 0,01 up from the basis value at the month changes apply.
    const p = inputs.parameters.find((x) => x.id === "housing_realisation")!;
    const expected = Math.round((defaultValueAt(p, changesFrom(inputs)) + 10 * (p.step ?? 0.01)) * 100) / 100;
    expect(decodeURIComponent(new URL((await currentUrl(page))).search)).toContain(`housing_realisation:${expected}`);
    await screenshot(page, "uitstroom-realisation");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("switching the doorstroom measure on lowers the waiting number; switching it off restores the baseline", async () => {
    const {page, consoleErrors, close} = await openPage("/uitstroom");
    const base = await number(page, "wachtend-2025");
    await toggleMeasure(page, "doorstroomlocaties", "wachtend-2025");
    expect(await number(page, "wachtend-2025")).toBeLessThan(base);
    expect(decodeURIComponent(new URL((await currentUrl(page))).search)).toContain("m=doorstroomlocaties~2024-03");
    expect(await page.locator("#observablehq-main").innerText()).toMatch(/wonen er [\d.]+ in een doorstroomlocatie/);
    await screenshot(page, "uitstroom-doorstroom");
    await toggleMeasure(page, "doorstroomlocaties", "wachtend-2025");
    expect(await number(page, "wachtend-2025")).toBe(base);
    expect(new URL((await currentUrl(page))).search).not.toContain("m=");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a higher forced-departure share raises forced departures and leaves the other (independent) shares alone", async () => {
    const {page, consoleErrors, close} = await openPage("/uitstroom");
    const forced = await number(page, "gedwongen-2025");
    const unknown = await number(page, "onbekend-2025");
    await pressOnSlider(page, "departure_forced_share", "End", "gedwongen-2025");
    expect(await number(page, "gedwongen-2025")).toBeGreaterThan(forced);
    // The three departure shares are independent parameters (0,17 + 0,35 + 0,30 < 1): no rescaling.
    expect(await number(page, "onbekend-2025")).toBe(unknown);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("openPage('/uitstroom') with an out-of-range URL value clamps it with a notice", async () => {
    const {page, consoleErrors, close} = await openPage("/uitstroom?p=ongewijzigd&o=housing_realisation:7&m=bestaat-niet~2025-01~1");
    expect(await page.locator("#url-notices li").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-parameter="housing_realisation"] input[type=range]').inputValue()).toBe("1.1");
    expect(await page.locator("#observablehq-main").innerText()).not.toMatch(/NaN/);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "uitstroom");
    await close();
  });
});
