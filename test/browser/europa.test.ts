import {describe, expect, test} from "vitest";
import {loadEurope} from "../../loaders/europe.js";
import {latestRank, rankFor, shareRows} from "../../src/europe/select.js";
import {openPage, parseDutchNumber, screenshot, siteUrl, currentUrl} from "./harness.js";
import {loadSpreiding} from "../../loaders/spreiding.js";

const data = loadEurope();

describe("europa page", () => {
  test("the answer states NL's applicants per 1.000 inhabitants, rank and EU27 share from the loader", async () => {
    const {page, consoleErrors, requests, close} = await openPage("/europa", {networkIdle: true});
    const last = latestRank(data, "ASY_APP");
    expect(parseDutchNumber(await page.locator('[data-testid="nl-per1000"]').innerText())).toBeCloseTo(last.nlPer1000, 2);
    expect(await page.locator('[data-testid="nl-rank"]').innerText()).toBe(["", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde"][last.rank]);
    expect(Number(await page.locator('[data-testid="nl-rank-prev"]').innerText())).toBe(rankFor(data, "ASY_APP", last.year - 1)!.rank);
    expect(parseDutchNumber(await page.locator('[data-testid="nl-share"]').innerText()) / 100).toBeCloseTo(shareRows(data, "ASY_APP").at(-1)!.share, 3);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(requests.filter((url) => !url.startsWith(siteUrl()) && !url.startsWith("data:"))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "europa");
    await close();
  });

  test("switching to first-time applicants redraws the chart with other numbers, and the choice is in the URL", async () => {
    const {page, close} = await openPage("/europa", {networkIdle: true});
    const dotTitles = () => page.locator("figure.chart-frame").first().locator("svg title").allTextContents();
    const before = (await dotTitles()).find((t) => t.startsWith("Nederland, 2022:"));
    await page.getByLabel("Eerste asielaanvragers").check();
    await page.waitForTimeout(300);
    const after = (await dotTitles()).find((t) => t.startsWith("Nederland, 2022:"));
    const nl2022 = data.perCapita.find((r) => r.geo === "NL" && r.year === 2022 && r.type === "NASY_APP")!;
    expect(parseDutchNumber(after!.split(":")[1].split("per")[0])).toBeCloseTo(nl2022.per1000, 2);
    expect(after).not.toBe(before);
    // First-time applicants exist only to 2022: no 2024 dot.
    expect((await dotTitles()).some((t) => t.startsWith("Nederland, 2024:"))).toBe(false);
    expect(new URL((await currentUrl(page))).searchParams.get("eu_t")).toBe("NASY_APP");
    await close();
  });
});

describe("spreiding page", () => {
  const sp = loadSpreiding();

  test("the map draws the 12 provinces and the table's modelled places add up to the national need", async () => {
    const {page, consoleErrors, close} = await openPage("/spreiding");
    const need = parseDutchNumber(await page.locator('[data-testid="national-need"]').innerText());
    expect(need).toBeGreaterThan(10_000);
    const titles = await page.locator("figure.chart-frame svg title").allTextContents();
    expect(titles.length).toBe(12);
    const values = titles.map((t) => parseDutchNumber(t.split(":")[1]));
    expect(values.reduce((a, b) => a + b, 0)).toBeGreaterThan(need - 12);
    expect(values.reduce((a, b) => a + b, 0)).toBeLessThan(need + 12);
    const zh = titles.find((t) => t.startsWith("Zuid-Holland"))!;
    const share = sp.provinces.find((p) => p.name === "Zuid-Holland")!.share;
    expect(parseDutchNumber(zh.split(":")[1])).toBeCloseTo(need * share, -1);
    expect(await page.locator("table").first().innerText()).toContain("19.776");
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "spreiding");
    await close();
  });

  test("a month in the URL is used, and a bad one is replaced with a notice", async () => {
    const a = await openPage("/spreiding?sp_m=2026-07");
    expect(await a.page.locator('[data-testid="spreiding-summary"]').innerText()).toContain("juli 2026");
    await a.close();
    const b = await openPage("/spreiding?sp_m=2099-13");
    expect(await b.page.locator("#url-notices").innerText()).toMatch(/buiten de modelperiode of is ongeldig/);
    expect(await b.page.locator('[data-testid="spreiding-summary"]').innerText()).toContain("juli 2025");
    await b.close();
  });
});
