import {describe, expect, test} from "vitest";
import {computeGrantRates, readGrantRateInputs} from "../../loaders/grant-rates.js";
import {openPage, parseDutchNumber, screenshot, siteUrl, currentUrl} from "./harness.js";

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

  test("'Per inwoner' shows positive decisions per 1.000 inhabitants, and the numbers change", async () => {
    const {page, consoleErrors, close} = await openPage("/toekenning");
    await page.getByLabel("Per inwoner").check();
    await page.waitForTimeout(300);
    const nl = parseDutchNumber(await page.locator('[data-testid="nl-capita"]').innerText());
    const peers = parseDutchNumber(await page.locator('[data-testid="peer-capita"]').innerText());
    expect(nl).toBeCloseTo(at("NL", 2023).perCapita!, 2);
    expect(peers).toBeCloseTo(at("PEERS", 2023).perCapita!, 2);
    // Not a percentage: NL 2023 had under one positive decision per 1.000 inhabitants, far below its rate.
    expect(nl).toBeLessThan(2);
    expect(nl).not.toBeCloseTo(at("NL", 2023).rate.eurostat! * 100, 0);
    // The country chart's dots now carry per-inhabitant values.
    const titles = await page.locator('[data-testid="country-chart"] svg title').allTextContents();
    expect(titles.some((t) => /^Nederland, 2023: .* per 1\.000 inwoners$/.test(t))).toBe(true);
    expect(new URL((await currentUrl(page))).searchParams.get("g_def")).toBe("capita");
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "toekenning-per-inwoner");
    await close();
  });

  test("a permalink of /toekenning reloads with the same state, and the copy button offers it", async () => {
    const {page, consoleErrors, close} = await openPage("/toekenning");
    await page.getByLabel("Alle beslissingen").check();
    await page.locator("form").filter({hasText: /^Jaar/}).first().locator("select").selectOption({label: "2025"});
    await page.locator("form").filter({hasText: "Vergelijken met"}).locator("select").selectOption({label: "Duitsland"});
    await page.waitForTimeout(400);
    const nlAll2025 = await percent(page, "nl-rate");
    expect(nlAll2025).toBeCloseTo(at("NL", 2025).rate.all!, 3);
    const link = await page.locator(".permalink-url").innerText();
    const url = new URL(link);
    expect(url.searchParams.get("g_def")).toBe("all");
    expect(url.searchParams.get("g_year")).toBe("2025");
    expect(url.searchParams.get("g_cmp")).toBe("DE");
    expect((await currentUrl(page))).toContain("g_year=2025");
    // Reload the permalink in a fresh page: same definition, year and comparator, same numbers.
    const again = await openPage(url.pathname + url.search);
    expect(await again.page.getByRole("radio", {name: "Alle beslissingen"}).isChecked()).toBe(true);
    expect(await percent(again.page, "nl-rate")).toBeCloseTo(nlAll2025, 4);
    expect(await again.page.locator("form").filter({hasText: "Vergelijken met"}).locator("select option:checked").innerText()).toBe("Duitsland");
    expect(again.consoleErrors).toEqual([]);
    await again.close();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("out-of-range and unknown URL values are replaced with a visible notice, never shown", async () => {
    const {page, consoleErrors, close} = await openPage("/toekenning?g_def=%3Cimg%3E&g_year=1990&g_cmp=XX");
    const notice = await page.locator("#url-notices").innerText();
    expect(notice).toMatch(/definitie in de link is onbekend/);
    expect(notice).toMatch(/valt buiten 2014–2025/);
    expect(notice).not.toContain("<img>");
    expect(await percent(page, "nl-rate")).toBeCloseTo(at("NL", 2023).rate.eurostat!, 3);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("every chart has CSV, SVG and PNG downloads, and the CSV holds the shown numbers", async () => {
    const {page, close} = await openPage("/toekenning");
    expect(await page.locator("figure.chart-frame").count()).toBeGreaterThanOrEqual(4);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="country-chart"] button', {hasText: "CSV zoals getoond"}).click()]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    // Dutch CSV for Excel: semicolons, decimal comma, title, source and link after the rows.
    expect(text).toContain("Link: ");
    const lines = text.split(/\r?\n/);
    const nl2023 = lines.find((l) => l.startsWith("Nederland;UNHCR;2023;"));
    expect(Number(nl2023!.split(";")[3].replace(",", "."))).toBeCloseTo(at("NL", 2023).rate.eurostat!, 3);
    expect(lines.some((l) => l.startsWith("Nederland (Eurostat);Eurostat migr_asydcfstq;2022;"))).toBe(true);
    await close();
  });
});
