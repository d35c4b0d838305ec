import {describe, expect, test} from "vitest";
import {computeGrantRates, readGrantRateInputs} from "../../loaders/grant-rates.js";
import {openPage, parseDutchNumber, screenshot, siteUrl} from "./harness.js";

const data = computeGrantRates(readGrantRateInputs());
const at = (geo: string, year: number) => data.countryYear.find((d) => d.geo === geo && d.year === year)!;
const decomposition = (definition: string, year: number) =>
  data.decomposition.find((d) => d.definition === definition && d.comparator === "PEERS" && d.year === year)!;

/** Reads a percentage like "87,3%" from an element. */
async function percent(page: import("playwright-core").Page, testid: string): Promise<number> {
  return parseDutchNumber(await page.locator(`[data-testid="${testid}"]`).innerText()) / 100;
}

describe("toekenning page", () => {
  test("switching the definition changes the rates in the summary to the loader's numbers", async () => {
    const {page, consoleErrors, close} = await openPage("/toekenning");
    // Default: Eurostat-like definition, 2023.
    expect(await percent(page, "nl-rate")).toBeCloseTo(at("NL", 2023).rate.eurostat!, 3);
    expect(await percent(page, "peer-rate")).toBeCloseTo(at("PEERS", 2023).rate.eurostat!, 3);
    const shareEurostat = await percent(page, "composition-share");
    expect(shareEurostat).toBeCloseTo(decomposition("eurostat", 2023).compositionShare!, 2);
    await screenshot(page, "toekenning-eurostat");

    await page.getByLabel("Alle beslissingen").check();
    await page.waitForTimeout(300);
    const nlAll = await percent(page, "nl-rate");
    expect(nlAll).toBeCloseTo(at("NL", 2023).rate.all!, 3);
    expect(nlAll).not.toBeCloseTo(at("NL", 2023).rate.eurostat!, 2);
    expect(await percent(page, "peer-rate")).toBeCloseTo(at("PEERS", 2023).rate.all!, 3);
    expect(await page.locator('[data-testid="definition-note"]').innerText()).toMatch(/otherwise closed/);

    await page.getByLabel("Nederlandse definitie (IND)").check();
    await page.waitForTimeout(300);
    // The Dutch definition is shown as the published figure (62% in 2023), never computed.
    expect(await percent(page, "published-rate")).toBeCloseTo(0.62, 3);
    expect(await page.locator('[data-testid="summary"]').innerText()).toMatch(/Eurostat-achtige definitie/);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "toekenning-nl-definitie");
    await close();
  });

  test("the minimum number of decisions is stated on the page", async () => {
    const {page, close} = await openPage("/toekenning");
    const text = await page.locator("#observablehq-main").innerText();
    expect(text).toContain(`minstens ${data.meta.minDecisions} beslissingen`);
    await close();
  });

  test("the page renders without errors and requests nothing outside the served origin", async () => {
    const {page, requests, consoleErrors, close} = await openPage("/toekenning");
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.locator("figure svg").count()).toBeGreaterThanOrEqual(4);
    expect(requests.filter((url) => !url.startsWith(siteUrl()) && !url.startsWith("data:"))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
