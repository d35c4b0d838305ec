import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {annualSum, valueAt} from "../../src/model/timeline.js";
import {run} from "../../src/model/run.js";
import {defaultValueAt} from "../../src/model/params.js";
import {changed, number, openPage, parseDutchNumber, pressOnSlider, screenshot, setSlider, currentUrl} from "./harness.js";

const inputs = await loadModelInputs();
const baseline = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
const sum = (values: Float64Array, year: number) => annualSum(values, baseline.start).find((d) => d.year === year)!.value;

describe("nareis page", () => {
  test("openPage('/nareis') shows requests, backlog, arrivals and the peak the model computes", async () => {
    const {page, consoleErrors, close} = await openPage("/nareis");
    expect(await number(page, "verzoeken-2025")).toBe(Math.round(sum(baseline.series.nareis_requests, 2025)));
    expect(await number(page, "nareisvoorraad-2025")).toBe(Math.round(valueAt(baseline.series.nareis_backlog, baseline.start, "2025-12")!));
    expect(await number(page, "aankomsten-2025")).toBe(Math.round(sum(baseline.series.nareis_arrivals, 2025)));
    expect(await number(page, "nareis-piek")).toBe(Math.round(baseline.summary.nareisPeak.value));
    // The timing text names the three delays from the register, at the month it states.
    const timing = await page.locator("#nareis-timing").innerText();
    const stated = /waarden in (\p{L}+) (\d{4})/u.exec(timing);
    expect(stated, timing).not.toBeNull();
    const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    const month = `${stated![2]}-${String(months.indexOf(stated![1]) + 1).padStart(2, "0")}`;
    const delay = (id: string) => defaultValueAt(inputs.parameters.find((p) => p.id === id)!, month);
    const [request, decision, travel] = ["nareis_request_months", "nareis_decision_months", "nareis_travel_months"].map(delay);
    const dutch = (x: number) => x.toFixed(1).replace(".", ",");
    expect(timing).toContain(`${dutch(request)} maanden later`);
    expect(timing).toContain(`na gemiddeld ${dutch(decision)} maanden`);
    expect(timing).toContain(`gemiddeld ${dutch(travel)} maanden`);
    expect(timing).toContain(`samen ${Math.round(request + decision + travel)} maanden`);
    // Observed CBS years are drawn as observed: 2023 = 1.905 + 2.630 + 2.600 + 2.990.
    const titles = await page.locator("svg title").allTextContents();
    expect(titles).toContain("waargenomen (CBS), 2023: 10.125 (CBS, som van vier kwartalen)");
    expect(titles.some((t) => t.includes("(gemodelleerd)"))).toBe(true);
    expect(await page.locator("figure.chart-frame").count()).toBe(4);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a higher nareis request share raises the nareis requests and writes the URL; back to start restores it", async () => {
    const {page, consoleErrors, close} = await openPage("/nareis");
    const peak = await number(page, "nareis-piek");
    const requests = await number(page, "verzoeken-2025");
    await pressOnSlider(page, "nareis_request_share", "ArrowRight", "verzoeken-2025", 3);
    // changes apply after the forecast origin (2025-09): the requests of 2025 rise, the peak does not fall
    expect(await number(page, "verzoeken-2025")).toBeGreaterThan(requests);
    expect(await number(page, "nareis-piek")).toBeGreaterThanOrEqual(peak);
    expect(decodeURIComponent(new URL((await currentUrl(page))).search)).toMatch(/nareis_request_share:0\.9\b/);
    // An assumption changed: the "gewijzigde basis" line appears in the charts.
    expect(await page.locator("svg").getByText("gewijzigde basis", {exact: false}).count()).toBeGreaterThan(0);
    await screenshot(page, "nareis-request-share");
    await pressOnSlider(page, "nareis_request_share", "ArrowLeft", "verzoeken-2025", 3);
    expect(await number(page, "verzoeken-2025")).toBe(requests);
    expect(await number(page, "nareis-piek")).toBe(peak);
    expect((await currentUrl(page))).not.toContain("nareis_request_share");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a shorter IND decision time for nareis lowers the nareis backlog and brings arrivals forward", async () => {
    const {page, consoleErrors, close} = await openPage("/nareis");
    const backlog = await number(page, "nareisvoorraad-2025");
    const arrivals = await number(page, "aankomsten-2025");
    const timing = await page.locator("#nareis-timing").innerText();
    await pressOnSlider(page, "nareis_decision_months", "Home", "nareisvoorraad-2025");
    expect(await number(page, "nareisvoorraad-2025")).toBeLessThan(backlog);
    expect(await number(page, "aankomsten-2025")).toBeGreaterThan(arrivals);
    // The explanation of the peak's timing is recomputed for the new scenario.
    expect(await page.locator("#nareis-timing").innerText()).not.toBe(timing);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("openPage('/nareis') with a script payload in the URL shows a notice and injects nothing", async () => {
    const {page, consoleErrors, close} = await openPage("/nareis?p=<img src=x onerror=alert(1)>&o=nareis_request_share:<b>x</b>");
    expect(await page.locator("#url-notices li").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("#observablehq-main img").count()).toBe(0);
    expect(await page.locator("#observablehq-main").innerText()).not.toMatch(/NaN/);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "nareis");
    await close();
  });
});
