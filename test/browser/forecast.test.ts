import {describe, expect, test} from "vitest";
import {openPage, screenshot} from "./harness.js";

describe("forecast quality page", () => {
  test("Hoe goed voorspelt het model? shows the coverage, the error table, five fan charts and the MPP table", async () => {
    const {page, consoleErrors, close} = await openPage("/voorspelkwaliteit");
    // the page computes its figures after loading: wait for them (a busy machine takes longer)
    await expect.poll(() => page.locator("#dekking-totaal").innerText(), {timeout: 20_000}).toMatch(/^\d{1,3}%$/);
    await page.locator("figure.chart-frame").nth(4).waitFor({timeout: 20_000});
    expect(await page.locator("#foutentabel tbody tr").count()).toBe(5);
    expect(await page.locator("#foutentabel tbody tr[data-series=inflow_first] td").first().innerText()).toBe("Eerste asielaanvragen");
    expect(await page.locator("figure.chart-frame").count()).toBe(5);
    // fans carry titles naming origin, month and value; realised points are marked
    expect(await page.locator("svg title").filter({hasText: /^Prognose vanaf apr 2025/}).count()).toBeGreaterThan(0);
    expect(await page.locator("svg title").filter({hasText: /^Gerealiseerd, sep 2025/}).count()).toBeGreaterThan(0);
    const rows = await page.locator("#mpp-tabel tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    const medio = rows.find((r) => r[0] === "2023-I" && r[1] === "medio")!;
    expect(medio.slice(2, 6)).toEqual(["2023", "67.000", "50.600", "+32%"]);
    await screenshot(page, "voorspelkwaliteit");
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe("MPP presets", () => {
  test("an MPP preset follows the observations before its publication and its own forecast after it", async () => {
    const {page, consoleErrors, close} = await openPage("/instroom");
    // the MPP lines are drawn once the page has run its presets: wait for them
    await expect.poll(() => page.locator("svg title").filter({hasText: /^MPP december 2024 — maximum.*, 2023: /}).count(), {timeout: 20_000}).toBeGreaterThan(0);
    const value = async (prefix: string, year: number) => {
      const titles = await page.locator("svg title").allTextContents();
      const t = titles.find((x) => x.startsWith(prefix) && x.includes(`, ${year}: `));
      expect(t, `${prefix} ${year}`).toBeDefined();
      return Number(t!.split(`, ${year}: `)[1]!.split(" ")[0]!.replace(/\./g, ""));
    };
    // MPP December 2024: before its publication the observed past, identical to unchanged policy
    expect(await value("MPP december 2024 — maximum", 2023)).toBe(await value("Ongewijzigd beleid", 2023));
    // after it, the edition's total for 2026 (78.900) within 3%
    expect(Math.abs((await value("MPP december 2024 — maximum", 2026)) / 78900 - 1)).toBeLessThan(0.03);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
