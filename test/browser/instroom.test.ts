import {describe, expect, test} from "vitest";
import {loadInflow} from "../../loaders/inflow.js";
import config from "../../observablehq.config.js";
import {openPage, parseDutchNumber, screenshot, siteUrl} from "./harness.js";

const inflow = loadInflow();
const unhcr2023 = inflow.annual.find((d) => d.series === "unhcr_new" && d.year === 2023)!;
const realised2023 = inflow.totals.find((d) => d.series === "ministry_weekly" && d.year === 2023)!;

describe("instroom page", () => {
  test("prose, chart and loader agree on first applications in 2023", async () => {
    const {page, consoleErrors, close} = await openPage("/instroom");
    const prose = parseDutchNumber(await page.locator("#eerste-2023").innerText());
    expect(prose).toBe(unhcr2023.count);
    // The chart's point titles carry the plotted data: "UNHCR — nieuwe asielaanvragen (eerste aanleg), 2023: 38.298".
    const titles = await page.locator("svg title").allTextContents();
    const point = titles.find((t) => t.startsWith(`${unhcr2023.seriesLabel}, 2023:`));
    expect(point, "chart point for UNHCR 2023").toBeDefined();
    expect(parseDutchNumber(point!.split(": ").at(-1)!)).toBe(unhcr2023.count);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("MPP scenarios are drawn as forecasts beside the realised 2023 total", async () => {
    const {page, close} = await openPage("/instroom");
    expect(parseDutchNumber(await page.locator("#mpp-medio").innerText())).toBe(67000);
    expect(parseDutchNumber(await page.locator("#realisatie-2023").innerText())).toBe(realised2023.count);
    const titles = await page.locator("svg title").allTextContents();
    for (const label of ["MPP minimum, 2023: 49.000 (prognose)", "MPP medio, 2023: 67.000 (prognose)", "MPP maximum, 2023: 77.000 (prognose)"]) {
      expect(titles).toContain(label);
    }
    // Forecast lines are dashed; realised lines are not.
    expect(await page.locator("[stroke-dasharray='5 4'] path").count()).toBeGreaterThanOrEqual(4);
    await close();
  });

  test("every request stays on the served origin and the page renders without errors", async () => {
    const {page, requests, consoleErrors, close} = await openPage("/instroom", {networkIdle: true});
    const foreign = requests.filter((url) => !url.startsWith(siteUrl()) && !url.startsWith("data:"));
    expect(foreign).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "instroom");
    await close();
  });

  test("numbers in the prose use Dutch formats", async () => {
    const {page, close} = await openPage("/instroom");
    const text = await page.locator("#observablehq-main").innerText();
    expect(text).toMatch(/38\.298/);
    expect(text).toMatch(/\d+,\d%/); // a percentage with a decimal comma
    expect(text).not.toMatch(/\b38,298\b/);
    await close();
  });
});

describe("every page", () => {
  for (const path of ["/", ...config.pages.map((p: {path: string}) => p.path)]) {
    test(`${path} renders without errors`, async () => {
      const {page, consoleErrors, close} = await openPage(path);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      await close();
    });
  }
});
