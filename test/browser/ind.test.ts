import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {annualSum, valueAt} from "../../src/model/timeline.js";
import {run} from "../../src/model/run.js";
import {changed, number, openPage, parseDutchNumber, pressOnSlider, screenshot, setSlider, currentUrl} from "./harness.js";

const inputs = await loadModelInputs();
const baseline = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);

describe("ind page", () => {
  test("openPage('/ind') shows the backlog, decisions and dwangsom the model computes", async () => {
    const {page, consoleErrors, close} = await openPage("/ind");
    expect(await number(page, "werkvoorraad-2025")).toBe(Math.round(valueAt(baseline.series.backlog_total, baseline.start, "2025-12")!));
    expect(await number(page, "werkvoorraad-2030")).toBe(Math.round(baseline.summary.backlogEnd));
    expect(await number(page, "beslissingen-2025")).toBe(Math.round(annualSum(baseline.series.decisions, baseline.start).find((d) => d.year === 2025)!.value));
    expect(await number(page, "buiten-termijn-2025")).toBe(Math.round(valueAt(baseline.series.cases_past_term, baseline.start, "2025-12")!));
    // "€ 34,5 mln" → 34.5 million, within rounding.
    const dwangsom = annualSum(baseline.series.dwangsom_eur, baseline.start).find((d) => d.year === 2025)!.value;
    expect(Math.abs((await number(page, "dwangsom-2025")) * 1e6 - dwangsom)).toBeLessThan(0.051e6);
    // The observed annual figures are drawn as observed points with their values.
    const titles = await page.locator("svg title").allTextContents();
    expect(titles).toContain("waargenomen, 2024: 40.480 (IND jaarcijfers 2024 via upday (5480 more than 2023))");
    expect(titles.some((t) => /^waargenomen \(betaald\), 2024: €\s36,8 mln/.test(t))).toBe(true);
    expect(titles.some((t) => /\(gemodelleerd\)$/.test(t))).toBe(true);
    expect(await page.locator("figure.chart-frame").count()).toBe(7);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("pressing End on the decisions slider lowers the backlog and writes the URL; Home raises it", async () => {
    const {page, consoleErrors, close} = await openPage("/ind");
    const base = await number(page, "werkvoorraad-2025");
    const baseLead = await number(page, "doorlooptijd-2025");
    await pressOnSlider(page, "ind_decisions_per_month", "End", "werkvoorraad-2025");
    const more = await number(page, "werkvoorraad-2025");
    expect(more).toBeLessThan(base);
    expect(await number(page, "doorlooptijd-2025")).toBeLessThan(baseLead);
    // from the month after the forecast origin (2025-10): 9 × 2.200 observed-level months + 3 × 6.000
    expect(await number(page, "beslissingen-2025")).toBeGreaterThan(26400);
    expect(decodeURIComponent(new URL((await currentUrl(page))).search)).toContain("ind_decisions_per_month:6000");
    // The prose now names the baseline beside the scenario.
    expect(await page.locator("#observablehq-main").innerText()).toContain(`basis: ${base.toLocaleString("nl-NL")}`);
    await screenshot(page, "ind-more-decisions");
    await pressOnSlider(page, "ind_decisions_per_month", "Home", "werkvoorraad-2025");
    expect(await number(page, "werkvoorraad-2025")).toBeGreaterThan(base);
    expect(decodeURIComponent(new URL((await currentUrl(page))).search)).toContain("ind_decisions_per_month:800");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("moving the decisions slider back to its start restores the baseline number and URL", async () => {
    const {page, consoleErrors, close} = await openPage("/ind");
    const base = await number(page, "werkvoorraad-2025");
    const start = await page.locator('[data-parameter="ind_decisions_per_month"] input[type=range]').inputValue();
    await setSlider(page, "ind_decisions_per_month", 4500, "werkvoorraad-2025");
    expect(await number(page, "werkvoorraad-2025")).toBeLessThan(base);
    expect((await currentUrl(page))).toContain("ind_decisions_per_month");
    await setSlider(page, "ind_decisions_per_month", Number(start), "werkvoorraad-2025");
    expect(await number(page, "werkvoorraad-2025")).toBe(base);
    expect((await currentUrl(page))).not.toContain("ind_decisions_per_month");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a longer legal term lowers the cases past the term and the dwangsom exposure", async () => {
    const {page, consoleErrors, close} = await openPage("/ind");
    const past = await number(page, "buiten-termijn-2025");
    const euro = await number(page, "dwangsom-2025");
    await pressOnSlider(page, "legal_term_months", "End", "buiten-termijn-2025");
    expect(await number(page, "buiten-termijn-2025")).toBeLessThan(past);
    expect(await number(page, "dwangsom-2025")).toBeLessThan(euro);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a crafted URL sets the slider; garbage and out-of-range values give a visible notice, never NaN", async () => {
    const url = await openPage("/ind?p=ongewijzigd&o=ind_decisions_per_month:4500");
    expect(await url.page.locator('[data-parameter="ind_decisions_per_month"] input[type=range]').inputValue()).toBe("4500");
    const viaUrl = await number(url.page, "werkvoorraad-2025");
    await url.close();
    const slid = await openPage("/ind");
    await setSlider(slid.page, "ind_decisions_per_month", 4500, "werkvoorraad-2025");
    expect(await number(slid.page, "werkvoorraad-2025")).toBe(viaUrl);
    await slid.close();

    const bad = await openPage("/ind?p=ongewijzigd&o=ind_decisions_per_month:99999,legal_term_months:abc&x=<script>alert(1)</script>");
    expect(await bad.page.locator("#url-notices li").count()).toBeGreaterThanOrEqual(2);
    const text = await bad.page.locator("#observablehq-main").innerText();
    expect(text).not.toMatch(/NaN|undefined/);
    expect(await bad.page.locator("#observablehq-main script:not([type])").count()).toBe(0);
    expect(await bad.page.locator('[data-parameter="ind_decisions_per_month"] input[type=range]').inputValue()).toBe("6000");
    expect(bad.consoleErrors).toEqual([]);
    await screenshot(bad.page, "ind-bad-url");
    await bad.close();
  });

  test("openPage('/ind') renders cleanly and takes a screenshot", async () => {
    const {page, consoleErrors, close} = await openPage("/ind");
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await screenshot(page, "ind");
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
