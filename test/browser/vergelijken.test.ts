import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {keyFigure} from "../../src/model/key-figures.js";
import {run} from "../../src/model/run.js";
import {changesFrom} from "../../src/explorer/series.js";
import {openPage, parseDutchNumber, currentUrl} from "./harness.js";

const inputs = await loadModelInputs();
const cell = (figure: string, col: string) => `#vergelijking tr[data-figure="${figure}"] td[data-col="${col}"]`;

describe("vergelijken page", () => {
  test("two presets side by side: values, difference and percentage per year from the model", async () => {
    const {page, consoleErrors, close} = await openPage("/vergelijken?a=ongewijzigd&b=mpp-2023-i-max");
    const a = run({preset: "ongewijzigd", overrides: {}, measures: []}, inputs);
    const b = run({preset: "mpp-2023-i-max", overrides: {}, measures: []}, inputs);
    for (const year of [2025, 2030]) {
      const fa = keyFigure(a, "coa_occupancy", year).value ?? NaN;
      const fb = keyFigure(b, "coa_occupancy", year).value ?? NaN;
      expect(parseDutchNumber(await page.locator(cell(`coa_occupancy@${year}`, "a")).innerText())).toBe(Math.round(fa));
      expect(parseDutchNumber(await page.locator(cell(`coa_occupancy@${year}`, "b")).innerText())).toBe(Math.round(fb));
      expect(parseDutchNumber(await page.locator(cell(`coa_occupancy@${year}`, "verschil")).innerText())).toBe(Math.round(fb - fa));
      expect(await page.locator(cell(`coa_occupancy@${year}`, "procent")).innerText()).toBe(`${fb >= fa ? "+" : "−"}${(Math.abs((fb - fa) / fa) * 100).toFixed(1).replace(".", ",")}%`);
    }
    expect(await page.locator("#vergelijking tbody tr").count()).toBe(60);
    expect(await page.locator("figure.chart-frame").count()).toBe(4);
    const legend = await page.locator("figure.chart-frame").first().innerText();
    expect(legend).toContain("A: Ongewijzigd beleid");
    expect(legend).toContain(`B: ${inputs.presets.find((p) => p.id === "mpp-2023-i-max")?.name}`);
    expect(legend).toContain("basis: ongewijzigd beleid");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("choosing B writes the pair into the URL; a pasted link is read and its clamping shown", async () => {
    const {page, close} = await openPage("/vergelijken?a=ongewijzigd&b=mpp-2023-i-max");
    const before = await page.locator(cell("ind_backlog@2026", "b")).innerText();
    await page.locator('[data-side="B"] select').selectOption("mpp-2023-i-min");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("b") === "mpp-2023-i-min", null, {timeout: 15_000});
    expect(await page.locator(cell("ind_backlog@2026", "b")).innerText()).not.toBe(before);
    await page.locator('[data-side="B"] select').selectOption("link");
    await page.locator('[data-side="B"] input[type=text]').fill("http://example.org/opvang.html?p=ongewijzigd&o=capacity_emergency%3A999999");
    await page.locator('[data-side="B"] input[type=text]').press("Enter");
    await page.waitForFunction(() => (new URL(location.href).searchParams.get("b") ?? "").includes("capacity_emergency"), null, {timeout: 15_000});
    expect(await page.locator("#url-notices").innerText()).toMatch(/B: .*begrensd op 60\.000/);
    // A reload of the written URL gives the same table.
    const url = new URL((await currentUrl(page)));
    const table = await page.locator("#vergelijking").innerText();
    const again = await openPage(url.pathname + url.search);
    expect(await again.page.locator("#vergelijking").innerText()).toBe(table);
    await again.close();
    await close();
  });

  test("'jouw huidige scenario' is the scenario the site carries, as the other pages run it", async () => {
    const {page, close} = await openPage("/vergelijken?p=ongewijzigd&o=ind_decisions_per_month%3A4050");
    expect(new URL((await currentUrl(page))).searchParams.get("b")).toBe("huidig");
    const mine = run({preset: "ongewijzigd", overrides: {ind_decisions_per_month: 4050}, measures: [], overridesFrom: changesFrom(inputs)}, inputs);
    expect(parseDutchNumber(await page.locator(cell("ind_backlog@2025", "b")).innerText())).toBe(Math.round(keyFigure(mine, "ind_backlog", 2025).value ?? NaN));
    await close();
  });

  test("the CSV of the table holds every row with the pair's link", async () => {
    const {page, close} = await openPage("/vergelijken?a=mpp-2023-i-min&b=mpp-2023-i-max");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "CSV van de tabel"}).click()]);
    const text = readFileSync((await download.path())!, "utf8");
    const lines = text.trim().split("\n");
    expect(lines[2]).toMatch(/^# Link: http:\/\/127\.0\.0\.1:\d+\/vergelijken\?a=mpp-2023-i-min&b=mpp-2023-i-max/);
    expect(lines[3]).toBe("uitkomst,jaar,scenario_a,a,scenario_b,b,verschil,verschil_procent");
    expect(lines.length).toBe(4 + 60);
    await close();
  });
});
